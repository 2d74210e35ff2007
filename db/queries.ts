// Read side of the local book. Everything here is a plain read; changes go
// through Store.mutate.
import { and, asc, desc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { consentInForce, type ConsentPurpose } from '#core/consent.ts';
import type { Db, Sqlite } from './open.ts';
import { searchClients } from './search.ts';
import { answers, clients, consents, localUser, mandates, meetings, tasks, touchpoints } from './schema.ts';

const summaryColumns = {
  id: clients.id, firstName: clients.firstName, lastName: clients.lastName, email: clients.email,
  city: clients.city, postalCode: clients.postalCode, street: clients.street, lastContactAt: clients.lastContactAt,
};

export function listClients(db: Db, sqlite: Sqlite, { query, offset, limit }: { query: string; offset: number; limit: number }) {
  const found = searchClients(sqlite, query, offset, limit);
  if (found) return found;
  const items = pageOf(db, offset, limit);
  const total = db.select({ n: sql<number>`count(*)` }).from(clients).where(isNull(clients.deletedAt)).get()?.n ?? 0;
  return { items, total };
}

function pageOf(db: Db, offset: number, limit: number) {
  return db.select(summaryColumns).from(clients).where(isNull(clients.deletedAt))
    .orderBy(asc(clients.lastName), asc(clients.firstName)).limit(limit).offset(offset).all();
}

export function getClient(db: Db, id: string) {
  const client = db.select().from(clients).where(and(eq(clients.id, id), isNull(clients.deletedAt))).get();
  if (!client) return null;
  const consentRows = db.select().from(consents).where(and(eq(consents.clientId, id), isNull(consents.deletedAt)))
    .orderBy(desc(consents.recordedAt)).all();
  return {
    client,
    answers: db.select().from(answers).where(and(eq(answers.clientId, id), isNull(answers.deletedAt))).all(),
    consent: consentInForce(consentRows.map((c) => ({ purpose: c.purpose as ConsentPurpose, granted: c.granted, recordedAt: c.recordedAt }))),
    consentHistory: consentRows,
    timeline: db.select().from(touchpoints).where(and(eq(touchpoints.clientId, id), isNull(touchpoints.deletedAt)))
      .orderBy(desc(touchpoints.occurredAt)).limit(200).all(),
    tasks: db.select().from(tasks).where(and(eq(tasks.clientId, id), isNull(tasks.deletedAt)))
      .orderBy(sql`${tasks.doneAt} IS NOT NULL`, asc(tasks.dueDate)).all(),
    meetings: db.select().from(meetings).where(and(eq(meetings.clientId, id), isNull(meetings.deletedAt)))
      .orderBy(desc(meetings.startedAt)).all(),
    mandates: db.select().from(mandates).where(and(eq(mandates.clientId, id), isNull(mandates.deletedAt)))
      .orderBy(sql`${mandates.revokedAt} IS NOT NULL`, desc(mandates.validFrom)).all(),
  };
}

export function getMeeting(db: Db, id: string) {
  return db.select().from(meetings).where(and(eq(meetings.id, id), isNull(meetings.deletedAt))).get() ?? null;
}

/** The client's meeting still running, if any: a client has one at a time. */
export function runningMeetingOf(db: Db, clientId: string) {
  return db.select().from(meetings).where(and(eq(meetings.clientId, clientId), isNull(meetings.endedAt), isNull(meetings.deletedAt)))
    .orderBy(desc(meetings.startedAt)).get() ?? null;
}

/** Whether a meeting started since `since` is still running (a meeting left open for days holds nothing up). */
export function meetingRunningSince(db: Db, since: number): boolean {
  return db.select({ id: meetings.id }).from(meetings)
    .where(and(isNull(meetings.endedAt), isNull(meetings.deletedAt), gte(meetings.startedAt, since))).limit(1).get() !== undefined;
}

/** Open tasks, soonest due first; with `dueBy`, only those due on or before that day. */
export function openTasks(db: Db, dueBy?: string) {
  return db.select({
    id: tasks.id, clientId: tasks.clientId, title: tasks.title, dueDate: tasks.dueDate, notes: tasks.notes, doneAt: tasks.doneAt,
    clientName: sql<string>`${clients.firstName} || ' ' || ${clients.lastName}`,
  }).from(tasks).innerJoin(clients, eq(clients.id, tasks.clientId))
    .where(and(isNull(tasks.doneAt), isNull(tasks.deletedAt), isNull(clients.deletedAt), dueBy === undefined ? undefined : lte(tasks.dueDate, dueBy)))
    .orderBy(asc(tasks.dueDate)).limit(200).all();
}

export function countClients(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(clients).where(isNull(clients.deletedAt)).get()?.n ?? 0;
}

// Read at every change (who is acting): built once per book.
const localUserQuery = new WeakMap<Db, ReturnType<typeof buildLocalUserQuery>>();
const buildLocalUserQuery = (db: Db) => db.select().from(localUser).limit(1).prepare();

export function getLocalUser(db: Db) {
  let query = localUserQuery.get(db);
  if (!query) localUserQuery.set(db, query = buildLocalUserQuery(db));
  return query.get() ?? null;
}
