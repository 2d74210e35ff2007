// The life coach's work over the local book (coach.md): the alert inbox and
// what a coach does about an alert, purchases under a mandate, the budget
// left. Decisions come from core (the purchase rule, the alert offers) so the
// screen shows what the store and the backend will decide.
import { v7 as uuidv7 } from 'uuid';
import { alertRulesDocument, ALERT_RULES_V1, type AlertRules } from '#core/coach/alert-rules.ts';
import { budgetState, decidePurchase, type PurchaseMandate } from '#core/coach/purchase.ts';
import type { PurchaseLogEntry } from '#core/coach/records.ts';
import { alertArgument, mayActOn } from '#core/coach/signals.ts';
import { addDays, berlinDay } from '#core/dates.ts';
import { DomainError } from '#core/errors.ts';
import type { CatalogueDocument } from '#core/manufacturer.ts';
import { withinMandate, type MandateTerms } from '#core/offers/index.ts';
import type { LifeEvent, Profile } from '#core/profile.ts';
import type { Language } from '#core/segments/index.ts';
import type { z } from 'zod';
import type { alertView, inboxFilter, mandateClientView, purchaseInput } from '#contract/coach.ts';
import { alertById, clientFacts, inboxCounts, inboxPage, mandateById, mandatesOfClient, mandatesOfCoach, openAlertsByClient, purchasesOfClient } from '#db/coach.ts';
import { manufacturerDocument } from '#db/manufacturer.ts';
import { conclusionsOf, consentOf } from '#db/profile.ts';
import { consentInForce, type ConsentEntry, type ConsentPurpose } from '#core/consent.ts';
import { effectiveSegment } from '#core/conclusions.ts';
import { getLocalUser } from '#db/queries.ts';
import type { mandates } from '#db/schema.ts';
import type { Store } from '#db/store.ts';
import type { Refused } from '#db/sync.ts';
import { currentCatalogue } from './catalogue.ts';

type MandateRow = typeof mandates.$inferSelect;
type AlertView = z.infer<typeof alertView>;

const today = () => berlinDay(Date.now());

/** The ids this person's records carry: the backend's once enrolled, the local one from before. */
function myIds(store: Store): string[] {
  return [...new Set([store.userId, getLocalUser(store.db)?.id].filter((x): x is string => !!x))];
}

/** The manufacturer's alert rules this device holds; the first version before one arrives. */
export function currentAlertRules(store: Store): AlertRules {
  const doc = manufacturerDocument(store, 'alert_rules');
  return (doc && alertRulesDocument.safeParse(doc.body).data) || ALERT_RULES_V1;
}

export function purchaseMandate(m: MandateRow): PurchaseMandate {
  return {
    budgetCents: m.budgetCents, period: m.period as PurchaseMandate['period'], areas: m.areas, perPurchaseCapCents: m.perPurchaseCapCents,
    validFrom: m.validFrom, validUntil: m.validUntil, revokedOn: m.revokedAt === null ? null : berlinDay(m.revokedAt),
  };
}

const earlierOf = (m: MandateRow) => ((m.purchaseLog ?? []) as PurchaseLogEntry[]).map((p) => ({ items: p.items, at: p.on, days: p.days }));

export function budgetOf(m: MandateRow, catalogue: CatalogueDocument, on = today()) {
  const state = budgetState({ mandate: purchaseMandate(m), earlier: earlierOf(m), on, catalogue });
  return { mandateId: m.id, period: state.period, spentCents: state.spentCents, leftCents: state.leftCents, budgetCents: m.budgetCents };
}

const inForce = (m: MandateRow, day: string) => m.revokedAt === null && m.validFrom <= day && (m.validUntil === null || m.validUntil >= day);

function names(catalogue: CatalogueDocument) {
  return new Map([...catalogue.products, ...catalogue.bundles].map((x) => [x.id, x.name]));
}

