// A meeting planned with a client: when, for how long, where and what for.
// Planned on any device of the advisor, it syncs like everything else; the
// meeting started from it is linked back, so the plan shows it was held.
import { z } from 'zod';
import { intBetween, optionalText, requiredText, uuid } from './validate.ts';

/** Planned meetings are whole minutes, from a short call to a day's workshop. */
export const APPOINTMENT_MINUTES = { min: 5, max: 600 } as const;
/** The earliest and latest moment a plan may name: 2000-01-01 and 2199-12-31 (UTC), as the book's days. */
export const APPOINTMENT_RANGE = { min: Date.UTC(2000, 0, 1), max: Date.UTC(2199, 11, 31, 23, 59) } as const;

const startsAt = z.number({ error: 'invalid_date' }).int({ error: 'invalid_date' })
  .min(APPOINTMENT_RANGE.min, { error: 'date_out_of_range' }).max(APPOINTMENT_RANGE.max, { error: 'date_out_of_range' });

const fields = {
  startsAt,
  minutes: intBetween(APPOINTMENT_MINUTES.min, APPOINTMENT_MINUTES.max),
  place: optionalText(200),
  purpose: requiredText(500),
};

export const appointmentPlanSchema = z.object({ id: uuid, clientId: uuid, ...fields }).strict();
export const appointmentUpdateSchema = z.object({
  id: uuid,
  patch: z.object({ ...fields, meetingId: uuid.nullable() }).partial().strict(),
}).strict();
export const appointmentCancelSchema = z.object({ id: uuid }).strict();

export type AppointmentPlan = z.output<typeof appointmentPlanSchema>;
