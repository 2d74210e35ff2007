// Segment hints for the app: the rule set in use (the newest valid one the
// manufacturer sent, else the one shipped), and the conclusions the rules draw
// as answers come in. Only with the client's consent to profiling: without
// it nothing is computed or kept.
import { v7 as uuidv7 } from 'uuid';
import { canonicalJson } from '#core/advice.ts';
import { isNewConclusion } from '#core/conclusions.ts';
import { RULESET_V1, RuleSetSchema, rankSegments, type RuleSet } from '#core/segments/index.ts';
import { manufacturerDocument } from '#db/manufacturer.ts';
import { conclusionsOf, consentOf, profileOf } from '#db/profile.ts';
import type { Store } from '#db/store.ts';

/**
 * Below this confidence the ranking is a guess (few answers, or a near tie):
 * it is shown as a hint but not kept as a conclusion about the client.
 */
export const RECORD_CONFIDENCE = 0.3;

/** Per book: parsing a rule set on every answer would cost more than ranking with it. */
const cached = new WeakMap<Store, { version: string; ruleSet: RuleSet }>();

/** The manufacturer's newest rule set on this device if it is valid, else the shipped one. */
export function currentRuleSet(store: Store): RuleSet {
  const doc = manufacturerDocument(store, 'rule_set');
  if (!doc) return RULESET_V1;
  const key = `${doc.version}`;
  const hit = cached.get(store);
  if (hit?.version === key) return hit.ruleSet;
  const parsed = RuleSetSchema.safeParse(doc.body);
  // A rule set this app cannot read is not used; the shipped one still works.
  const ruleSet = parsed.success ? parsed.data as RuleSet : RULESET_V1;
  cached.set(store, { version: key, ruleSet });
  return ruleSet;
}

/**
 * After an answer changed: rank again and keep what is new (the primary
 * segment, forecast migrations), with the answers it read and the rule set.
 * The same conclusion drawn again from other answers is brought up to date in
 * place, so it always names the answers it rests on.
 */
export function concludeFromAnswers(store: Store, clientId: string): void {
  if (!consentOf(store.db, clientId).profiling) return;
  const profile = profileOf(store.db, clientId);
  const ruleSet = currentRuleSet(store);
  const result = rankSegments(profile, ruleSet, { reasonsPerSide: 0 });
  // Nothing is concluded that the meeting's hint would not name (core/segments: settled).
  if (!result.settled || result.confidence < RECORD_CONFIDENCE) return;
  const existing = conclusionsOf(store.db, clientId);
  const inputs = profile as Record<string, string | string[]>;
  const record = (kind: 'segment' | 'migration', value: string) => {
    if (isNewConclusion(existing, kind, value)) {
      store.mutate('conclusion.record', { id: uuidv7(), clientId, kind, value, inputs, ruleSetVersion: ruleSet.version, source: 'rule' });
      return;
    }
    const same = newestRule(existing, kind, value);
    if (same && same.status !== 'rejected' && (canonicalJson(same.inputs) !== canonicalJson(inputs) || same.ruleSetVersion !== ruleSet.version)) {
      store.mutate('conclusion.refresh', { id: same.id, inputs, ruleSetVersion: ruleSet.version });
    }
  };
  record('segment', result.primary);
  for (const m of result.migration) record('migration', m.to);
}

/** The newest conclusion the rules drew of this kind and value. */
function newestRule<C extends { kind: string; value: string; source: string; decidedAt: number }>(list: readonly C[], kind: string, value: string): C | null {
  let best: C | null = null;
  for (const c of list) if (c.kind === kind && c.value === value && c.source === 'rule' && (!best || c.decidedAt > best.decidedAt)) best = c;
  return best;
}
