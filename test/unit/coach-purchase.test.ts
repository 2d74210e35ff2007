// A purchase under a mandate (coach.md, "Mandates: buying on the client's
// behalf"): the checks in their order, the calendar periods, what each
// purchase charges in them, and money in whole cents. Prices are the demo
// catalogue's: travel_cancellation €34 and travel_health_abroad €12 one-off
// (travel), ebike €7.90 a month and car_short_term €9 a day (mobility),
// device_protection €5.99 a month (electronics), building €39 a month (complex).
import { describe, expect, it } from 'vitest';
import {
  budgetState, centsOf, decidePurchase, periodOf, PURCHASE_REASONS, spentInPeriod,
  type PurchaseAttempt, type PurchaseLine, type PurchaseMandate,
} from '#core/coach/purchase.ts';
import type { CatalogueDocument } from '#core/manufacturer.ts';
import { DEMO, demoCatalogue } from './offers/fixtures.ts';

const mandate = (over: Partial<PurchaseMandate> = {}): PurchaseMandate => ({
  budgetCents: 10_000, period: 'month', areas: ['travel', 'mobility', 'electronics'], perPurchaseCapCents: 6_000,
  validFrom: '2027-01-01', validUntil: null, revokedOn: null, ...over,
});

function decide(attempt: PurchaseAttempt, over: Partial<PurchaseMandate> = {}, earlier: PurchaseLine[] = [], catalogue: CatalogueDocument = DEMO) {
  return decidePurchase({ mandate: mandate(over), earlier, attempt, catalogue });
}

const spentBefore = (period: PurchaseMandate['period'], earlier: PurchaseLine[], at: string) =>
  decide({ items: ['travel_health_abroad'], at }, { period }, earlier).spentBeforeCents;

describe('the order of the checks', () => {
  it('gives the first failing check as the reason, and each put right in turn reveals the next', () => {
    // Fails every check at once: an unknown item, before valid_from, revoked, complex, outside the areas, above cap and budget.
    let m = mandate({ validFrom: '2027-06-01', revokedOn: '2027-02-01', areas: ['electronics'], perPurchaseCapCents: 100, budgetCents: 4_000 });
    let items = ['yacht', 'building', 'travel_cancellation'];
    const earlier: PurchaseLine[] = [{ items: ['travel_health_abroad'], at: '2027-03-01' }];
    const step = () => decidePurchase({ mandate: m, earlier, attempt: { items, at: '2027-03-20' }, catalogue: DEMO });
    const seen: [string, string | null][] = [];
    const fixes = [
      () => { items = ['building', 'travel_cancellation']; },
      () => { m = { ...m, validFrom: '2027-01-01' }; },
      () => { m = { ...m, revokedOn: null }; },
      () => { items = ['travel_cancellation']; },
      () => { m = { ...m, areas: ['travel'] }; },
      () => { m = { ...m, perPurchaseCapCents: 3_400 }; },
      () => { m = { ...m, budgetCents: 4_600 }; },
    ];
    for (const fix of [...fixes, null]) {
      const d = step();
      seen.push([d.decision, d.reason]);
      fix?.();
    }
    expect(seen).toEqual([
      ['refused', 'unknown_product'], ['refused', 'not_in_force'], ['refused', 'revoked'], ['needs_consent', 'complex_product'],
      ['refused', 'outside_areas'], ['refused', 'over_cap'], ['refused', 'over_budget'], ['allowed', null],
    ]);
    expect(seen.slice(0, -1).map(([, r]) => r)).toEqual([...PURCHASE_REASONS]);
  });

  it('an unknown product: nothing can be computed, nothing is bought', () => {
    expect(decide({ items: ['travel_cancellation', 'yacht'], at: '2027-03-20' })).toEqual({
      decision: 'refused', reason: 'unknown_product', priceCents: null, chargeCents: null, period: null,
      spentBeforeCents: null, remainingAfterCents: null, products: [],
    });
  });

  it('a refused purchase still reports its price, charge and the period, and leaves the budget as it was', () => {
    const d = decide({ items: ['travel_cancellation'], at: '2027-03-20' }, { areas: ['mobility'] }, [{ items: ['travel_health_abroad'], at: '2027-03-02' }]);
    expect(d).toEqual({
      decision: 'refused', reason: 'outside_areas', priceCents: 3_400, chargeCents: 3_400, period: { from: '2027-03-01', to: '2027-03-31' },
      spentBeforeCents: 1_200, remainingAfterCents: 8_800, products: ['travel_cancellation'],
    });
  });

  it('the coach.md example: €12 allowed after €34 spent, €54 left of €100', () => {
    const d = decide({ items: ['travel_health_abroad'], at: '2027-03-20', days: 1, singleConsent: false }, { areas: ['travel'] }, [{ items: ['travel_cancellation'], at: '2027-03-02' }]);
    expect(d).toMatchObject({ decision: 'allowed', reason: null, priceCents: 1_200, chargeCents: 1_200, spentBeforeCents: 3_400, remainingAfterCents: 5_400 });
  });
});

