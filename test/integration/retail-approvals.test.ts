// A price the range does not allow, through the contract: refused even
// offline with nothing written, asked of the manufacturer instead, and once
// the decision comes down by sync, sold at that price for 14 days; a declined
// or run-out approval sells nothing. The rating is kept as the backend sent it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeManufacturerData } from '#db/manufacturer.ts';
import { decisionArrives, openRetailBook } from '../support/retail.ts';

let book: ReturnType<typeof openRetailBook>;
let clientId: string;

beforeEach(async () => {
  book = openRetailBook();
  clientId = (await book.rpc.clients.create({ firstName: 'Mia', lastName: 'Roth' })).id;
});
afterEach(() => book.t.close());

const ABOVE = { productId: 'green_household', chosenCents: 1590, reason: 'client_value' as const, reasonText: 'Wünscht Premium-Spende' };
const sell = (more: { approvalId?: string; reason?: null } = {}) => book.rpc.retail.recordSale({ clientId, ...ABOVE, ...more });
const problemOf = async (p: Promise<unknown>) => ((await p.then(() => null, (e: { data?: { problems?: unknown[] } }) => e)) as { data: { problems: unknown[] } } | null)?.data.problems;

/** What a refused write must leave as it was: the sales, the holdings, the timeline, the changes waiting for sync. */
async function snapshot() {
  return {
    sales: await book.rpc.retail.sales({}), approvals: await book.rpc.retail.approvals({}),
    holdings: (await book.rpc.tiers.get({ clientId })).holdings, timeline: (await book.rpc.clients.get({ id: clientId })).timeline,
    pending: book.t.store.pendingCount(),
  };
}

describe('a price above the ceiling', () => {
  it('cannot be recorded, not even offline, and nothing is written', async () => {
    const before = await snapshot();
    expect(await problemOf(sell())).toEqual([{ field: 'chosenCents', code: 'needs_approval' }]);
    expect(await snapshot()).toEqual(before);
  });

  it('becomes a pending request with who, when, the prices and the reason', async () => {
    const { id } = await book.rpc.retail.requestApproval({ clientId, ...ABOVE });
    expect(await book.rpc.retail.approvals({ status: 'pending' })).toMatchObject([{
      id, status: 'pending', chosenCents: 1590, proposedCents: 1240, floorCents: 1120, ceilingCents: 1490, deviationCents: 350,
      reason: 'client_value', reasonText: 'Wünscht Premium-Spende', requestedBy: book.t.store.userId, requestedAt: book.now(), rangeExpired: false, usable: false,
      clientName: { firstName: 'Mia', lastName: 'Roth' },
    }]);
    // The quote knows the request, and the store still refuses the sale by name while it is pending.
    expect(await book.rpc.retail.quote({ clientId, ...ABOVE })).toMatchObject({ decision: 'needs_approval', approval: null, request: { id, status: 'pending' } });
    expect(await problemOf(sell())).toEqual([{ field: 'approvalId', code: 'approval_pending' }]);
  });

  it('is sold at that price once the approval has synced down, with the reason it was asked with', async () => {
    const { id } = await book.rpc.retail.requestApproval({ clientId, ...ABOVE });
    book.advance(1);
    decisionArrives(book, id, 'approved');
    const q = await book.rpc.retail.quote({ clientId, ...ABOVE });
    expect(q.approval).toMatchObject({ id, status: 'approved', usable: true, expiresOn: '2026-12-18', decidedBy: 'manufacturer-1' });
    const saved = await sell({ reason: null });
    expect(await book.rpc.retail.sales({ clientId })).toMatchObject([{ id: saved.id, decision: 'approved', approvalId: id, chosenCents: 1590, reason: 'client_value', reasonText: 'Wünscht Premium-Spende' }]);
    expect((await book.rpc.tiers.get({ clientId })).holdings).toHaveLength(1);
  });

  it('is still sold on the approval’s last day, and refused the day after', async () => {
    const { id } = await book.rpc.retail.requestApproval({ clientId, ...ABOVE });
    decisionArrives(book, id, 'approved');
    book.advance(14);
    expect((await book.rpc.retail.quote({ clientId, ...ABOVE })).approval?.id).toBe(id);
    book.advance(1);
    const before = await snapshot();
    expect(await problemOf(sell())).toEqual([{ field: 'approvalId', code: 'approval_expired', params: { day: '2026-12-17' } }]);
    expect(await snapshot()).toEqual(before);
    expect(await book.rpc.retail.quote({ clientId, ...ABOVE })).toMatchObject({ approval: null, request: { id, usable: false } });
  });

  it('declined: the manufacturer’s note is shown and the sale refused', async () => {
    const { id } = await book.rpc.retail.requestApproval({ clientId, ...ABOVE });
    decisionArrives(book, id, 'declined', 'Spende ist bereits im Preis enthalten.');
    expect(await book.rpc.retail.approvals({ clientId })).toMatchObject([{ id, status: 'declined', note: 'Spende ist bereits im Preis enthalten.', usable: false }]);
    const before = await snapshot();
    expect(await problemOf(sell())).toEqual([{ field: 'approvalId', code: 'approval_declined' }]);
    expect(await snapshot()).toEqual(before);
  });

  it('an approval is for its own price: another price is refused with the approved one named', async () => {
    const { id } = await book.rpc.retail.requestApproval({ clientId, ...ABOVE });
    decisionArrives(book, id, 'approved');
    expect(await problemOf(book.rpc.retail.recordSale({ clientId, ...ABOVE, chosenCents: 1600, approvalId: id })))
      .toEqual([{ field: 'approvalId', code: 'approval_mismatch', params: { price: 1590, unit: 'cents' } }]);
  });

  it('a price within the range needs no request', async () => {
    expect(await problemOf(book.rpc.retail.requestApproval({ clientId, ...ABOVE, chosenCents: 1400 }))).toEqual([{ field: 'chosenCents', code: 'approval_not_needed' }]);
    expect(await book.rpc.retail.approvals({})).toEqual([]);
  });
});

