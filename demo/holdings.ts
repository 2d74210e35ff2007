// The products demo clients hold, so the value tiers have something to count.
// What the timeline says a client bought, they hold from that day; beyond it
// each client is drawn as a small, middling or large relationship and gets
// products from their segment's usual ones until the number of product areas
// fits. Most clients end up in tier C, some in B, few in A, as in a real book.
// Drawn from its own random stream (seed + 1), so every row generate.ts
// builds from the main stream stays exactly as it was.
import type { Product } from '#core/manufacturer.ts';
import { shippedCatalogue, yearlyListCents } from '#services/catalogue.ts';
import { PURCHASE_SUMMARY } from './phrases.ts';
import { createRandom, uuidv7, Weighted } from './random.ts';
import { PROTOTYPES } from './segments.ts';
import type { DemoBook, HoldingRow } from './book.ts';
import { demoHlc, isoDate } from './time.ts';


const DAY = 86_400_000;
type Size = 'small' | 'middle' | 'large';
const SIZES = new Weighted<Size>([['small', 56], ['middle', 30], ['large', 14]], 100);
/** Contracts that make a relationship large: provision, income, home, car. */
const LARGE_CONTRACTS = ['pension_private', 'disability_income', 'building', 'car'];
/** Share of contracts the client has since given up. */
const ENDED = 0.05;
/** Chance that a held base product carries one of its modules. */
const MODULE = 0.2;

export function demoHoldings(book: Pick<DemoBook, 'clients' | 'touchpoints' | 'segmentOf'>, options: { seed: number; now: number }): HoldingRow[] {
  const rng = createRandom(options.seed + 1);
  const products = shippedCatalogue().catalogue.products.filter((p) => yearlyListCents(p.price) !== null);
  const byId = new Map(products.map((p) => [p.id, p]));
  const bought = new Map(Object.entries(PURCHASE_SUMMARY).map(([id, summary]) => [summary, id]));
  const modulesOf = new Map<string, Product[]>();
  for (const p of products) if (p.requires) modulesOf.set(p.requires, [...(modulesOf.get(p.requires) ?? []), p]);
  const bases = products.filter((p) => p.kind === 'base');
  const lastDay = Math.floor(options.now / DAY) - 1;

  const contacts = new Map<string, Array<{ kind: string; occurredAt: number; summary: string }>>();
  for (const t of book.touchpoints) {
    const list = contacts.get(t.clientId);
    if (list) list.push(t);
    else contacts.set(t.clientId, [t]);
  }

  const rows: HoldingRow[] = [];
  for (const client of book.clients) {
    const own = contacts.get(client.id) ?? [];
    const firstDay = Math.floor(Math.min(...own.map((t) => t.occurredAt), lastDay * DAY) / DAY);
    const held = new Map<string, number>(); // product id -> first day held
    const areas = new Set<string>();
    const hold = (p: Product, day: number) => {
      if (held.has(p.id)) return;
      if (p.requires && !held.has(p.requires)) hold(byId.get(p.requires)!, day);
      held.set(p.id, day);
      areas.add(p.area);
    };
    const anyDay = () => firstDay + Math.floor(rng.next() * (lastDay - firstDay + 1));

    for (const t of own) {
      const p = t.kind === 'purchase' ? byId.get(bought.get(t.summary) ?? '') : undefined;
      if (p) hold(p, Math.floor(t.occurredAt / DAY));
    }
    const size = SIZES.draw(rng);
    const wanted = size === 'small' ? 1 : size === 'middle' ? rng.int(2, 3) : rng.int(4, 6);
    const segment = book.segmentOf.get(client.id);
    const usual = (segment ? PROTOTYPES[segment].products : []).map((id) => byId.get(id)).filter((p): p is Product => p !== undefined);
    for (let tries = 0; areas.size < wanted && tries < 30; tries++) {
      const pool = tries < 10 && usual.length > 0 ? usual : bases;
      const p = rng.pick(pool);
      // Only a product from an area not yet held brings the relationship forward.
      if (!areas.has(p.area)) hold(p, held.size === 0 ? firstDay : anyDay());
    }
    if (size === 'large' && !LARGE_CONTRACTS.some((id) => held.has(id))) hold(byId.get(rng.pick(LARGE_CONTRACTS))!, anyDay());
    for (const [id, day] of [...held]) {
      const modules = modulesOf.get(id);
      if (modules && rng.chance(MODULE)) hold(rng.pick(modules), Math.max(day, anyDay()));
    }

    for (const [id, day] of held) {
      const p = byId.get(id)!;
      const since = day * DAY + 9 * 3_600_000;
      // Clients pay somewhat more or less than the list price: age, deductible, variant.
      const premium = Math.round(yearlyListCents(p.price)! * (0.9 + 0.3 * rng.next()));
      const carriesModule = (modulesOf.get(id) ?? []).some((m) => held.has(m.id));
      const endDay = !p.requires && !carriesModule && lastDay - day > 120 && rng.chance(ENDED) ? day + 90 + Math.floor(rng.next() * (lastDay - day - 90)) : null;
      const updatedAt = endDay === null ? since : endDay * DAY + 9 * 3_600_000;
      rows.push({
        id: uuidv7(since, rng), version: 1, updatedAt, hlc: demoHlc(updatedAt), stamps: null, deletedAt: null,
        clientId: client.id, productId: id, since: isoDate(since), yearlyPremiumCents: premium, endedOn: endDay === null ? null : isoDate(endDay * DAY),
      });
    }
  }
  return rows;
}