describe('validity and revocation', () => {
  it.each<[string, Partial<PurchaseMandate>, string, string | null]>([
    ['on valid_from', { validFrom: '2027-03-20' }, 'allowed', null],
    ['the day before valid_from', { validFrom: '2027-03-21' }, 'refused', 'not_in_force'],
    ['on valid_until', { validUntil: '2027-03-20' }, 'allowed', null],
    ['the day after valid_until', { validUntil: '2027-03-19' }, 'refused', 'not_in_force'],
    ['revoked the same day', { revokedOn: '2027-03-20' }, 'refused', 'revoked'],
    ['revoked earlier', { revokedOn: '2027-01-05' }, 'refused', 'revoked'],
    ['revoked only the day after', { revokedOn: '2027-03-21' }, 'allowed', null],
  ])('a purchase %s', (_, over, decision, reason) => {
    expect(decide({ items: ['travel_health_abroad'], at: '2027-03-20' }, over)).toMatchObject({ decision, reason });
  });
});

describe('complex products', () => {
  it('need the client\'s single consent; the purchase then charges nothing and skips the mandate\'s other checks', () => {
    // building: household (outside the areas), €39 a month (above a cap and budget of 0).
    const over = { perPurchaseCapCents: 0, budgetCents: 0 };
    expect(decide({ items: ['building'], at: '2027-03-20' }, over)).toMatchObject({ decision: 'needs_consent', reason: 'complex_product', priceCents: 3_900, chargeCents: 0, remainingAfterCents: 0 });
    expect(decide({ items: ['building'], at: '2027-03-20', singleConsent: false }, over)).toMatchObject({ decision: 'needs_consent', reason: 'complex_product' });
    expect(decide({ items: ['building', 'ebike'], at: '2027-03-20', singleConsent: true }, over)).toMatchObject({
      decision: 'allowed', reason: null, priceCents: 4_690, chargeCents: 0, remainingAfterCents: 0, products: ['building', 'ebike'],
    });
  });

  it('single consent does not get past a mandate out of force or revoked', () => {
    expect(decide({ items: ['building'], at: '2027-03-20', singleConsent: true }, { revokedOn: '2027-03-20' })).toMatchObject({ decision: 'refused', reason: 'revoked' });
    expect(decide({ items: ['building'], at: '2027-03-20', singleConsent: true }, { validUntil: '2027-03-19' })).toMatchObject({ decision: 'refused', reason: 'not_in_force' });
  });

  it('single consent changes nothing for a purchase without a complex product', () => {
    expect(decide({ items: ['travel_cancellation'], at: '2027-03-20', singleConsent: true }, { areas: ['mobility'] })).toMatchObject({ decision: 'refused', reason: 'outside_areas' });
  });

  it('an earlier purchase holding a complex product charges nothing, its simple items included', () => {
    // The new family bundle: accident_child (simple, €6.50 a month) with term_life and child_savings (complex).
    expect(spentBefore('month', [{ items: ['bundle_new_family'], at: '2027-03-01' }], '2027-03-20')).toBe(0);
    expect(spentBefore('month', [{ items: ['accident_child'], at: '2027-03-01' }], '2027-03-20')).toBe(650);
  });
});

