// The rating by data contribution (retail.md), computed from what the
// retailers' people pushed over the last RATING_DAYS (Europe/Berlin days),
// read from the backend's own records: who recorded each (the authenticated
// pusher, set by the plan) and when the backend wrote it, never what a
// device says about itself; only data of clients who share it with the
// manufacturer counts (sharing.ts). core/retail/rating.ts places every retailer among
// all of them; each run is kept, and the newest is served: to the console in
// full, to a retailer's devices only their own.
import { desc, sql } from 'drizzle-orm';
import { addDays, berlinDay } from '#core/dates.ts';
import { ATTRIBUTE_IDS } from '#core/profile.ts';
import { RATING_DAYS, rateRetailers, type Contribution, type RetailerRating } from '#core/retail/rating.ts';
import type { BackendDb } from './db/connect.ts';
import { ratingRuns } from './db/schema.ts';
import { SHARING_CLIENTS } from './sharing.ts';

/** The window ending today (Berlin), both days included. */
export function ratingWindow(now: Date): { from: string; until: string } {
  const until = berlinDay(now.getTime());
  return { from: addDays(until, -(RATING_DAYS - 1)), until };
}

const rowsOf = <T>(res: unknown): T[] => ((res as { rows?: T[] }).rows ?? (res as T[]));

/** Each retailer's figures in the window; a retailer with nothing pushed counts with zeros. */
export async function contributions(db: BackendDb, window: { from: string; until: string }): Promise<Contribution[]> {
  const inWindow = (column: string) => sql.raw(`((${column} AT TIME ZONE 'Europe/Berlin')::date BETWEEN '${window.from}'::date AND '${window.until}'::date)`);
  const res = await db.execute(sql`
    WITH sharing AS (${SHARING_CLIENTS}),
    staff AS (SELECT id::text AS id, retailer_id FROM users WHERE retailer_id IS NOT NULL),
    answers AS (
      SELECT client_id, fields->>'attribute' AS attribute, fields->>'recordedBy' AS by, created_at, updated_at FROM records
      WHERE entity = 'answers' AND fields->>'deletedAt' IS NULL AND fields->'value' IS NOT NULL AND fields->'value' <> 'null'::jsonb
        AND client_id IN (SELECT client_id FROM sharing)),
    entered AS (SELECT s.retailer_id, count(*)::int AS n FROM answers a JOIN staff s ON s.id = a.by WHERE ${inWindow('a.updated_at')} GROUP BY 1),
    outcomes AS (
      SELECT s.retailer_id, count(*)::int AS n FROM records r JOIN staff s ON s.id = r.fields->>'recordedBy'
      WHERE r.entity = 'offerOutcomes' AND r.fields->>'deletedAt' IS NULL AND coalesce(r.fields->>'reasonCode', '') <> '' AND ${inWindow('r.created_at')}
        AND r.client_id IN (SELECT client_id FROM sharing)
      GROUP BY 1),
    -- A profile is complete once every attribute is answered; it counts for whoever entered the last one first.
    profiles AS (
      SELECT client_id, count(DISTINCT attribute) AS answered, max(created_at) AS done, (array_agg(by ORDER BY created_at DESC))[1] AS by
      FROM answers WHERE attribute = ANY(${sql.raw(`ARRAY[${ATTRIBUTE_IDS.map((a) => `'${a}'`).join(', ')}]::text[]`)}) GROUP BY client_id),
    completed AS (
      SELECT s.retailer_id, count(*)::int AS n FROM profiles p JOIN staff s ON s.id = p.by
      WHERE p.answered = ${ATTRIBUTE_IDS.length} AND ${inWindow('p.done')} GROUP BY 1)
    SELECT r.retailer_id, coalesce(e.n, 0) AS answers, coalesce(o.n, 0) AS outcomes, coalesce(c.n, 0) AS complete
    FROM (SELECT DISTINCT retailer_id FROM staff) r
    LEFT JOIN entered e USING (retailer_id) LEFT JOIN outcomes o USING (retailer_id) LEFT JOIN completed c USING (retailer_id)
    ORDER BY r.retailer_id`);
  return rowsOf<{ retailer_id: string; answers: number; outcomes: number; complete: number }>(res)
    .map((r) => ({ retailerId: r.retailer_id, answers: Number(r.answers), outcomes: Number(r.outcomes), completeProfiles: Number(r.complete) }));
}

export interface RatingRun { version: number; computedAt: Date; ratings: RetailerRating[] }

/** Rates every retailer now and keeps the result as the next run. */
export async function rateAllRetailers(db: BackendDb, now: Date): Promise<RatingRun> {
  const window = ratingWindow(now);
  const ratings = rateRetailers(await contributions(db, window), window);
  return db.transaction(async (tx) => {
    // One run at a time, so two instances never take the same number.
    await tx.execute(sql`LOCK TABLE ${ratingRuns} IN SHARE ROW EXCLUSIVE MODE`);
    const [last] = await tx.select({ version: ratingRuns.version }).from(ratingRuns).orderBy(desc(ratingRuns.version)).limit(1);
    const version = (last?.version ?? 0) + 1;
    await tx.insert(ratingRuns).values({ version, computedAt: now, ratings });
    // Only the newest is ever read; older runs are history nobody asks for.
    await tx.delete(ratingRuns).where(sql`${ratingRuns.version} < ${version - 10}`);
    return { version, computedAt: now, ratings };
  });
}

export async function latestRatings(db: BackendDb): Promise<RatingRun | null> {
  const [last] = await db.select().from(ratingRuns).orderBy(desc(ratingRuns.version)).limit(1);
  return last ? { version: last.version, computedAt: last.computedAt, ratings: last.ratings as RetailerRating[] } : null;
}

/** A retailer's own rating from the newest run; null for anyone else, or before the first run. */
export async function ratingOf(db: BackendDb, retailerId: string | null): Promise<RetailerRating | null> {
  if (retailerId === null) return null;
  return (await latestRatings(db))?.ratings.find((r) => r.retailerId === retailerId) ?? null;
}
