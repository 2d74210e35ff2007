// Learning from outcomes: how often each offer is accepted in each segment,
// across every advisor's recorded outcomes, published as a versioned
// propensity table that devices receive by sync (docs/sync.md, manufacturer data).
//
// Each rate is the posterior mean of a Beta prior updated with the segment's
// accepted and rejected outcomes. The prior is centred on the offer's rate over
// all segments (itself pulled towards PRIOR_MEAN), with the weight of
// PRIOR_STRENGTH outcomes: a new offer starts at a sensible rate instead of 0
// or 1, and a handful of outcomes moves it only a little. Postponed outcomes
// say nothing about acceptance and are left out; so are outcomes taken back
// in their meeting (offer.undo), which were never the client's last word,
// and outcomes of clients who do not share their data with the manufacturer
// (sharing.ts).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { PropensitiesDocument } from '#core/manufacturer.ts';
import type { BackendDb } from './db/connect.ts';
import { manufacturerDocuments } from './db/schema.ts';
import { publishDocument, PUBLISH_LOCK } from './manufacturer.ts';
import { SHARING_CLIENTS } from './sharing.ts';

/** Before any outcome, an offer is assumed accepted this often. */
export const PRIOR_MEAN = 0.3;
/** The prior counts as this many outcomes. */
export const PRIOR_STRENGTH = 10;

type Counts = Map<string, Map<string, { accepted: number; rejected: number }>>;

async function countOutcomes(db: BackendDb): Promise<Counts> {
  const res = await db.execute(sql`
    SELECT coalesce(fields->>'segment', '') AS segment, fields->>'offerId' AS offer,
      count(*) FILTER (WHERE fields->>'outcome' = 'accepted')::int AS accepted,
      count(*) FILTER (WHERE fields->>'outcome' = 'rejected')::int AS rejected
    FROM records WHERE entity = 'offerOutcomes' AND fields->>'deletedAt' IS NULL
      AND client_id IN (${SHARING_CLIENTS}) GROUP BY 1, 2`);
  const rows = ((res as unknown as { rows?: unknown[] }).rows ?? res) as { segment: string; offer: string; accepted: number; rejected: number }[];
  const counts: Counts = new Map();
  for (const r of rows) {
    if (!counts.has(r.segment)) counts.set(r.segment, new Map());
    counts.get(r.segment)!.set(r.offer, { accepted: r.accepted, rejected: r.rejected });
  }
  return counts;
}

/** The table for these counts: pure, so the arithmetic is tested on its own. */
export function propensityTable(counts: Counts, learnedAt: Date): PropensitiesDocument {
  const overall = new Map<string, { accepted: number; rejected: number }>();
  for (const offers of counts.values()) {
    for (const [offer, c] of offers) {
      const o = overall.get(offer) ?? { accepted: 0, rejected: 0 };
      overall.set(offer, { accepted: o.accepted + c.accepted, rejected: o.rejected + c.rejected });
    }
  }
  const offerMean = (offer: string) => {
    const o = overall.get(offer)!;
    return (o.accepted + PRIOR_MEAN * PRIOR_STRENGTH) / (o.accepted + o.rejected + PRIOR_STRENGTH);
  };
  const rates: PropensitiesDocument['rates'] = {};
  const outcomes: PropensitiesDocument['outcomes'] = {};
  for (const [segment, offers] of counts) {
    // Outcomes without a segment (no consent to profiling) count towards the offer's overall rate only.
    if (segment === '') continue;
    rates[segment] = {};
    outcomes[segment] = {};
    for (const [offer, c] of offers) {
      const mean = offerMean(offer);
      rates[segment][offer] = Number(((c.accepted + mean * PRIOR_STRENGTH) / (c.accepted + c.rejected + PRIOR_STRENGTH)).toFixed(4));
      outcomes[segment][offer] = c.accepted + c.rejected;
    }
  }
  return { rates, outcomes, prior: { mean: PRIOR_MEAN, strength: PRIOR_STRENGTH }, learnedAt: learnedAt.toISOString() };
}

/** Learns from every outcome so far and publishes a new version if anything changed; returns the version in force. */
export async function learnPropensities(db: BackendDb, now: Date): Promise<{ version: number | null; published: boolean }> {
  const table = propensityTable(await countOutcomes(db), now);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK})`);
    const [latest] = await tx.select({ version: manufacturerDocuments.version, body: manufacturerDocuments.body }).from(manufacturerDocuments)
      .where(and(eq(manufacturerDocuments.kind, 'propensities'))).orderBy(desc(manufacturerDocuments.version)).limit(1);
    const before = latest?.body as PropensitiesDocument | undefined;
    if (Object.keys(table.rates).length === 0 && !before) return { version: null, published: false };
    if (before && JSON.stringify(before.outcomes) === JSON.stringify(table.outcomes) && JSON.stringify(before.rates) === JSON.stringify(table.rates)) {
      return { version: latest!.version, published: false };
    }
    return { version: await publishDocument(tx, 'propensities', table, now), published: true };
  });
}
