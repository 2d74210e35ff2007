// One element of the segment command's output, in the shape profile.md
// specifies: texts in one language, scores rounded, snake_case keys.
import { rankSegments, RULESET_V1, validateProfileInput, type Language, type RuleSet } from '#core/segments/index.ts';

/** Bulk output keeps the strongest reasons per side; the UI shows all of them. */
const REASONS_PER_SIDE = 3;

const round = (x: number) => Math.round(x * 1000) / 1000;

export type Element = Record<string, unknown> & { id: unknown };

export function segmentElement(input: unknown, lang: Language, ruleSet: RuleSet = RULESET_V1): { element: Element; ok: boolean } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, element: { id: null, error: 'not a profile: each element must be an object like {"id": "p1", "trust_anchor": "self"}' } };
  }
  const { id, ...answers } = input as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') {
    return { ok: false, element: { id: id ?? null, error: 'id is missing: give every profile a text or number "id"' } };
  }
  const check = validateProfileInput(answers);
  if (!check.ok) return { ok: false, element: { id, error: check.message } };
  const r = rankSegments(check.profile, ruleSet, { reasonsPerSide: REASONS_PER_SIDE });
  return {
    ok: true,
    element: {
      id,
      primary: r.primary,
      confidence: round(r.confidence),
      ranking: r.ranking.map((s) => ({ segment: s.segment, score: round(s.score), reasons: [...s.for, ...s.against].map((x) => x[lang]) })),
      situational: r.situational.map((s) => ({ segment: s.segment, when: s.when[lang] })),
      migration: r.migration.map((m) => ({ to: m.to, because: m.because.map((b) => b[lang]).join('; ') })),
      ask_next: r.askNext,
    },
  };
}
