// Follow-up tasks an advisor or coach sets after a contact.
import { z } from 'zod';
import { isoDay, requiredText, optionalText, uuid } from './validate.ts';

/** A day that exists; "2025-02-30" is refused, not saved. */
const dueDate = isoDay.nullable().optional();

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
