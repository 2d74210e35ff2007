// A client of the advisor's book: who they are and how to reach them.
import { z } from 'zod';
import { ADOPTION_STEPS, DIGITAL_GROUPS } from './adoption.ts';
import { optionalText, requiredText, uuid } from './validate.ts';

export const LIMITS = { name: 100, email: 254, phone: 40, street: 200, postalCode: 10, city: 100, household: 500, notes: 10_000 } as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const birthDate = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional()
  .refine((s) => s == null || isRealDate(s), { error: 'invalid_date' });

const email = z
  .string()
  .trim()
  .max(LIMITS.email, { error: 'too_long' })
  .transform((s) => (s === '' ? null : s.toLowerCase()))
  .nullable()
  .optional()
  .refine((s) => s == null || z.email().safeParse(s).success, { error: 'invalid_email' });

const phone = z
  .string()
  .trim()
  .max(LIMITS.phone, { error: 'too_long' })
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional()
  .refine((s) => s == null || /^\+?[0-9 ()/-]{3,}$/.test(s), { error: 'invalid_phone' });

export const clientFields = {
  firstName: requiredText(LIMITS.name),
  lastName: requiredText(LIMITS.name),
  email,
  phone,
  street: optionalText(LIMITS.street),
  postalCode: optionalText(LIMITS.postalCode),
  city: optionalText(LIMITS.city),
  birthDate,
  householdSize: z.number({ error: 'invalid_value' }).int({ error: 'invalid_value' })
    .min(1, { error: 'out_of_range' }).max(20, { error: 'out_of_range' }).nullable().optional(),
  household: optionalText(LIMITS.household),
  notes: optionalText(LIMITS.notes),
  /** Which of the six digital target groups the client belongs to (other-models.md). */
  digitalGroup: z.enum(DIGITAL_GROUPS, { error: 'unknown_value' }).nullable().optional(),
  /** How far the client has come in adopting the assistant app. */
  adoptionStep: z.enum(ADOPTION_STEPS, { error: 'unknown_value' }).nullable().optional(),
};

export const clientCreateSchema = z.object({ id: uuid, ...clientFields }).strict();
export const clientPatchSchema = z.object(clientFields).partial().strict();
export const clientUpdateSchema = z.object({ id: uuid, patch: clientPatchSchema }).strict();

export type ClientInput = z.input<typeof clientCreateSchema>;
export type ClientCreate = z.output<typeof clientCreateSchema>;
export type ClientPatch = z.output<typeof clientPatchSchema>;

export function fullName(c: { firstName: string; lastName: string }): string {
  return `${c.firstName} ${c.lastName}`;
}
