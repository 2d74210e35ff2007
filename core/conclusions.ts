// What the algorithms (or the advisor) concluded about a client: a segment, a
// migration forecast, a value tier. Each is kept with where it came from (the
// answers it read, the rule-set version, when, by whom or which rule) and the
// client's word on it: unconfirmed, confirmed or rejected. A rejected
// conclusion is never used again (other-models.md, data sovereignty).
import { z } from 'zod';
import { ATTRIBUTE_IDS, PROFILE_ATTRIBUTES, isAttributeId } from './profile.ts';
import { SEGMENT_IDS } from './segments/ids.ts';
import { optionalText, requiredText, uuid } from './validate.ts';
import { VALUE_TIERS } from './manufacturer.ts';

/** A life event (profile.md) is concluded from an assistant's signals; the client may reject it, which stops alerts for it (coach.md, rule 2). */
export const CONCLUSION_KINDS = ['segment', 'migration', 'value_tier', 'life_event'] as const;
export type ConclusionKind = (typeof CONCLUSION_KINDS)[number];
export const CONCLUSION_SOURCES = ['rule', 'advisor'] as const;
export const CONCLUSION_STATUSES = ['unconfirmed', 'confirmed', 'rejected'] as const;
export type ConclusionStatus = (typeof CONCLUSION_STATUSES)[number];

const answerValue = z.union([z.string().max(40), z.array(z.string().max(40)).max(20)]);
/** The answers a conclusion was drawn from, as they were then. */
const known = new Set<string>(ATTRIBUTE_IDS);
const inputs = z.record(z.string(), answerValue).superRefine((r, ctx) => {
  // The first unknown one, named with what is allowed: a record of hundreds would otherwise be refused in as many sentences.
  const unknown = Object.keys(r).find((k) => !known.has(k) || !isAttributeId(k));
  if (unknown !== undefined) {
    ctx.addIssue({ code: 'custom', path: [unknown], message: 'unknown_attribute', params: { attribute: unknown, allowed: ATTRIBUTE_IDS.join(', ') } });
    return;
  }
  for (const [k, v] of Object.entries(r)) {
    if (!isAttributeId(k)) continue;
    // An answer the profile does not offer was never given: a conclusion drawn from it is refused, not stored.
    const allowed: readonly string[] = PROFILE_ATTRIBUTES[k];
    for (const x of Array.isArray(v) ? v : [v]) {
      if (!allowed.includes(x)) ctx.addIssue({ code: 'custom', path: [k], message: 'unknown_value', params: { value: x, allowed: allowed.join(', ') } });
    }
  }
});

const VALUES: Record<ConclusionKind, readonly string[]> = { segment: SEGMENT_IDS, migration: SEGMENT_IDS, value_tier: VALUE_TIERS, life_event: PROFILE_ATTRIBUTES.life_events };

export const conclusionRecordSchema = z.object({
  id: uuid,
  clientId: uuid,
  kind: z.enum(CONCLUSION_KINDS, { error: 'unknown_value' }),
  value: requiredText(40),
  inputs: inputs.default({}),
  /** The rule set that drew it; null for the advisor's own judgement. */
  ruleSetVersion: z.string().max(40).nullable().default(null),
  source: z.enum(CONCLUSION_SOURCES, { error: 'unknown_value' }),
  /** Why the advisor overrides the rules: required then, so the override can be understood later. */
  reason: optionalText(500),
}).strict().superRefine((c, ctx) => {
  if (!VALUES[c.kind].includes(c.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'unknown_value' });
  if (c.source === 'advisor' && !c.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
  if (c.source === 'rule' && !c.ruleSetVersion) ctx.addIssue({ code: 'custom', path: ['ruleSetVersion'], message: 'required' });
});

/**
 * The rules drew the same conclusion again from more (or other) answers: its
 * basis is brought up to date in place, so "from N answers" stays true and
 * the client's word on it (a confirmation) keeps standing.
 */
export const conclusionRefreshSchema = z.object({
  id: uuid,
  inputs,
  ruleSetVersion: requiredText(40),
}).strict();

/** The client's word on a conclusion, recorded by whoever they told. */
export const conclusionReviewSchema = z.object({
  id: uuid,
  status: z.enum(['confirmed', 'rejected'], { error: 'unknown_value' }),
  note: optionalText(500),
}).strict();

export interface Conclusion {
  id: string; kind: ConclusionKind; value: string; source: 'rule' | 'advisor'; status: ConclusionStatus;
  decidedAt: number; ruleSetVersion: string | null; reason: string | null;
}

/** The newest conclusion of a kind from a source, or null. */
function newest(list: readonly Conclusion[], kind: ConclusionKind, source?: 'rule' | 'advisor'): Conclusion | null {
  let best: Conclusion | null = null;
  for (const c of list) if (c.kind === kind && (!source || c.source === source) && (!best || c.decidedAt > best.decidedAt)) best = c;
  return best;
}

/**
 * The segment to act on: the advisor's override wins over the rules; a
 * conclusion the client rejected is not used at all, so the result is then null
 * (and offers treat the client as unsegmented).
 */
export function effectiveSegment(list: readonly Conclusion[]): { segment: string; conclusion: Conclusion } | null {
  const override = newest(list, 'segment', 'advisor');
  const rule = newest(list, 'segment', 'rule');
  // A newer rule conclusion does not undo an override: only a newer override or the client's rejection does.
  const pick = override ?? rule;
  if (!pick || pick.status === 'rejected') return null;
  return { segment: pick.value, conclusion: pick };
}

/**
 * Whether a freshly computed rule result should be recorded as a new
 * conclusion: only when it says something new. The same value as the newest
 * rule conclusion is nothing new; a value the client already rejected is not
 * put to them again.
 */
export function isNewConclusion(list: readonly Conclusion[], kind: ConclusionKind, value: string): boolean {
  const latest = newest(list, kind, 'rule');
  if (latest && latest.value === value) return false;
  return !list.some((c) => c.kind === kind && c.value === value && c.status === 'rejected');
}
