// The engine's promises beyond picking the right segment: a flat answer for an
// empty profile, confidence that follows the evidence, the question that
// settles a close call, reasons in both languages, and the rule set as data.
import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_IDS, type Profile } from '#core/profile.ts';
import {
  rankSegments, RULESET_V1, RuleSetSchema, SEGMENT_AREA, SEGMENT_IDS, SEGMENT_NAMES, type RuleSet,
} from '#core/segments/index.ts';
import { PERSONAS, TEXTBOOK } from './personas.ts';

const rank = (p: Profile, rs: RuleSet = RULESET_V1) => rankSegments(p, rs);
const copy = (): RuleSet => JSON.parse(JSON.stringify(RULESET_V1)) as RuleSet;

describe('an empty profile', () => {
  const result = rank({});
  it('ranks all nine, flat, with no confidence and a question to ask', () => {
    expect(result.ranking.map((r) => r.segment).sort()).toEqual([...SEGMENT_IDS].sort());
    const scores = result.ranking.map((r) => r.score);
    expect(Math.max(...scores) - Math.min(...scores)).toBeLessThan(0.01);
    expect(result.confidence).toBeLessThan(0.05);
    expect(result.askNext).not.toBeNull();
    expect(result.migration).toEqual([]);
  });
});

describe('scores, confidence and askNext', () => {
  it('every score lies in [0, 1] and the ranking is best first', () => {
    for (const p of PERSONAS) {
      const scores = rank(p.profile).ranking.map((r) => r.score);
      expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it('askNext is null when every attribute is answered', () => {
    for (const s of SEGMENT_IDS) expect(rank(TEXTBOOK[s]).askNext).toBeNull();
  });

  it('askNext names a missing attribute otherwise', () => {
    for (const p of PERSONAS.filter((x) => x.name.includes('partly'))) {
      const ask = rank(p.profile).askNext;
      expect(ATTRIBUTE_IDS).toContain(ask);
      expect(p.profile[ask!]).toBeUndefined();
    }
  });

  it('asks the question that tells two close segments apart', () => {
    // Both fit a client who wants value and does not search: trust would settle it.
    const close: Profile = { ...TEXTBOOK.responsibility_delegator, trust_anchor: undefined, preferred_channel: undefined, assistant_app: undefined, purchase_driver: 'convenience' };
    const ask = rank(close).askNext;
    expect(['trust_anchor', 'preferred_channel', 'assistant_app']).toContain(ask);
  });

  it('confidence drops as answers go missing', () => {
    for (const s of SEGMENT_IDS) {
      const full = rank(TEXTBOOK[s]).confidence;
      const fewer = { ...TEXTBOOK[s], data_sharing: undefined, activity_level: undefined, tech_affinity: undefined };
      const fewest = { ...fewer, preferred_channel: undefined, assistant_app: undefined, life_events: undefined };
      expect(rank(fewer).confidence, s).toBeLessThan(full);
      expect(rank(fewest).confidence, s).toBeLessThan(rank(fewer).confidence);
    }
  });

  it('is deterministic and its result is plain JSON', () => {
    const a = rank(TEXTBOOK.brand_identity_seeker);
    expect(JSON.parse(JSON.stringify(a))).toEqual(rank(TEXTBOOK.brand_identity_seeker));
  });
});

describe('reasons and advice', () => {
  it('the primary segment has reasons for it, each with a code and both languages', () => {
    for (const p of PERSONAS) {
      const top = rank(p.profile).ranking[0]!;
      expect(top.for.length, p.name).toBeGreaterThan(0);
      for (const r of [...top.for, ...top.against]) {
        expect(r.code).toMatch(/^[a-z_]+\.[a-z_]+$/);
        expect(r.de.trim()).not.toBe('');
        expect(r.en.trim()).not.toBe('');
        expect(r.de).not.toBe(r.en);
      }
    }
  });

  it('an answer off the prototype shows up as a reason against', () => {
    const result = rank({ ...TEXTBOOK.cautious_self_searcher, trust_anchor: 'online_community' });
    expect(result.ranking[0]!.against.map((r) => r.code)).toContain('trust_anchor.online_community');
  });

  it('reasonsPerSide keeps only the strongest', () => {
    const top = rankSegments(TEXTBOOK.passive_co_buyer, RULESET_V1, { reasonsPerSide: 2 }).ranking[0]!;
    expect(top.for).toHaveLength(2);
    expect(top.for[0]!.code).toMatch(/^(purchase_driver|trust_anchor)\./);
  });

  it('advises on the approach, and on the assistant app in the Economy area', () => {
    for (const s of SEGMENT_IDS) {
      const { approach } = rank(TEXTBOOK[s]);
      expect(approach.argument).toBe(SEGMENT_AREA[s] === 'premium' ? 'identity' : 'price_performance');
      expect(approach.text.de && approach.text.en).toBeTruthy();
      expect(Boolean(approach.assistant)).toBe(SEGMENT_AREA[s] === 'economy');
    }
  });

  it('names every segment in German and English', () => {
    for (const s of SEGMENT_IDS) expect(SEGMENT_NAMES[s].de && SEGMENT_NAMES[s].en).toBeTruthy();
  });
});

describe('the rule set is versioned data', () => {
  it('v1 passes its schema and survives a JSON round trip', () => {
    expect(RuleSetSchema.safeParse(JSON.parse(JSON.stringify(RULESET_V1))).success).toBe(true);
  });

  it('every result records the rule-set version it used', () => {
    expect(rank({}).ruleSetVersion).toBe('segments.v1');
    const newer = { ...copy(), version: 'segments.v2' };
    newer.segments.passive_co_buyer.prototype.trust_anchor = { self: 1, '*': -0.6 };
    const result = rank({ trust_anchor: 'self', purchase_driver: 'add_on_value' }, RuleSetSchema.parse(newer));
    expect(result.ruleSetVersion).toBe('segments.v2');
    expect(result.primary).toBe('passive_co_buyer');
  });

  /** The rule set as loose JSON, to spoil one thing at a time. */
  type Loose = {
    version?: string;
    segments: Record<string, { prototype: Record<string, Record<string, number>> } | undefined>;
    situational: { code: string; when: { de?: string; en: string } }[];
    migration: { from: string; to: string; triggers: { if: unknown }[] }[];
  };
  const spoilt: [string, (rs: Loose) => void, string][] = [
    ['a weight above 1', (rs) => { rs.segments.social_media_user!.prototype.trust_anchor!.online_community = 2; }, 'segments.social_media_user.prototype.trust_anchor.online_community'],
    ['an unknown answer value', (rs) => { rs.segments.social_media_user!.prototype.trust_anchor!.instagram = 1; }, 'segments.social_media_user.prototype.trust_anchor'],
    ['an unknown attribute', (rs) => { rs.segments.social_media_user!.prototype.shoe_size = { '*': 1 }; }, 'segments.social_media_user.prototype'],
    ['a missing segment', (rs) => { delete rs.segments.passive_co_buyer; }, 'segments.passive_co_buyer'],
    ['a trigger on an unknown value', (rs) => { rs.migration[0]!.triggers[0]!.if = [[{ attribute: 'life_events', in: ['lottery_win'] }]]; }, 'migration.0.triggers.0.if.0.0.in'],
    ['a migration to itself', (rs) => { rs.migration[0]!.to = rs.migration[0]!.from; }, 'migration.0.to'],
    ['a situational text without German', (rs) => { delete rs.situational[0]!.when.de; }, 'situational.0.when.de'],
    ['no version', (rs) => { delete rs.version; }, 'version'],
    ['a duplicate code', (rs) => { rs.situational[1]!.code = rs.situational[0]!.code; }, 'situational.1.code'],
  ];
  it.each(spoilt)('rejects %s, naming where', (_, spoil, path) => {
    const rs = copy() as unknown as Loose;
    spoil(rs);
    const result = RuleSetSchema.safeParse(rs);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
