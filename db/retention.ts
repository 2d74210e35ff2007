// Restricted advice records on the device (core/retention.ts): moved here on
// erasure, read only to disclose one on purpose (and then logged), deleted
// when retention ends. Nothing else in the product reads these tables, so a
// restricted record appears in no list, search, offer or sync.
import { and, asc, count, desc, eq, lte, max, min } from 'drizzle-orm';
import type { AdviceContent } from '#core/advice.ts';
import { DomainError } from '#core/errors.ts';
import { matchesRestricted, retainUntil, type AdviceDisclose, type RestrictedQuery } from '#core/retention.ts';
import type { Db } from './open.ts';
import { adviceDisclosures, adviceRecords, localUser, restrictedAdviceRecords } from './schema.ts';

export type RestrictedRow = typeof restrictedAdviceRecords.$inferSelect;

/** Moves every advice record version of the client out of the book into the restricted store. Call before the client's rows are deleted. */
export function restrictAdviceRecords(db: Db, clientId: string, at: number): number {
  const rows = db.select().from(adviceRecords).where(eq(adviceRecords.clientId, clientId)).all();
  for (const r of rows) {
    const content = r.content as AdviceContent;
    // A record made before creation times were kept counts from its meeting: never longer than the law allows.
    const made = r.createdAt ?? content.meeting.startedAt;
    db.insert(restrictedAdviceRecords).values({
      id: r.id, clientId, meetingId: r.meetingId, recordVersion: r.recordVersion, content: r.content, contentHash: r.contentHash,
      previousHash: r.previousHash, meetingAt: content.meeting.startedAt, createdAt: made, createdBy: r.createdBy,
      deliveredAt: r.deliveredAt, deliveryChannel: r.deliveryChannel, restrictedAt: at, retainUntil: retainUntil(made),
    }).onConflictDoNothing().run();
  }
  return rows.length;
}

/** Deletes the restricted records whose retention has ended; the disclosure log keeps its entries. Returns how many went. */
export function purgeRestricted(db: Db, now: number): number {
  return db.delete(restrictedAdviceRecords).where(lte(restrictedAdviceRecords.retainUntil, now)).run().changes;
}

/** How many are kept and until when, without naming anyone. */
export function restrictedSummary(db: Db): { count: number; firstEnds: number | null; lastEnds: number | null } {
  const row = db.select({ n: count(), first: min(restrictedAdviceRecords.retainUntil), last: max(restrictedAdviceRecords.retainUntil) })
    .from(restrictedAdviceRecords).get();
  return { count: row?.n ?? 0, firstEnds: row?.first ?? null, lastEnds: row?.last ?? null };
}

/** The records that match the query: only what tells them apart (meeting day, version, retention), never their content. */
export function findRestricted(db: Db, q: RestrictedQuery): { id: string; meetingAt: number; recordVersion: number; delivered: boolean; retainUntil: number }[] {
  // Restricted records are few (erasures are rare): reading them all keeps the match rule in core, one place.
  return db.select().from(restrictedAdviceRecords).orderBy(desc(restrictedAdviceRecords.meetingAt), asc(restrictedAdviceRecords.recordVersion)).all()
    .filter((r) => {
      const client = (r.content as AdviceContent).client;
      return matchesRestricted(q, { clientName: client.name, birthDate: client.birthDate, contentHash: r.contentHash });
    })
    .map((r) => ({ id: r.id, meetingAt: r.meetingAt, recordVersion: r.recordVersion, delivered: r.deliveredAt !== null, retainUntil: r.retainUntil }));
}

/**
 * Logs a disclosure (inside Store.mutate's transaction, so the log entry and
 * the change sent to the backend are one) and returns the record disclosed.
 * A record that is not restricted here, or belongs to another client, is not found.
 */
export function logDisclosure(db: Db, a: AdviceDisclose, by: string, at: number): RestrictedRow {
  const record = db.select().from(restrictedAdviceRecords).where(and(eq(restrictedAdviceRecords.id, a.recordId), eq(restrictedAdviceRecords.clientId, a.clientId))).get();
  if (!record) throw new DomainError([{ field: 'recordId', code: 'not_found' }]);
  const name = db.select({ name: localUser.displayName }).from(localUser).get()?.name ?? by;
  db.insert(adviceDisclosures).values({ id: a.id, recordId: a.recordId, clientId: a.clientId, disclosedBy: by, disclosedByName: name, disclosedTo: a.to, note: a.note ?? null, disclosedAt: at }).run();
  return record;
}

/** A restricted record by id, for showing it once its disclosure is logged. */
export function restrictedRecord(db: Db, id: string): RestrictedRow | null {
  return db.select().from(restrictedAdviceRecords).where(eq(restrictedAdviceRecords.id, id)).get() ?? null;
}

/** The disclosure log, newest first. */
export function disclosures(db: Db): (typeof adviceDisclosures.$inferSelect)[] {
  return db.select().from(adviceDisclosures).orderBy(desc(adviceDisclosures.disclosedAt)).all();
}
