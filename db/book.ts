// A picture of the whole book: clients per segment in force, per value tier,
// and the forecast moves between segments. One SQL statement over the
// conclusions, so a 50,000-client book never passes through JavaScript row by
// row; the rules are those of core/conclusions.ts (effectiveSegment), written
// as grouping.
import { SEGMENT_IDS, type SegmentId } from '#core/segments/ids.ts';
import { VALUE_TIERS } from '#core/manufacturer.ts';
import type { Db } from './open.ts';

type ValueTier = (typeof VALUE_TIERS)[number];

export interface BookPicture {
  total: number;
  bySegment: { segment: SegmentId; count: number }[];
  unsegmented: number;
  byTier: { tier: ValueTier; count: number }[];
  unassessed: number;
  migrations: { from: SegmentId; to: SegmentId; count: number }[];
}

// `profiled`: clients whose newest consent record to profiling grants it; a
// client who objected counts as unsegmented and unassessed, whatever was
// concluded before (none of it is used). `live`: conclusions of clients still
// in the book, read in one pass. The
// scan is most of the cost; walking conclusions_client instead saves the sort
// but reads the rows out of order, which measured slower (bench/book.bench.ts),
// and grouping took half the time of window functions. `seg`: per client, the newest advisor override if there is one, else
// the newest rule conclusion (a newer rule conclusion does not undo an
// override); a rejected pick means no segment, as in effectiveSegment. SQLite
// takes a group's bare columns from the row holding its max(); rows of one
// client and source decided in the same millisecond have no defined order,
// here as in core. `tier` and `mig`: rejected ones are dropped first, then the
// newest counts; every migration target decided at that newest moment counts
// (the engine records one row per target at once). A forecast into the
// segment the client is already in (possible after an override) is no move.
const ADVISOR_FIRST = 10_000_000_000_000; // above any decided_at in ms, still exact in a double
/** Each profiled client's segment in force (`seg`), from their live conclusions (`live`); shared with db/satisfaction.ts. */
export const SEGMENT_CTES = (liveFilter: string) => `
WITH profiled AS MATERIALIZED (
  SELECT client_id FROM (
    SELECT client_id, granted, max(recorded_at) FROM consents WHERE purpose = 'profiling' AND deleted_at IS NULL GROUP BY client_id
  ) WHERE granted = 1
),
live AS MATERIALIZED (
  SELECT client_id, kind, value, source, status, decided_at FROM conclusions
  WHERE deleted_at IS NULL AND client_id IN (SELECT client_id FROM profiled) ${liveFilter}
),
seg AS MATERIALIZED (
  SELECT client_id, value FROM (
    SELECT client_id, value, status, max((source = 'advisor') * ${ADVISOR_FIRST} + decided_at)
    FROM live WHERE kind = 'segment' GROUP BY client_id
  ) WHERE status <> 'rejected'
)
`;

const query = (liveFilter: string) => `
${SEGMENT_CTES(liveFilter)},
tier AS (
  SELECT value, max(decided_at) FROM live WHERE kind = 'value_tier' AND status <> 'rejected' GROUP BY client_id
),
newest AS (
  SELECT client_id, max(decided_at) AS at FROM live WHERE kind = 'migration' AND status <> 'rejected' GROUP BY client_id
),
mig AS (
  SELECT l.client_id, l.value FROM live l JOIN newest n ON n.client_id = l.client_id AND n.at = l.decided_at
  WHERE l.kind = 'migration' AND l.status <> 'rejected'
)
SELECT 'total' AS what, NULL AS a, NULL AS b, count(*) AS n FROM clients WHERE deleted_at IS NULL
UNION ALL SELECT 'segment', value, NULL, count(*) FROM seg GROUP BY value
UNION ALL SELECT 'tier', value, NULL, count(*) FROM tier GROUP BY value
UNION ALL SELECT 'migration', s.value, m.value, count(DISTINCT m.client_id)
  FROM mig m JOIN seg s ON s.client_id = m.client_id WHERE m.value <> s.value GROUP BY s.value, m.value
`;
// Finding deleted clients reads the whole clients table; counting them uses
// indexes only, so a book without any (the usual case) skips that read.
const ALL_LIVE = query('');
const SOME_DELETED = query('AND client_id NOT IN (SELECT id FROM clients WHERE deleted_at IS NOT NULL)');
const DELETED_COUNT = 'SELECT (SELECT count(*) FROM clients) - (SELECT count(*) FROM clients WHERE deleted_at IS NULL) AS n';

type Row = { what: 'total' | 'segment' | 'tier' | 'migration'; a: string | null; b: string | null; n: number };

const isSegment = (v: string | null): v is SegmentId => v !== null && (SEGMENT_IDS as readonly string[]).includes(v);

export function bookPicture(db: Db): BookPicture {
  const deleted = db.get<{ n: number }>(DELETED_COUNT).n;
  const rows = db.all<Row>(deleted > 0 ? SOME_DELETED : ALL_LIVE);
  let total = 0;
  const segments = new Map<string, number>();
  const tiers = new Map<string, number>();
  const migrations: BookPicture['migrations'] = [];
  for (const r of rows) {
    if (r.what === 'total') total = r.n;
    else if (r.what === 'segment') segments.set(r.a!, r.n);
    else if (r.what === 'tier') tiers.set(r.a!, r.n);
    // Values the schema checks on the way in; anything else (an older app's id) is left out rather than shown unnamed.
    else if (isSegment(r.a) && isSegment(r.b)) migrations.push({ from: r.a, to: r.b, count: r.n });
  }
  const bySegment = SEGMENT_IDS.map((segment) => ({ segment, count: segments.get(segment) ?? 0 }));
  const byTier = VALUE_TIERS.map((tier) => ({ tier, count: tiers.get(tier) ?? 0 }));
  const sum = (list: { count: number }[]) => list.reduce((s, x) => s + x.count, 0);
  migrations.sort((x, y) => y.count - x.count || SEGMENT_IDS.indexOf(x.from) - SEGMENT_IDS.indexOf(y.from) || SEGMENT_IDS.indexOf(x.to) - SEGMENT_IDS.indexOf(y.to));
  return { total, bySegment, unsegmented: total - sum(bySegment), byTier, unassessed: total - sum(byTier), migrations };
}