describe('cap and budget', () => {
  const earlier: PurchaseLine[] = [{ items: ['travel_cancellation'], at: '2027-03-02' }];

  it('a price equal to the cap is allowed, a cent more is not', () => {
    expect(decide({ items: ['travel_health_abroad'], at: '2027-03-20' }, { perPurchaseCapCents: 1_200 })).toMatchObject({ decision: 'allowed' });
    expect(decide({ items: ['travel_health_abroad'], at: '2027-03-20' }, { perPurchaseCapCents: 1_199 })).toMatchObject({ decision: 'refused', reason: 'over_cap' });
  });

  it('spent plus charge equal to the budget is allowed, a cent over is not', () => {
    expect(decide({ items: ['travel_health_abroad'], at: '2027-03-20' }, { budgetCents: 4_600 }, earlier)).toMatchObject({ decision: 'allowed', remainingAfterCents: 0 });
    expect(decide({ items: ['travel_health_abroad'], at: '2027-03-20' }, { budgetCents: 4_599 }, earlier)).toMatchObject({
      decision: 'refused', reason: 'over_budget', spentBeforeCents: 3_400, chargeCents: 1_200, remainingAfterCents: 1_199,
    });
  });

  it('the cap is on the price, the budget on the charge in the period', () => {
    // An e-bike bought in February under a yearly mandate: price €7.90, charge 11 × €7.90.
    const d = decide({ items: ['ebike'], at: '2027-02-10' }, { period: 'year', perPurchaseCapCents: 790, budgetCents: 8_689 });
    expect(d).toMatchObject({ decision: 'refused', reason: 'over_budget', priceCents: 790, chargeCents: 8_690 });
    expect(decide({ items: ['ebike'], at: '2027-02-10' }, { period: 'year', perPurchaseCapCents: 790, budgetCents: 8_690 }).decision).toBe('allowed');
  });

  it('a module that lowers its base product\'s price counts as listed', () => {
    // car €48 a month with pay as you drive -€6: €42, within a cap the car alone is above.
    expect(decide({ items: ['car', 'car_pay_as_you_drive'], at: '2027-03-20' }, { perPurchaseCapCents: 4_200 })).toMatchObject({ decision: 'allowed', priceCents: 4_200, chargeCents: 4_200 });
    expect(decide({ items: ['car'], at: '2027-03-20' }, { perPurchaseCapCents: 4_200 })).toMatchObject({ reason: 'over_cap' });
    expect(spentBefore('month', [{ items: ['car', 'car_pay_as_you_drive'], at: '2027-01-05' }], '2027-03-20')).toBe(4_200);
  });
});

