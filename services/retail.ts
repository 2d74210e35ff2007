// The retailer's work over the local book (retail.md): the products with the
// ranges this device was granted, a quote of a chosen price, the sale and the
// approval request, and the lists of both. The price is decided by
// core/retail/price.ts here, again by the store before anything is written,
// and again by the backend, so all three say the same.
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { effectiveSegment } from '#core/conclusions.ts';
import { berlinDay } from '#core/dates.ts';
import { DomainError } from '#core/errors.ts';
import type { CatalogueDocument, Product } from '#core/manufacturer.ts';
import { isPointOfSale } from '#core/offers/catalogue.ts';
import { centRange, decidePrice, rangeForSale, type CentRange } from '#core/retail/price.ts';
import type { approvalsInput, ApprovalView, quoteInput, QuoteView, recordSaleInput, requestApprovalInput, salesInput, SaleView } from '#contract/retail.ts';
import { heldRanges } from '#db/ranges.ts';
import { conclusionsOf, consentOf, profileOf } from '#db/profile.ts';
import { approvalsFor, approvalsOf, heldRating, salesOf } from '#db/retail.ts';
import type { approvals } from '#db/schema.ts';
import type { Store } from '#db/store.ts';
import { getClient } from '#db/queries.ts';
import { currentCatalogue } from './catalogue.ts';

type ApprovalRow = typeof approvals.$inferSelect;
type Variant = 'A' | 'B' | 'C';

const today = (store: Store) => berlinDay(store.now());
const problem = (field: string, code: 'not_found' | 'invalid_value' | 'not_in_catalogue', params?: Record<string, string>) =>
  new DomainError([params ? { field, code, params } : { field, code }]);

/** Products a retailer sells at a price: a discount module (a negative price) is no sale of its own. */
const sellable = (p: Product) => p.price.amount > 0;

export function retailProducts(store: Store) {
  const catalogue = currentCatalogue(store).body;
  const ranges = heldRanges(store.db);
  return catalogue.products.filter(sellable).map((p) => ({
    id: p.id, name: p.name, area: p.area, kind: p.kind, period: p.price.period,
    range: rangeForSale(catalogue, ranges.range(p.id), p.id, null)!,
    forDurableGood: isPointOfSale(p),
    variants: (p.variants ?? []).map((v) => ({ id: v.id as Variant, name: v.name, period: v.price.period, range: centRange(null, v.price.amount) })),
  }));
}

/**
 * Variants A, B, C are for a passive co-buyer buying a durable good
 * (segments.md): the segment in force for the client, which the app only
 * uses with the client's consent to profiling, and their answer that the
 * occasion is a durable good.
 */
export function variantsOffered(store: Store, clientId: string): boolean {
  if (!consentOf(store.db, clientId).profiling) return false;
  return effectiveSegment(conclusionsOf(store.db, clientId))?.segment === 'passive_co_buyer'
    && profileOf(store.db, clientId).purchase_occasion === 'durable_good';
}

interface Priced { clientId: string; productId: string; variant: Variant | null; chosenCents: number; reason: string | null; reasonText?: string | null }

/** The client, the product and the variant checked as the screen chose them; the range the price is decided against. */
function saleRange(store: Store, a: Priced, catalogue: CatalogueDocument): CentRange {
  if (!getClient(store.db, a.clientId)) throw problem('clientId', 'not_found');
  if (!catalogue.products.some((p) => p.id === a.productId && sellable(p))) throw problem('productId', 'not_in_catalogue', { value: a.productId });
  if (a.variant !== null && !variantsOffered(store, a.clientId)) {
    throw problem('variant', 'invalid_value', { detail: 'variants A, B, C are offered only to a passive co-buyer buying a durable good: sell the product itself' });
  }
  const range = rangeForSale(catalogue, heldRanges(store.db).range(a.productId), a.productId, a.variant);
  if (!range) throw problem('variant', 'invalid_value', { detail: `the product has no variant ${a.variant}` });
  return range;
}

