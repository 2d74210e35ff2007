// Buying under a client's mandate on the device, through the contract the
// coach's screens use: the store decides with the rule of coach.md before
// anything is saved, a purchase becomes holdings and a timeline entry, and the
// budget left falls. A refused or malformed purchase saves nothing at all.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { berlinDay } from '#core/dates.ts';
import { DomainError } from '#core/errors.ts';
import { bookContents as snapshotBook } from '../support/book-contents.ts';
import { openTestRouter } from '../support/router.ts';

let t: ReturnType<typeof openTestRouter>['t'];
let rpc: ReturnType<typeof openTestRouter>['rpc'];
beforeEach(() => { ({ t, rpc } = openTestRouter()); });
afterEach(() => t.close());

const today = berlinDay(Date.now());
const monthStart = `${today.slice(0, 7)}-01`;

async function clientWithMandate(terms: Partial<{ budgetCents: number; perPurchaseCapCents: number; areas: string[]; validFrom: string; validUntil: string | null }> = {}) {
  const clientId = uuidv7();
  await rpc.clients.create({ id: clientId, firstName: 'Petra', lastName: 'Weber' } as never);
  const mandateId = uuidv7();
  await rpc.mandates.grant({ id: mandateId, clientId, budgetCents: 10_000, period: 'month', areas: ['travel', 'mobility'], perPurchaseCapCents: 6_000, validFrom: monthStart, ...terms });
  return { clientId, mandateId };
}

/** The problem a refused call was refused with; fails when something was saved. */
async function refusal(call: () => Promise<unknown>) {
  const before = snapshotBook(t.store.sqlite);
  const error = await call().then(() => null, (e: unknown) => e);
  expect(error, 'the call was not refused').not.toBeNull();
  expect(snapshotBook(t.store.sqlite)).toEqual(before);
  const problems = (error as { data?: { problems?: unknown[] } }).data?.problems ?? (error instanceof DomainError ? error.problems : undefined);
  expect(problems, String(error)).toBeDefined();
  return problems![0] as { field: string; code: string; params?: Record<string, unknown> };
}

