// The segment engine: ranks all nine segments for a profile, says why and how
// sure, which situational segments and migrations apply, and which missing
// answer would settle the ranking best. Pure: same profile and rule set, same result.
import { ATTRIBUTE_IDS, type AttributeId, type Profile } from '../profile.ts';
import { SEGMENT_IDS, type SegmentId } from './ids.ts';
import { compileRuleSet, holds, LIFE, SEGMENTS, type Compiled, type Reason } from './compile.ts';
import type { Approach, RuleSet } from './schema.ts';

export type RankedSegment = { segment: SegmentId; score: number; for: Reason[]; against: Reason[] };
export type SegmentResult = {
  ruleSetVersion: string;
  /** The best-ranked segment; a guess unless `settled`. */
  primary: SegmentId;
  /**
   * Whether the answers support the primary segment: at least one answer, and
   * a lead over the runner-up of at least MIN_LEAD. Until then the app names
   * no segment and ranks offers without one.
   */
  settled: boolean;
  /** 0..1: low when answers are missing or the top two are close. */
  confidence: number;
  ranking: RankedSegment[];
  /** Segments the client also acts in; `active` when the current purchase is that situation. */
  situational: { segment: SegmentId; active: boolean; when: Reason }[];
  /** Likely moves away from the primary segment whose triggers the answers show. */
  migration: { to: SegmentId; because: Reason[] }[];
  askNext: AttributeId | null;
  approach: Approach;
};
/** reasonsPerSide: keep only the strongest reasons for and against each segment (bulk output). */
export type RankOptions = { reasonsPerSide?: number };

/** A lead of this size between first and second is "clear"; confidence grows towards 1 above it. */
const MARGIN_SCALE = 0.08;

/**
 * The least lead over the runner-up at which the answers support a segment.
 * Segments whose prototypes read an answer alike end a few thousandths apart
 * (each is scaled by what its own prototype can gather): such a lead is a tie
 * in all but rounding and flips with the next answer. Measured over random
 * answer orders of the textbook clients: at 0.02 one interview in ten names a
 * segment and later another; from 0.03 fewer than one in a hundred, while one
 * clear answer on need still names its segment (convenience: the convenient
 * non-searcher, 0.033 ahead of the delegator, who shares it in part).
 */
export const MIN_LEAD = 0.03;

/** Answer indexes per attribute (-1 = missing); the life events as their own list, null when not asked. */
type Encoded = { idx: Int16Array; life: number[] | null };

function encode(c: Compiled, profile: Profile): Encoded {
  const idx = new Int16Array(ATTRIBUTE_IDS.length).fill(-1);
  let life: number[] | null = null;
  const p = profile as Record<string, unknown>;
  for (let a = 0; a < ATTRIBUTE_IDS.length; a++) {
    const answer = p[ATTRIBUTE_IDS[a]!];
    if (answer === undefined || answer === null) continue;
    if (a === LIFE) {
      life = [];
      for (const e of answer as string[]) { const i = c.valueIndex[a]!.get(e); if (i !== undefined && !life.includes(i)) life.push(i); }
    } else {
      // Unknown values count as missing here; boundaries reject them first (validateProfileInput).
      const i = c.valueIndex[a]!.get(answer as string);
      if (i !== undefined) idx[a] = i;
    }
  }
  return { idx, life };
}

function score(c: Compiled, e: Encoded): Float64Array {
  const out = new Float64Array(SEGMENTS).fill(0.5);
  for (let a = 0; a < e.idx.length; a++) {
    const v = e.idx[a]!;
    if (v < 0) continue;
    const row = c.contrib[a]![v]!;
    for (let s = 0; s < SEGMENTS; s++) out[s]! += row[s]!;
  }
  if (e.life) {
    for (let s = 0; s < SEGMENTS; s++) {
      let sum = 0;
      for (const v of e.life) sum += c.contrib[LIFE]![v]![s]!;
      out[s]! += Math.max(-c.lifeCap[s]!, Math.min(c.lifeCap[s]!, sum));
    }
  }
  // The sums stay within [0, 1] by construction; this only trims rounding errors.
  for (let s = 0; s < SEGMENTS; s++) out[s] = Math.min(1, Math.max(0, out[s]!));
  return out;
}

/** The scores alone, in SEGMENT_IDS order: the cheap path for bulk use and benchmarks. */
export function scoreSegments(profile: Profile, ruleSet: RuleSet): Float64Array {
  const c = compileRuleSet(ruleSet);
  return score(c, encode(c, profile));
}

/**
 * The segment the answers support, or null while they support none (no
 * answer yet, or a lead below MIN_LEAD): the cheap path for ranking offers
 * on every answer. The same rule as rankSegments' `settled`.
 */
export function settledSegment(profile: Profile, ruleSet: RuleSet): SegmentId | null {
  const c = compileRuleSet(ruleSet);
  const e = encode(c, profile);
  const { index, lead } = top(score(c, e));
  return anyAnswer(e) && lead >= MIN_LEAD ? SEGMENT_IDS[index]! : null;
}

