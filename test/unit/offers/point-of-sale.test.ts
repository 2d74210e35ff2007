// A passive co-buyer buying a durable good is offered a light choice between
// variants A, B, C of point-of-sale add-ons, and nothing else (offers.md).
import { describe, expect, it } from 'vitest';
import { DEMO, ids, rank } from './fixtures.ts';
import { TEXTBOOK } from '../segments/personas.ts';

const POS = DEMO.products.filter((p) => p.point_of_sale || p.variants).map((p) => p.id);

describe('passive co-buyer at the point of sale', () => {
  const buying = { ...TEXTBOOK.passive_co_buyer, purchase_occasion: 'durable_good' as const, life_events: ['moving' as const, 'travel_planned' as const] };

  it('gets only point-of-sale products, each with its variants A, B, C, named and priced', () => {
    for (const lang of ['en', 'de'] as const) {
      const r = rank({ profile: buying, lang });
      expect(r.segment).toBe('passive_co_buyer');
      expect(ids(r).sort()).toEqual([...POS].sort());
      for (const o of r.offers) {
        expect(o.argument.style).toBe('add_on_choice');
        expect(o.variants!.map((v) => v.id)).toEqual(['A', 'B', 'C']);
        for (const v of o.variants!) {
          expect(v.name.length).toBeGreaterThan(0);
          expect(v.price.amount).toBeGreaterThan(0);
          expect(o.argument.text).toContain(`${v.id} ${v.name}`);
        }
      }
    }
  });

  it('names the variants in the argument with their prices', () => {
    const device = rank({ profile: buying }).offers.find((o) => o.offer === 'device_protection')!;
    expect(device.argument.text).toBe('To go with your purchase, Device protection (electronics) comes in three variants: A Basic (€3.99 a month), B Comfort (€5.99 a month), C Premium (€8.99 a month). Choose the one that suits you, or none at all.');
  });

  it('also when the advisor set the segment by hand', () => {
    const r = rank({ profile: { purchase_occasion: 'durable_good' }, segment: 'passive_co_buyer' });
    expect(ids(r).sort()).toEqual([...POS].sort());
  });

  it('leaves out what the client holds, even here', () => {
    expect(ids(rank({ profile: buying, owned: ['device_protection'] }))).not.toContain('device_protection');
  });

  it('without a durable good in hand, a passive co-buyer gets every kind of offer, argued on price-performance', () => {
    const r = rank({ profile: { ...TEXTBOOK.passive_co_buyer, purchase_occasion: 'none' }, limit: 50 });
    expect(r.segment).toBe('passive_co_buyer');
    expect(ids(r).some((id) => !POS.includes(id))).toBe(true);
    expect(r.offers.every((o) => o.argument.style === 'price_performance')).toBe(true);
  });

  it('any other client at a point of sale sees point-of-sale products weighted up, not alone', () => {
    const r = rank({ profile: TEXTBOOK.cautious_self_searcher, context: { at_point_of_sale: true }, limit: 50 });
    const device = r.offers.find((o) => o.offer === 'device_protection')!;
    expect(device.breakdown!.context).toBe(1.5);
    expect(device.reasons).toContain('client is at the point of sale');
    expect(ids(r).some((id) => !POS.includes(id))).toBe(true);
  });
});