describe('periods', () => {
  it.each<[string, PurchaseMandate['period'], string, string]>([
    ['2027-03-20', 'month', '2027-03-01', '2027-03-31'],
    ['2028-02-10', 'month', '2028-02-01', '2028-02-29'],
    ['2027-02-28', 'month', '2027-02-01', '2027-02-28'],
    ['2027-02-10', 'quarter', '2027-01-01', '2027-03-31'],
    ['2027-05-31', 'quarter', '2027-04-01', '2027-06-30'],
    ['2027-09-01', 'quarter', '2027-07-01', '2027-09-30'],
    ['2027-12-31', 'quarter', '2027-10-01', '2027-12-31'],
    ['2027-01-01', 'year', '2027-01-01', '2027-12-31'],
    ['2027-12-31', 'year', '2027-01-01', '2027-12-31'],
  ])('%s under a %s mandate lies in %s to %s', (day, period, from, to) => {
    expect(periodOf(day, period)).toEqual({ from, to });
  });

  it('a monthly item charges once for every month of the period from its purchase month on', () => {
    const ebike = (period: PurchaseMandate['period'], at: string) => decide({ items: ['ebike'], at }, { period, budgetCents: 100_000, perPurchaseCapCents: 100_000 });
    expect(ebike('month', '2027-02-10').chargeCents).toBe(790);
    // Bought in February under a quarterly mandate: February and March, twice.
    expect(ebike('quarter', '2027-02-10')).toMatchObject({ chargeCents: 1_580, period: { from: '2027-01-01', to: '2027-03-31' } });
    // Under a yearly one: February to December, eleven times.
    expect(ebike('year', '2027-02-10')).toMatchObject({ chargeCents: 8_690, period: { from: '2027-01-01', to: '2027-12-31' } });
    expect(ebike('quarter', '2027-03-31').chargeCents).toBe(790);
    expect(ebike('year', '2027-12-01').chargeCents).toBe(790);
  });

  it('the same for an earlier purchase in the period: February\'s e-bike has spent twice in the first quarter', () => {
    expect(spentBefore('quarter', [{ items: ['ebike'], at: '2027-02-10' }], '2027-03-20')).toBe(1_580);
    expect(spentBefore('year', [{ items: ['ebike'], at: '2027-02-10' }], '2027-03-20')).toBe(8_690);
  });

  it('a monthly item bought in an earlier period charges every month of the current one while held', () => {
    const before = [{ items: ['ebike'], at: '2026-11-15' }];
    expect(spentBefore('month', before, '2027-03-20')).toBe(790);
    expect(spentBefore('quarter', before, '2027-03-20')).toBe(2_370);
    expect(spentBefore('year', [{ items: ['ebike'], at: '2026-05-01' }], '2027-03-20')).toBe(9_480);
  });

  it('a one-off or per-day item charges only in the period of its date', () => {
    const march = [{ items: ['travel_cancellation'], at: '2027-03-31' }, { items: ['car_short_term'], at: '2027-03-30', days: 5 }];
    expect(spentBefore('month', march, '2027-03-31')).toBe(3_400 + 4_500);
    expect(spentBefore('month', march, '2027-04-01')).toBe(0);
    expect(spentBefore('quarter', march, '2027-04-01')).toBe(0);
    expect(spentBefore('year', march, '2027-04-01')).toBe(7_900);
    expect(spentBefore('year', march, '2028-01-02')).toBe(0);
  });

  it('ignores purchases dated after the attempt; one on the same day counts', () => {
    expect(spentBefore('month', [{ items: ['travel_cancellation'], at: '2027-03-21' }], '2027-03-20')).toBe(0);
    expect(spentBefore('month', [{ items: ['ebike'], at: '2027-03-21' }], '2027-03-20')).toBe(0);
    expect(spentBefore('month', [{ items: ['travel_cancellation'], at: '2027-03-20' }], '2027-03-20')).toBe(3_400);
  });

  it('a yearly premium charges in the month it falls due', () => {
    const catalogue = demoCatalogue();
    catalogue.products.find((p) => p.id === 'legal_protection')!.price = { amount: 240, period: 'year' };
    const spent = (period: PurchaseMandate['period'], on: string) =>
      spentInPeriod({ earlier: [{ items: ['legal_protection'], at: '2026-05-10' }], period: periodOf(on, period), upTo: on, catalogue });
    expect(spent('month', '2027-05-02')).toBe(24_000);
    expect(spent('month', '2027-04-30')).toBe(0);
    expect(spent('quarter', '2027-06-30')).toBe(24_000);
    expect(spent('year', '2027-01-01')).toBe(24_000);
  });
});

describe('days', () => {
  it('multiply per-day items only', () => {
    expect(decide({ items: ['car_short_term'], at: '2027-03-20', days: 3 })).toMatchObject({ priceCents: 2_700, chargeCents: 2_700 });
    expect(decide({ items: ['car_short_term'], at: '2027-03-20' })).toMatchObject({ priceCents: 900 });
    expect(decide({ items: ['car_short_term', 'ebike', 'travel_health_abroad'], at: '2027-03-20', days: 3 })).toMatchObject({ priceCents: 2_700 + 790 + 1_200 });
    expect(decide({ items: ['ebike'], at: '2027-03-20', days: 3 })).toMatchObject({ priceCents: 790 });
  });

  it('seven days of a short-term car are above a cap one day is within', () => {
    expect(decide({ items: ['car_short_term'], at: '2027-03-20', days: 7 }, { perPurchaseCapCents: 6_000 })).toMatchObject({ reason: 'over_cap', priceCents: 6_300 });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s days: a whole number of at least 1', (days) => {
    expect(() => decide({ items: ['car_short_term'], at: '2027-03-20', days })).toThrow(/days must be a whole number of at least 1/);
    expect(() => spentInPeriod({ earlier: [{ items: ['car_short_term'], at: '2027-03-01', days }], period: periodOf('2027-03-20', 'month'), upTo: '2027-03-20', catalogue: DEMO })).toThrow(/days/);
  });

  it('refuses a purchase of nothing', () => {
    expect(() => decide({ items: [], at: '2027-03-20' })).toThrow(/at least one item/);
  });
});

