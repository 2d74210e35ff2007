// The arithmetic of learning from outcomes: a Beta prior centred on the
// offer's overall rate, updated per segment.
import { describe, expect, it } from 'vitest';
import { PRIOR_MEAN, PRIOR_STRENGTH, propensityTable } from '#backend/learn.ts';

const counts = (entries: [string, string, number, number][]) => {
  const m = new Map<string, Map<string, { accepted: number; rejected: number }>>();
  for (const [segment, offer, accepted, rejected] of entries) {
    if (!m.has(segment)) m.set(segment, new Map());
    m.get(segment)!.set(offer, { accepted, rejected });
  }
  return m;
};
const at = new Date('2026-11-30T12:00:00Z');

describe('learned propensities', () => {
  it('a new offer with one acceptance is not overrated: it moves only a little from the prior', () => {
    const t = propensityTable(counts([['social_media_user', 'ebike', 1, 0]]), at);
    const rate = t.rates.social_media_user!.ebike!;
    expect(rate).toBeGreaterThan(PRIOR_MEAN);
    expect(rate).toBeLessThan(0.5);
  });
  it('many rejections in one segment pull that segment’s rate far down, not other segments’', () => {
    const t = propensityTable(counts([['passive_co_buyer', 'car', 0, 60], ['conscious_purchase_seeker', 'car', 6, 4]]), at);
    expect(t.rates.passive_co_buyer!.car!).toBeLessThan(0.1);
    expect(t.rates.conscious_purchase_seeker!.car!).toBeGreaterThan(t.rates.passive_co_buyer!.car! * 3);
  });
  it('is the posterior mean: (accepted + prior mean × strength) / (outcomes + strength), the prior centred on the offer overall', () => {
    const t = propensityTable(counts([['social_media_user', 'accident', 3, 7]]), at);
    const overall = (3 + PRIOR_MEAN * PRIOR_STRENGTH) / (10 + PRIOR_STRENGTH);
    expect(t.rates.social_media_user!.accident!).toBeCloseTo((3 + overall * PRIOR_STRENGTH) / (10 + PRIOR_STRENGTH), 4);
    expect(t.outcomes.social_media_user!.accident).toBe(10);
  });
  it('outcomes without a segment shape the offer’s overall rate but have no row of their own', () => {
    const t = propensityTable(counts([['', 'legal_protection', 0, 40], ['brand_identity_seeker', 'legal_protection', 0, 0]]), at);
    expect(t.rates['']).toBeUndefined();
    expect(t.rates.brand_identity_seeker!.legal_protection!).toBeLessThan(PRIOR_MEAN / 2);
  });
});
