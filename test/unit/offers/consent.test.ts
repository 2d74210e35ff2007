// Consent (offers.md, workflows.md): without profiling consent the ranking
// uses no segment and nothing from the profile, and says so.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEGMENT_IDS } from '#core/segments/index.ts';
import { ALL, ownedArb, profileArb, rank } from './fixtures.ts';
import { TEXTBOOK } from '../segments/personas.ts';

const learned = { version: 't1', rates: Object.fromEntries(SEGMENT_IDS.map((s) => [s, { device_protection: 1, car: 0 }])) };

describe('without profiling consent', () => {
  it('has no segment, says so, and ignores a segment the caller passes', () => {
    const r = rank({ profile: TEXTBOOK.convenient_non_searcher, consent: { profiling: false }, segment: 'brand_identity_seeker' });
    expect(r.segment).toBeNull();
    expect(r.profiling).toBe(false);
    expect(r.notice).toMatch(/no profiling consent/i);
    expect(rank({ consent: { profiling: false }, lang: 'de' }).notice).toMatch(/Keine Einwilligung/);
  });

  it('gives the same result whatever the profile, the segment and the learned rates say', () => {
    fc.assert(fc.property(profileArb, ownedArb, fc.option(fc.constantFrom(...SEGMENT_IDS), { nil: undefined }), fc.boolean(), (profile, owned, segment, pos) => {
      const blind = rank({ consent: { profiling: false }, owned, context: { at_point_of_sale: pos }, limit: ALL });
      const told = rank({ consent: { profiling: false }, owned, context: { at_point_of_sale: pos }, limit: ALL, profile, segment, propensities: learned });
      expect(told).toEqual(blind);
    }), { numRuns: 200 });
  });

  it('explains with facts only: held products, areas, the stated situation, never a life event or a segment', () => {
    const r = rank({ profile: { ...TEXTBOOK.passive_co_buyer, life_events: ['moving'] }, consent: { profiling: false }, context: { at_point_of_sale: true }, limit: ALL });
    const reasons = r.offers.flatMap((o) => o.reasons);
    expect(reasons.some((x) => /life event|segment|learned|durable/.test(x))).toBe(false);
    expect(reasons).toContain('client is at the point of sale');
    expect(r.offers.every((o) => o.argument.style === 'price_performance')).toBe(true);
  });
});

describe('with profiling consent', () => {
  it('uses the rule set\'s primary segment and the profile', () => {
    const r = rank({ profile: { ...TEXTBOOK.convenient_non_searcher, life_events: ['moving'] } });
    expect(r.segment).toBe('convenient_non_searcher');
    expect(r.profiling).toBe(true);
    expect(r.notice).toBeNull();
    expect(r.offers[0]!.reasons).toContain('life event: moving');
  });

  it('uses the segment in force when the caller passes one (the advisor\'s override)', () => {
    expect(rank({ profile: TEXTBOOK.convenient_non_searcher, segment: 'brand_identity_seeker' }).segment).toBe('brand_identity_seeker');
  });

  it('uses no segment when the client rejected it, but still the profile, and says so', () => {
    const r = rank({ profile: { ...TEXTBOOK.convenient_non_searcher, life_events: ['moving'] }, segment: null });
    expect(r.segment).toBeNull();
    expect(r.notice).toMatch(/rejected/);
    expect(r.offers[0]!.reasons).toContain('life event: moving');
    expect(r.offers.flatMap((o) => o.reasons).some((x) => x.startsWith('segment fit'))).toBe(false);
  });

  it('names no segment when the answers do not single one out', () => {
    const r = rank({ profile: {} });
    expect(r.segment).toBeNull();
    expect(r.notice).toMatch(/do not point to a segment yet/);
    // Need alone ties the three Premium segments: still none.
    expect(rank({ profile: { purchase_driver: 'identity' } }).segment).toBeNull();
    expect(rank({ profile: { purchase_driver: 'identity', identity_expression: 'brand' } }).segment).toBe('brand_identity_seeker');
  });
});
