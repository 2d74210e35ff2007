// What the life coach's screens read from the book: the alert inbox, the
// purchases under a client's mandates, the mandates a coach holds. Plain reads.
import { and, asc, desc, eq, isNull, lte, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from './open.ts';
import { alerts, clients, mandates, purchases } from './schema.ts';

/** Which alerts the inbox lists: open ones (and snoozed ones whose day has come), those put off, those done. */
export type InboxFilter = 'open' | 'snoozed' | 'done';

function filterOf(filter: InboxFilter, today: string): SQL {
  // A snoozed alert comes back on its day without anyone writing anything.
  if (filter === 'open') return or(eq(alerts.status, 'open'), and(eq(alerts.status, 'snoozed'), lte(alerts.snoozedUntil, today)))!;
  if (filter === 'snoozed') return and(eq(alerts.status, 'snoozed'), gt(alerts.snoozedUntil, today))!;
  return eq(alerts.status, 'done');
}

/** Alerts for this coach (or for no coach in particular) of live clients. */
const forCoach = (coachIds: readonly string[]) => and(
  isNull(alerts.deletedAt), isNull(clients.deletedAt),
  or(isNull(alerts.coachId), sql`${alerts.coachId} IN (${sql.join(coachIds.map((id) => sql`${id}`), sql`, `)})`),
);

/**
 * Urgent: one of its signals' event days lies from today to `last` (coach.md).
 * Urgency moves with the calendar, so it is asked of the signals, not stored.
 */
const urgent = (today: string, last: string) =>
  sql<number>`EXISTS (SELECT 1 FROM json_each(${alerts.signals}) s WHERE json_extract(s.value, '$.eventDate') BETWEEN ${today} AND ${last})`;

/** One page of the inbox, newest first, each with whether it is urgent. */
export function inboxPage(db: Db, o: { coachIds: readonly string[]; filter: InboxFilter; urgentOnly: boolean; today: string; urgentUntil: string; limit: number; offset: number }) {
  const isUrgent = urgent(o.today, o.urgentUntil);
  return db.select({ alert: alerts, firstName: clients.firstName, lastName: clients.lastName, urgent: isUrgent })
    .from(alerts).innerJoin(clients, eq(clients.id, alerts.clientId))
    .where(and(forCoach(o.coachIds), filterOf(o.filter, o.today), o.urgentOnly ? isUrgent : undefined))
    .orderBy(desc(alerts.createdAt), desc(alerts.id)).limit(o.limit).offset(o.offset).all();
}

/** How many alerts each filter lists (the inbox's tabs), and how many open ones are urgent. */
export function inboxCounts(db: Db, o: { coachIds: readonly string[]; today: string; urgentUntil: string }) {
  const count = (where: SQL | undefined) => db.select({ n: sql<number>`count(*)` }).from(alerts).innerJoin(clients, eq(clients.id, alerts.clientId))
    .where(and(forCoach(o.coachIds), where)).get()?.n ?? 0;
  return {
    open: count(filterOf('open', o.today)), snoozed: count(filterOf('snoozed', o.today)), done: count(filterOf('done', o.today)),
    urgent: count(and(filterOf('open', o.today), urgent(o.today, o.urgentUntil))),
  };
}

export function alertById(db: Db, id: string) {
  return db.select().from(alerts).where(and(eq(alerts.id, id), isNull(alerts.deletedAt))).get() ?? null;
}

export function purchasesOfClient(db: Db, clientId: string) {
  return db.select().from(purchases).where(and(eq(purchases.clientId, clientId), isNull(purchases.deletedAt)))
    .orderBy(desc(purchases.on), desc(purchases.recordedAt)).all();
}

/** The live mandates a coach holds, with their clients: the coach's second list. */
export function mandatesOfCoach(db: Db, coachIds: readonly string[]) {
  if (coachIds.length === 0) return [];
  return db.select({ mandate: mandates, firstName: clients.firstName, lastName: clients.lastName })
    .from(mandates).innerJoin(clients, eq(clients.id, mandates.clientId))
    .where(and(isNull(mandates.deletedAt), isNull(clients.deletedAt), sql`${mandates.coachId} IN (${sql.join(coachIds.map((id) => sql`${id}`), sql`, `)})`))
    .orderBy(asc(clients.lastName), asc(clients.firstName)).all();
}

export function mandateById(db: Db, id: string) {
  return db.select().from(mandates).where(and(eq(mandates.id, id), isNull(mandates.deletedAt))).get() ?? null;
}

export function mandatesOfClient(db: Db, clientId: string) {
  return db.select().from(mandates).where(and(eq(mandates.clientId, clientId), isNull(mandates.deletedAt))).all();
}

/** Open alerts per client (snoozed ones whose day has come count as open). */
export function openAlertsByClient(db: Db, today: string): Map<string, number> {
  const rows = db.select({ clientId: alerts.clientId, n: sql<number>`count(*)` }).from(alerts)
    .where(and(isNull(alerts.deletedAt), filterOf('open', today))).groupBy(alerts.clientId).all();
  return new Map(rows.map((r) => [r.clientId, r.n]));
}
