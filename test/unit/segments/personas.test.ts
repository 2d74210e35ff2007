// Every segment is recognised from clients written after segments.md: the
// textbook case, one with answers off the prototype, and a half interview.
import { describe, expect, it } from 'vitest';
import { PROFILE_ATTRIBUTES, type AttributeId } from '#core/profile.ts';
import { rankSegments, RULESET_V1, SEGMENT_IDS } from '#core/segments/index.ts';
import { PERSONAS, TEXTBOOK } from './personas.ts';

describe('personas', () => {
  it('cover every segment three times', () => {
    for (const s of SEGMENT_IDS) expect(PERSONAS.filter((p) => p.expected === s)).toHaveLength(3);
  });

  it.each(PERSONAS.map((p) => [p.name, p] as const))('%s', (_, persona) => {
    const result = rankSegments(persona.profile, RULESET_V1);
    expect(result.primary).toBe(persona.expected);
    expect(result.ranking[0]!.segment).toBe(persona.expected);
  });

  it('a textbook case survives any single answer changed to any other value', () => {
    const flips: string[] = [];
    for (const s of SEGMENT_IDS) {
      for (const attr of Object.keys(PROFILE_ATTRIBUTES) as AttributeId[]) {
        const values: unknown[] = attr === 'life_events' ? PROFILE_ATTRIBUTES.life_events.map((e) => [e]) : [...PROFILE_ATTRIBUTES[attr]];
        for (const v of values) {
          const primary = rankSegments({ ...TEXTBOOK[s], [attr]: v }, RULESET_V1).primary;
          if (primary !== s) flips.push(`${s} with ${attr}=${String(v)} became ${primary}`);
        }
      }
    }
    expect(flips).toEqual([]);
  });

  it('a textbook case is ranked with high confidence, the off-prototype one still clearly', () => {
    for (const p of PERSONAS.filter((x) => x.name.endsWith('textbook'))) {
      expect(rankSegments(p.profile, RULESET_V1).confidence, p.name).toBeGreaterThan(0.9);
    }
    for (const p of PERSONAS.filter((x) => x.name.includes('off the prototype'))) {
      expect(rankSegments(p.profile, RULESET_V1).confidence, p.name).toBeGreaterThan(0.3);
    }
  });
});
