// How a retailer's chosen price is decided against the range the manufacturer
// granted (retail.md, "Price ranges"). Pure and in whole cents: the device
// decides with it before a sale is recorded, the backend again on every pushed
// sale, and the `price` command prints it, so all three agree to the cent.
import type { CatalogueDocument, PriceRange } from '../manufacturer.ts';

/** Why a retailer moved away from the proposed price; `other` needs its text. */
export const PRICE_REASONS = ['client_value', 'competition', 'loyalty', 'bundle', 'other'] as const;
export type PriceReason = (typeof PRICE_REASONS)[number];

export const PRICE_DECISIONS = ['proposed', 'within_range', 'needs_approval', 'refused'] as const;
export type PriceDecisionKind = (typeof PRICE_DECISIONS)[number];

/** The range a sale is decided against, in cents; `validUntil` null: a list price, which never expires. */
export interface CentRange { proposedCents: number; floorCents: number; ceilingCents: number; validUntil: string | null; source: 'range' | 'list_price' }

export interface PriceAttempt {
  chosenCents: number;
  reason: PriceReason | null;
  reasonText?: string | null;
  /** The day of sale (YYYY-MM-DD, Europe/Berlin). */
  day: string;
}

export interface PriceDecision {
  decision: PriceDecisionKind;
  code: 'reason_required' | null;
  /** Chosen minus proposed, in cents. */
  deviationCents: number;
  /** Where the chosen price sits: below the floor, within, above the ceiling. */
  position: 'below' | 'within' | 'above';
  /** The range's validity has passed on the day of sale. */
  expired: boolean;
}

export const centsOf = (euros: number): number => Math.round(euros * 100);

/** A granted range in cents, or the list price as floor, proposal and ceiling when none is granted. */
export function centRange(range: PriceRange | null, listPrice: number): CentRange {
  if (range) return { proposedCents: centsOf(range.proposed), floorCents: centsOf(range.floor), ceilingCents: centsOf(range.ceiling), validUntil: range.valid_until, source: 'range' };
  const p = centsOf(listPrice);
  return { proposedCents: p, floorCents: p, ceilingCents: p, validUntil: null, source: 'list_price' };
}

/**
 * The price a product (or one of its variants A, B, C) is proposed at for a
 * retailer: its granted range, else its list price. null: not in the catalogue.
 * A variant's own list price is its proposal; ranges are granted per product.
 */
export function rangeForSale(catalogue: CatalogueDocument, granted: PriceRange | null, productId: string, variant: string | null): CentRange | null {
  const product = catalogue.products.find((p) => p.id === productId);
  if (!product) return null;
  if (variant !== null) {
    const v = product.variants?.find((x) => x.id === variant);
    return v ? centRange(null, v.price.amount) : null;
  }
  return centRange(granted?.product === productId ? granted : null, product.price.amount);
}

const hasReason = (a: PriceAttempt) => a.reason !== null && (a.reason !== 'other' || (a.reasonText ?? '').trim().length > 0);

export function decidePrice(range: CentRange, attempt: PriceAttempt): PriceDecision {
  const deviationCents = attempt.chosenCents - range.proposedCents;
  const position = attempt.chosenCents < range.floorCents ? 'below' : attempt.chosenCents > range.ceilingCents ? 'above' : 'within';
  const expired = range.validUntil !== null && attempt.day > range.validUntil;
  const out = (decision: PriceDecisionKind, code: PriceDecision['code'] = null): PriceDecision => ({ decision, code, deviationCents, position, expired });
  // The proposal is the manufacturer's own price: it stands even after the range expired.
  if (deviationCents === 0) return out('proposed');
  if (!hasReason(attempt)) return out('refused', 'reason_required');
  if (position === 'within' && !expired) return out('within_range');
  return out('needs_approval');
}

/**
 * The ranges granted to the retailer issuing a change, as the side applying it
 * knows them: a device the ranges it received, the backend the newest it
 * published for the issuer's retailer. Asked only by the kinds that price a sale.
 */
export interface PriceRangeLookup {
  /** The retailer the issuer sells for; null where the device was not told (the backend's value is the one kept). */
  retailerId: string | null;
  range(productId: string): PriceRange | null;
}
