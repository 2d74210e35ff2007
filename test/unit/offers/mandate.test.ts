// within_mandate (offers.md): true only when a mandate is given, the offer is
// simple, its area is in the mandate, and its price per purchase fits both the
// cap and the remaining budget. Each condition failing alone makes it false.
import { describe, expect, it } from 'vitest';
import { pricePerPurchase, withinMandate, type MandateTerms } from '#core/offers/index.ts';
import { ALL, product, rank } from './fixtures.ts';
import { TEXTBOOK } from '../segments/personas.ts';

const trip = product('travel_health_abroad'); // simple, travel, €12 one-off
const fits: MandateTerms = { budget_remaining: 60, areas: ['travel', 'mobility'], per_purchase_cap: 40 };

describe('within_mandate', () => {
  it('holds when every condition holds, also at the exact cap and budget', () => {
    expect(withinMandate(fits, [trip])).toBe(true);
    expect(withinMandate({ ...fits, per_purchase_cap: 12, budget_remaining: 12 }, [trip])).toBe(true);
  });

  it.each<[string, MandateTerms | null, string]>([
    ['no mandate', null, 'travel_health_abroad'],
    ['a complex product', { ...fits, areas: ['income'], per_purchase_cap: 100, budget_remaining: 100 }, 'disability_income'],
    ['an area outside the mandate', { ...fits, areas: ['mobility'] }, 'travel_health_abroad'],
    ['a price above the cap', { ...fits, per_purchase_cap: 11.99 }, 'travel_health_abroad'],
    ['a price above the remaining budget', { ...fits, budget_remaining: 11.99 }, 'travel_health_abroad'],
  ])('fails on %s alone', (_, mandate, id) => {
    const p = product(id);
    expect(withinMandate(mandate, [p])).toBe(false);
    // The control: the same product with that one condition put right.
    if (p.complexity === 'simple' && mandate) expect(withinMandate(fits, [p])).toBe(true);
    if (p.complexity === 'complex') expect(withinMandate(mandate, [{ ...p, complexity: 'simple' }])).toBe(true);
  });

  it('a bundle: every item simple and in an area of the mandate, the sum of its prices within cap and budget', () => {
    const items = [product('travel_cancellation'), product('travel_health_abroad')]; // €34 + €12
    expect(pricePerPurchase(items)).toBe(46);
    expect(withinMandate({ budget_remaining: 46, areas: ['travel'], per_purchase_cap: 46 }, items)).toBe(true);
    expect(withinMandate({ budget_remaining: 46, areas: ['travel'], per_purchase_cap: 45.99 }, items)).toBe(false);
    expect(withinMandate({ budget_remaining: 1000, areas: ['travel', 'family'], per_purchase_cap: 1000 }, [...items, product('term_life')])).toBe(false);
  });

  it('never holds for an offer with a complex product, whatever the mandate', () => {
    const all = rank({ profile: TEXTBOOK.responsibility_delegator, mandate: { budget_remaining: 1e6, areas: ['household', 'income', 'family', 'pension', 'travel'], per_purchase_cap: 1e6 }, limit: ALL }).offers;
    for (const o of all) {
      const items = (o.items ?? [o.offer]).map(product);
      if (items.some((p) => p.complexity === 'complex')) expect(o.within_mandate).toBe(false);
    }
    expect(all.some((o) => o.within_mandate)).toBe(true);
  });

  it('follows offers.md\'s example case', () => {
    const r = rank({ profile: { purchase_driver: 'convenience', life_events: ['moving'] }, owned: ['liability_private'], mandate: fits });
    expect(r.segment).toBe('convenient_non_searcher');
    expect(r.offers[0]).toMatchObject({ offer: 'bundle_moving', kind: 'bundle', items: ['partner_moving_company', 'furniture_transit', 'partner_hotel_night'], argument: { style: 'convenience' }, within_mandate: false });
    expect(r.offers[0]!.reasons).toContain('life event: moving');
    expect(r.offers.find((o) => o.offer === 'car_short_term')!.within_mandate).toBe(true);
  });
});
