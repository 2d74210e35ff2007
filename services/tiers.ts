// A client's value tier as the advisor sees it, and its history. Reading it
// never writes: a new tier is recorded (a conclusion, with the criteria
// version it was drawn with) only after a change to what decides it, the
// holdings, the answers or the consent to profiling. A tier the client
// rejected is not used; the view says so instead of showing it as valid.
import { v7 as uuidv7 } from 'uuid';
import { isNewConclusion } from '#core/conclusions.ts';
import { berlinDay } from '#core/dates.ts';
import { DomainError } from '#core/errors.ts';
import { assessValueTier, isActive } from '#core/tiers.ts';
import type { TierView } from '#contract/views.ts';
import { firstContactAt, holdingsOf } from '#db/holdings.ts';
import { consentOf, conclusionsOf, profileOf } from '#db/profile.ts';
import { getClient } from '#db/queries.ts';
import type { Store } from '#db/store.ts';
import { currentCatalogue, currentValueTiers } from './catalogue.ts';

/** How the criteria are named in a conclusion: "value_tiers.v3", or "value_tiers.demo" for the shipped fallback. */
export const tierRulesVersion = (version: string) => `value_tiers.${version}`;

function assess(store: Store, clientId: string, today: string) {
  const { db } = store;
  if (!getClient(db, clientId)) throw new DomainError([{ field: 'client', code: 'not_found' }]);
  const rules = currentValueTiers(store);
  const catalogue = currentCatalogue(store).body;
  const holdings = holdingsOf(db, clientId);
  const first = firstContactAt(db, clientId);
  const assessment = assessValueTier({
    rules: rules.body.tiers, products: catalogue.products, holdings, profile: profileOf(db, clientId), today,
    firstContact: first === null ? null : berlinDay(first),
  });
  return { rules, catalogue, holdings, assessment, version: tierRulesVersion(rules.version) };
}

/**
 * After a change to what decides the tier: records it when it is new. A tier
 * judges the client's economic worth: like a segment, it is kept only under
 * consent to profiling.
 */
export function recordValueTier(store: Store, clientId: string, today = berlinDay(Date.now())): void {
  if (!consentOf(store.db, clientId).profiling) return;
  const { assessment, version } = assess(store, clientId, today);
  if (!isNewConclusion(conclusionsOf(store.db, clientId), 'value_tier', assessment.tier)) return;
  store.mutate('conclusion.record', {
    id: uuidv7(), clientId, kind: 'value_tier', value: assessment.tier, inputs: {}, ruleSetVersion: version, source: 'rule',
  });
}

/** The tier as the client page shows it: computed now, with its history as recorded. A read: it writes nothing. */
export function valueTierView(store: Store, clientId: string, today = berlinDay(Date.now())): TierView {
  const { rules, catalogue, holdings, assessment, version } = assess(store, clientId, today);
  const conclusions = conclusionsOf(store.db, clientId);
  const tierConclusions = conclusions.filter((c) => c.kind === 'value_tier');
  const product = new Map(catalogue.products.map((p) => [p.id, p]));
  const rule = rules.body.tiers.find((t) => t.tier === assessment.tier);

  return {
    tier: assessment.tier,
    // The client said this tier does not describe them: it is shown as theirs to reject, not used.
    rejected: tierConclusions.some((c) => c.value === assessment.tier && c.status === 'rejected'),
    rulesVersion: version,
    benefits: rule?.benefits ?? { de: [], en: [] },
    facts: assessment.facts,
    criteria: assessment.criteria,
    next: assessment.next,
    clv: assessment.clv,
    history: tierConclusions.reverse().map((c) => ({ id: c.id, tier: c.value, at: c.decidedAt, status: c.status, source: c.source })),
    holdings: holdings.map((h) => ({
      ...h, name: product.get(h.productId)?.name ?? null, area: product.get(h.productId)?.area ?? null, active: isActive(h, today),
    })),
  };
}

/** What the contract's schema cannot know: that the product is in this device's catalogue. */
export function checkHolding(store: Store, input: { productId: string }): void {
  const products = currentCatalogue(store).body.products;
  if (!products.some((p) => p.id === input.productId)) {
    throw new DomainError([{ field: 'productId', code: 'unknown_value', params: { value: input.productId, allowed: products.map((p) => p.id).join(', ') } }]);
  }
}
