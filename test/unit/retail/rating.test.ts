// retail.md's rating: top 20 % gold, next 30 % silver, the rest bronze, and
// none below 20 data points; what would raise a rating is said in points.
import { describe, expect, it } from 'vitest';
import { rateRetailers, type Contribution } from '#core/retail/rating.ts';

const window = { from: '2026-09-04', until: '2026-12-02' };
const retailer = (id: string, answers: number, outcomes = 0, completeProfiles = 0): Contribution => ({ retailerId: id, answers, outcomes, completeProfiles });
const byId = (rs: ReturnType<typeof rateRetailers>) => Object.fromEntries(rs.map((r) => [r.retailerId, r]));

describe('rateRetailers', () => {
  it('splits ten rated retailers 2 gold, 3 silver, 5 bronze, and leaves the inactive unrated', () => {
    const cs = [...Array.from({ length: 10 }, (_, i) => retailer(`r${i}`, 20 + i * 10)), retailer('idle', 0), retailer('little', 19)];
    const r = byId(rateRetailers(cs, window));
    expect(['r9', 'r8'].map((id) => r[id]!.rating)).toEqual(['gold', 'gold']);
    expect(['r7', 'r6', 'r5'].map((id) => r[id]!.rating)).toEqual(['silver', 'silver', 'silver']);
    expect(['r4', 'r3', 'r2', 'r1', 'r0'].map((id) => r[id]!.rating)).toEqual(['bronze', 'bronze', 'bronze', 'bronze', 'bronze']);
    expect(r.idle).toMatchObject({ rating: 'none', place: null, next: { rating: 'bronze', points: 20 } });
    expect(r.little).toMatchObject({ rating: 'none', next: { rating: 'bronze', points: 1 } });
    expect(r.r9).toMatchObject({ place: 1, of: 10, next: null });
  });

  it('counts answers, outcomes with reasons and completed profiles alike', () => {
    const [r] = rateRetailers([retailer('a', 10, 6, 4)], window);
    expect(r).toMatchObject({ points: 20, rating: 'gold', figures: { answers: 10, outcomes: 6, completeProfiles: 4 } });
  });

  it('gives equal contributions the same rating', () => {
    const r = byId(rateRetailers([retailer('a', 50), retailer('b', 50), retailer('c', 50), retailer('d', 50), retailer('e', 20)], window));
    expect(new Set(['a', 'b', 'c', 'd'].map((id) => r[id]!.rating))).toEqual(new Set(['gold']));
    expect(r.e!.rating).toBe('bronze');
  });

  it('says how many more points reach the next rating, and those points do reach it', () => {
    const cs = Array.from({ length: 10 }, (_, i) => retailer(`r${i}`, 20 + i * 10));
    for (const r of rateRetailers(cs, window)) {
      if (!r.next) continue;
      const raised = cs.map((c) => (c.retailerId === r.retailerId ? { ...c, answers: c.answers + r.next!.points } : c));
      const after = byId(rateRetailers(raised, window))[r.retailerId]!;
      expect(after.rating, `${r.retailerId} with ${r.next.points} more points`).toBe(r.next.rating);
      // One point fewer is not enough.
      if (r.next.points > 1) {
        const short = cs.map((c) => (c.retailerId === r.retailerId ? { ...c, answers: c.answers + r.next!.points - 1 } : c));
        expect(byId(rateRetailers(short, window))[r.retailerId]!.rating).toBe(r.rating);
      }
    }
  });

  it('rates a single active retailer gold', () => {
    expect(rateRetailers([retailer('solo', 25)], window)[0]).toMatchObject({ rating: 'gold', place: 1, of: 1 });
  });
});
