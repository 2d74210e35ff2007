// When the answers support a segment (MIN_LEAD over the runner-up, at least
// one answer): before that the app names none. Early answers must not make
// the named segment flip back and forth in front of the client.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_IDS, type Profile } from '#core/profile.ts';
import { MIN_LEAD, rankSegments, RULESET_V1, SEGMENT_IDS, settledSegment, type SegmentId } from '#core/segments/index.ts';
import { profileArb } from '../offers/fixtures.ts';
import { PERSONAS, TEXTBOOK } from './personas.ts';

const rank = (p: Profile) => rankSegments(p, RULESET_V1);
const named = (p: Profile): SegmentId | null => { const r = rank(p); return r.settled ? r.primary : null; };

/** What the hint names after each answer, answering the persona's questions in the given order. */
function course(profile: Profile, order: readonly string[]): (SegmentId | null)[] {
  const so_far: Record<string, unknown> = {};
  const out: (SegmentId | null)[] = [];
  for (const a of order) {
    const answer = (profile as Record<string, unknown>)[a];
    if (answer === undefined) continue;
    so_far[a] = answer;
    out.push(named(so_far as Profile));
  }
  return out;
}

/** Whether a named segment is ever followed by another, or by none again. */
const wavers = (c: (SegmentId | null)[]) => c.some((s, i) => i > 0 && c[i - 1] !== null && s !== c[i - 1]);

describe('a settled segment', () => {
  it('is none for an empty profile, and for answers that say nothing yet', () => {
    expect(rank({}).settled).toBe(false);
    expect(settledSegment({}, RULESET_V1)).toBeNull();
    expect(rank({ life_events: [] }).settled).toBe(false);
    // Need alone: the three Premium segments read "identity" alike.
    expect(rank({ purchase_driver: 'identity' }).settled).toBe(false);
  });

  it('asks, with nothing settled, the question that would settle most', () => {
    const ask = rank({}).askNext;
    expect(['trust_anchor', 'purchase_driver']).toContain(ask);
    // Identity alone ties the Premium segments; how the client expresses it tells them apart.
    expect(rank({ purchase_driver: 'identity' }).askNext).toMatch(/^(identity_expression|trust_anchor|preferred_channel)$/);
  });

  it('is named by one clear answer on need, and by the next answer when the first one is shared', () => {
    expect(named({ purchase_driver: 'best_price' })).toBe('cautious_self_searcher');
    expect(named({ purchase_driver: 'convenience' })).toBe('convenient_non_searcher');
    expect(named({ purchase_driver: 'identity', identity_expression: 'brand' })).toBe('brand_identity_seeker');
  });

  it('holds over the first answers of a typical interview: once named, it stays, for every textbook client', () => {
    for (const s of SEGMENT_IDS) {
      const c = course(TEXTBOOK[s], ATTRIBUTE_IDS);
      expect(wavers(c), `${s}: ${c.join(' → ')}`).toBe(false);
      expect(c.at(-1), s).toBe(s);
      // Named by the third answer at the latest.
      expect(c.slice(0, 3).filter(Boolean).length, s).toBeGreaterThan(0);
    }
  });

  it('hardly ever wavers whatever order the questions come in', () => {
    let another = 0;
    let unnamed = 0;
    let runs = 0;
    fc.assert(fc.property(fc.constantFrom(...SEGMENT_IDS), fc.shuffledSubarray([...ATTRIBUTE_IDS], { minLength: ATTRIBUTE_IDS.length }), (s, order) => {
      runs++;
      const c = course(TEXTBOOK[s], order);
      if (c.some((x, i) => i > 0 && c[i - 1] !== null && x !== null && x !== c[i - 1])) another++;
      else if (wavers(c)) unnamed++;
    }), { numRuns: 900, seed: 9 });
    // Naming one segment and then another: under one interview in a hundred.
    expect(another / runs).toBeLessThan(0.01);
    // Naming one and then none for an answer (a clear need, then an answer two segments share): rare.
    expect(unnamed / runs).toBeLessThan(0.05);
  });

  it('is the top of the ranking when it leads by MIN_LEAD, and the cheap path agrees', () => {
    fc.assert(fc.property(profileArb, (p) => {
      const r = rank(p);
      const lead = r.ranking[0]!.score - r.ranking[1]!.score;
      expect(r.settled).toBe(Object.keys(p).length > 0 && lead >= MIN_LEAD);
      expect(settledSegment(p, RULESET_V1)).toBe(r.settled ? r.primary : null);
    }), { numRuns: 300 });
  });

  it('is named for every persona of the domain tables once fully or partly interviewed', () => {
    for (const p of PERSONAS) expect(named(p.profile), p.name).toBe(p.expected);
  });
});
