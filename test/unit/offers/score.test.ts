// Score = propensity × value × lever × context (offers.md), each factor shown
// to the advisor.
import { describe, expect, it } from 'vitest';
import { CONTEXT, DEFAULT_LEVERS, EXPECTED_YEARS, rankOffers, valueOf, compileCatalogue, VALUE_FLOOR } from '#core/offers/index.ts';
import { ALL, DEMO, demoCatalogue, product, rank } from './fixtures.ts';
import { TEXTBOOK } from '../segments/personas.ts';

describe('score', () => {
  const all = rank({ profile: { ...TEXTBOOK.social_media_user, life_events: ['new_car'] }, context: { at_point_of_sale: true, meeting_topic_complex: true }, limit: ALL }).offers;

  it('is the product of its four factors, each in its range', () => {
    for (const o of all) {
      const b = o.breakdown!;
      expect(o.score).toBeCloseTo(b.propensity * b.value * b.lever * b.context, 2);
      expect(b.propensity).toBeGreaterThan(0);
      expect(b.propensity).toBeLessThanOrEqual(1);
      expect(b.value).toBeGreaterThanOrEqual(VALUE_FLOOR);
      expect(b.value).toBeLessThanOrEqual(1);
      expect(b.context).toBeGreaterThanOrEqual(1);
    }
  });

  it('values by price × margin × expected duration, on one scale for the catalogue', () => {
    const cat = compileCatalogue(DEMO);
    // A pension paid for years is worth more to the manufacturer than a one-off trip cover.
    expect(valueOf(cat, [product('pension_private')])).toBeGreaterThan(valueOf(cat, [product('travel_health_abroad')]));
    expect(cat.margin.get('household_contents')).toBeCloseTo(9.8 * 12 * EXPECTED_YEARS.base * 0.33, 6);
    expect(cat.margin.get('travel_health_abroad')).toBeCloseTo(12 * 0.5, 6);
    // A module that lowers the price earns nothing by the formula but keeps the floor.
    expect(valueOf(cat, [product('car_pay_as_you_drive')])).toBe(VALUE_FLOOR);
    expect(Math.max(...DEMO.products.map((p) => valueOf(cat, [p])), ...DEMO.bundles.map((b) => valueOf(cat, b.items.map(product))))).toBe(1);
  });

  it('weighs adaptive products by the strategic lever, others 1.0, and a campaign as the manufacturer sets it', () => {
    const lever = (id: string) => all.find((o) => o.offer === id)!.breakdown!.lever;
    expect(lever('car')).toBe(DEFAULT_LEVERS.adaptive);
    expect(lever('household_contents')).toBe(1);
    const campaign = rank({ consent: { profiling: false }, levers: { ...DEFAULT_LEVERS, offers: { ebike: 2.5 } }, limit: ALL });
    expect(campaign.offers.find((o) => o.offer === 'ebike')!.breakdown!.lever).toBe(2.5);
  });

  it('raises context for the point of sale, a complex meeting topic and a life event', () => {
    const context = (id: string) => all.find((o) => o.offer === id)!.breakdown!.context;
    expect(context('device_protection')).toBe(CONTEXT.pointOfSale);
    expect(context('pension_private')).toBe(CONTEXT.complexTopic);
    expect(context('car')).toBe(CONTEXT.lifeEvent);
    expect(context('legal_protection')).toBe(1);
  });

  it('is the same for the same request, and does not depend on the catalogue object', () => {
    const req = { profile: TEXTBOOK.conscious_purchase_seeker, consent: { profiling: true }, lang: 'de' as const };
    expect(rankOffers({ ...req, catalogue: demoCatalogue() })).toEqual(rankOffers({ ...req, catalogue: demoCatalogue() }));
  });
});
