// What the offers panel needs to rank offers live as the answers come in:
// the catalogue and learned propensities this device holds, what the client
// owns, their mandate, their consent and the segment conclusions in force.
// Without consent to contact the engine proposes nothing (core/offers).
// The ranking itself is core/offers, run where the answers are typed.
import { effectiveSegment } from '#core/conclusions.ts';
import { propensitiesDocument } from '#core/manufacturer.ts';
import type { MandateTerms, PropensityTable } from '#core/offers/index.ts';
import { outcomesOf } from '#db/advice.ts';
import { holdingsOf } from '#db/holdings.ts';
import { manufacturerDocument } from '#db/manufacturer.ts';
import { conclusionsOf, consentOf } from '#db/profile.ts';
import { getClient } from '#db/queries.ts';
import type { Store } from '#db/store.ts';
import { currentCatalogue } from './catalogue.ts';
import { budgetOf } from './coach.ts';
import { currentRuleSet } from './segments.ts';

/** The newest learned table this device holds, or null before the backend has learned anything. */
export function currentPropensities(store: Store): (PropensityTable & { learnedAt: string }) | null {
  const doc = manufacturerDocument(store, 'propensities');
  const parsed = doc && propensitiesDocument.safeParse(doc.body);
  return parsed?.success ? { version: `propensities.v${doc!.version}`, learnedAt: parsed.data.learnedAt, rates: parsed.data.rates } : null;
}

export function offerInputs(store: Store, clientId: string, today: string, meetingId?: string) {
  const detail = getClient(store.db, clientId);
  const owned = holdingsOf(store.db, clientId).filter((h) => h.endedOn === null || h.endedOn > today).map((h) => h.productId);
  const m = detail?.mandates.find((x) => x.revokedAt === null && x.validFrom <= today && (x.validUntil === null || x.validUntil >= today));
  // What is left of the current period's budget after the purchases made under it.
  const mandate: MandateTerms | null = m
    ? { budget_remaining: budgetOf(m, currentCatalogue(store).body, today).leftCents / 100, areas: m.areas, per_purchase_cap: m.perPurchaseCapCents / 100 } : null;
  const conclusions = conclusionsOf(store.db, clientId);
  const consent = consentOf(store.db, clientId);
  const override = effectiveSegment(conclusions.filter((c) => c.source === 'advisor'));
  return {
    catalogue: currentCatalogue(store).body,
    ruleSet: currentRuleSet(store),
    propensities: currentPropensities(store),
    owned: [...new Set(owned)],
    mandate,
    consent: { profiling: consent.profiling, contact: consent.contact },
    /** The advisor's segment, if set and not rejected: it wins over the live ranking. */
    override: override?.segment ?? null,
    /** Segments the client rejected: never used, even when the answers point there. */
    rejected: [...new Set(conclusions.filter((c) => c.kind === 'segment' && c.status === 'rejected').map((c) => c.value))],
    /** What was already decided in this meeting: not offered again, listed as done. */
    decided: meetingId ? outcomesOf(store.db, meetingId) : [],
  };
}