describe('a purchase under a mandate', () => {
  it('buys the trip bundle: its products become holdings, it is on the timeline, and the budget left falls by its price', async () => {
    const { clientId, mandateId } = await clientWithMandate();
    const check = await rpc.purchases.check({ mandateId, items: ['bundle_trip'] });
    expect(check).toMatchObject({ decision: 'allowed', reason: null, priceCents: 4_600, chargeCents: 4_600, spentBeforeCents: 0, remainingAfterCents: 5_400 });
    await rpc.purchases.make({ mandateId, items: ['bundle_trip'] });

    const { purchases, budgets } = await rpc.purchases.ofClient({ clientId });
    expect(purchases).toMatchObject([{ mandateId, on: today, priceCents: 4_600, chargeCents: 4_600, items: [{ id: 'travel_cancellation' }, { id: 'travel_health_abroad' }] }]);
    expect(budgets).toEqual([{ mandateId, period: expect.objectContaining({ from: monthStart }), spentCents: 4_600, leftCents: 5_400, budgetCents: 10_000 }]);
    const detail = await rpc.clients.get({ id: clientId });
    expect(detail.timeline.filter((e) => e.kind === 'purchase')).toHaveLength(1);
    const held = (t.store.sqlite.prepare('SELECT product_id AS p, since FROM holdings WHERE client_id = ? ORDER BY product_id').all(clientId));
    expect(held).toEqual([{ p: 'travel_cancellation', since: today }, { p: 'travel_health_abroad', since: today }]);
    // What the offers see: the budget that is left, not the whole one.
    expect((await rpc.offers.inputs({ clientId })).mandate).toMatchObject({ budget_remaining: 54 });
  });

  it('the client’s data export lists the purchases and the budget left, and nothing of other clients', async () => {
    const { clientId, mandateId } = await clientWithMandate();
    const other = await clientWithMandate();
    await rpc.purchases.make({ mandateId, items: ['bundle_trip'] });
    await rpc.purchases.make({ mandateId: other.mandateId, items: ['car_short_term'] });
    const file = await rpc.clients.export({ clientId });
    expect(file.filename).toMatch(/^kundendaten-weber-petra-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(file.json);
    expect(data).toMatchObject({ source: 'this_device', client: { id: clientId, record: { lastName: 'Weber' } }, budgets: [{ mandateId, spentCents: 4_600, leftCents: 5_400 }] });
    expect(data.purchases.map((e: { record: unknown }) => e.record)).toMatchObject([{ mandateId, items: ['travel_cancellation', 'travel_health_abroad'], priceCents: 4_600 }]);
    expect(data.holdings.map((h: { record: { productId: string } }) => h.record.productId).sort()).toEqual(['travel_cancellation', 'travel_health_abroad']);
    expect(file.json).not.toContain(other.clientId);
    expect(data.client.record).not.toHaveProperty('hlc');
    await expect(rpc.clients.export({ clientId: uuidv7() })).rejects.toMatchObject({ data: { problems: [{ field: 'client', code: 'not_found' }] } });
  });

  it('refuses what the next purchase would take beyond the budget, with the figures, and saves nothing', async () => {
    const { mandateId } = await clientWithMandate({ budgetCents: 5_000, perPurchaseCapCents: 5_000 });
    await rpc.purchases.make({ mandateId, items: ['travel_cancellation'] });
    expect(await refusal(() => rpc.purchases.make({ mandateId, items: ['travel_cancellation'] })))
      .toMatchObject({ code: 'over_budget', params: { charge: 3_400, spent: 3_400, budget: 5_000, unit: 'cents' } });
    // Equal to the budget is allowed: 34 € + 12 € + 4 € left.
    expect((await rpc.purchases.check({ mandateId, items: ['travel_health_abroad'] })).remainingAfterCents).toBe(400);
  });

  it.each([
    ['a product outside the areas', ['household_contents'], 'outside_areas'],
    ['a partner service, an area of its own', ['partner_hotel_night'], 'outside_areas'],
    ['a complex product without the client’s consent to it', ['pension_private'], 'needs_single_consent'],
    ['a product nobody sells', ['teleport_cover'], 'not_in_catalogue'],
  ])('refuses %s', async (_what, items, code) => {
    const { mandateId } = await clientWithMandate();
    expect(await refusal(() => rpc.purchases.make({ mandateId, items }))).toMatchObject({ code });
  });

  it('refuses a purchase above the cap per purchase', async () => {
    const { mandateId } = await clientWithMandate({ perPurchaseCapCents: 3_000 });
    expect(await refusal(() => rpc.purchases.make({ mandateId, items: ['travel_cancellation'] }))).toMatchObject({ code: 'over_cap', params: { price: 3_400, cap: 3_000 } });
  });

  it('buys a complex product with the client’s consent to this one purchase, taking nothing from the budget', async () => {
    const { clientId, mandateId } = await clientWithMandate({ areas: ['pension'] });
    await rpc.purchases.make({ mandateId, items: ['pension_private'], singleConsent: true });
    const { purchases, budgets } = await rpc.purchases.ofClient({ clientId });
    expect(purchases).toMatchObject([{ singleConsent: true, chargeCents: 0, priceCents: 15_000 }]);
    expect(budgets[0]).toMatchObject({ spentCents: 0, leftCents: 10_000 });
  });

  it('after the client revoked the mandate, nothing can be bought under it', async () => {
    const { mandateId } = await clientWithMandate();
    await rpc.mandates.revoke({ id: mandateId });
    expect(await refusal(() => rpc.purchases.make({ mandateId, items: ['travel_cancellation'] }))).toMatchObject({ code: 'mandate_revoked' });
  });

  it('outside the mandate’s days nothing can be bought', async () => {
    const { mandateId } = await clientWithMandate({ validFrom: '2020-01-01', validUntil: '2020-12-31' });
    expect(await refusal(() => rpc.purchases.make({ mandateId, items: ['travel_cancellation'] }))).toMatchObject({ code: 'mandate_not_in_force' });
  });

  it('only the mandate’s coach buys under it', async () => {
    const { mandateId } = await clientWithMandate();
    t.store.userId = 'another-coach';
    expect(await refusal(() => rpc.purchases.make({ mandateId, items: ['travel_cancellation'] }))).toMatchObject({ code: 'mandate_coach_only' });
  });

  it.each([
    ['no items', { items: [] }, 'items'],
    ['zero days', { days: 0 }, 'days'],
    ['an unknown mandate', { mandateId: uuidv7() }, 'mandate'],
  ])('bad input (%s) is refused naming the field', async (_what, patch, field) => {
    const { mandateId } = await clientWithMandate();
    const problem = await refusal(() => rpc.purchases.make({ mandateId, items: ['travel_cancellation'], ...patch } as never));
    expect(problem.field).toBe(field);
  });

  it('the store refuses holding ids that do not match the products bought, whoever calls it', async () => {
    const { clientId, mandateId } = await clientWithMandate();
    const before = snapshotBook(t.store.sqlite);
    expect(() => t.store.mutate('purchase.make', { id: uuidv7(), clientId, mandateId, items: ['bundle_trip'], holdingIds: [uuidv7()] }))
      .toThrow(DomainError);
    expect(snapshotBook(t.store.sqlite)).toEqual(before);
  });
});
