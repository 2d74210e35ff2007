// What the advice record is made from, read from the book: the meeting, the
// client, the offers put to them in it, and the versions made so far.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { StoredVersion } from '#core/advice.ts';
import type { Db } from './open.ts';
import { adviceRecords, clients, localUser, meetings, offerOutcomes } from './schema.ts';

export function adviceSources(db: Db, meetingId: string) {
  const meeting = db.select().from(meetings).where(and(eq(meetings.id, meetingId), isNull(meetings.deletedAt))).get();
  if (!meeting) return null;
  const client = db.select().from(clients).where(eq(clients.id, meeting.clientId)).get()!;
  const offers = db.select().from(offerOutcomes).where(and(eq(offerOutcomes.meetingId, meetingId), isNull(offerOutcomes.deletedAt)))
    .orderBy(asc(offerOutcomes.recordedAt)).all();
  const advisor = db.select({ name: localUser.displayName }).from(localUser).get()?.name ?? '';
  return { meeting, client, offers, advisor };
}

export type AdviceVersionRow = StoredVersion & { id: string; deliveredAt: number | null; deliveryChannel: string | null; createdAt: number | null };

export function adviceVersions(db: Db, meetingId: string): AdviceVersionRow[] {
  return db.select().from(adviceRecords).where(and(eq(adviceRecords.meetingId, meetingId), isNull(adviceRecords.deletedAt)))
    .orderBy(asc(adviceRecords.recordVersion)).all().map((r) => ({
      id: r.id, meetingId: r.meetingId, recordVersion: r.recordVersion, previousHash: r.previousHash, contentHash: r.contentHash,
      content: r.content, deliveredAt: r.deliveredAt, deliveryChannel: r.deliveryChannel, createdAt: r.createdAt,
    }));
}

/** The offers decided in a meeting and not taken back, in the order they were decided. */
export function outcomesOf(db: Db, meetingId: string): { id: string; offerId: string; outcome: string; reasonCode: string | null; note: string | null }[] {
  return db.select({ id: offerOutcomes.id, offerId: offerOutcomes.offerId, outcome: offerOutcomes.outcome, reasonCode: offerOutcomes.reasonCode, note: offerOutcomes.note })
    .from(offerOutcomes)
    .where(and(eq(offerOutcomes.meetingId, meetingId), isNull(offerOutcomes.deletedAt))).orderBy(asc(offerOutcomes.recordedAt)).all();
}
