// The manufacturer's data reaching real devices through the real sync engine:
// what is published lands in the book's manufacturer_data, a device that is up
// to date is sent nothing and writes nothing, a new publication arrives at the
// next sync, and an answer the device does not understand changes nothing.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { catalogueFile, splitCatalogueFile, type CatalogueFile } from '#core/manufacturer.ts';
import { publishCatalogue, readCatalogueFile, SEED_CATALOGUE, setRetailer } from '#backend/manufacturer.ts';
import { manufacturerVersions } from '#db/manufacturer.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishRuleSet, readRuleSetFile } from '#backend/rules.ts';
import { RULESET_V1 } from '#core/segments/index.ts';
import { currentRuleSet } from '#services/segments.ts';
import { startWorld, syncUntilDone, type Device, type World } from './world.ts';

const seed = readCatalogueFile(SEED_CATALOGUE);

let w: World;
beforeEach(async () => { w = await startWorld(); });
afterEach(async () => { await w.close(); });

/** The device's engine with a clock the test moves, and every answer of /v1/manufacturer kept (optionally altered on the way). */
function watched(alter: (body: Record<string, unknown>) => void = () => {}) {
  const clock = { now: Date.parse('2026-05-04T08:00:00Z') };
  const answers: unknown[] = [];
  const spy: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (!String(input).endsWith('/v1/manufacturer') || res.status !== 200) return res;
    const body = await res.json() as Record<string, unknown>;
    alter(body);
    answers.push(body);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { clock, answers, sync: { now: () => clock.now, fetch: spy } };
}

/** What the book holds, read straight from its tables. */
function held(device: Device) {
  const rows = device.store.sqlite.prepare('SELECT kind, version, body, received_at AS receivedAt FROM manufacturer_data ORDER BY kind').all() as
    { kind: string; version: string; body: string; receivedAt: number }[];
  const ranges = device.store.sqlite.prepare('SELECT retailer_id AS retailer, product_id AS product, proposed, floor, ceiling, valid_until FROM price_ranges ORDER BY product_id').all();
  return { rows: rows.map((r) => ({ ...r, body: JSON.parse(r.body) as unknown })), ranges };
}

it('after publishing, a sync brings the catalogue into manufacturer_data; a second sync fetches nothing new', async () => {
  const published = await publishCatalogue(w.db, seed, new Date());
  const anna = await w.person('Anna Berger');
  const watch = watched();
  const laptop = await w.device(anna.id, 'Laptop', { sync: watch.sync });

  await syncUntilDone(laptop);
  const { catalogue, valueTiers } = splitCatalogueFile(seed);
  const first = held(laptop);
  expect(first.rows).toEqual([
    { kind: 'catalogue', version: String(published.catalogue), body: catalogue, receivedAt: watch.clock.now },
    { kind: 'value_tiers', version: String(published.value_tiers), body: valueTiers, receivedAt: watch.clock.now },
  ]);
  // An advisor gets no price ranges at all.
  expect(first.ranges).toEqual([]);
  expect(manufacturerVersions(laptop.store)).toEqual({ catalogue: published.catalogue, value_tiers: published.value_tiers });

  watch.clock.now += 60_000;
  await syncUntilDone(laptop);
  expect(watch.answers).toHaveLength(2);
  expect(watch.answers[1]).toEqual({ documents: [], priceRanges: null });
  // Nothing written: not even the time of receipt moved.
  expect(held(laptop)).toEqual(first);
});