describe('the range has run out', () => {
  it('a price within it is asked of the manufacturer, and the request says the range had expired', async () => {
    book.advance(220); // 11 July 2027
    expect(await problemOf(book.rpc.retail.recordSale({ clientId, ...ABOVE, chosenCents: 1300 }))).toEqual([{ field: 'chosenCents', code: 'needs_approval' }]);
    await book.rpc.retail.requestApproval({ clientId, ...ABOVE, chosenCents: 1300 });
    expect(await book.rpc.retail.approvals({})).toMatchObject([{ rangeExpired: true, validUntil: '2027-06-30' }]);
  });
});

describe('the rating', () => {
  const rating = { retailerId: 'retailer_oeko_haus', rating: 'silver' as const, points: 42, figures: { answers: 30, outcomes: 9, completeProfiles: 3 }, place: 2, of: 5, next: { rating: 'gold' as const, points: 11 }, from: '2026-09-05', until: '2026-12-03' };

  it('is null until the backend sends one, then kept as sent; an answer without it keeps it', async () => {
    expect(await book.rpc.retail.rating()).toBeNull();
    storeManufacturerData(book.t.store, { documents: [], priceRanges: null, rating }, book.now());
    expect(await book.rpc.retail.rating()).toEqual({ rating, receivedAt: book.now() });
    storeManufacturerData(book.t.store, { documents: [], priceRanges: null }, book.now() + 1000);
    expect((await book.rpc.retail.rating())?.rating).toEqual(rating);
    // The backend rates this person no more: nothing stale is shown.
    storeManufacturerData(book.t.store, { documents: [], priceRanges: null, rating: null }, book.now());
    expect(await book.rpc.retail.rating()).toBeNull();
  });
});
