// retail.md's price decision, rule by rule and at its edges, in whole cents.
import { describe, expect, it } from 'vitest';
import { centRange, decidePrice, rangeForSale, type PriceAttempt } from '#core/retail/price.ts';
import { splitCatalogueFile } from '#core/manufacturer.ts';
import { readCatalogueFile, SEED_CATALOGUE } from '#backend/manufacturer.ts';

const range = centRange({ retailer: 'retailer_oeko_haus', product: 'green_household', proposed: 12.4, floor: 11.2, ceiling: 14.9, valid_until: '2027-06-30' }, 0);
const at = (chosen: number, more: Partial<PriceAttempt> = {}): PriceAttempt => ({ chosenCents: Math.round(chosen * 100), reason: 'client_value', day: '2027-03-01', ...more });

describe('decidePrice', () => {
  it('takes the proposed price as it is, without a reason, even after the range expired', () => {
    expect(decidePrice(range, at(12.4, { reason: null }))).toMatchObject({ decision: 'proposed', code: null, deviationCents: 0 });
    expect(decidePrice(range, at(12.4, { reason: null, day: '2027-07-01' }))).toMatchObject({ decision: 'proposed', expired: true });
  });

  it('needs a reason for any deviation, and a text for "other"', () => {
    expect(decidePrice(range, at(13.5, { reason: null }))).toMatchObject({ decision: 'refused', code: 'reason_required', deviationCents: 110 });
    expect(decidePrice(range, at(13.5, { reason: 'other' }))).toMatchObject({ decision: 'refused', code: 'reason_required' });
    expect(decidePrice(range, at(13.5, { reason: 'other', reasonText: '   ' }))).toMatchObject({ decision: 'refused', code: 'reason_required' });
    expect(decidePrice(range, at(13.5, { reason: 'other', reasonText: 'matches the online shop' }))).toMatchObject({ decision: 'within_range' });
    // A price outside the range without a reason is refused for the reason first: the request would need one anyway.
    expect(decidePrice(range, at(20, { reason: null }))).toMatchObject({ decision: 'refused', code: 'reason_required' });
  });

  it('allows floor and ceiling themselves, and a cent beyond needs approval', () => {
    expect(decidePrice(range, at(11.2))).toMatchObject({ decision: 'within_range', position: 'within', deviationCents: -120 });
    expect(decidePrice(range, at(14.9))).toMatchObject({ decision: 'within_range', position: 'within' });
    expect(decidePrice(range, at(11.19))).toMatchObject({ decision: 'needs_approval', position: 'below' });
    expect(decidePrice(range, at(14.91))).toMatchObject({ decision: 'needs_approval', position: 'above' });
  });

  it('counts valid_until as the last day of the range', () => {
    expect(decidePrice(range, at(13.5, { day: '2027-06-30' }))).toMatchObject({ decision: 'within_range', expired: false });
    expect(decidePrice(range, at(13.5, { day: '2027-07-01' }))).toMatchObject({ decision: 'needs_approval', expired: true });
  });

  it('compares whole cents, so float noise in euros does not move a decision', () => {
    // 0.1 + 0.2 euros is 0.30000000000000004: still the proposal of 30 cents.
    const r = centRange(null, 0.3);
    expect(decidePrice(r, { chosenCents: Math.round((0.1 + 0.2) * 100), reason: null, day: '2027-01-01' }).decision).toBe('proposed');
  });

  it('treats a list price as floor, proposal and ceiling that never expire', () => {
    const list = centRange(null, 6.9);
    expect(list).toEqual({ proposedCents: 690, floorCents: 690, ceilingCents: 690, validUntil: null, source: 'list_price' });
    expect(decidePrice(list, at(6.9, { reason: null, day: '2199-12-31' })).decision).toBe('proposed');
    expect(decidePrice(list, at(6.5)).decision).toBe('needs_approval');
  });
});

describe('rangeForSale', () => {
  const { catalogue } = splitCatalogueFile(readCatalogueFile(SEED_CATALOGUE));
  const granted = { retailer: 'retailer_oeko_haus', product: 'green_household', proposed: 12.4, floor: 11.2, ceiling: 14.9, valid_until: '2027-06-30' };

  it('uses the granted range for its product, and the list price for any other', () => {
    expect(rangeForSale(catalogue, granted, 'green_household', null)).toMatchObject({ proposedCents: 1240, source: 'range' });
    expect(rangeForSale(catalogue, null, 'liability_private', null)).toMatchObject({ proposedCents: 690, floorCents: 690, source: 'list_price' });
  });

  it("proposes a variant at its own list price, and knows no variant a product lacks", () => {
    expect(rangeForSale(catalogue, null, 'device_protection', 'A')).toMatchObject({ proposedCents: 399, ceilingCents: 399 });
    expect(rangeForSale(catalogue, null, 'device_protection', 'C')).toMatchObject({ proposedCents: 899 });
    expect(rangeForSale(catalogue, null, 'liability_private', 'A')).toBeNull();
    expect(rangeForSale(catalogue, null, 'no_such_product', null)).toBeNull();
  });
});
