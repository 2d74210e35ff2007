// Life events bring their bundle (offers.md): a bundle whose trigger just
// happened is among the first three offers, for every segment.
import { describe, expect, it } from 'vitest';
import { SEGMENT_IDS } from '#core/segments/index.ts';
import { DEMO, ids, rank } from './fixtures.ts';
import { TEXTBOOK } from '../segments/personas.ts';

describe('life events', () => {
  // A passive co-buyer buying a durable good is offered point-of-sale add-ons only (point-of-sale.test.ts).
  const REASON: Record<string, string> = { moving: 'life event: moving', family_growing: 'life event: growing family', travel_planned: 'life event: planned trip' };
  const segments = SEGMENT_IDS.filter((s) => s !== 'passive_co_buyer');

  for (const bundle of DEMO.bundles) {
    it.each(segments)(`${bundle.trigger} brings ${bundle.id} into the top three for %s`, (segment) => {
      const r = rank({ profile: { ...TEXTBOOK[segment], life_events: [bundle.trigger] } });
      expect(r.segment).toBe(segment);
      expect(ids(r).slice(0, 3)).toContain(bundle.id);
      expect(r.offers.find((o) => o.offer === bundle.id)!.reasons[0]).toBe(REASON[bundle.trigger]);
    });
  }

  it('keeps all three bundles up front when three of their events happened at once', () => {
    const r = rank({ profile: { ...TEXTBOOK.cautious_self_searcher, life_events: ['moving', 'family_growing', 'travel_planned'] } });
    expect(ids(r).slice(0, 3).sort()).toEqual(['bundle_moving', 'bundle_new_family', 'bundle_trip']);
  });

  it('keeps the bundle up front even when the manufacturer weighs it down to almost nothing', () => {
    const levers = { version: 'test', adaptive: 1, offers: { bundle_trip: 0.001 } };
    const r = rank({ profile: { ...TEXTBOOK.social_media_user, life_events: ['travel_planned'] }, levers });
    expect(ids(r).slice(0, 3)).toContain('bundle_trip');
    // The score stays honest: the rule moves it, not a made-up number.
    expect(r.offers.find((o) => o.offer === 'bundle_trip')!.score).toBeLessThan(r.offers[3]!.score!);
  });

  it('weighs the event\'s bundle and products more in context', () => {
    const r = rank({ profile: { ...TEXTBOOK.conscious_purchase_seeker, life_events: ['moving'] }, limit: 50 });
    const context = (id: string) => r.offers.find((o) => o.offer === id)!.breakdown!.context;
    expect(context('bundle_moving')).toBe(1.9);
    expect(context('household_contents')).toBe(1.5);
    expect(context('car')).toBe(1);
  });

  it('uses the event in the argument', () => {
    const r = rank({ profile: { ...TEXTBOOK.cautious_self_searcher, life_events: ['moving'] } });
    expect(r.offers.find((o) => o.offer === 'bundle_moving')!.argument.text).toMatch(/^Moving bundle for the move: /);
  });
});