export function inbox(store: Store, input: { filter: z.infer<typeof inboxFilter>; urgentOnly: boolean; lang: Language; limit: number; offset: number }) {
  const day = today();
  const coachIds = myIds(store);
  const rules = currentAlertRules(store);
  const urgentUntil = addDays(day, rules.urgent_days);
  const rows = inboxPage(store.db, { coachIds, filter: input.filter, urgentOnly: input.urgentOnly, today: day, urgentUntil, limit: input.limit + 1, offset: input.offset });
  const catalogue = currentCatalogue(store).body;
  const page = rows.slice(0, input.limit);
  // What the page's alerts read about their clients, read once for the page, not once per alert.
  const mandateOf = new Map(mandatesOfCoach(store.db, coachIds).map((x) => x.mandate).filter((m) => inForce(m, day)).map((m) => [m.clientId, m]));
  const facts = factsOf(store, [...new Set(page.map((r) => r.alert.clientId))], day);
  const alerts = page.map((r) => alertViewOf(r, catalogue, mandateOf.get(r.alert.clientId) ?? null, facts(r.alert.clientId), { day, urgentUntil, lang: input.lang }));
  return { alerts, counts: inboxCounts(store.db, { coachIds, today: day, urgentUntil }), more: rows.length > input.limit };
}

/** The alerts waiting for this coach, for the day's start screen: open, and of those urgent. */
export function alertsWaiting(store: Store): { open: number; urgent: number } {
  const day = today();
  const counts = inboxCounts(store.db, { coachIds: myIds(store), today: day, urgentUntil: addDays(day, currentAlertRules(store).urgent_days) });
  return { open: counts.open, urgent: counts.urgent };
}

type ClientFacts = { profile: Profile; consent: Record<ConsentPurpose, boolean>; owned: string[] };

function factsOf(store: Store, clientIds: string[], day: string): (clientId: string) => ClientFacts {
  const read = clientFacts(store.db, clientIds, day);
  const group = <T extends { clientId: string }>(rows: T[]) => {
    const by = new Map<string, T[]>();
    for (const r of rows) by.set(r.clientId, [...(by.get(r.clientId) ?? []), r]);
    return by;
  };
  const [answers, consents, holdings] = [group(read.answers), group(read.consents), group(read.holdings)];
  return (clientId) => ({
    profile: Object.fromEntries((answers.get(clientId) ?? []).filter((a) => a.value !== null).map((a) => [a.attribute, a.value])) as Profile,
    consent: consentInForce((consents.get(clientId) ?? []) as ConsentEntry[]),
    owned: [...new Set((holdings.get(clientId) ?? []).map((h) => h.productId))],
  });
}

function alertViewOf(
  r: ReturnType<typeof inboxPage>[number], catalogue: CatalogueDocument, mandate: MandateRow | null, facts: ClientFacts,
  { day, urgentUntil, lang }: { day: string; urgentUntil: string; lang: Language },
): AlertView {
  const a = r.alert;
  const budget = mandate ? budgetOf(mandate, catalogue, day) : null;
  const terms: MandateTerms | null = mandate && budget
    ? { budget_remaining: budget.leftCents / 100, areas: mandate.areas, per_purchase_cap: mandate.perPurchaseCapCents / 100 } : null;
  const products = new Map(catalogue.products.map((p) => [p.id, p]));
  const bundles = new Map(catalogue.bundles.map((b) => [b.id, b]));
  const consent = facts.consent;
  // Stored when the alert was made; a consent to contact withdrawn since takes every offer but the mandate's away at once.
  const offers = a.offers.flatMap((id) => {
    const bundle = bundles.get(id);
    const items = bundle ? bundle.items.map((i) => products.get(i)).filter((p) => p !== undefined) : [products.get(id)].filter((p) => p !== undefined);
    if (items.length === 0) return [];
    const priceCents = Math.round(items.reduce((s, p) => s + p.price.amount, 0) * 100);
    const within = withinMandate(terms, items);
    if (!mayActOn({ within_mandate: within }, { consent })) return [];
    return [{
      id, kind: bundle ? 'bundle' as const : 'product' as const, name: (bundle ?? items[0]!).name, items: items.map((p) => p.id),
      // A bundle's period when its products share one (the trip bundle: one-off), else none.
      priceCents, pricePeriod: new Set(items.map((p) => p.price.period)).size === 1 ? items[0]!.price.period : null, withinMandate: within,
    }];
  });
  const first = offers[0]?.id;
  const argument = first === undefined ? null : alertArgument({
    event: a.event as LifeEvent, offer: first, catalogue,
    client: { profile: facts.profile, owned: facts.owned, consent: { profiling: consent.profiling, contact: consent.contact }, mandate: terms },
  }, lang);
  return {
    id: a.id, clientId: a.clientId, clientName: { firstName: r.firstName, lastName: r.lastName }, event: a.event, signals: a.signals,
    urgent: a.signals.some((s) => s.eventDate !== null && s.eventDate >= day && s.eventDate <= urgentUntil),
    status: a.status as AlertView['status'], snoozedUntil: a.snoozedUntil, outcome: a.outcome, dismissReason: a.dismissReason, note: a.note,
    createdAt: a.createdAt, doneAt: a.doneAt, reaction: a.reaction as AlertView['reaction'], offers, argument,
    mandate: mandate && budget ? { ...budget, areas: mandate.areas, perPurchaseCapCents: mandate.perPurchaseCapCents } : null,
    contactConsent: consent.contact,
  };
}