function approvalViewOf(r: ApprovalRow, name: { firstName: string; lastName: string }, catalogue: CatalogueDocument, day: string): ApprovalView {
  return {
    id: r.id, clientId: r.clientId, clientName: name, productId: r.productId, productName: catalogue.products.find((p) => p.id === r.productId)?.name ?? null,
    variant: r.variant, chosenCents: r.chosenCents, proposedCents: r.proposedCents, floorCents: r.floorCents, ceilingCents: r.ceilingCents,
    validUntil: r.validUntil, deviationCents: r.deviationCents, reason: r.reason, reasonText: r.reasonText, rangeExpired: r.expired,
    status: r.status as ApprovalView['status'], requestedBy: r.requestedBy, requestedAt: r.requestedAt, decidedBy: r.decidedBy, decidedAt: r.decidedAt,
    note: r.note, expiresOn: r.expiresOn, usable: r.status === 'approved' && r.expiresOn !== null && day <= r.expiresOn,
  };
}

export function quote(store: Store, input: z.output<typeof quoteInput>): QuoteView {
  const catalogue = currentCatalogue(store).body;
  const range = saleRange(store, input, catalogue);
  const day = input.day ?? today(store);
  const d = decidePrice(range, { chosenCents: input.chosenCents, reason: input.reason, reasonText: input.reasonText ?? null, day });
  const client = getClient(store.db, input.clientId)!.client;
  const requests = approvalsFor(store.db, input).map((r) => approvalViewOf(r, client, catalogue, day));
  return {
    ...d, range, variantsOffered: variantsOffered(store, input.clientId),
    approval: requests.find((r) => r.usable) ?? null,
    request: requests.find((r) => !r.usable) ?? null,
  };
}

/**
 * Records the sale. A price that needs the manufacturer's approval uses the
 * approval in force for exactly this sale; the store refuses it without one,
 * and refuses a pending, declined or run-out one by name.
 */
export function recordSale(store: Store, input: z.output<typeof recordSaleInput>) {
  const catalogue = currentCatalogue(store).body;
  const range = saleRange(store, input, catalogue);
  const day = today(store);
  const requests = approvalsFor(store.db, input);
  // The request for exactly this sale: the one named, else the one in force, else the newest, whose refusal the store names.
  const request = input.approvalId !== null ? requests.find((r) => r.id === input.approvalId)
    : beyondRange(range, input.chosenCents, day) ? requests.find((r) => r.status === 'approved' && r.expiresOn !== null && day <= r.expiresOn) ?? requests[0] : undefined;
  // A sale at an approved price keeps the reason the approval was asked with, unless the seller gives one.
  const why = input.reason !== null ? { reason: input.reason, reasonText: input.reasonText } : { reason: request?.reason ?? null, reasonText: request?.reasonText ?? null };
  return store.mutate('sale.record', { ...input, ...why, id: input.id ?? uuidv7(), holdingId: uuidv7(), approvalId: request?.id ?? input.approvalId } as never);
}

/** Whether only the manufacturer can allow this price, whatever reason is given: outside the range, or the range has run out. */
function beyondRange(range: CentRange, chosenCents: number, day: string): boolean {
  return decidePrice(range, { chosenCents, reason: 'client_value', day }).decision === 'needs_approval';
}

export function requestApproval(store: Store, input: z.output<typeof requestApprovalInput>) {
  saleRange(store, input, currentCatalogue(store).body);
  return store.mutate('approval.request', { ...input, id: input.id ?? uuidv7() } as never);
}

export function listSales(store: Store, input: z.output<typeof salesInput>): SaleView[] {
  const catalogue = currentCatalogue(store).body;
  return salesOf(store.db, input).map(({ sale: s, firstName, lastName }) => ({
    id: s.id, clientId: s.clientId, clientName: { firstName, lastName }, productId: s.productId,
    productName: catalogue.products.find((p) => p.id === s.productId)?.name ?? null, variant: s.variant, period: s.period,
    chosenCents: s.chosenCents, proposedCents: s.proposedCents, floorCents: s.floorCents, ceilingCents: s.ceilingCents, deviationCents: s.deviationCents,
    decision: s.decision, reason: s.reason, reasonText: s.reasonText, approvalId: s.approvalId, soldBy: s.soldBy, on: s.on, recordedAt: s.recordedAt,
  }));
}

export function listApprovals(store: Store, input: z.output<typeof approvalsInput>): ApprovalView[] {
  const catalogue = currentCatalogue(store).body;
  const day = today(store);
  return approvalsOf(store.db, input).map(({ approval, firstName, lastName }) => approvalViewOf(approval, { firstName, lastName }, catalogue, day));
}

export const retailRating = (store: Store) => heldRating(store.db);
