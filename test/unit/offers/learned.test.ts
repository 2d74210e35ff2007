// Learned acceptance rates (offers.md, feedback): the backend's table per
// segment and offer is blended into propensity, so it changes the ranking for
// that segment and for no other.
import { describe, expect, it } from 'vitest';
import { PROPENSITY, type PropensityTable } from '#core/offers/index.ts';
import { ids, rank } from './fixtures.ts';
import { TEXTBOOK } from '../segments/personas.ts';

const table: PropensityTable = { version: 'learned.2026-01', rates: { cautious_self_searcher: { accident: 1, legal_protection: 0 } } };

describe('learned propensities', () => {
  const cautious = { profile: TEXTBOOK.cautious_self_searcher, limit: 50 };

  it('moves an offer the segment accepts up, and one it turns down, down', () => {
    const before = ids(rank(cautious));
    const after = ids(rank({ ...cautious, propensities: table }));
    expect(after).not.toEqual(before);
    expect(after.indexOf('accident')).toBeLessThan(before.indexOf('accident'));
    expect(after.indexOf('legal_protection')).toBeGreaterThan(before.indexOf('legal_protection'));
  });

  it('blends the rate with the rules\' estimate and says so', () => {
    const rules = rank(cautious).offers.find((o) => o.offer === 'accident')!;
    const learned = rank({ ...cautious, propensities: table }).offers.find((o) => o.offer === 'accident')!;
    expect(learned.breakdown!.propensity).toBeCloseTo((1 - PROPENSITY.learned) * rules.breakdown!.propensity + PROPENSITY.learned * 1, 3);
    expect(learned.reasons).toContain('track record: accepted by 100% of clients in this segment');
    expect(rank({ ...cautious, propensities: table, lang: 'de' }).offers.find((o) => o.offer === 'accident')!.reasons)
      .toContain('Erfahrungswert: von 100\u00a0% der Kunden dieses Segments angenommen');
  });

  it('leaves other segments\' rankings alone', () => {
    const social = { profile: TEXTBOOK.social_media_user, limit: 50 };
    expect(rank({ ...social, propensities: table })).toEqual(rank(social));
  });

  it('follows the segment in force: the advisor\'s override picks the override\'s rates', () => {
    const overridden = { profile: TEXTBOOK.social_media_user, segment: 'cautious_self_searcher' as const, limit: 50 };
    expect(ids(rank({ ...overridden, propensities: table }))).not.toEqual(ids(rank(overridden)));
  });

  it('is not used without a segment (no consent, or the client rejected it)', () => {
    for (const extra of [{ consent: { profiling: false } }, { segment: null }]) {
      expect(rank({ ...cautious, ...extra, propensities: table })).toEqual(rank({ ...cautious, ...extra }));
    }
  });
});
