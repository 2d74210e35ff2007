// offers: ranking next-best offers for one client, as meeting mode does after
// every answer, against a catalogue of 300 products cloned from the demo one,
// 10,000 times: p99 against a plain sort of the same 300 products by price
// (baseline), measured in the same run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { catalogueDocument, catalogueFile, splitCatalogueFile, type CatalogueDocument, type Product } from '#core/manufacturer.ts';
import { rankOffers, type OfferRequest } from '#core/offers/index.ts';
import { PROFILE_ATTRIBUTES, type Profile } from '#core/profile.ts';
import { note, percentile, progress, report, ROOT, round } from './lib.ts';

const RUNS = 10_000;
const PRODUCTS = 300;
const GOAL_P99_MS = 5;

let seed = 7;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

const demo = splitCatalogueFile(catalogueFile.parse(JSON.parse(readFileSync(join(ROOT, 'backend/seed/catalog.json'), 'utf8')))).catalogue;

/**
 * Copy k of every demo product gets the id `<id>_k`, an area of its own kind
 * (`<area>_k` for a third of the copies, so needs gaps vary), a price moved by
 * up to ±40 %, and its module's base renamed the same way, so `requires` and
 * bundles stay valid. Copies are cut at 300 products; a module whose base was
 * cut goes too.
 */
function bigCatalogue(): CatalogueDocument {
  const products: Product[] = [];
  const areas = new Set(demo.areas);
  const bundles: CatalogueDocument['bundles'] = [];
  for (let k = 0; products.length < PRODUCTS; k++) {
    const rename = (id: string) => (k === 0 ? id : `${id}_${k}`);
    for (const p of demo.products) {
      const area = k % 3 === 2 ? `${p.area}_${k}` : p.area;
      areas.add(area);
      const amount = Math.round(p.price.amount * (0.6 + 0.8 * rnd()) * 100) / 100;
      products.push({ ...p, id: rename(p.id), area, price: { ...p.price, amount }, ...(p.requires ? { requires: rename(p.requires) } : {}) });
    }
    for (const b of demo.bundles) bundles.push({ ...b, id: rename(b.id), items: b.items.map(rename) });
  }
  const kept = products.slice(0, PRODUCTS);
  const ids = new Set(kept.map((p) => p.id));
  const valid = kept.filter((p) => !p.requires || ids.has(p.requires));
  const validIds = new Set(valid.map((p) => p.id));
  return catalogueDocument.parse({
    ...demo, areas: [...areas], products: valid, bundles: bundles.filter((b) => b.items.every((i) => validIds.has(i))),
  });
}

const catalogue = bigCatalogue();
note(`offers: catalogue of ${catalogue.products.length} products, ${catalogue.bundles.length} bundles, ${catalogue.areas.length} areas`);

/** A client with some answers, some life events and a few products held. */
function client(): Omit<OfferRequest, 'catalogue'> {
  const profile: Record<string, unknown> = {};
  for (const [a, values] of Object.entries(PROFILE_ATTRIBUTES)) {
    if (rnd() < 0.3) continue;
    profile[a] = a === 'life_events' ? [pick(values), pick(values)] : pick(values);
  }
  const owned = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pick(catalogue.products).id);
  const mandate = rnd() < 0.5 ? { budget_remaining: 80, areas: [pick(catalogue.areas), pick(catalogue.areas)], per_purchase_cap: 40 } : null;
  return { profile: profile as Profile, owned, consent: { profiling: rnd() < 0.9 }, mandate, context: { at_point_of_sale: rnd() < 0.2 }, lang: rnd() < 0.5 ? 'de' : 'en' };
}

const clients = Array.from({ length: 500 }, client);
const time = (label: string, fn: (i: number) => unknown) => {
  for (let i = 0; i < 2_000; i++) fn(i); // warm up the JIT first
  return Array.from({ length: RUNS }, (_, i) => {
    const t0 = performance.now();
    fn(i);
    const ms = performance.now() - t0;
    progress(label, i + 1, RUNS);
    return ms;
  });
};

note(`offers: ranking one client ${RUNS} times`);
let shown = 0;
const ours = time('rank', (i) => { shown += rankOffers({ ...clients[i % clients.length]!, catalogue }).offers.length; });
const client_view = time('rank, client view', (i) => rankOffers({ ...clients[i % clients.length]!, catalogue, audience: 'client' }));
const baseline = time('baseline', () => [...catalogue.products].sort((a, b) => a.price.amount - b.price.amount));
if (shown === 0) throw new Error('no offers were ranked');

const p99 = percentile(ours, 99);
report({
  bench: 'offers', products: catalogue.products.length, bundles: catalogue.bundles.length, clients: clients.length, runs: RUNS,
  p50_ms: round(percentile(ours, 50), 4), p99_ms: round(p99, 4), client_view_p99_ms: round(percentile(client_view, 99), 4),
  baseline: `a plain sort of the ${catalogue.products.length} products by price`, baseline_p99_ms: round(percentile(baseline, 99), 4),
  ratio: round(p99 / percentile(baseline, 99), 2),
  goal_p99_ms: GOAL_P99_MS, ok: p99 < GOAL_P99_MS,
});
