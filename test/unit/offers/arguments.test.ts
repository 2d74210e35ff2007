// The argument adapts to the segment (offers.md): price-performance for the
// Economy area, identity for the Premium area (never a price or a feature
// list), convenience for convenient non-searchers and delegators; neutral
// facts without a segment. Texts name the offer and are ours in both languages.
import { describe, expect, it } from 'vitest';
import type { SegmentId } from '#core/segments/index.ts';
import { ALL, product, rank } from './fixtures.ts';
import { TEXTBOOK } from '../segments/personas.ts';

const PREMIUM: SegmentId[] = ['brand_identity_seeker', 'entrepreneurial_identity_seeker', 'community_identity_seeker'];
const ECONOMY: SegmentId[] = ['cautious_self_searcher', 'social_media_user', 'conscious_purchase_seeker'];
const CONVENIENCE: SegmentId[] = ['convenient_non_searcher', 'responsibility_delegator'];

const offersFor = (segment: SegmentId, lang: 'en' | 'de' = 'en') =>
  rank({ profile: { ...TEXTBOOK[segment], life_events: ['moving'] }, owned: ['liability_private'], lang, limit: ALL }).offers;

describe('arguments', () => {
  it.each(PREMIUM)('%s: identity, never a price, an amount or a list of items', (segment) => {
    for (const lang of ['en', 'de'] as const) {
      for (const o of offersFor(segment, lang)) {
        expect(o.argument.style).toBe('identity');
        expect(o.argument.text).not.toMatch(/€|\d|EUR/);
        for (const item of o.items ?? []) expect(o.argument.text).not.toContain(item);
      }
    }
  });

  it('identity arguments speak of what the product stands for, and of the club for a host\'s client', () => {
    expect(offersFor('brand_identity_seeker').find((o) => o.offer === 'green_household')!.argument.text).toContain('stands for sustainability');
    expect(offersFor('entrepreneurial_identity_seeker').find((o) => o.offer === 'club_liability')!.argument.text).toContain('supports the club');
    expect(offersFor('community_identity_seeker', 'de').find((o) => o.offer === 'equestrian_liability')!.argument.text).toContain('Händler, der den Reitsport lebt');
  });

  it.each(ECONOMY)('%s: price-performance, with the offer\'s name and price', (segment) => {
    const offers = offersFor(segment);
    for (const o of offers) {
      expect(o.argument.style).toBe('price_performance');
      expect(o.argument.text).toContain(o.name);
      expect(o.argument.text).toMatch(/€\d/);
    }
    expect(offers.find((o) => o.offer === 'liability_drone')!.argument.text).toBe('Drone add-on adds to your Personal liability for €1.50 a month: you pay only for the add-on you choose.');
    expect(offers.find((o) => o.offer === 'household_contents')!.argument.text).toContain('for the move: a clear offer at €9.80 a month');
  });

  it.each(CONVENIENCE)('%s: convenience', (segment) => {
    const offers = offersFor(segment);
    expect(offers.every((o) => o.argument.style === 'convenience')).toBe(true);
    expect(offers.find((o) => o.offer === 'car_short_term')!.argument.text).toContain('adjusts itself');
  });

  it('a delegator\'s argument points to the coach and to the mandate where the offer fits it', () => {
    const r = rank({ profile: TEXTBOOK.responsibility_delegator, mandate: { budget_remaining: 100, areas: ['travel'], per_purchase_cap: 50 }, limit: ALL });
    const trip = r.offers.find((o) => o.offer === 'travel_health_abroad')!;
    expect(trip.within_mandate).toBe(true);
    expect(trip.argument.text).toContain('your coach takes care of the rest, within your mandate');
  });

  it('promises no one-tap purchase of a complex product', () => {
    const text = offersFor('convenient_non_searcher').find((o) => o.offer === 'pension_private')!.argument.text;
    expect(text).not.toContain('one yes');
    expect(text).toContain('one conversation');
  });

  it('without a segment states facts only, in price-performance style', () => {
    const offers = rank({ profile: { ...TEXTBOOK.brand_identity_seeker, life_events: ['moving'] }, segment: null, limit: ALL }).offers;
    for (const o of offers) {
      expect(o.argument.style).toBe('price_performance');
      expect(o.argument.text.startsWith(`${o.name}: `)).toBe(true);
      // Nothing about the client: strip the catalogue's own names, then no "you", no occasion.
      let facts = o.argument.text;
      for (const item of [o.name, ...(o.items ?? []).map((i) => product(i).name.en)]) facts = facts.replace(item, '');
      expect(facts).not.toMatch(/move|you/i);
    }
  });

  // Intl puts a no-break space between amount and €, so a line never breaks inside a price.
  it('writes German with --lang de, with German prices', () => {
    const de = offersFor('cautious_self_searcher', 'de');
    const en = offersFor('cautious_self_searcher', 'en');
    expect(de.find((o) => o.offer === 'household_contents')!.argument.text).toBe('Hausratversicherung für den Umzug: ein klares Angebot für 9,80\u00a0€ im Monat, Punkt für Punkt vergleichbar; Bausteine können Sie später ergänzen.');
    expect(de.find((o) => o.offer === 'household_contents')!.reasons).toEqual(['Lebensereignis: Umzug', 'noch kein Vertrag im Bereich Hausrat und Wohnen', 'passt zum Segment „Der vorsichtige Selbst-Sucher“: einfaches Standardprodukt']);
    expect(de.map((o) => o.argument.text)).not.toEqual(en.map((o) => o.argument.text));
  });
});
