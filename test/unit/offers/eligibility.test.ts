// Eligibility before scoring (offers.md): never what the client holds, never a
// module without its base.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankOffers } from '#core/offers/index.ts';
import { SEGMENT_IDS } from '#core/segments/index.ts';
import { ALL, DEMO, demoCatalogue, ids, ownedArb, product, profileArb, rank } from './fixtures.ts';

const anyCase = fc.record({
  profile: profileArb, owned: ownedArb, profiling: fc.boolean(),
  segment: fc.option(fc.constantFrom(...SEGMENT_IDS), { nil: undefined }),
  pos: fc.boolean(), complex: fc.boolean(),
});

describe('eligibility', () => {
  it('never offers a product the client owns, alone or inside a bundle', () => {
    fc.assert(fc.property(anyCase, (c) => {
      const r = rank({ profile: c.profile, owned: c.owned, consent: { profiling: c.profiling }, segment: c.segment, context: { at_point_of_sale: c.pos, meeting_topic_complex: c.complex }, limit: ALL });
      for (const o of r.offers) {
        expect(c.owned).not.toContain(o.offer);
        for (const item of o.items ?? []) expect(c.owned).not.toContain(item);
      }
    }), { numRuns: 300 });
  });

  it('never offers a module without its base: the base is owned, or in the same bundle', () => {
    fc.assert(fc.property(anyCase, (c) => {
      const r = rank({ profile: c.profile, owned: c.owned, consent: { profiling: c.profiling }, segment: c.segment, limit: ALL });
      for (const o of r.offers) {
        if (o.kind === 'module') expect(c.owned).toContain(product(o.offer).requires);
        for (const item of o.items ?? []) {
          const base = product(item).requires;
          if (base) expect([...c.owned, ...o.items!]).toContain(base);
        }
      }
    }), { numRuns: 300 });
  });

  it('offers a module once its base is held, and says so', () => {
    expect(ids(rank({ owned: [], limit: ALL }))).not.toContain('liability_drone');
    const r = rank({ owned: ['liability_private'], limit: ALL });
    const drone = r.offers.find((o) => o.offer === 'liability_drone')!;
    expect(drone.kind).toBe('module');
    expect(drone.reasons).toContain('adds to a contract already held: Personal liability');
  });

  it('offers what is left of a bundle when an item is owned, and no bundle of one', () => {
    const moving = { profile: { life_events: ['moving' as const] }, limit: ALL };
    expect(rank({ ...moving, owned: ['furniture_transit'] }).offers.find((o) => o.offer === 'bundle_moving')!.items)
      .toEqual(['partner_moving_company', 'partner_hotel_night']);
    expect(ids(rank({ ...moving, owned: ['furniture_transit', 'partner_hotel_night'] }))).not.toContain('bundle_moving');
  });

  it('drops a bundle\'s module whose base is neither owned nor in the bundle, and keeps one whose base comes along', () => {
    const catalogue = demoCatalogue();
    catalogue.bundles.push(
      { id: 'bundle_bike', name: { de: 'Rad', en: 'Bike' }, trigger: 'new_home', items: ['household_contents', 'household_bike', 'ebike'] },
      { id: 'bundle_drone', name: { de: 'Drohne', en: 'Drone' }, trigger: 'new_home', items: ['liability_drone', 'ebike', 'accident'] },
    );
    const r = rankOffers({ consent: { profiling: false }, catalogue, lang: 'en', limit: ALL });
    expect(r.offers.find((o) => o.offer === 'bundle_bike')!.items).toEqual(['household_contents', 'household_bike', 'ebike']);
    expect(r.offers.find((o) => o.offer === 'bundle_bike')!.reasons).toContain('Household contents comes in the bundle');
    expect(r.offers.find((o) => o.offer === 'bundle_drone')!.items).toEqual(['ebike', 'accident']);
    const bought = rankOffers({ consent: { profiling: false }, owned: ['household_contents'], catalogue, lang: 'en', limit: ALL });
    expect(bought.offers.find((o) => o.offer === 'bundle_bike')!.items).toEqual(['household_bike', 'ebike']);
  });

  it('offers every other product and bundle of the demo catalogue to a client who holds nothing, niche products aside', () => {
    const r = rank({ consent: { profiling: false }, limit: ALL });
    const expected = [...DEMO.products.filter((p) => p.kind !== 'module' && !p.offered_if).map((p) => p.id), ...DEMO.bundles.map((b) => b.id)];
    expect(ids(r).sort()).toEqual(expected.sort());
  });

  it('gives at most ten offers, best first unless a life event keeps its bundle up front', () => {
    const r = rank({ consent: { profiling: false } });
    expect(r.offers).toHaveLength(10);
    const scores = r.offers.map((o) => o.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
