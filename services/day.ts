// The advisor's day: the meetings planned for it with each client's last
// contact and open tasks, the tasks due, and (for a life coach) the alerts
// waiting; a meeting started from its plan; and the plan as an .ics file for
// the advisor's own calendar.
import { createEvents, type EventAttributes } from 'ics';
import { v7 as uuidv7 } from 'uuid';
import { DomainError } from '#core/errors.ts';
import type { Language } from '#core/language.ts';
import { appointmentById, appointmentsBetween, lastTouchpoints, openTasksOf } from '#db/appointments.ts';
import { openTasks, runningMeetingOf } from '#db/queries.ts';
import type { Store } from '#db/store.ts';

export function dayView(store: Store, input: { from: number; to: number; day: string }, alertsDue: () => { open: number; urgent: number } | null) {
  const planned = appointmentsBetween(store.db, input.from, input.to);
  const clientIds = [...new Set(planned.map((a) => a.clientId))];
  const last = lastTouchpoints(store.db, clientIds);
  const open = openTasksOf(store.db, clientIds);
  return {
    appointments: planned.map((a) => ({
      id: a.id, startsAt: a.startsAt, minutes: a.minutes, place: a.place, purpose: a.purpose, meetingId: a.meetingId,
      client: { id: a.clientId, firstName: a.firstName, lastName: a.lastName },
      lastContact: last.get(a.clientId) ?? null,
      openTasks: open.filter((t) => t.clientId === a.clientId).map(({ id, title, dueDate }) => ({ id, title, dueDate })),
    })),
    // Filtered in the query: the list is cut at 200, and undated tasks sort first.
    tasksDue: openTasks(store.db, input.day).map(({ id, clientId, clientName, title, dueDate }) => ({ id, clientId, clientName, title, dueDate })),
    alerts: alertsDue(),
  };
}

/**
 * Starts the planned meeting: a meeting with the plan's purpose as its reason,
 * linked to the plan in the same transaction. A meeting of the client already
 * running is joined instead of starting a second one.
 */
export function startPlanned(store: Store, id: string): { meetingId: string } {
  const appointment = appointmentById(store.db, id);
  if (!appointment) throw new DomainError([{ field: 'appointment', code: 'not_found' }]);
  if (appointment.cancelledAt !== null) throw new DomainError([{ field: 'appointment', code: 'appointment_cancelled' }]);
  return store.batch(() => {
    const running = runningMeetingOf(store.db, appointment.clientId);
    const meetingId = running?.id ?? store.mutate('meeting.start', { id: uuidv7(), clientId: appointment.clientId, reason: appointment.purpose }).id;
    if (appointment.meetingId !== meetingId) store.mutate('appointment.update', { id, patch: { meetingId } });
    return { meetingId };
  });
}

const SUMMARY: Record<Language, (name: string) => string> = {
  de: (name) => `Termin mit ${name}`,
  en: (name) => `Meeting with ${name}`,
};

/** The planned meetings in [from, to) as an iCalendar file (RFC 5545), times in UTC. */
export function plannedCalendar(store: Store, input: { from: number; to: number; language: Language }): { fileName: string; text: string } {
  const events: EventAttributes[] = appointmentsBetween(store.db, input.from, input.to).map((a) => ({
    uid: `${a.id}@advisor-workstation`,
    start: a.startsAt, startInputType: 'utc', startOutputType: 'utc',
    duration: { minutes: a.minutes },
    title: SUMMARY[input.language](`${a.firstName} ${a.lastName}`),
    description: a.purpose,
    ...(a.place ? { location: a.place } : {}),
    productId: 'advisor-workstation',
  }));
  const { error, value } = createEvents(events, { productId: 'advisor-workstation', calName: input.language === 'de' ? 'Beratungstermine' : 'Client meetings' });
  if (error || !value) throw error ?? new Error('the calendar could not be written');
  const day = new Date(store.now()).toISOString().slice(0, 10);
  return { fileName: `${input.language === 'de' ? 'Termine' : 'Meetings'}-${day}.ics`, text: value };
}