/** How far segment p leads the best other one (negative when behind). */
function leadOf(scores: Float64Array, p: number, delta?: Float64Array): number {
  let best = -Infinity;
  for (let s = 0; s < SEGMENTS; s++) if (s !== p) best = Math.max(best, scores[s]! + (delta ? delta[s]! : 0));
  return scores[p]! + (delta ? delta[p]! : 0) - best;
}

/** The best-scored segment (ties: the first in SEGMENT_IDS order) and how far it leads the next. */
function top(scores: Float64Array, delta?: Float64Array): { index: number; lead: number } {
  let first = -1;
  let best = -Infinity;
  let second = -Infinity;
  for (let s = 0; s < SEGMENTS; s++) {
    const x = scores[s]! + (delta ? delta[s]! : 0);
    if (x > best) { second = best; best = x; first = s; } else if (x > second) second = x;
  }
  return { index: first, lead: best - second };
}

const isAnswered = (e: Encoded, a: number) => (a === LIFE ? e.life !== null : e.idx[a]! >= 0);

function anyAnswer(e: Encoded): boolean {
  for (let a = 0; a < ATTRIBUTE_IDS.length; a++) if (isAnswered(e, a)) return true;
  return false;
}

/**
 * The missing attribute whose answer would settle the ranking most, on
 * average over its possible answers. With a settled leader: the answer that
 * would move its lead most (confirm it, or overturn it). Without one: the
 * answer that would open the widest lead between whoever then comes first and
 * second, so the next answer is the one most likely to name a segment.
 */
function askNext(c: Compiled, e: Encoded, scores: Float64Array, p: number, settled: boolean): AttributeId | null {
  const lead = leadOf(scores, p);
  let best: AttributeId | null = null;
  let bestImpact = -1;
  for (let a = 0; a < ATTRIBUTE_IDS.length; a++) {
    if (isAnswered(e, a)) continue;
    const rows = c.contrib[a]!;
    let sum = 0;
    for (const row of rows) sum += settled ? Math.abs(leadOf(scores, p, row) - lead) : top(scores, row).lead;
    // Life events may also be none at all, which changes nothing.
    const impact = sum / (a === LIFE ? rows.length + 1 : rows.length);
    if (impact > bestImpact) { bestImpact = impact; best = ATTRIBUTE_IDS[a]!; }
  }
  return best;
}

function reasonsFor(c: Compiled, e: Encoded, s: number, perSide: number): { for: Reason[]; against: Reason[] } {
  const found: { r: Reason; w: number }[] = [];
  const add = (a: number, v: number) => { const r = c.reasons[a]![v]![s]; if (r) found.push({ r, w: c.contrib[a]![v]![s]! }); };
  for (let a = 0; a < e.idx.length; a++) if (e.idx[a]! >= 0) add(a, e.idx[a]!);
  for (const v of e.life ?? []) add(LIFE, v);
  found.sort((x, y) => Math.abs(y.w) - Math.abs(x.w));
  return {
    for: found.filter((f) => f.w > 0).slice(0, perSide).map((f) => f.r),
    against: found.filter((f) => f.w < 0).slice(0, perSide).map((f) => f.r),
  };
}

export function rankSegments(profile: Profile, ruleSet: RuleSet, opts: RankOptions = {}): SegmentResult {
  const c = compileRuleSet(ruleSet);
  const e = encode(c, profile);
  const scores = score(c, e);
  // Ties keep SEGMENT_IDS order, so an empty profile ranks the same way every time.
  const order = Array.from(scores.keys()).sort((x, y) => scores[y]! - scores[x]! || x - y);
  const p = order[0]!;
  const primary = SEGMENT_IDS[p]!;
  let answered = 0;
  for (let a = 0; a < ATTRIBUTE_IDS.length; a++) if (isAnswered(e, a)) answered += c.importance[a]!;
  const coverage = c.totalImportance > 0 ? answered / c.totalImportance : 0;
  const margin = scores[p]! - scores[order[1]!]!;
  const settled = anyAnswer(e) && margin >= MIN_LEAD;
  const perSide = opts.reasonsPerSide ?? Infinity;
  const answers = profile as Record<string, unknown>;
  return {
    ruleSetVersion: ruleSet.version,
    primary,
    settled,
    confidence: coverage * (1 - Math.exp(-margin / MARGIN_SCALE)),
    ranking: order.map((s) => ({ segment: SEGMENT_IDS[s]!, score: scores[s]!, ...reasonsFor(c, e, s, perSide) })),
    situational: c.situational.filter((r) => r.primary === primary)
      .map((r) => ({ segment: r.also, active: holds(r.if, answers), when: r.when })),
    migration: c.migration.filter((m) => m.from === primary)
      .map((m) => ({ to: m.to, because: m.triggers.filter((t) => holds(t.if, answers)).map((t) => t.because) }))
      .filter((m) => m.because.length > 0),
    askNext: askNext(c, e, scores, p, settled),
    approach: ruleSet.segments[primary].approach,
  };
}