function liveAlert(store: Store, id: string) {
  return alertById(store.db, id) ?? (() => { throw new DomainError([{ field: 'alert', code: 'not_found' }]); })();
}

/** The coach contacted the client about the alert: the contact is on the timeline, then the alert is done. */
export function contactAbout(store: Store, alertId: string, touchpoint: Record<string, unknown>) {
  const alert = liveAlert(store, alertId);
  // One transaction: refused without consent to contact (the registry's rule), the touchpoint is not kept either.
  return store.transaction(() => {
    store.mutate('touchpoint.add', { ...touchpoint, id: (touchpoint.id as string | undefined) ?? uuidv7(), clientId: alert.clientId, refId: alertId } as never);
    return store.mutate('alert.close', { id: alertId, outcome: 'contacted' });
  });
}

/** An offer was put to the client: its outcome (a touchpoint too), then the alert is done. */
export function proposeFor(store: Store, alertId: string, outcome: Record<string, unknown>) {
  const alert = liveAlert(store, alertId);
  // The segment in force is what the backend learns from; without consent to profiling there is none.
  const segment = consentOf(store.db, alert.clientId).profiling ? effectiveSegment(conclusionsOf(store.db, alert.clientId))?.segment ?? null : null;
  store.mutate('offer.outcome', { ...outcome, id: (outcome.id as string | undefined) ?? uuidv7(), clientId: alert.clientId, meetingId: null, segment } as never);
  return store.mutate('alert.close', { id: alertId, outcome: 'proposed' });
}

/**
 * The client rejects what the alert concluded. The rejection is kept as the
 * client's word on a life-event conclusion, the record the backend reads for
 * rule 2 (no alert for this event for a while): the one drawn before if there
 * is one, else one recorded now from the alert. Recording a conclusion needs
 * the client's consent to profiling (the registry's rule); without it the
 * alert is still done, and rule 2 has nothing to read.
 */
export function rejectAlertConclusion(store: Store, alertId: string) {
  const alert = liveAlert(store, alertId);
  const clientId = alert.clientId;
  const drawn = conclusionsOf(store.db, clientId).filter((c) => c.kind === 'life_event' && c.value === alert.event);
  if (!drawn.some((c) => c.status === 'rejected')) {
    const open = drawn.at(-1);
    let id = open?.id;
    if (!id && consentOf(store.db, clientId).profiling) {
      id = uuidv7();
      store.mutate('conclusion.record', {
        id, clientId, kind: 'life_event', value: alert.event, source: 'rule', ruleSetVersion: `alert_rules.v${alert.rulesVersion}`, inputs: {},
      });
    }
    if (id) store.mutate('conclusion.review', { id, status: 'rejected' });
  }
  return store.mutate('alert.close', { id: alertId, outcome: 'conclusion_rejected' });
}

