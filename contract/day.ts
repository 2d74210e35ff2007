// The advisor's day and planned meetings: plan, move, call off, start from the
// plan, read a client's plans, the day's view, and the plan as a calendar file.
import { z } from 'zod';
import { appointmentCancelSchema, appointmentPlanSchema, appointmentUpdateSchema } from '#core/appointment.ts';
import { isoDay, uuid } from '#core/validate.ts';

const moment = z.number().int();
const span = { from: moment, to: moment };

export const appointmentPlanInput = appointmentPlanSchema.partial({ id: true });
export { appointmentCancelSchema as appointmentCancelInput, appointmentUpdateSchema as appointmentUpdateInput };

export const appointmentView = z.object({
  id: z.string(), clientId: z.string(), startsAt: z.number(), minutes: z.number(), place: z.string().nullable(), purpose: z.string(),
  meetingId: z.string().nullable(), cancelledAt: z.number().nullable(),
});

export const ofClientInput = z.object({ clientId: uuid, from: moment });
export const calendarInput = z.object({ ...span, language: z.enum(['de', 'en']).default('de') });
export const calendarView = z.object({ fileName: z.string(), text: z.string() });

/** The day in the user's time zone: its first and first-after moments, and its date (for tasks due). */
export const dayInput = z.object({ ...span, day: isoDay });
export const dayView = z.object({
  appointments: z.array(z.object({
    id: z.string(), startsAt: z.number(), minutes: z.number(), place: z.string().nullable(), purpose: z.string(), meetingId: z.string().nullable(),
    client: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }),
    lastContact: z.object({ occurredAt: z.number(), kind: z.string(), summary: z.string() }).nullable(),
    openTasks: z.array(z.object({ id: z.string(), title: z.string(), dueDate: z.string().nullable() })),
  })),
  tasksDue: z.array(z.object({ id: z.string(), clientId: z.string(), clientName: z.string(), title: z.string(), dueDate: z.string().nullable() })),
  /** For a life coach: the alerts open and how many of them are urgent; null for others. */
  alerts: z.object({ open: z.number(), urgent: z.number() }).nullable(),
});
