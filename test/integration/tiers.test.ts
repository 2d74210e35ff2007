// Value tiers through the contract, on a real encrypted book: holdings move
// the tier, each change of tier is recorded once with the criteria version,
// a rejected tier is reported as rejected, and bad holdings change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeManufacturerData } from '#db/manufacturer.ts';
import { berlinDay } from '#core/dates.ts';
import type { openTestStore } from '../support/book.ts';
import { openTestRouter, type Workstation } from '../support/router.ts';

const DAY = 86_400_000;
const daysAgo = (n: number) => berlinDay(Date.now() - n * DAY);

let t: ReturnType<typeof openTestStore>;
let rpc: Workstation;
beforeEach(() => {
  ({ t, rpc } = openTestRouter());
});
afterEach(() => t.close());

/** A client known for two years, with six of eleven profile answers: enough for B once the holdings are. */
async function client(profiling = true): Promise<string> {
  const { id } = await rpc.clients.create({ firstName: 'Jonas', lastName: 'Krüger' });
  if (profiling) await rpc.consents.record({ clientId: id, purpose: 'profiling', granted: true, method: 'written' });
  await rpc.touchpoints.add({ clientId: id, kind: 'meeting', channel: 'in_person', occurredAt: Date.now() - 730 * DAY, summary: 'Erstgespräch' });
  const answers = { purchase_driver: 'price_for_quality', trust_anchor: 'personal_advisor', data_sharing: 'on_request', activity_level: 'high', preferred_channel: 'advisor_meeting', tech_affinity: 'medium' };
  for (const [attribute, value] of Object.entries(answers)) await rpc.answers.set({ clientId: id, attribute, value, answeredBy: 'client' });
  // The answers' conclusions follow them (services/derive.ts); the next call draws them, as a page opened later would.
  await rpc.clients.get({ id });
  return id;
}
const count = (table: string) => (t.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('value tiers through the contract', () => {
  it('are shown but not kept without consent to profiling', async () => {
    const id = await client(false);
    const view = await rpc.tiers.get({ clientId: id });
    expect(view.tier).toBe('C');
    expect(view.history).toEqual([]);
  });

  it('move up as holdings are added and down when one ends, one conclusion per change', async () => {
    const id = await client();
    let view = await rpc.tiers.get({ clientId: id });
    expect(view).toMatchObject({ tier: 'C', rejected: false, rulesVersion: 'value_tiers.demo', holdings: [] });
    expect(view.history.map((h) => h.tier)).toEqual(['C']);
    expect((await rpc.tiers.get({ clientId: id })).history).toHaveLength(1);

    await rpc.holdings.add({ clientId: id, productId: 'liability_private', since: daysAgo(700), yearlyPremiumCents: 8_280 });
    view = await rpc.tiers.get({ clientId: id });
    expect(view.tier).toBe('C');
    expect(view.history).toHaveLength(1);
    expect(view.next!.gaps.map((g) => g.criterion)).toEqual(['min_yearly_premium', 'min_product_areas']);

    const { id: car } = await rpc.holdings.add({ clientId: id, productId: 'car', since: daysAgo(300), yearlyPremiumCents: 57_600 });
    view = await rpc.tiers.get({ clientId: id });
    expect(view.tier).toBe('B');
    expect(view.history.map((h) => [h.tier, h.status, h.source])).toEqual([['B', 'unconfirmed', 'rule'], ['C', 'unconfirmed', 'rule']]);
    expect(view.facts).toMatchObject({ yearlyPremiumCents: 65_880, productAreas: 2, answered: 6 });
    expect(view.holdings.map((h) => [h.productId, h.area, h.active])).toEqual([['liability_private', 'liability', true], ['car', 'mobility', true]]);
    expect(view.clv.cents).toBe(Math.round(65_880 * 0.25 * view.clv.factors.remainingYears.value));
    expect(view.next!.tier).toBe('A');

    await rpc.holdings.end({ id: car, endedOn: daysAgo(1) });
    view = await rpc.tiers.get({ clientId: id });
    expect(view.tier).toBe('C');
    expect(view.holdings.find((h) => h.id === car)!.active).toBe(false);
    expect(view.history.map((h) => h.tier)).toEqual(['C', 'B', 'C']);
    const recorded = (await rpc.segments.state({ clientId: id })).conclusions.filter((c) => c.kind === 'value_tier');
    expect(recorded).toHaveLength(3);
    for (const c of recorded) expect(c).toMatchObject({ source: 'rule', ruleSetVersion: 'value_tiers.demo', inputs: {} });
  });

  it('are read without writing: opening the client page records nothing, even when the tier would differ', async () => {
    const id = await client();
    const before = { outbox: count('outbox'), conclusions: count('conclusions') };
    // New criteria arrive by sync: the computed tier changes, but nothing that decides it was changed here.
    storeManufacturerData(t.store, {
      documents: [{ kind: 'value_tiers', version: 4, body: { tiers: [
        { tier: 'A', criteria: {}, benefits: { de: [], en: [] } },
        { tier: 'C', criteria: {}, benefits: { de: [], en: [] } },
      ] } }],
      priceRanges: null,
    }, Date.now());
    for (let i = 0; i < 3; i++) expect((await rpc.tiers.get({ clientId: id })).tier).toBe('A');
    expect({ outbox: count('outbox'), conclusions: count('conclusions') }).toEqual(before);
    // The next change that decides it records it.
    await rpc.holdings.add({ clientId: id, productId: 'liability_private', since: daysAgo(10), yearlyPremiumCents: 8_280 });
    expect((await rpc.tiers.get({ clientId: id })).history.map((h) => h.tier)).toEqual(['A', 'C']);
  });

  it('reports a tier the client rejected as rejected, and does not record it again', async () => {
    const id = await client();
    await rpc.holdings.add({ clientId: id, productId: 'liability_private', since: daysAgo(700), yearlyPremiumCents: 8_280 });
    await rpc.holdings.add({ clientId: id, productId: 'car', since: daysAgo(300), yearlyPremiumCents: 57_600 });
    const b = (await rpc.tiers.get({ clientId: id })).history[0]!;
    expect(b.tier).toBe('B');
    await rpc.conclusions.review({ id: b.id, status: 'rejected', note: 'Sieht sich nicht so.' });
    const view = await rpc.tiers.get({ clientId: id });
    expect(view).toMatchObject({ tier: 'B', rejected: true });
    expect(view.history.map((h) => [h.tier, h.status])).toEqual([['B', 'rejected'], ['C', 'unconfirmed']]);
  });

  it('uses the value-tier criteria the manufacturer sent, named by their version', async () => {
    const id = await client();
    storeManufacturerData(t.store, {
      documents: [{ kind: 'value_tiers', version: 3, body: { tiers: [
        { tier: 'A', criteria: { min_yearly_premium: 50 }, benefits: { de: ['Sekt'], en: ['Bubbly'] } },
        { tier: 'C', criteria: {}, benefits: { de: [], en: [] } },
      ] } }],
      priceRanges: null,
    }, Date.now());
    await rpc.holdings.add({ clientId: id, productId: 'liability_private', since: daysAgo(10), yearlyPremiumCents: 8_280 });
    const view = await rpc.tiers.get({ clientId: id });
    expect(view).toMatchObject({ tier: 'A', rulesVersion: 'value_tiers.v3', benefits: { de: ['Sekt'] }, next: null });
    // C was recorded under the shipped criteria while the answers came in; A under the manufacturer's.
    expect((await rpc.segments.state({ clientId: id })).conclusions.filter((c) => c.kind === 'value_tier').map((c) => [c.value, c.ruleSetVersion]))
      .toEqual([['C', 'value_tiers.demo'], ['A', 'value_tiers.v3']]);
  });

  it('refuses bad holdings with a clear problem and changes nothing', async () => {
    const id = await client();
    const { id: held } = await rpc.holdings.add({ clientId: id, productId: 'liability_private', since: daysAgo(100), yearlyPremiumCents: 8_280 });
    const before = { holdings: count('holdings'), outbox: count('outbox'), conclusions: count('conclusions') };
    const problem = (field: string, code: string) => ({ code: 'BAD_REQUEST', data: { problems: [expect.objectContaining({ field, code })] } });

    await expect(rpc.holdings.add({ clientId: id, productId: 'space_travel', since: daysAgo(1), yearlyPremiumCents: 100 })).rejects.toMatchObject(problem('productId', 'unknown_value'));
    await expect(rpc.holdings.add({ clientId: id, productId: 'Car!', since: daysAgo(1), yearlyPremiumCents: 100 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(rpc.holdings.add({ clientId: id, productId: 'car', since: '2026-02-30', yearlyPremiumCents: 100 })).rejects.toMatchObject(problem('since', 'invalid_date'));
    await expect(rpc.holdings.add({ clientId: id, productId: 'car', since: daysAgo(1), yearlyPremiumCents: -5 })).rejects.toMatchObject(problem('yearlyPremiumCents', 'out_of_range'));
    await expect(rpc.holdings.add({ clientId: id, productId: 'car', since: daysAgo(1), yearlyPremiumCents: 1.5 })).rejects.toMatchObject(problem('yearlyPremiumCents', 'invalid_value'));
    await expect(rpc.holdings.add({ clientId: '019ab000-0000-7000-8000-000000000009', productId: 'car', since: daysAgo(1), yearlyPremiumCents: 100 })).rejects.toMatchObject(problem('client', 'not_found'));
    await expect(rpc.holdings.end({ id: held, endedOn: daysAgo(200) })).rejects.toMatchObject(problem('endedOn', 'date_too_early'));
    await expect(rpc.holdings.end({ id: held, endedOn: '2026-13-01' })).rejects.toMatchObject(problem('endedOn', 'invalid_date'));
    await expect(rpc.holdings.end({ id: '019ab000-0000-7000-8000-000000000009', endedOn: daysAgo(1) })).rejects.toMatchObject(problem('holding', 'not_found'));
    await expect(rpc.tiers.get({ clientId: '019ab000-0000-7000-8000-000000000009' })).rejects.toMatchObject(problem('client', 'not_found'));

    expect({ holdings: count('holdings'), outbox: count('outbox'), conclusions: count('conclusions') }).toEqual(before);
  });

  it('offers the catalogue’s products with a yearly list price to start from', async () => {
    const products = await rpc.catalogue.products();
    expect(products.find((p) => p.id === 'car')).toMatchObject({ area: 'mobility', yearlyListCents: 57_600, name: { de: 'Kfz-Versicherung' } });
    expect(products.find((p) => p.id === 'travel_cancellation')!.yearlyListCents).toBeNull();
  });
});
