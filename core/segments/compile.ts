// Turns a rule set into lookup tables once, so scoring a profile is a handful
// of additions: the interview re-ranks after every answer, and askNext re-ranks
// once per possible answer of every missing attribute.
import { ATTRIBUTE_IDS, PROFILE_ATTRIBUTES, type AttributeId } from '../profile.ts';
import { SEGMENT_IDS, type SegmentId, type Text } from './ids.ts';
import { AGAINST, ANSWER_PHRASES } from './phrases.ts';
import type { Clauses, RuleSet } from './schema.ts';

/** A reason is a stable code plus its text in both languages. */
export type Reason = { code: string } & Text;

export const SEGMENTS = SEGMENT_IDS.length;
export const LIFE = ATTRIBUTE_IDS.indexOf('life_events');
/** Answers weaker than this are left out of the reasons: they say too little to explain anything. */
const REASON_THRESHOLD = 0.3;

export type Compiled = {
  ruleSet: RuleSet;
  valueIndex: Map<string, number>[];
  /** contrib[a][v][s]: what answer v of attribute a adds to segment s's score (from 0.5 towards 0 or 1). */
  contrib: Float64Array[][];
  /** The most the life events together may move a segment's score, either way. */
  lifeCap: Float64Array;
  importance: Float64Array;
  totalImportance: number;
  /** reasons[a][v][s]: the reason answer v gives for or against segment s, null when it says little. */
  reasons: (Reason | null)[][][];
  situational: { primary: SegmentId; also: SegmentId; if: Clauses; when: Reason }[];
  migration: { from: SegmentId; to: SegmentId; triggers: { if: Clauses; because: Reason }[] }[];
};

const cache = new WeakMap<RuleSet, Compiled>();

export function compileRuleSet(ruleSet: RuleSet): Compiled {
  const hit = cache.get(ruleSet);
  if (hit) return hit;
  const importance = Float64Array.from(ATTRIBUTE_IDS, (a) => ruleSet.importance[a] ?? 0);
  const weight = (s: SegmentId, a: number, value: string) => {
    const w = ruleSet.segments[s].prototype[ATTRIBUTE_IDS[a]!];
    return w?.[value] ?? w?.['*'] ?? 0;
  };
  const values = ATTRIBUTE_IDS.map((a) => PROFILE_ATTRIBUTES[a] as readonly string[]);
  // Each segment is scaled by the most its own prototype can gather, so a
  // textbook profile reaches 1 whether its prototype speaks to 7 or 11 attributes.
  const maxAbs = (s: SegmentId, a: number) => Math.max(...values[a]!.map((v) => Math.abs(weight(s, a, v))));
  const norm = SEGMENT_IDS.map((s) => ATTRIBUTE_IDS.reduce((sum, _, a) => sum + importance[a]! * maxAbs(s, a), 0));
  const scale = (s: number, a: number) => (norm[s]! > 0 ? (0.5 * importance[a]!) / norm[s]! : 0);

  const contrib = values.map((vs, a) => vs.map((v) => Float64Array.from(SEGMENT_IDS, (s, i) => scale(i, a) * weight(s, a, v))));
  const reasons = values.map((vs, a) => vs.map((v) => SEGMENT_IDS.map((s) => reasonOf(a, v, weight(s, a, v)))));
  const lifeCap = Float64Array.from(SEGMENT_IDS, (s, i) => scale(i, LIFE) * maxAbs(s, LIFE));
  const compiled: Compiled = {
    ruleSet, contrib, lifeCap, importance, reasons,
    valueIndex: values.map((vs) => new Map(vs.map((v, i) => [v, i]))),
    totalImportance: importance.reduce((x, y) => x + y, 0),
    situational: ruleSet.situational.map((r) => ({ primary: r.primary, also: r.also, if: r.if, when: { code: r.code, ...r.when } })),
    migration: ruleSet.migration.map((m) => ({
      from: m.from, to: m.to, triggers: m.triggers.map((t) => ({ if: t.if, because: { code: t.code, ...t.because } })),
    })),
  };
  cache.set(ruleSet, compiled);
  return compiled;
}

function reasonOf(a: number, value: string, w: number): Reason | null {
  if (Math.abs(w) < REASON_THRESHOLD) return null;
  const attr = ATTRIBUTE_IDS[a]!;
  const phrase = (ANSWER_PHRASES[attr] as Record<string, Text>)[value]!;
  const code = `${attr}.${value}`;
  return w > 0 ? { code, ...phrase } : { code, de: AGAINST.de + phrase.de, en: AGAINST.en + phrase.en };
}

/** Whether the answers meet a trigger: every clause holds, a clause when any of its conditions does. */
export function holds(clauses: Clauses, profile: Readonly<Record<string, unknown>>): boolean {
  return clauses.every((clause) => clause.some((c) => {
    const answer = profile[c.attribute];
    return Array.isArray(answer) ? answer.some((v) => c.in.includes(v)) : typeof answer === 'string' && c.in.includes(answer);
  }));
}

/**
 * The answers that meet the clauses, one per clause (the first condition that
 * holds), or null when a clause does not hold: what a hint can name as the reason.
 */
export function answersMeeting(clauses: Clauses, profile: Readonly<Record<string, unknown>>): { attribute: AttributeId; value: string }[] | null {
  const found: { attribute: AttributeId; value: string }[] = [];
  for (const clause of clauses) {
    let hit: { attribute: AttributeId; value: string } | null = null;
    for (const c of clause) {
      const answer = profile[c.attribute];
      const value = Array.isArray(answer) ? answer.find((v) => c.in.includes(v)) : typeof answer === 'string' && c.in.includes(answer) ? answer : undefined;
      if (value !== undefined) { hit = { attribute: c.attribute, value }; break; }
    }
    if (!hit) return null;
    found.push(hit);
  }
  return found;
}