describe('bundles', () => {
  it('a bundle id stands for its products, each bought once', () => {
    expect(decide({ items: ['bundle_trip'], at: '2027-03-20' })).toMatchObject({ decision: 'allowed', priceCents: 4_600, products: ['travel_cancellation', 'travel_health_abroad'] });
    expect(decide({ items: ['travel_health_abroad', 'bundle_trip'], at: '2027-03-20' })).toMatchObject({ priceCents: 4_600, products: ['travel_health_abroad', 'travel_cancellation'] });
    expect(spentBefore('month', [{ items: ['bundle_trip'], at: '2027-03-01' }], '2027-03-20')).toBe(4_600);
  });

  it('a bundle is checked by its products: their areas and complexity', () => {
    // The moving bundle: a partner service and two household products.
    expect(decide({ items: ['bundle_moving'], at: '2027-03-20' }, { areas: ['household'] })).toMatchObject({ reason: 'outside_areas' });
    expect(decide({ items: ['bundle_new_family'], at: '2027-03-20' })).toMatchObject({ decision: 'needs_consent', reason: 'complex_product' });
  });
});

describe('money in whole cents', () => {
  it.each<[number, number]>([[5.99, 599], [0.125, 13], [1.005, 101], [0.1 + 0.2, 30], [12, 1_200], [-6, -600], [-0.125, -13], [0, 0], [-0.001, 0]])('%s euros are %s cents', (euros, cents) => {
    expect(centsOf(euros)).toBe(cents);
    expect(Object.is(centsOf(euros), -0)).toBe(false);
  });

  it('€5.99 a month from February under a yearly mandate charges exactly €65.89', () => {
    expect(decide({ items: ['device_protection'], at: '2027-02-01' }, { period: 'year' }).chargeCents).toBe(6_589);
    expect(decide({ items: ['device_protection'], at: '2027-02-01' }, { perPurchaseCapCents: 598 }).reason).toBe('over_cap');
  });
});

describe('budgetState, for a mandate card', () => {
  it('shows the current period, what it has spent up to the day and what is left', () => {
    const earlier: PurchaseLine[] = [
      { items: ['ebike'], at: '2027-02-10' }, { items: ['travel_cancellation'], at: '2027-03-02' }, { items: ['travel_health_abroad'], at: '2027-03-25' },
    ];
    expect(budgetState({ mandate: mandate({ period: 'quarter' }), earlier, on: '2027-03-20', catalogue: DEMO })).toEqual({
      period: { from: '2027-01-01', to: '2027-03-31' }, spentCents: 1_580 + 3_400, leftCents: 10_000 - 4_980,
    });
    expect(budgetState({ mandate: mandate({ period: 'quarter' }), earlier, on: '2027-04-01', catalogue: DEMO })).toEqual({
      period: { from: '2027-04-01', to: '2027-06-30' }, spentCents: 2_370, leftCents: 7_630,
    });
  });

  it('agrees with the decision on what was spent before', () => {
    const earlier: PurchaseLine[] = [{ items: ['ebike'], at: '2026-12-24' }, { items: ['car_short_term'], at: '2027-01-03', days: 2 }];
    const state = budgetState({ mandate: mandate({ period: 'quarter' }), earlier, on: '2027-02-14', catalogue: DEMO });
    const d = decide({ items: ['travel_health_abroad'], at: '2027-02-14' }, { period: 'quarter' }, earlier);
    expect(state.spentCents).toBe(d.spentBeforeCents);
    expect(state.spentCents).toBe(3 * 790 + 1_800);
  });
});
