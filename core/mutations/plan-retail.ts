// What the retailer's mutations change (retail.md): a sale at a chosen price,
// a request to approve a price the range does not allow, and the
// manufacturer's decision on it. The price is decided by core/retail/price.ts
// on the device before anything is saved and again on the backend, against the
// ranges each side holds, so a tampered device cannot record a price outside
// the range without an approval the manufacturer granted.
import { addDays, berlinDay } from '../dates.ts';
import { DomainError } from '../errors.ts';
import type { CatalogueLookup } from '../manufacturer.ts';
import type { Fields, RecordReader, RecordWrite, StoredRecord } from '../records.ts';
import { decidePrice, rangeForSale, type CentRange, type PriceRangeLookup } from '../retail/price.ts';
import { APPROVAL_DAYS } from '../retail/records.ts';
import type { Plan, Planner } from './plan-types.ts';

export type RetailMutation = 'sale.record' | 'approval.request' | 'approval.decide';

interface Helpers {
  liveClient(read: RecordReader, id: string): StoredRecord;
  insert(entity: RecordWrite['entity'], id: string, clientId: string, fields: Fields): RecordWrite;
  update(entity: RecordWrite['entity'], id: string, clientId: string, fields: Fields): RecordWrite;
  contactAt(client: StoredRecord, at: number): RecordWrite[];
}

interface Priced { productId: string; variant: 'A' | 'B' | 'C' | null; chosenCents: number; reason: string | null; reasonText?: string | null }

const problem = (field: string, code: ConstructorParameters<typeof DomainError>[0][number]['code'], params?: Record<string, string | number>) =>
  new DomainError([params ? { field, code, params } : { field, code }]);

/** The range for the product and what the price decision says about the chosen price on this day. */
function priceOf(a: Priced, day: string, catalogue: CatalogueLookup, ranges: PriceRangeLookup | undefined) {
  if (!ranges) throw new Error('a retail mutation was planned without the price ranges');
  if (!catalogue.has('product', a.productId)) throw problem('productId', 'not_in_catalogue', { value: a.productId });
  const range = rangeForSale(catalogue.current, ranges.range(a.productId), a.productId, a.variant);
  if (!range) throw problem('variant', 'unknown_value', { value: String(a.variant) });
  const d = decidePrice(range, { chosenCents: a.chosenCents, reason: a.reason as never, reasonText: a.reasonText ?? null, day });
  if (d.code === 'reason_required') throw problem('reason', 'reason_required');
  return { range, d };
}

/** The prices a sale or request is kept with, so the manufacturer sees them as they were. */
const rangeFields = (r: CentRange) => ({ proposedCents: r.proposedCents, floorCents: r.floorCents, ceilingCents: r.ceilingCents, validUntil: r.validUntil, rangeSource: r.source });

/** Whether an approval lets this sale through: granted, for this client, product and price, and still in time. */
function approvalFor(read: RecordReader, a: Priced & { approvalId: string | null }, clientId: string, day: string): StoredRecord {
  if (a.approvalId === null) throw problem('chosenCents', 'needs_approval');
  const approval = read.get('approvals', a.approvalId);
  if (!approval || approval.deletedAt !== null || approval.clientId !== clientId) throw problem('approvalId', 'not_found');
  if (approval.productId !== a.productId || (approval.variant ?? null) !== a.variant || approval.chosenCents !== a.chosenCents) {
    throw problem('approvalId', 'approval_mismatch', { price: approval.chosenCents as number, unit: 'cents' });
  }
  if (approval.status === 'pending') throw problem('approvalId', 'approval_pending');
  if (approval.status !== 'approved') throw problem('approvalId', 'approval_declined');
  if (day > (approval.expiresOn as string)) throw problem('approvalId', 'approval_expired', { day: approval.expiresOn as string });
  return approval;
}

