// What the life coach's mutations change (coach.md): acting on an alert, and
// buying under a client's mandate. Kept apart from plan.ts for length; the
// same helpers, passed in, so both read records the same way.
import { berlinDay } from '../dates.ts';
import { DomainError } from '../errors.ts';
import { decidePurchase, type PurchaseDecision } from '../coach/purchase.ts';
import type { PurchaseLogEntry } from '../coach/records.ts';
import type { CatalogueLookup, Product } from '../manufacturer.ts';
import type { Fields, RecordReader, RecordWrite, StoredRecord } from '../records.ts';
import type { Plan, Planner } from './plan-types.ts';

export type CoachMutation = 'alert.snooze' | 'alert.dismiss' | 'alert.close' | 'purchase.make';

interface Helpers {
  live(read: RecordReader, entity: 'mandates' | 'alerts', id: string, field: string): StoredRecord;
  liveClient(read: RecordReader, id: string): StoredRecord;
  insert(entity: RecordWrite['entity'], id: string, clientId: string, fields: Fields): RecordWrite;
  update(entity: RecordWrite['entity'], id: string, clientId: string, fields: Fields): RecordWrite;
  contactAt(client: StoredRecord, at: number): RecordWrite[];
}

/** The refusal a purchase decision carries, with the items and figures a coach needs to explain it. */
function refusal(d: PurchaseDecision, m: StoredRecord, day: string, items: readonly string[], catalogue: CatalogueLookup['current']): DomainError {
  const field = 'items';
  const products = new Map(catalogue.products.map((p) => [p.id, p]));
  const bundles = new Set(catalogue.bundles.map((b) => b.id));
  const offending = (bad: (p: Product) => boolean) => d.products.filter((id) => { const p = products.get(id); return p !== undefined && bad(p); });
  const unknown = items.filter((id) => !products.has(id) && !bundles.has(id));
  switch (d.reason) {
    case 'unknown_product': return new DomainError([{ field, code: 'not_in_catalogue', params: { value: unknown.join(', ') } }]);
    case 'not_in_force': return new DomainError([{ field: 'mandate', code: 'mandate_not_in_force', params: { day, from: m.validFrom as string, ...(m.validUntil ? { until: m.validUntil as string } : {}) } }]);
    case 'revoked': return new DomainError([{ field: 'mandate', code: 'mandate_revoked' }]);
    case 'complex_product': return new DomainError([{ field, code: 'needs_single_consent', params: { value: offending((p) => p.complexity !== 'simple').join(', ') } }]);
    case 'outside_areas': return new DomainError([{ field, code: 'outside_areas', params: { value: offending((p) => !(m.areas as string[]).includes(p.area)).join(', '), areas: (m.areas as string[]).join(', ') } }]);
    case 'over_cap': return new DomainError([{ field, code: 'over_cap', params: { price: d.priceCents!, cap: m.perPurchaseCapCents as number, unit: 'cents' } }]);
    default: return new DomainError([{ field, code: 'over_budget', params: { charge: d.chargeCents!, spent: d.spentBeforeCents!, budget: m.budgetCents as number, unit: 'cents' } }]);
  }
}

