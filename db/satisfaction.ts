// The answers to NPS and CES the book holds (after meetings, purchases under a
// mandate and sales), each with the client's segment in force and value tier
// now, for the trend in "Mein Bestand" (core/satisfaction.ts groups them).
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from './open.ts';
import { SEGMENT_CTES } from './book.ts';
import { feedback } from './schema.ts';
import { cached, sqliteOf } from './synced-rows.ts';

const RESPONSES = `
${SEGMENT_CTES('')},
tierc AS (
  SELECT client_id, value FROM (
    SELECT client_id, value, max(decided_at) FROM live WHERE kind = 'value_tier' AND status <> 'rejected' GROUP BY client_id
  )
),
resp AS (
  SELECT client_id, coalesce(ended_at, started_at) AS at, nps, ces, 'meeting' AS about FROM meetings
    WHERE deleted_at IS NULL AND (nps IS NOT NULL OR ces IS NOT NULL)
  UNION ALL
  SELECT client_id, recorded_at, nps, ces, about FROM feedback WHERE deleted_at IS NULL
)
SELECT r.at, r.nps, r.ces, r.about, s.value AS segment, t.value AS tier FROM resp r
JOIN clients c ON c.id = r.client_id AND c.deleted_at IS NULL
LEFT JOIN seg s ON s.client_id = r.client_id
LEFT JOIN tierc t ON t.client_id = r.client_id
WHERE r.at >= ?
`;

export type ResponseRow = { at: number; nps: number | null; ces: number | null; about: 'meeting' | 'purchase' | 'sale'; segment: string | null; tier: string | null };

/** Every answer given from `from` on, with its client's segment and tier. */
export function responsesSince(db: Db, from: number): ResponseRow[] {
  return cached(sqliteOf(db), RESPONSES).all(from) as ResponseRow[];
}

/** A client's answers after purchases and sales, newest first. */
export function feedbackOfClient(db: Db, clientId: string) {
  return db.select({ id: feedback.id, about: feedback.about, nps: feedback.nps, ces: feedback.ces, recordedAt: feedback.recordedAt }).from(feedback)
    .where(and(eq(feedback.clientId, clientId), isNull(feedback.deletedAt))).orderBy(asc(feedback.recordedAt)).all();
}
