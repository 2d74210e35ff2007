// How each named mutation changes the local tables. Called only by Store.mutate,
// inside its transaction, with arguments the domain schema has already checked.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { MutationArgs } from '#core/mutations.ts';
import { checkAnswer } from '#core/meeting.ts';
import type { Db } from './open.ts';
import { answers, clients, consents, meetings, tasks, touchpoints } from './schema.ts';

export interface MutationMeta { at: number; hlc: string; userId: string }
export interface Saved { id: string; clientId: string; version: number; savedAt: number }

const notFound = (field: string) => new DomainError([{ field, code: 'not_found' }]);

function liveClient(db: Db, id: string) {
  const row = db.select({ id: clients.id, deletedAt: clients.deletedAt }).from(clients).where(eq(clients.id, id)).get();
  if (!row) throw notFound('client');
  if (row.deletedAt !== null) throw new DomainError([{ field: 'client', code: 'client_erased' }]);
  return row;
}

/** The stamp columns of a row's next version. */
const bump = (m: MutationMeta) => ({ version: sql`version + 1`, updatedAt: m.at, hlc: m.hlc });
const fresh = (m: MutationMeta) => ({ version: 1, updatedAt: m.at, hlc: m.hlc });

function touchClient(db: Db, clientId: string, at: number): void {
  db.update(clients).set({ lastContactAt: sql`max(coalesce(last_contact_at, 0), ${at})` }).where(eq(clients.id, clientId)).run();
}

function versionOf(db: Db, table: typeof clients | typeof meetings | typeof tasks, id: string): number {
  return db.select({ v: table.version }).from(table).where(eq(table.id, id)).get()?.v ?? 0;
}

