// Planned meetings as the day and the client page read them, with what the
// advisor wants beside each: the client's last contact and open tasks.
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import { appointments, clients, tasks, touchpoints } from './schema.ts';

const live = and(isNull(appointments.deletedAt), isNull(appointments.cancelledAt), isNull(clients.deletedAt));

const VIEW = {
  id: appointments.id, clientId: appointments.clientId, startsAt: appointments.startsAt, minutes: appointments.minutes,
  place: appointments.place, purpose: appointments.purpose, meetingId: appointments.meetingId,
  firstName: clients.firstName, lastName: clients.lastName,
};

/** Planned (not cancelled) meetings starting in [from, to), earliest first. */
export function appointmentsBetween(db: Db, from: number, to: number) {
  return db.select(VIEW).from(appointments).innerJoin(clients, eq(clients.id, appointments.clientId))
    .where(and(live, gte(appointments.startsAt, from), lt(appointments.startsAt, to))).orderBy(asc(appointments.startsAt), asc(appointments.id)).all();
}

/** A client's planned meetings from `from` on (and the cancelled ones, to show them as such), earliest first. */
export function appointmentsOfClient(db: Db, clientId: string, from: number) {
  return db.select({ ...VIEW, cancelledAt: appointments.cancelledAt }).from(appointments).innerJoin(clients, eq(clients.id, appointments.clientId))
    .where(and(eq(appointments.clientId, clientId), isNull(appointments.deletedAt), gte(appointments.startsAt, from)))
    .orderBy(asc(appointments.startsAt)).all();
}

export function appointmentById(db: Db, id: string) {
  return db.select().from(appointments).where(and(eq(appointments.id, id), isNull(appointments.deletedAt))).get() ?? null;
}

/** Each client's newest contact, for a few clients at once. */
export function lastTouchpoints(db: Db, clientIds: readonly string[]) {
  if (clientIds.length === 0) return new Map<string, { occurredAt: number; kind: string; summary: string }>();
  const newest = db.select({ clientId: touchpoints.clientId, at: sql<number>`max(${touchpoints.occurredAt})`.as('at') }).from(touchpoints)
    .where(and(inArray(touchpoints.clientId, [...clientIds]), isNull(touchpoints.deletedAt))).groupBy(touchpoints.clientId).as('newest');
  const rows = db.select({ clientId: touchpoints.clientId, occurredAt: touchpoints.occurredAt, kind: touchpoints.kind, summary: touchpoints.summary })
    .from(touchpoints).innerJoin(newest, and(eq(newest.clientId, touchpoints.clientId), eq(newest.at, touchpoints.occurredAt)))
    .where(isNull(touchpoints.deletedAt)).orderBy(desc(touchpoints.id)).all();
  const by = new Map<string, { occurredAt: number; kind: string; summary: string }>();
  for (const r of rows) if (!by.has(r.clientId)) by.set(r.clientId, { occurredAt: r.occurredAt, kind: r.kind, summary: r.summary });
  return by;
}

/** Open tasks of a few clients, soonest due first. */
export function openTasksOf(db: Db, clientIds: readonly string[]) {
  if (clientIds.length === 0) return [];
  return db.select({ id: tasks.id, clientId: tasks.clientId, title: tasks.title, dueDate: tasks.dueDate }).from(tasks)
    .where(and(inArray(tasks.clientId, [...clientIds]), isNull(tasks.doneAt), isNull(tasks.deletedAt)))
    .orderBy(sql`${tasks.dueDate} IS NULL`, asc(tasks.dueDate)).all();
}
