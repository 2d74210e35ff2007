// The retailer's sale through the contract, over a real encrypted book with
// the ranges retailer_oeko_haus was granted: the products with their ranges
// (or the list price), a quote for every case retail.md names, and a sale
// within the range that makes a holding and a timeline entry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRetailBook } from '../support/retail.ts';

let book: ReturnType<typeof openRetailBook>;
let clientId: string;

beforeEach(async () => {
  book = openRetailBook();
  clientId = (await book.rpc.clients.create({ firstName: 'Jonas', lastName: 'Keller' })).id;
});
afterEach(() => book.t.close());

const quote = (chosenCents: number, more: { productId?: string; reason?: 'client_value' | 'other' | null; reasonText?: string; day?: string } = {}) =>
  book.rpc.retail.quote({ clientId, productId: more.productId ?? 'green_household', chosenCents, reason: more.reason === undefined ? 'client_value' : more.reason, reasonText: more.reasonText, day: more.day });

describe('the products a retailer sells', () => {
  it('carry the range granted to this retailer, and the list price where none is granted', async () => {
    const products = await book.rpc.retail.products();
    const byId = new Map(products.map((p) => [p.id, p]));
    expect(byId.get('green_household')!.range).toEqual({ proposedCents: 1240, floorCents: 1120, ceilingCents: 1490, validUntil: '2027-06-30', source: 'range' });
    // Granted only to another retailer: this one sells it at the list price.
    expect(byId.get('equestrian_liability')!.range).toEqual({ proposedCents: 950, floorCents: 950, ceilingCents: 950, validUntil: null, source: 'list_price' });
    expect(byId.get('device_protection')).toMatchObject({ forDurableGood: true, variants: [{ id: 'A', range: { proposedCents: 399 } }, { id: 'B' }, { id: 'C' }] });
    expect(byId.get('green_household')).toMatchObject({ forDurableGood: false, variants: [] });
    // A discount module lowers another product's price: it is no sale of its own.
    expect(products.every((p) => p.range.proposedCents > 0)).toBe(true);
  });

  it('all sell at their list price on a device that was granted no ranges', async () => {
    book.t.close();
    book = openRetailBook({ ranges: false });
    const green = (await book.rpc.retail.products()).find((p) => p.id === 'green_household')!;
    expect(green.range).toMatchObject({ proposedCents: 1240, floorCents: 1240, ceilingCents: 1240, source: 'list_price' });
  });
});

describe('a quote decides the chosen price as retail.md says', () => {
  it('the proposed price needs nothing, not even a reason, and stands after the range ran out', async () => {
    expect(await quote(1240, { reason: null })).toMatchObject({ decision: 'proposed', code: null, deviationCents: 0, position: 'within' });
    expect(await quote(1240, { reason: null, day: '2027-07-01' })).toMatchObject({ decision: 'proposed', expired: true });
  });

  it('a deviation needs a reason, and "other" needs its text', async () => {
    expect(await quote(1350, { reason: null })).toMatchObject({ decision: 'refused', code: 'reason_required' });
    expect(await quote(1350, { reason: 'other' })).toMatchObject({ decision: 'refused', code: 'reason_required' });
    expect(await quote(1350, { reason: 'other', reasonText: '   ' })).toMatchObject({ decision: 'refused', code: 'reason_required' });
    expect(await quote(1350, { reason: 'other', reasonText: 'Stammkundin seit Jahren' })).toMatchObject({ decision: 'within_range' });
  });

  it('within floor and ceiling, both included, is a deviation within the range', async () => {
    expect(await quote(1350)).toMatchObject({ decision: 'within_range', deviationCents: 110, position: 'within', approval: null, request: null });
    expect(await quote(1120)).toMatchObject({ decision: 'within_range', deviationCents: -120 });
    expect(await quote(1490)).toMatchObject({ decision: 'within_range', deviationCents: 250 });
    // The last day of the range still counts.
    expect(await quote(1350, { day: '2027-06-30' })).toMatchObject({ decision: 'within_range', expired: false });
  });

  it('outside the range, or once the range ran out, only the manufacturer can allow the price', async () => {
    expect(await quote(1491)).toMatchObject({ decision: 'needs_approval', position: 'above', expired: false });
    expect(await quote(1119)).toMatchObject({ decision: 'needs_approval', position: 'below' });
    expect(await quote(1350, { day: '2027-07-01' })).toMatchObject({ decision: 'needs_approval', position: 'within', expired: true });
  });

  it('a list price has no room and never runs out', async () => {
    expect(await quote(2400, { productId: 'legal_protection', reason: null, day: '2030-01-01' })).toMatchObject({ decision: 'proposed', range: { source: 'list_price' } });
    expect(await quote(2300, { productId: 'legal_protection' })).toMatchObject({ decision: 'needs_approval', expired: false, deviationCents: -100 });
  });
});

