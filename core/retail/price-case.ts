// Checks one case of the `price` command (retail.md) before it is decided: a
// price of zero or less, a price that is no number, an unknown reason code or a
// malformed range is bad input for that case, named with what to give instead.
// Euros come in and are decided in whole cents.
import { checkCase, day, fields, refuse, type CaseCheck } from '../case-input.ts';
import type { CatalogueDocument, PriceRange } from '../manufacturer.ts';
import { centRange, centsOf, PRICE_REASONS, type CentRange, type PriceAttempt, type PriceReason } from './price.ts';

export type PriceCase = { id: string | number; range: CentRange; attempt: PriceAttempt };
export type PriceCaseCheck = CaseCheck<PriceCase>;

const FIELDS = ['id', 'retailer', 'product', 'range', 'chosen', 'reason', 'reason_text', 'at'];
const RANGE_FIELDS = ['proposed', 'floor', 'ceiling', 'valid_until'];
const EXAMPLE_RANGE = '{"proposed": 12.4, "floor": 11.2, "ceiling": 14.9, "valid_until": "2027-06-30"}';
const EXAMPLE = `{"id": "p1", "retailer": "retailer_oeko_haus", "product": "green_household", "range": ${EXAMPLE_RANGE}, "chosen": 13.5, "reason": "client_value", "at": "2027-03-01"}`;

function price(value: unknown, field: string, example: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return refuse(`${field} must be a price in euros, like ${example}, not ${JSON.stringify(value)}`);
  if (centsOf(value) <= 0) refuse(`${field} must be above zero, like ${example}, not ${value}`);
  return value;
}

function id(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') return refuse(`${field} must be an id like "green_household", not ${JSON.stringify(value)}`);
  return value;
}

function givenRange(value: unknown, retailer: string, product: string): PriceRange {
  const r = fields(value, 'range', RANGE_FIELDS, RANGE_FIELDS, EXAMPLE_RANGE);
  const range = {
    retailer, product,
    proposed: price(r.proposed, 'range.proposed', 12.4), floor: price(r.floor, 'range.floor', 11.2), ceiling: price(r.ceiling, 'range.ceiling', 14.9),
    valid_until: day(r.valid_until, 'range.valid_until'),
  };
  if (range.floor > range.ceiling) refuse(`range.floor (${range.floor}) lies above range.ceiling (${range.ceiling}): the floor is the lowest price allowed`);
  if (range.proposed < range.floor || range.proposed > range.ceiling) refuse(`range.proposed (${range.proposed}) must lie within floor and ceiling (${range.floor} to ${range.ceiling})`);
  return range;
}

/** The range to decide against: the case's own, else the retailer's granted one, else the product's list price. */
function rangeOf(c: Record<string, unknown>, retailer: string, product: string, catalogue: CatalogueDocument, ranges: readonly PriceRange[]): CentRange {
  if (c.range !== undefined) return centRange(givenRange(c.range, retailer, product), 0);
  const granted = ranges.find((r) => r.retailer === retailer && r.product === product) ?? null;
  const listed = catalogue.products.find((p) => p.id === product);
  if (!granted && !listed) return refuse(`product "${product}" is not in the catalogue and the case gives no range: give a range like ${EXAMPLE_RANGE}, or a product of the catalogue`);
  return centRange(granted, listed?.price.amount ?? 0);
}

function reasonOf(value: unknown): PriceReason | null {
  if (value === undefined || value === null) return null;
  if (!(PRICE_REASONS as readonly unknown[]).includes(value)) refuse(`reason must be one of ${PRICE_REASONS.join(', ')} (or left out), not ${JSON.stringify(value)}`);
  return value as PriceReason;
}

function parse(input: Record<string, unknown>, catalogue: CatalogueDocument, ranges: readonly PriceRange[]): PriceCase {
  const c = fields(input, '', FIELDS, ['retailer', 'product', 'chosen', 'at'], EXAMPLE);
  const retailer = id(c.retailer, 'retailer');
  const product = id(c.product, 'product');
  const range = rangeOf(c, retailer, product, catalogue, ranges);
  if (c.reason_text !== undefined && c.reason_text !== null && typeof c.reason_text !== 'string') refuse('reason_text must be a text, like "matches the online price"');
  return {
    id: input.id as string | number,
    range,
    attempt: { chosenCents: centsOf(price(c.chosen, 'chosen', 13.5)), reason: reasonOf(c.reason), reasonText: (c.reason_text as string | null | undefined) ?? null, day: day(c.at, 'at') },
  };
}

export function validatePriceCase(input: unknown, catalogue: CatalogueDocument, ranges: readonly PriceRange[]): PriceCaseCheck {
  return checkCase(input, EXAMPLE, (c) => parse(c, catalogue, ranges));
}
