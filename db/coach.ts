// What the life coach's screens read from the book: the alert inbox, the
// purchases under a client's mandates, the mandates a coach holds. Plain reads.
import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from './open.ts';
import { alerts, answers, clients, consents, holdings, mandates, purchases } from './schema.ts';

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
  // Most alerts know no event day: the cheap text test spares them the JSON.
  sql<number>`(${alerts.signals} LIKE '%"eventDate":"%' AND EXISTS (SELECT 1 FROM json_each(${alerts.signals}) s WHERE json_extract(s.value, '$.eventDate') BETWEEN ${today} AND ${last}))`;

/**
 * One page of the inbox, newest first. Whether each is urgent is asked of the
 * page's signals afterwards (core's isUrgent), not of every row before the
 * sort; only the "urgent only" filter asks it in the query.
 */
export function inboxPage(db: Db, o: { coachIds: readonly string[]; filter: InboxFilter; urgentOnly: boolean; today: string; urgentUntil: string; limit: number; offset: number }) {
  // The page's ids first: sorting thousands of narrow rows, not thousands of whole alerts with their evidence.
  const ids = db.select({ id: alerts.id }).from(alerts).innerJoin(clients, eq(clients.id, alerts.clientId))
    .where(and(forCoach(o.coachIds), filterOf(o.filter, o.today), o.urgentOnly ? urgent(o.today, o.urgentUntil) : undefined))
    .orderBy(desc(alerts.createdAt), desc(alerts.id)).limit(o.limit).offset(o.offset).all().map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select({ alert: alerts, firstName: clients.firstName, lastName: clients.lastName })
    .from(alerts).innerJoin(clients, eq(clients.id, alerts.clientId)).where(inArray(alerts.id, ids))
    .orderBy(desc(alerts.createdAt), desc(alerts.id)).all();
}

/** How many alerts each filter lists (the inbox's tabs), and how many open ones are urgent: one pass. */
export function inboxCounts(db: Db, o: { coachIds: readonly string[]; today: string; urgentUntil: string }) {
  const when = (c: SQL) => sql<number>`coalesce(sum(CASE WHEN ${c} THEN 1 ELSE 0 END), 0)`;
  const open = filterOf('open', o.today);
  const row = db.select({
    open: when(open), snoozed: when(filterOf('snoozed', o.today)), done: when(filterOf('done', o.today)),
    // The signals are read only for open alerts.
    urgent: sql<number>`coalesce(sum(CASE WHEN ${open} THEN ${urgent(o.today, o.urgentUntil)} ELSE 0 END), 0)`,
  }).from(alerts).innerJoin(clients, eq(clients.id, alerts.clientId)).where(forCoach(o.coachIds)).get();
  return { open: row?.open ?? 0, snoozed: row?.snoozed ?? 0, done: row?.done ?? 0, urgent: row?.urgent ?? 0 };
}

/** What an alert's offers and argument read about its client, for a page of clients at once. */
export function clientFacts(db: Db, clientIds: readonly string[], today: string) {
  const ids = sql.join(clientIds.map((id) => sql`${id}`), sql`, `);
  if (clientIds.length === 0) return { answers: [], consents: [], holdings: [] };
  return {
    answers: db.select({ clientId: answers.clientId, attribute: answers.attribute, value: answers.value }).from(answers)
      .where(and(sql`${answers.clientId} IN (${ids})`, isNull(answers.deletedAt))).all(),
    consents: db.select({ clientId: consents.clientId, purpose: consents.purpose, granted: consents.granted, recordedAt: consents.recordedAt }).from(consents)
      .where(and(sql`${consents.clientId} IN (${ids})`, isNull(consents.deletedAt))).all(),
    holdings: db.select({ clientId: holdings.clientId, productId: holdings.productId }).from(holdings)
      .where(and(sql`${holdings.clientId} IN (${ids})`, isNull(holdings.deletedAt), or(isNull(holdings.endedOn), gt(holdings.endedOn, today)))).all(),
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
