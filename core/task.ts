// Follow-up tasks an advisor or coach sets after a contact.
import { z } from 'zod';
import { requiredText, optionalText, uuid } from './validate.ts';

const dueDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalid_date' }).nullable().optional();

export const taskAddSchema = z.object({
  id: uuid,
  clientId: uuid,
  title: requiredText(200),
  dueDate,
  notes: optionalText(2000),
}).strict();

export const taskUpdateSchema = z.object({
  id: uuid,
  patch: z.object({ title: requiredText(200), dueDate, notes: optionalText(2000), done: z.boolean() }).partial().strict(),
}).strict();
