// Value tiers: the best tier whose every criterion holds, each criterion
// beside its thresholds, what the next tier still needs, and the lifetime
// value with the arithmetic it shows.
import { describe, expect, it } from 'vitest';
import { CLV_ASSUMPTIONS, estimateClv, expectedRemainingYears } from '#core/clv.ts';
import { addYears, isRealDate, yearsBetween } from '#core/dates.ts';
import { ATTRIBUTE_IDS, type Profile } from '#core/profile.ts';
import { gapText } from '#core/tier-text.ts';
import { assessValueTier, type HeldProduct, type TierInput, type TierRules } from '#core/tiers.ts';

/** The demo catalogue's criteria (backend/seed/catalog.json). */
const RULES: TierRules = [
  { tier: 'A', criteria: { min_yearly_premium: 1500, min_product_areas: 4, min_years: 3, min_profile_completeness: 0.8 }, benefits: { de: ['Rückruf am selben Tag'], en: ['Same-day call-back'] } },
  { tier: 'B', criteria: { min_yearly_premium: 500, min_product_areas: 2, min_years: 1, min_profile_completeness: 0.5 }, benefits: { de: [], en: [] } },
  { tier: 'C', criteria: {}, benefits: { de: [], en: [] } },
];
const PRODUCTS = ['liability', 'household', 'mobility', 'health', 'pension', 'legal'].map((area) => ({ id: `${area}_product`, area }));
const TODAY = '2026-11-23';

/** A profile with the first n attributes answered. */
function answered(n: number): Profile {
  return Object.fromEntries(ATTRIBUTE_IDS.slice(0, n).map((a) => [a, a === 'life_events' ? [] : 'x'])) as Profile;
}
/** Holdings spread over n areas, adding up to a yearly premium in euros. */
function holdings(areas: number, euros: number, since = '2026-01-01'): HeldProduct[] {
  return Array.from({ length: areas }, (_, i) => ({
    productId: PRODUCTS[i]!.id, since, endedOn: null,
    yearlyPremiumCents: i === 0 ? Math.round(euros * 100) - (areas - 1) * 100 : 100,
  }));
}
function assess(over: Partial<TierInput>) {
  return assessValueTier({ rules: RULES, products: PRODUCTS, holdings: [], firstContact: null, profile: {}, today: TODAY, ...over });
}
const A_CLIENT = { holdings: holdings(4, 1500), firstContact: '2023-11-23', profile: answered(9) };
const B_CLIENT = { holdings: holdings(2, 500), firstContact: '2025-11-23', profile: answered(6) };

describe('assessValueTier: tier boundaries', () => {
  it('puts a client exactly on every A threshold into A, and nothing is missing', () => {
    const r = assess(A_CLIENT);
    expect(r.tier).toBe('A');
    expect(r.next).toBeNull();
    expect(r.facts).toMatchObject({ yearlyPremiumCents: 150_000, productAreas: 4, years: 3, answered: 9 });
  });

  it.each([
    ['one cent less premium', { holdings: holdings(4, 1499.99) }, 'min_yearly_premium'],
    ['one area fewer', { holdings: holdings(3, 1500) }, 'min_product_areas'],
    ['one day short of three years', { firstContact: '2023-11-24' }, 'min_years'],
    ['one answer fewer (8 of 11 < 0.8)', { profile: answered(8) }, 'min_profile_completeness'],
  ] as const)('drops to B with %s, and says which criterion', (_label, change, criterion) => {
    const r = assess({ ...A_CLIENT, ...change });
    expect(r.tier).toBe('B');
    expect(r.next!.tier).toBe('A');
    expect(r.next!.gaps.map((g) => g.criterion)).toEqual([criterion]);
  });

  it('puts a client exactly on every B threshold into B', () => {
    expect(assess(B_CLIENT).tier).toBe('B');
    expect(assess({ ...B_CLIENT, holdings: holdings(2, 499.99) }).tier).toBe('C');
    expect(assess({ ...B_CLIENT, holdings: holdings(1, 500) }).tier).toBe('C');
    expect(assess({ ...B_CLIENT, firstContact: '2025-11-24' }).tier).toBe('C');
    expect(assess({ ...B_CLIENT, profile: answered(5) }).tier).toBe('C');
  });

  it('puts a client without holdings into C', () => {
    const r = assess({ firstContact: '2015-01-01', profile: answered(11) });
    expect(r.tier).toBe('C');
    expect(r.facts).toMatchObject({ yearlyPremiumCents: 0, productAreas: 0 });
    expect(r.next!.tier).toBe('B');
    expect(r.clv.cents).toBe(0);
  });

  it('counts only holdings not ended, but counts loyalty from the first ever held', () => {
    const ended = holdings(4, 1500, '2020-01-01').map((h, i) => (i === 3 ? { ...h, endedOn: '2026-01-01' } : h));
    const r = assess({ ...A_CLIENT, firstContact: null, holdings: ended });
    expect(r.facts.productAreas).toBe(3);
    expect(r.facts.loyalSince).toBe('2020-01-01');
    // An end date still ahead: the product is still held.
    expect(assess({ ...A_CLIENT, holdings: holdings(4, 1500).map((h) => ({ ...h, endedOn: '2027-01-01' })) }).tier).toBe('A');
  });

  it('counts each product area once and ignores products the catalogue does not know for areas, not for premium', () => {
    const twoInOne = [...holdings(1, 300), { productId: PRODUCTS[0]!.id, since: '2020-01-01', endedOn: null, yearlyPremiumCents: 10_000 }];
    const unknown = { productId: 'withdrawn', since: '2020-01-01', endedOn: null, yearlyPremiumCents: 50_000 };
    const r = assess({ ...B_CLIENT, holdings: [...twoInOne, unknown] });
    expect(r.facts).toMatchObject({ productAreas: 1, yearlyPremiumCents: 90_000 });
  });

  it('falls to the lowest listed tier when the manufacturer lists no tier without criteria', () => {
    const r = assessValueTier({ rules: RULES.slice(0, 2), products: PRODUCTS, holdings: [], firstContact: null, profile: {}, today: TODAY });
    expect(r.tier).toBe('B');
    expect(r.next!.tier).toBe('A');
  });
});

