// The demo book's holdings: repeatable, valid by the domain's rules, in line
// with the purchases on the timeline, and spread over the value tiers as in a
// real book (most C, some B, few A).
import { beforeAll, describe, expect, it } from 'vitest';
import { holdingAddSchema } from '#core/holding.ts';
import { assessValueTier, type ValueTier } from '#core/tiers.ts';
import { shippedCatalogue, yearlyListCents } from '#services/catalogue.ts';
import { generateDemoBook, isoDate, type DemoBook } from '#demo/generate.ts';
import { demoHoldings } from '#demo/holdings.ts';
import { PURCHASE_SUMMARY } from '#demo/phrases.ts';

const NOW = Date.UTC(2026, 10, 23, 9, 30);
const SEED = 20261123;
const CLIENTS = 2000;
let book: DemoBook;
beforeAll(() => { book = generateDemoBook({ seed: SEED, clients: CLIENTS, now: NOW, ownerId: 'advisor-demo' }); });

const { catalogue, valueTiers } = shippedCatalogue();
const products = new Map(catalogue.products.map((p) => [p.id, p]));
function byClient<T extends { clientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.clientId, [...(map.get(r.clientId) ?? []), r]);
  return map;
}

describe('demo holdings', () => {
  it('are the same for the same seed, come from their own stream, and grow with the book', () => {
    expect(generateDemoBook({ seed: SEED, clients: CLIENTS, now: NOW, ownerId: 'advisor-demo' }).holdings).toEqual(book.holdings);
    // Drawn after the clients, from seed + 1: the same function over the same book gives the same rows.
    expect(demoHoldings(book, { seed: SEED, now: NOW })).toEqual(book.holdings);
    expect(demoHoldings(book, { seed: SEED + 5, now: NOW })).not.toEqual(book.holdings);
    const small = generateDemoBook({ seed: SEED, clients: 50, now: NOW, ownerId: 'advisor-demo' });
    const first50 = new Set(small.clients.map((c) => c.id));
    expect(small.holdings).toEqual(book.holdings.filter((h) => first50.has(h.clientId)));
  });

  it('pass holding.add’s schema, name catalogue products, and never a module without its base', () => {
    const today = isoDate(NOW);
    const perClient = byClient(book.holdings);
    for (const h of book.holdings) {
      const parsed = holdingAddSchema.safeParse({ id: h.id, clientId: h.clientId, productId: h.productId, since: h.since, yearlyPremiumCents: h.yearlyPremiumCents });
      expect(parsed.success, JSON.stringify(h)).toBe(true);
      const p = products.get(h.productId)!;
      expect(p, h.productId).toBeDefined();
      expect(h.yearlyPremiumCents).toBeGreaterThan(0);
      expect(h.since < today).toBe(true);
      if (h.endedOn !== null) expect(h.endedOn > h.since && h.endedOn < today).toBe(true);
      if (p.requires) expect(perClient.get(h.clientId)!.some((b) => b.productId === p.requires && b.since <= h.since)).toBe(true);
    }
    expect(book.holdings.filter((h) => h.endedOn !== null).length).toBeGreaterThan(20);
    // Every client holds something, and none before they became a client.
    const first = new Map<string, string>();
    for (const t of book.touchpoints) if (!first.has(t.clientId) || isoDate(t.occurredAt) < first.get(t.clientId)!) first.set(t.clientId, isoDate(t.occurredAt));
    for (const c of book.clients) {
      const held = perClient.get(c.id) ?? [];
      expect(held.length, c.id).toBeGreaterThan(0);
      for (const h of held) expect(h.since >= first.get(c.id)!).toBe(true);
    }
  });

  it('hold what the timeline says the client bought, from the day of the purchase', () => {
    const bought = new Map(Object.entries(PURCHASE_SUMMARY).map(([id, s]) => [s, id]));
    const held = new Set(book.holdings.map((h) => `${h.clientId}/${h.productId}`));
    let checked = 0;
    for (const t of book.touchpoints) {
      const id = t.kind === 'purchase' ? bought.get(t.summary) : undefined;
      // One-off and daily products are no holdings, nor is a discount module.
      if (!id || yearlyListCents(products.get(id)!.price) === null) continue;
      expect(held.has(`${t.clientId}/${id}`), t.summary).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('spread over the value tiers: most clients C, some B, few A', () => {
    const holdings = byClient(book.holdings);
    const answers = byClient(book.answers);
    const touchpoints = byClient(book.touchpoints);
    const tiers: Record<ValueTier, number> = { A: 0, B: 0, C: 0 };
    for (const c of book.clients) {
      const profile = Object.fromEntries((answers.get(c.id) ?? []).map((a) => [a.attribute, a.value]));
      const firstContact = isoDate(Math.min(...touchpoints.get(c.id)!.map((t) => t.occurredAt)));
      tiers[assessValueTier({ rules: valueTiers.tiers, products: catalogue.products, holdings: holdings.get(c.id) ?? [], firstContact, profile, today: isoDate(NOW) }).tier]++;
    }
    expect(tiers.C / CLIENTS).toBeGreaterThan(0.55);
    expect(tiers.B / CLIENTS).toBeGreaterThan(0.15);
    expect(tiers.B / CLIENTS).toBeLessThan(0.4);
    expect(tiers.A / CLIENTS).toBeGreaterThan(0.005);
    expect(tiers.A).toBeLessThan(tiers.B / 4);
  });
});
