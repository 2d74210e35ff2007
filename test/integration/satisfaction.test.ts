// NPS and CES after a purchase under a mandate and after a sale, through the
// contract: recorded once per purchase or sale (asked again, changed), bad
// answers refused by field with nothing saved; and the book's trend per
// month, overall, per segment and per value tier, from these answers and the
// meetings' own.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { berlinDay } from '#core/dates.ts';
import { bookContents } from '../support/book-contents.ts';
import { openTestRouter } from '../support/router.ts';

let t: ReturnType<typeof openTestRouter>['t'];
let rpc: ReturnType<typeof openTestRouter>['rpc'];
beforeEach(async () => {
  ({ t, rpc } = openTestRouter({ roles: () => ['advisor', 'life_coach', 'retailer'] }));
  await rpc.session.setup({ displayName: 'Anna Berger', roles: ['advisor', 'life_coach', 'retailer'], locale: 'de', demoBook: false });
});
afterEach(() => t.close());

const monthStart = `${berlinDay(Date.now()).slice(0, 7)}-01`;
const month = new Date().toISOString().slice(0, 7);

/** A client in a segment (the advisor's choice) with a purchase under a mandate and a sale. */
async function client(lastName: string, segment: 'conscious_purchase_seeker' | 'cautious_self_searcher') {
  const clientId = (await rpc.clients.create({ firstName: 'Petra', lastName })).id;
  await rpc.consents.record({ clientId, purpose: 'profiling', granted: true, method: 'written' });
  await rpc.segments.override({ clientId, segment, reason: 'Kennt die Familie' });
  const mandateId = uuidv7();
  await rpc.mandates.grant({ id: mandateId, clientId, budgetCents: 10_000, period: 'month', areas: ['travel'], perPurchaseCapCents: 6_000, validFrom: monthStart });
  const purchase = await rpc.purchases.make({ mandateId, items: ['travel_cancellation'] });
  const sale = await rpc.retail.recordSale({ clientId, productId: 'green_household', chosenCents: 1240, reason: null });
  return { clientId, purchaseId: purchase.id, saleId: sale.id };
}

const problems = (e: unknown) => (e as { data?: { problems?: { field: string; code: string }[] } }).data?.problems?.map((p) => `${p.field}:${p.code}`);

describe('after a purchase or a sale', () => {
  it('is recorded under the purchase or sale, changed when asked again, and travels to the backend', async () => {
    const c = await client('Weber', 'conscious_purchase_seeker');
    await rpc.feedback.record({ id: c.purchaseId, clientId: c.clientId, about: 'purchase', nps: 10, ces: 6 });
    await rpc.feedback.record({ id: c.saleId, clientId: c.clientId, about: 'sale', nps: 7, ces: null });
    await rpc.feedback.record({ id: c.purchaseId, clientId: c.clientId, about: 'purchase', nps: 4, ces: 2 });
    expect((await rpc.feedback.ofClient({ clientId: c.clientId })).map(({ id, about, nps, ces }) => ({ id, about, nps, ces })).sort((a, b) => a.about.localeCompare(b.about)))
      .toEqual([{ id: c.purchaseId, about: 'purchase', nps: 4, ces: 2 }, { id: c.saleId, about: 'sale', nps: 7, ces: null }]);
    expect(t.store.sqlite.prepare(`SELECT count(*) FROM outbox WHERE name = 'feedback.record'`).pluck().get()).toBe(3);
  });

  it('refuses a bad answer by field, and one about a purchase or sale that is not the client’s, saving nothing', async () => {
    const c = await client('Weber', 'conscious_purchase_seeker');
    const other = await client('Brandt', 'cautious_self_searcher');
    const before = bookContents(t.store.sqlite);
    const base = { id: c.purchaseId, clientId: c.clientId, about: 'purchase' as const };
    await expect(rpc.feedback.record({ ...base, nps: 11, ces: 3 }).catch(problems)).resolves.toEqual(['nps:out_of_range']);
    await expect(rpc.feedback.record({ ...base, nps: 9, ces: 0 }).catch(problems)).resolves.toEqual(['ces:out_of_range']);
    await expect(rpc.feedback.record({ ...base, nps: null, ces: null }).catch(problems)).resolves.toEqual(['nps:required']);
    await expect(rpc.feedback.record({ ...base, id: uuidv7(), nps: 9, ces: 6 }).catch(problems)).resolves.toEqual(['purchase:not_found']);
    await expect(rpc.feedback.record({ ...base, id: other.saleId, about: 'sale', nps: 9, ces: 6 }).catch(problems)).resolves.toEqual(['sale:not_found']);
    expect(bookContents(t.store.sqlite)).toEqual(before);
  });
});

describe('the trend in "Mein Bestand"', () => {
  it('gives NPS and CES per month overall, per segment and per value tier, from meetings, purchases and sales', async () => {
    const a = await client('Weber', 'conscious_purchase_seeker');
    const b = await client('Brandt', 'cautious_self_searcher');
    await rpc.feedback.record({ id: a.purchaseId, clientId: a.clientId, about: 'purchase', nps: 10, ces: 6 });
    await rpc.feedback.record({ id: a.saleId, clientId: a.clientId, about: 'sale', nps: 9, ces: 7 });
    await rpc.feedback.record({ id: b.purchaseId, clientId: b.clientId, about: 'purchase', nps: 3, ces: 2 });
    const meeting = await rpc.meetings.start({ clientId: b.clientId });
    await rpc.meetings.update({ id: meeting.id, patch: { nps: 8, ces: 5 } });

    const trend = await rpc.book.satisfaction({ months: 3 });
    expect(trend.months).toHaveLength(3);
    expect(trend.months.at(-1)).toBe(month);
    expect(trend.sources).toEqual({ meetings: 1, purchases: 2, sales: 1 });
    // Four answers: two promoters, one passive, one detractor: (2 - 1) / 4 = 25; effort (6 + 7 + 2 + 5) / 4 = 5.
    expect(trend.overall.at(-1)).toEqual({ month, nps: 25, ces: 5, responses: 4 });
    expect(trend.overall[0]).toEqual({ month: trend.months[0], nps: null, ces: null, responses: 0 });
    // In the order segments.md lists the segments.
    expect(trend.bySegment.map((s) => [s.id, s.points.at(-1)])).toEqual([
      ['cautious_self_searcher', { month, nps: -50, ces: 3.5, responses: 2 }],
      ['conscious_purchase_seeker', { month, nps: 100, ces: 6.5, responses: 2 }],
    ]);
    // Both clients drew value tier C from their purchases: all four answers in its row.
    expect(trend.byTier.map((x) => [x.id, x.points.at(-1)])).toEqual([['C', { month, nps: 25, ces: 5, responses: 4 }]]);
  });
});