export function coachPlanners(h: Helpers): { [N in CoachMutation]: Planner<N> } {
  const alertOf = (read: RecordReader, id: string) => {
    const alert = h.live(read, 'alerts', id, 'alert');
    return { alert, clientId: alert.clientId as string };
  };
  return {
    'alert.snooze'(a, { at, read }) {
      const { clientId } = alertOf(read, a.id);
      // Snoozing to today or earlier would not put it off at all.
      const today = berlinDay(at);
      if (a.until <= today) throw new DomainError([{ field: 'until', code: 'date_too_early', params: { min: today } }]);
      return { id: a.id, clientId, writes: [h.update('alerts', a.id, clientId, { status: 'snoozed', snoozedUntil: a.until })] };
    },
    'alert.dismiss'(a, { at, userId, read }) {
      const { clientId } = alertOf(read, a.id);
      return {
        id: a.id, clientId,
        writes: [h.update('alerts', a.id, clientId, { status: 'done', outcome: 'dismissed', dismissReason: a.reason, note: a.note ?? null, snoozedUntil: null, doneAt: at, doneBy: userId })],
      };
    },
    'alert.close'(a, { at, userId, read }) {
      const { clientId } = alertOf(read, a.id);
      return {
        id: a.id, clientId,
        writes: [h.update('alerts', a.id, clientId, { status: 'done', outcome: a.outcome, dismissReason: null, snoozedUntil: null, doneAt: at, doneBy: userId })],
      };
    },
    'purchase.make'(a, { at, userId, read, catalogue }): Plan {
      const mandate = h.live(read, 'mandates', a.mandateId, 'mandate');
      const clientId = mandate.clientId as string;
      if (a.clientId !== clientId) throw new DomainError([{ field: 'mandate', code: 'not_found' }]);
      const client = h.liveClient(read, clientId);
      // A retried purchase (its answer lost on the way back) is not a second one.
      if (read.get('purchases', a.id)) return { writes: [], id: a.id, clientId };
      const day = berlinDay(at);
      const log = (mandate.purchaseLog as PurchaseLogEntry[] | undefined) ?? [];
      const d = decidePurchase({
        mandate: {
          budgetCents: mandate.budgetCents as number, period: mandate.period as 'month' | 'quarter' | 'year', areas: mandate.areas as string[],
          perPurchaseCapCents: mandate.perPurchaseCapCents as number, validFrom: mandate.validFrom as string, validUntil: (mandate.validUntil as string | null) ?? null,
          revokedOn: mandate.revokedAt === null || mandate.revokedAt === undefined ? null : berlinDay(mandate.revokedAt as number),
        },
        earlier: log.map((p) => ({ items: p.items, at: p.on, days: p.days })),
        attempt: { items: a.items, at: day, days: a.days, singleConsent: a.singleConsent },
        catalogue: catalogue.current,
      });
      if (d.decision !== 'allowed') throw refusal(d, mandate, day, a.items, catalogue.current);
      if (a.holdingIds.length !== d.products.length || new Set(a.holdingIds).size !== a.holdingIds.length) {
        throw new DomainError([{ field: 'holdingIds', code: 'invalid_value', params: { detail: `one new id for each of the ${d.products.length} products bought` } }]);
      }
      if (a.holdingIds.some((id) => read.get('holdings', id))) throw new DomainError([{ field: 'holdingIds', code: 'invalid_value', params: { detail: 'a holding with this id exists' } }]);
      let alertWrite: RecordWrite[] = [];
      if (a.alertId) {
        const alert = read.get('alerts', a.alertId);
        if (!alert || alert.clientId !== clientId) throw new DomainError([{ field: 'alertId', code: 'not_found' }]);
        if (alert.status !== 'done') alertWrite = [h.update('alerts', a.alertId, clientId, { status: 'done', outcome: 'bought', snoozedUntil: null, doneAt: at, doneBy: userId })];
      }
      const products = new Map(catalogue.current.products.map((p) => [p.id, p]));
      const entry: PurchaseLogEntry = { id: a.id, items: d.products, on: day, days: a.days, singleConsent: a.singleConsent };
      return {
        id: a.id, clientId,
        writes: [
          h.insert('purchases', a.id, clientId, {
            clientId, mandateId: a.mandateId, coachId: userId, items: d.products, days: a.days, on: day, priceCents: d.priceCents!, chargeCents: d.chargeCents!,
            singleConsent: a.singleConsent, alertId: a.alertId ?? null, recordedAt: at,
          }),
          h.update('mandates', a.mandateId, clientId, { purchaseLog: [...log, entry] }),
          // Each product bought is held from today; a monthly one counts towards the value tier.
          ...d.products.map((productId, i) => {
            const price = products.get(productId)?.price;
            const yearly = price?.period === 'month' && price.amount > 0 ? Math.round(price.amount * 1200) : 0;
            return h.insert('holdings', a.holdingIds[i]!, clientId, { clientId, productId, since: day, yearlyPremiumCents: yearly, endedOn: null });
          }),
          // On the timeline under the purchase's id, like a meeting or an offer.
          h.insert('touchpoints', a.id, clientId, {
            clientId, kind: 'purchase', channel: 'other', direction: 'outbound', occurredAt: at, summary: d.products.map((id) => products.get(id)?.name.de ?? id).join(', '), outcome: null, refId: a.mandateId, recordedBy: userId,
          }),
          ...h.contactAt(client, at),
          ...alertWrite,
        ],
      };
    },
  };
}