type PurchaseInput = z.output<typeof purchaseInput>;

function liveMandate(store: Store, id: string): MandateRow {
  return mandateById(store.db, id) ?? (() => { throw new DomainError([{ field: 'mandate', code: 'not_found' }]); })();
}

export function checkPurchase(store: Store, input: PurchaseInput) {
  const m = liveMandate(store, input.mandateId);
  const catalogue = currentCatalogue(store).body;
  const d = decidePurchase({ mandate: purchaseMandate(m), earlier: earlierOf(m), attempt: { items: input.items, at: today(), days: input.days, singleConsent: input.singleConsent }, catalogue });
  const name = names(catalogue);
  return { ...d, products: d.products.map((id) => ({ id, name: name.get(id) ?? null })) } as const;
}

/** Makes the purchase: the store decides again, and a refusal says why with the figures. */
export function makePurchase(store: Store, input: PurchaseInput & { id?: string; alertId?: string | null }) {
  const check = checkPurchase(store, input);
  // One new holding per product bought; the store refuses the purchase itself if it may not be made.
  return store.mutate('purchase.make', {
    id: input.id ?? uuidv7(), clientId: liveMandate(store, input.mandateId).clientId, mandateId: input.mandateId, items: input.items, days: input.days, singleConsent: input.singleConsent,
    holdingIds: check.products.length > 0 ? check.products.map(() => uuidv7()) : [uuidv7()], alertId: input.alertId ?? null,
  });
}

export function clientPurchases(store: Store, clientId: string) {
  const catalogue = currentCatalogue(store).body;
  const name = names(catalogue);
  const purchases = purchasesOfClient(store.db, clientId).map((p) => ({
    id: p.id, mandateId: p.mandateId, on: p.on, days: p.days, items: p.items.map((id) => ({ id, name: name.get(id) ?? null })),
    priceCents: p.priceCents, chargeCents: p.chargeCents, singleConsent: p.singleConsent, recordedAt: p.recordedAt,
  }));
  const day = today();
  const budgets = mandatesOfClient(store.db, clientId).filter((m) => inForce(m, day)).map((m) => budgetOf(m, catalogue, day));
  return { purchases, budgets };
}


export function coachClients(store: Store): z.infer<typeof mandateClientView>[] {
  const catalogue = currentCatalogue(store).body;
  const day = today();
  const open = openAlertsByClient(store.db, day);
  return mandatesOfCoach(store.db, myIds(store)).map(({ mandate: m, firstName, lastName }) => ({
    clientId: m.clientId, firstName, lastName, mandateId: m.id, revokedAt: m.revokedAt, validFrom: m.validFrom, validUntil: m.validUntil,
    areas: m.areas, budget: budgetOf(m, catalogue, day), openAlerts: open.get(m.clientId) ?? 0,
  }));
}

/**
 * A purchase the backend refused because another one (made on another device
 * meanwhile) took the budget: the coach sees both figures, what this purchase
 * would take and what the period has left now that the other one is here.
 */
export function withBudgets(store: Store, refused: Refused[]): Refused[] {
  return refused.map((r) => {
    if (r.name !== 'purchase.make' || r.code !== 'over_budget') return r;
    const a = r.args as { mandateId?: string; items?: string[]; days?: number } | null;
    const m = a?.mandateId ? mandateById(store.db, a.mandateId) : null;
    if (!m || !Array.isArray(a?.items)) return r;
    const catalogue = currentCatalogue(store).body;
    const budget = budgetOf(m, catalogue);
    const d = decidePurchase({ mandate: purchaseMandate(m), earlier: earlierOf(m), attempt: { items: a.items, at: today(), days: a.days ?? 1 }, catalogue });
    return { ...r, budget: { mandateId: m.id, chargeCents: d.chargeCents, spentCents: budget.spentCents, leftCents: budget.leftCents, budgetCents: m.budgetCents } };
  });
}
