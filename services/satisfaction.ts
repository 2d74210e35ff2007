// The satisfaction trend of "Mein Bestand": NPS and CES per month, overall,
// per segment and per value tier, from the answers after meetings, purchases
// under a mandate and sales.
import { monthsUpTo, trendByGroup, type Response } from '#core/satisfaction.ts';
import { SEGMENT_IDS } from '#core/segments/ids.ts';
import { VALUE_TIERS } from '#core/manufacturer.ts';
import { responsesSince } from '#db/satisfaction.ts';
import type { Store } from '#db/store.ts';

export function satisfactionTrend(store: Store, input: { months: number }) {
  const months = monthsUpTo(store.now(), input.months);
  const rows = responsesSince(store.db, Date.parse(`${months[0]}-01T00:00:00Z`));
  const as = (group: (r: (typeof rows)[number]) => string | null): Response[] => rows.map((r) => ({ at: r.at, nps: r.nps, ces: r.ces, group: group(r) }));
  const order = <G extends string>(ids: readonly G[], trend: ReturnType<typeof trendByGroup>) =>
    ids.flatMap((id) => trend.filter((g) => g.group === id).map((g) => ({ id, points: g.points })));
  return {
    months,
    overall: trendByGroup(as(() => 'all'), months)[0]?.points ?? months.map((month) => ({ month, nps: null, ces: null, responses: 0 })),
    bySegment: order(SEGMENT_IDS, trendByGroup(as((r) => r.segment), months)),
    byTier: order(VALUE_TIERS, trendByGroup(as((r) => r.tier), months)),
    sources: {
      meetings: rows.filter((r) => r.about === 'meeting').length,
      purchases: rows.filter((r) => r.about === 'purchase').length,
      sales: rows.filter((r) => r.about === 'sale').length,
    },
  };
}
