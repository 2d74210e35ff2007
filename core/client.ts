// A client of the advisor's book: who they are and how to reach them.
import { z } from 'zod';
import { ADOPTION_STEPS, DIGITAL_GROUPS } from './adoption.ts';
import { dayOf } from './dates.ts';
import { intBetween, isoDay, optionalText, requiredText, uuid } from './validate.ts';

/** Field lengths; the postal code's is room to type (its rule is five digits). */
export const LIMITS = { name: 100, email: 254, phone: 40, street: 200, postalCode: 10, city: 100, household: 500, notes: 10_000 } as const;
export const HOUSEHOLD_SIZE = { min: 1, max: 20 } as const;

/** Empty clears the field; anything else must be a real day. */
const birthDate = z.string({ error: 'invalid_date' }).trim().transform((s) => (s === '' ? null : s)).pipe(isoDay.nullable()).nullable().optional();

/** German postal codes have exactly five digits (the book's clients live in Germany). */
const postalCode = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional()
  .refine((s) => s == null || /^\d{5}$/.test(s), { error: 'invalid_postal_code' });

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
  postalCode,
  city: optionalText(LIMITS.city),
  birthDate,
  householdSize: intBetween(HOUSEHOLD_SIZE.min, HOUSEHOLD_SIZE.max).nullable().optional(),
  household: optionalText(LIMITS.household),
  notes: optionalText(LIMITS.notes),
  /** Which of the six digital target groups the client belongs to (other-models.md). */
  digitalGroup: z.enum(DIGITAL_GROUPS, { error: 'unknown_value' }).nullable().optional(),
  /** How far the client has come in adopting the assistant app. */
  adoptionStep: z.enum(ADOPTION_STEPS, { error: 'unknown_value' }).nullable().optional(),
};

export const clientCreateSchema = z.object({ id: uuid, ...clientFields }).strict();
export const clientPatchSchema = z.object(clientFields).partial().strict();

export type ClientInput = z.input<typeof clientCreateSchema>;
export type ClientCreate = z.output<typeof clientCreateSchema>;
export type ClientPatch = z.output<typeof clientPatchSchema>;

/**
 * A birth date after the day a change is made is impossible. Checked in the
 * plan, which knows when the change was made (the schema has no clock); one
 * day of slack for a device whose day has already begun.
 */
export function birthDateProblem(birthDate: string | null | undefined, at: number): { field: 'birthDate'; code: 'date_in_future' } | null {
  return birthDate && birthDate > dayOf(at + 86_400_000) ? { field: 'birthDate', code: 'date_in_future' } : null;
}

export function fullName(c: { firstName: string; lastName: string }): string {
  return `${c.firstName} ${c.lastName}`;
}