describe('assessValueTier: criteria and the next tier', () => {
  it('shows every criterion with its value and each tier’s threshold, premiums in cents', () => {
    const r = assess(B_CLIENT);
    expect(r.criteria.map((c) => c.criterion)).toEqual(['min_yearly_premium', 'min_product_areas', 'min_years', 'min_profile_completeness']);
    expect(r.criteria[0]).toEqual({
      criterion: 'min_yearly_premium', value: 50_000,
      thresholds: [{ tier: 'A', threshold: 150_000, met: false }, { tier: 'B', threshold: 50_000, met: true }],
    });
    expect(r.criteria[3]!.value).toBeCloseTo(6 / 11);
  });

  it('lists only what is missing for the next tier, in units the advisor can act on', () => {
    const r = assess({ holdings: holdings(1, 180), firstContact: '2025-03-01', profile: answered(4) });
    expect(r.tier).toBe('C');
    expect(r.next!.gaps).toEqual([
      { criterion: 'min_yearly_premium', value: 18_000, threshold: 50_000, missing: 32_000, reachedOn: null },
      { criterion: 'min_product_areas', value: 1, threshold: 2, missing: 1, reachedOn: null },
      { criterion: 'min_profile_completeness', value: 4 / 11, threshold: 0.5, missing: 2, reachedOn: null },
    ]);
    const years = assess({ ...B_CLIENT, holdings: holdings(4, 1500), profile: answered(11) }).next!.gaps;
    expect(years).toEqual([{ criterion: 'min_years', value: 1, threshold: 3, missing: 2, reachedOn: '2028-11-23' }]);
  });

  it('says the gap in one line, in German and English', () => {
    const r = assess({ holdings: holdings(1, 180), firstContact: '2025-03-01', profile: answered(4) });
    const plain = (s: string) => s.replace(/\u00a0/g, ' ');
    expect(plain(gapText(r.next!.gaps, 'de'))).toBe('+320 € Jahresbeitrag, 1 weiterer Produktbereich, 2 weitere Antworten im Profil');
    expect(plain(gapText(r.next!.gaps, 'en'))).toBe('+€320 yearly premium, 1 more product area, 2 more profile answers');
    const later = assess({ ...B_CLIENT, holdings: holdings(2, 1100.5), profile: answered(11) }).next!.gaps;
    expect(plain(gapText(later, 'de'))).toBe('+400 € Jahresbeitrag, 2 weitere Produktbereiche, 3 Jahre Kundenbeziehung (ab 23.11.2028)');
    expect(plain(gapText(later, 'en'))).toBe('+€400 yearly premium, 2 more product areas, 3 years as a client (from 23/11/2028)');
    const newcomer = assess({ ...B_CLIENT, firstContact: '2025-12-01' }).next!.gaps;
    expect(gapText(newcomer, 'de')).toBe('1 Jahr Kundenbeziehung (ab 01.12.2026)');
    expect(gapText(newcomer, 'en')).toBe('1 year as a client (from 01/12/2026)');
    expect(gapText([{ ...newcomer[0]!, reachedOn: null }], 'en')).toBe('1 year as a client');
  });
});

describe('customer lifetime value', () => {
  it('is yearly premium × assumed margin rate × expected remaining years, each factor named', () => {
    expect(CLV_ASSUMPTIONS.marginRate).toBe(0.25);
    const clv = estimateClv(100_000, 2);
    expect(clv.factors).toEqual({
      yearlyPremiumCents: { value: 100_000, source: 'holdings' },
      marginRate: { value: 0.25, source: 'assumption' },
      remainingYears: { value: 5, source: 'assumption', loyaltyYears: 2 },
    });
    expect(clv.cents).toBe(125_000);
  });

  it('expects longer-standing clients to stay longer, within a cap', () => {
    expect(expectedRemainingYears(0)).toBe(3);
    expect(expectedRemainingYears(2.46)).toBe(5.4);
    expect(estimateClv(10_000, 2.96).factors.remainingYears).toMatchObject({ value: 5.9, loyaltyYears: 2.9 });
    expect(expectedRemainingYears(60)).toBe(25);
    expect(estimateClv(33_333, 0).cents).toBe(Math.round(33_333 * 0.25 * 3));
  });

  it('comes with the tier, from the active premium and the years of loyalty', () => {
    const r = assess(A_CLIENT);
    expect(r.clv.cents).toBe(150_000 * 0.25 * 6);
  });
});

describe('calendar years', () => {
  it('counts whole years by anniversary, leap days included', () => {
    expect(yearsBetween('2023-11-23', '2026-11-23')).toBe(3);
    expect(yearsBetween('2023-11-24', '2026-11-23')).toBeLessThan(3);
    expect(yearsBetween('2024-02-29', '2025-03-01')).toBe(1);
    expect(yearsBetween('2026-01-01', '2025-01-01')).toBe(0);
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
    expect(addYears('2024-01-01', 1.5)).toBe('2025-07-03');
    expect(isRealDate('2026-02-30')).toBe(false);
    expect(isRealDate('2028-02-29')).toBe(true);
  });
});