describe('variants A, B, C', () => {
  const withVariant = (variant: 'A' | 'B' | 'C') => book.rpc.retail.quote({ clientId, productId: 'device_protection', variant, chosenCents: 599, reason: null });

  it('are offered to a passive co-buyer buying a durable good, each at its own list price', async () => {
    await book.rpc.consents.record({ clientId, purpose: 'profiling', granted: true, method: 'verbal' });
    await book.rpc.segments.override({ clientId, segment: 'passive_co_buyer', reason: 'Kauft gerade einen Fernseher' });
    await book.rpc.answers.set({ clientId, attribute: 'purchase_occasion', value: 'durable_good' });
    expect(await withVariant('B')).toMatchObject({ decision: 'proposed', variantsOffered: true, range: { proposedCents: 599 } });
    expect(await withVariant('A')).toMatchObject({ decision: 'refused', code: 'reason_required', range: { proposedCents: 399 } });
  });

  it('are refused by name for anyone else: the product itself is sold', async () => {
    expect((await quote(599, { productId: 'device_protection', reason: null })).variantsOffered).toBe(false);
    await expect(withVariant('B')).rejects.toMatchObject({ data: { problems: [{ field: 'variant', code: 'invalid_value' }] } });
  });
});

describe('a sale within the range', () => {
  it('is kept with its prices and reason, owns a holding and is on the client’s timeline', async () => {
    const saved = await book.rpc.retail.recordSale({ clientId, productId: 'green_household', chosenCents: 1350, reason: 'client_value' });
    const [sale] = await book.rpc.retail.sales({ clientId });
    expect(sale).toMatchObject({
      id: saved.id, decision: 'within_range', chosenCents: 1350, proposedCents: 1240, floorCents: 1120, ceilingCents: 1490, deviationCents: 110,
      reason: 'client_value', approvalId: null, on: '2026-12-03', period: 'month', clientName: { firstName: 'Jonas', lastName: 'Keller' },
      productName: { de: 'Hausrat "Grün" (klimaneutral, Spende an Naturschutz)' },
    });
    expect((await book.rpc.tiers.get({ clientId })).holdings).toMatchObject([{ productId: 'green_household', since: '2026-12-03' }]);
    expect((await book.rpc.clients.get({ id: clientId })).timeline).toMatchObject([{ kind: 'purchase', channel: 'point_of_sale', refId: saved.id }]);
    // What the client is given as their data holds the sale too.
    expect(JSON.parse((await book.rpc.clients.export({ clientId })).json).sales).toMatchObject([{ id: saved.id, record: { chosenCents: 1350 } }]);
  });

  it('at the proposed price keeps no reason, and lists newest first', async () => {
    await book.rpc.retail.recordSale({ clientId, productId: 'green_household', chosenCents: 1240, reason: 'client_value' });
    book.advance(1);
    await book.rpc.retail.recordSale({ clientId, productId: 'household_contents', chosenCents: 1000, reason: 'loyalty' });
    const sales = await book.rpc.retail.sales({});
    expect(sales.map((s) => [s.productId, s.decision, s.reason])).toEqual([['household_contents', 'within_range', 'loyalty'], ['green_household', 'proposed', null]]);
  });
});