export function retailPlanners(h: Helpers): { [N in RetailMutation]: Planner<N> } {
  return {
    'sale.record'(a, { at, userId, read, catalogue, ranges }): Plan {
      const client = h.liveClient(read, a.clientId);
      // A retried sale (its answer lost on the way back) is not a second one.
      if (read.get('sales', a.id)) return { writes: [], id: a.id, clientId: a.clientId };
      if (read.get('holdings', a.holdingId)) throw problem('holdingId', 'invalid_value', { detail: 'a holding with this id exists' });
      const day = berlinDay(at);
      const { range, d } = priceOf(a, day, catalogue, ranges);
      const approval = d.decision === 'needs_approval' ? approvalFor(read, a, a.clientId, day) : null;
      const product = catalogue.current.products.find((p) => p.id === a.productId)!;
      const period = a.variant ? product.variants!.find((v) => v.id === a.variant)!.price.period : product.price.period;
      return {
        id: a.id, clientId: a.clientId,
        writes: [
          h.insert('sales', a.id, a.clientId, {
            clientId: a.clientId, retailerId: ranges!.retailerId, soldBy: userId, productId: a.productId, variant: a.variant, period,
            chosenCents: a.chosenCents, ...rangeFields(range), decision: approval ? 'approved' : d.decision, deviationCents: d.deviationCents,
            reason: d.decision === 'proposed' ? null : a.reason, reasonText: d.decision === 'proposed' ? null : (a.reasonText ?? null),
            approvalId: approval ? a.approvalId : null, holdingId: a.holdingId, on: day, recordedAt: at,
          }),
          h.insert('holdings', a.holdingId, a.clientId, {
            clientId: a.clientId, productId: a.productId, since: day, endedOn: null,
            // A monthly price counts towards the value tier, as for any holding.
            yearlyPremiumCents: period === 'month' ? a.chosenCents * 12 : period === 'year' ? a.chosenCents : 0,
          }),
          h.insert('touchpoints', a.id, a.clientId, {
            clientId: a.clientId, kind: 'purchase', channel: 'point_of_sale', direction: 'inbound', occurredAt: at,
            summary: `${product.name.de}${a.variant ? ` (${a.variant})` : ''}`, outcome: null, refId: a.id, recordedBy: userId,
          }),
          ...h.contactAt(client, at),
        ],
      };
    },
    'approval.request'(a, { at, userId, read, catalogue, ranges }): Plan {
      h.liveClient(read, a.clientId);
      if (read.get('approvals', a.id)) return { writes: [], id: a.id, clientId: a.clientId };
      const { range, d } = priceOf(a, berlinDay(at), catalogue, ranges);
      // Only a price the range does not allow needs the manufacturer: any other is sold as it is.
      if (d.decision !== 'needs_approval') throw problem('chosenCents', 'approval_not_needed');
      return {
        id: a.id, clientId: a.clientId,
        writes: [h.insert('approvals', a.id, a.clientId, {
          clientId: a.clientId, retailerId: ranges!.retailerId, requestedBy: userId, requestedAt: at, productId: a.productId, variant: a.variant,
          chosenCents: a.chosenCents, ...rangeFields(range), deviationCents: d.deviationCents, expired: d.expired, reason: a.reason, reasonText: a.reasonText ?? null,
          status: 'pending', decidedBy: null, decidedAt: null, note: null, expiresOn: null,
        })],
      };
    },
    'approval.decide'(a, { at, userId, read }): Plan {
      const approval = read.get('approvals', a.id);
      if (!approval || approval.deletedAt !== null) throw problem('approval', 'not_found');
      const clientId = approval.clientId as string;
      // A decision stands: deciding again (a second console tab) changes nothing and says so.
      if (approval.status !== 'pending') throw problem('approval', 'approval_decided', { value: approval.status as string });
      return {
        id: a.id, clientId,
        writes: [h.update('approvals', a.id, clientId, {
          status: a.decision, decidedBy: userId, decidedAt: at, note: a.note ?? null,
          expiresOn: a.decision === 'approved' ? addDays(berlinDay(at), APPROVAL_DAYS) : null,
        })],
      };
    },
  };
}