it('a new publication arrives at the next sync; a retailer’s device holds only its own price ranges', async () => {
  const olga = await w.person('Olga Öko', ['retailer', 'advisor']);
  await setRetailer(w.db, olga.id, 'retailer_oeko_haus', new Date());
  const v1 = await publishCatalogue(w.db, seed, new Date());
  const watch = watched();
  const shop = await w.device(olga.id, 'Shop PC', { sync: watch.sync });

  await syncUntilDone(shop);
  const own = seed.retailer_price_ranges.filter((r) => r.retailer === 'retailer_oeko_haus').sort((a, b) => a.product.localeCompare(b.product));
  expect(own.length).toBeGreaterThan(0);
  expect(held(shop).ranges).toEqual(own);
  expect(manufacturerVersions(shop.store)).toEqual({ catalogue: v1.catalogue, value_tiers: v1.value_tiers, price_ranges: v1.price_ranges });

  const next = structuredClone(seed);
  next.products.find((p) => p.id === 'green_household')!.price.amount = 12.9;
  const range = next.retailer_price_ranges.find((r) => r.retailer === 'retailer_oeko_haus' && r.product === 'green_household')!;
  Object.assign(range, { proposed: 12.9, ceiling: 15.5 });
  const v2 = await publishCatalogue(w.db, catalogueFile.parse(next), new Date());
  watch.clock.now += 60_000;
  await syncUntilDone(shop);

  const { rows, ranges } = held(shop);
  const catalogueRow = rows.find((r) => r.kind === 'catalogue')!;
  expect(catalogueRow).toMatchObject({ version: String(v2.catalogue), receivedAt: watch.clock.now });
  expect((catalogueRow.body as CatalogueFile).products.find((p) => p.id === 'green_household')!.price.amount).toBe(12.9);
  expect(ranges).toContainEqual({ ...range });
  expect(ranges.every((r) => (r as { retailer: string }).retailer === 'retailer_oeko_haus')).toBe(true);
  expect(manufacturerVersions(shop.store)).toEqual({ catalogue: v2.catalogue, value_tiers: v2.value_tiers, price_ranges: v2.price_ranges });
});

it('an answer that fails the core schema changes nothing, and the device keeps the version it has', async () => {
  const published = await publishCatalogue(w.db, seed, new Date());
  const anna = await w.person('Anna Berger');
  let tamper = false;
  const watch = watched((body) => {
    const docs = body.documents as { kind: string; body: { products: { margin_rate: number }[] } }[];
    if (tamper) for (const d of docs) if (d.kind === 'catalogue') d.body.products[0]!.margin_rate = 7;
  });
  const laptop = await w.device(anna.id, 'Laptop', { sync: watch.sync });
  await syncUntilDone(laptop);
  const before = held(laptop);
  expect(before.rows.map((r) => r.version)).toEqual([String(published.catalogue), String(published.value_tiers)]);

  await publishCatalogue(w.db, seed, new Date());
  tamper = true;
  watch.clock.now += 60_000;
  await laptop.settle();
  await laptop.engine.syncOnce();
  expect(laptop.engine.getStatus()).toMatchObject({ phase: 'needs_attention', message: expect.stringMatching(/was not understood; nothing was changed/) });
  expect(held(laptop)).toEqual(before);
});

it('a segment rule set published by the manufacturer reaches the device, and its hints use it from then on', async () => {
  const anna = await w.person('Anna Berger');
  const laptop = await w.device(anna.id, 'Laptop');
  expect(currentRuleSet(laptop.store).version).toBe(RULESET_V1.version);
  await publishRuleSet(w.db, { ...RULESET_V1, version: 'segments.v2' }, new Date());
  await syncUntilDone(laptop);
  expect(manufacturerVersions(laptop.store).rule_set).toBe(1);
  expect(currentRuleSet(laptop.store).version).toBe('segments.v2');
});

it('a rule set file that is not a valid rule set is refused by name, and nothing is published', () => {
  const bad = join(mkdtempSync(join(tmpdir(), 'aw-rules-')), 'rules.json');
  writeFileSync(bad, JSON.stringify({ ...RULESET_V1, version: 'Segments V2!', importance: { shoe_size: 3 } }));
  expect(() => readRuleSetFile(bad)).toThrow(/not a valid segment rule set[\s\S]*version[\s\S]*importance/);
});