export const MUTATORS = {
  'client.create'(db: Db, a: MutationArgs<'client.create'>, m: MutationMeta): Saved {
    // A retried create (the first answer was lost on the way back) is not a second client.
    const existing = db.select({ version: clients.version }).from(clients).where(eq(clients.id, a.id)).get();
    if (existing) return { id: a.id, clientId: a.id, version: existing.version, savedAt: m.at };
    db.insert(clients).values({ ...a, ...fresh(m), ownerId: m.userId }).run();
    return { id: a.id, clientId: a.id, version: 1, savedAt: m.at };
  },

  'client.update'(db: Db, a: MutationArgs<'client.update'>, m: MutationMeta): Saved {
    liveClient(db, a.id);
    db.update(clients).set({ ...a.patch, ...bump(m) }).where(eq(clients.id, a.id)).run();
    return { id: a.id, clientId: a.id, version: versionOf(db, clients, a.id), savedAt: m.at };
  },

  'client.delete'(db: Db, a: MutationArgs<'client.delete'>, m: MutationMeta): Saved {
    liveClient(db, a.id);
    db.update(clients).set({ deletedAt: m.at, ...bump(m) }).where(eq(clients.id, a.id)).run();
    return { id: a.id, clientId: a.id, version: versionOf(db, clients, a.id), savedAt: m.at };
  },

  'meeting.start'(db: Db, a: MutationArgs<'meeting.start'>, m: MutationMeta): Saved {
    liveClient(db, a.clientId);
    const existing = db.select({ version: meetings.version }).from(meetings).where(eq(meetings.id, a.id)).get();
    if (existing) return { id: a.id, clientId: a.clientId, version: existing.version, savedAt: m.at };
    db.insert(meetings).values({ id: a.id, clientId: a.clientId, reason: a.reason ?? null, advisorId: m.userId, startedAt: m.at, ...fresh(m) }).run();
    db.insert(touchpoints).values({
      id: a.id, clientId: a.clientId, kind: 'meeting', channel: 'in_person', direction: 'outbound',
      occurredAt: m.at, summary: a.reason ?? '', refId: a.id, recordedBy: m.userId, ...fresh(m),
    }).run();
    touchClient(db, a.clientId, m.at);
    return { id: a.id, clientId: a.clientId, version: 1, savedAt: m.at };
  },

  'meeting.update'(db: Db, a: MutationArgs<'meeting.update'>, m: MutationMeta): Saved {
    const meeting = db.select().from(meetings).where(and(eq(meetings.id, a.id), isNull(meetings.deletedAt))).get();
    if (!meeting) throw notFound('meeting');
    db.update(meetings).set({ ...a.patch, ...bump(m) }).where(eq(meetings.id, a.id)).run();
    if (a.patch.reason !== undefined) {
      db.update(touchpoints).set({ summary: a.patch.reason ?? '', ...bump(m) }).where(eq(touchpoints.id, a.id)).run();
    }
    return { id: a.id, clientId: meeting.clientId, version: meeting.version + 1, savedAt: m.at };
  },

  'meeting.end'(db: Db, a: MutationArgs<'meeting.end'>, m: MutationMeta): Saved {
    const meeting = db.select().from(meetings).where(and(eq(meetings.id, a.id), isNull(meetings.deletedAt))).get();
    if (!meeting) throw notFound('meeting');
    if (meeting.endedAt !== null) return { id: a.id, clientId: meeting.clientId, version: meeting.version, savedAt: meeting.endedAt };
    db.update(meetings).set({ endedAt: m.at, ...bump(m) }).where(eq(meetings.id, a.id)).run();
    return { id: a.id, clientId: meeting.clientId, version: meeting.version + 1, savedAt: m.at };
  },

  'answer.set'(db: Db, a: MutationArgs<'answer.set'>, m: MutationMeta): Saved & { attribute: string } {
    const value = checkAnswer(a.attribute, a.value);
    liveClient(db, a.clientId);
    if (a.meetingId) {
      const meeting = db.select().from(meetings).where(eq(meetings.id, a.meetingId)).get();
      if (!meeting || meeting.clientId !== a.clientId) throw notFound('meeting');
      if (meeting.endedAt !== null) throw new DomainError([{ field: 'meeting', code: 'meeting_ended' }]);
    }
    const row = { value, meetingId: a.meetingId ?? null, answeredBy: a.answeredBy, answeredAt: m.at, recordedBy: m.userId };
    const saved = db.insert(answers)
      .values({ id: `${a.clientId}:${a.attribute}`, clientId: a.clientId, attribute: a.attribute, ...row, ...fresh(m) })
      .onConflictDoUpdate({ target: [answers.clientId, answers.attribute], set: { ...row, ...bump(m), deletedAt: null } })
      .returning({ id: answers.id, version: answers.version })
      .get();
    return { id: saved.id, clientId: a.clientId, version: saved.version, savedAt: m.at, attribute: a.attribute };
  },

  'touchpoint.add'(db: Db, a: MutationArgs<'touchpoint.add'>, m: MutationMeta): Saved {
    liveClient(db, a.clientId);
    db.insert(touchpoints).values({ ...a, outcome: a.outcome ?? null, refId: a.refId ?? null, recordedBy: m.userId, ...fresh(m) })
      .onConflictDoNothing().run();
    touchClient(db, a.clientId, a.occurredAt);
    return { id: a.id, clientId: a.clientId, version: 1, savedAt: m.at };
  },

  'task.add'(db: Db, a: MutationArgs<'task.add'>, m: MutationMeta): Saved {
    liveClient(db, a.clientId);
    db.insert(tasks).values({ ...a, dueDate: a.dueDate ?? null, notes: a.notes ?? null, assigneeId: m.userId, ...fresh(m) })
      .onConflictDoNothing().run();
    return { id: a.id, clientId: a.clientId, version: 1, savedAt: m.at };
  },

  'task.update'(db: Db, a: MutationArgs<'task.update'>, m: MutationMeta): Saved {
    const task = db.select().from(tasks).where(and(eq(tasks.id, a.id), isNull(tasks.deletedAt))).get();
    if (!task) throw notFound('task');
    const { done, ...rest } = a.patch;
    const doneAt = done === undefined ? {} : { doneAt: done ? (task.doneAt ?? m.at) : null };
    db.update(tasks).set({ ...rest, ...doneAt, ...bump(m) }).where(eq(tasks.id, a.id)).run();
    return { id: a.id, clientId: task.clientId, version: task.version + 1, savedAt: m.at };
  },

  'consent.record'(db: Db, a: MutationArgs<'consent.record'>, m: MutationMeta): Saved {
    liveClient(db, a.clientId);
    db.insert(consents).values({ ...a, note: a.note ?? null, recordedAt: m.at, recordedBy: m.userId, ...fresh(m) })
      .onConflictDoNothing().run();
    return { id: a.id, clientId: a.clientId, version: 1, savedAt: m.at };
  },
} as const;
