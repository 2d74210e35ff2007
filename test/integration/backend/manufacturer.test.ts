// The manufacturer's data syncing down: publishing the catalogue file as new
// versions, and POST /v1/manufacturer answering only what is newer than what a
// device has, with price ranges only for a retailer and only its own.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq, max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  catalogueFile, manufacturerResponse, splitCatalogueFile, type CatalogueFile, type ManufacturerHave, type ManufacturerResponse,
} from '#core/manufacturer.ts';
import { connect } from '#backend/db/connect.ts';
import { manufacturerDocuments, priceRangePublications, priceRanges, users } from '#backend/db/schema.ts';
import { publishCatalogue, readCatalogueFile, SEED_CATALOGUE, setRetailer } from '#backend/manufacturer.ts';
import { databaseTarget, tempFolder, testBackend, type DatabaseTarget } from './support.ts';

const seed = readCatalogueFile(SEED_CATALOGUE);

/** The seed file with changes, as a manufacturer would edit it. */
function edited(change: (file: CatalogueFile) => void): CatalogueFile {
  const file = structuredClone(seed);
  change(file);
  return catalogueFile.parse(file);
}

describe('POST /v1/manufacturer', () => {
  let t: Awaited<ReturnType<typeof testBackend>>;
  beforeAll(async () => { t = await testBackend(); });
  afterAll(async () => { await t?.dispose(); });

  /** What a device with these versions is sent; a 200 must be what the device's link accepts. */
  async function fetchAs(token: string, have: ManufacturerHave = {}): Promise<ManufacturerResponse> {
    const res = await t.post('/v1/manufacturer', { have }, token);
    const body = await res.json();
    if (res.status !== 200) throw new Error(`manufacturer: ${res.status} ${JSON.stringify(body)}`);
    return manufacturerResponse.parse(body);
  }
  const publish = (file: CatalogueFile = seed) => publishCatalogue(t.db, file, t.clock.now());

  it('sends nothing before anything is published', async () => {
    const { token } = await t.device('Erika Früh');
    expect(await fetchAs(token)).toEqual({ documents: [], priceRanges: null });
  });

  it('after a publication, sends the catalogue and the value tiers, never the price ranges inside them', async () => {
    const versions = await publish();
    const { token } = await t.device('Anna Berger');
    const answer = await fetchAs(token);
    const { catalogue, valueTiers } = splitCatalogueFile(seed);
    expect(answer.documents).toEqual([
      { kind: 'catalogue', version: versions.catalogue, body: catalogue },
      { kind: 'value_tiers', version: versions.value_tiers, body: valueTiers },
    ]);
    expect(answer.documents[0]!.body).not.toHaveProperty('retailer_price_ranges');
    expect(JSON.stringify(answer)).not.toContain('retailer_reitsport_mueller');
    // An advisor is no retailer: no ranges at all.
    expect(answer.priceRanges).toBeNull();
  });

  it('a device that has the latest versions gets an empty answer; one behind gets only that kind', async () => {
    const { token } = await t.device('Bernd Aktuell');
    const first = await fetchAs(token);
    const have = Object.fromEntries(first.documents.map((d) => [d.kind, d.version])) as ManufacturerHave;
    expect(have.catalogue).toBeGreaterThan(0);
    expect(await fetchAs(token, have)).toEqual({ documents: [], priceRanges: null });
    const behind = await fetchAs(token, { ...have, value_tiers: have.value_tiers! - 1 });
    expect(behind.documents.map((d) => [d.kind, d.version])).toEqual([['value_tiers', have.value_tiers]]);
  });

  it('a new publication arrives as the next version, with its changes', async () => {
    const { token } = await t.device('Clara Neu');
    const before = await fetchAs(token);
    const have = Object.fromEntries(before.documents.map((d) => [d.kind, d.version])) as ManufacturerHave;
    const cheaper = edited((f) => { f.products.find((p) => p.id === 'car')!.price.amount = 44.5; });
    const versions = await publish(cheaper);
    expect(versions).toEqual({ catalogue: have.catalogue! + 1, value_tiers: have.value_tiers! + 1, price_ranges: expect.any(Number) });
    const next = await fetchAs(token, have);
    expect(next.documents.map((d) => [d.kind, d.version])).toEqual([['catalogue', versions.catalogue], ['value_tiers', versions.value_tiers]]);
    const car = (next.documents[0]!.body as CatalogueFile).products.find((p) => p.id === 'car');
    expect(car!.price.amount).toBe(44.5);
    expect(await fetchAs(token, { catalogue: versions.catalogue, value_tiers: versions.value_tiers })).toEqual({ documents: [], priceRanges: null });
  });

  it('a retailer gets only its own ranges; another retailer only its own; an advisor and an unassigned retailer none', async () => {
    const versions = await publish();
    const oeko = await t.device('Olga Öko', ['retailer', 'advisor']);
    const reit = await t.device('Rudi Reiter', ['retailer']);
    const unassigned = await t.device('Una Ohne', ['retailer']);
    const advisor = await t.device('Alex Berater', ['advisor', 'life_coach']);
    // Even an advisor mapped to a retailer: price ranges are for retailers.
    await t.db.update(users).set({ retailerId: 'retailer_oeko_haus' }).where(eq(users.id, advisor.user.id));
    await setRetailer(t.db, oeko.user.id, 'retailer_oeko_haus', t.clock.now());
    await setRetailer(t.db, 'Rudi Reiter', 'retailer_reitsport_mueller', t.clock.now());
    const latest = versions.price_ranges + 2; // each new assignment publishes the ranges again

    const own = (retailer: string) => seed.retailer_price_ranges.filter((r) => r.retailer === retailer).sort((a, b) => a.product.localeCompare(b.product));
    const forOeko = (await fetchAs(oeko.token)).priceRanges;
    expect(forOeko).toEqual({ version: latest, ranges: own('retailer_oeko_haus') });
    expect(forOeko!.ranges.length).toBeGreaterThan(0);
    const forReit = (await fetchAs(reit.token)).priceRanges;
    expect(forReit).toEqual({ version: latest, ranges: own('retailer_reitsport_mueller') });
    expect(forReit!.ranges.every((r) => r.retailer === 'retailer_reitsport_mueller')).toBe(true);
    expect((await fetchAs(unassigned.token)).priceRanges).toBeNull();
    expect((await fetchAs(advisor.token)).priceRanges).toBeNull();
    // Up to date: nothing again.
    expect((await fetchAs(oeko.token, { price_ranges: latest })).priceRanges).toBeNull();
  });

  it('a retailer moved to another retailer receives the new one’s ranges, even with the latest version', async () => {
    const mover = await t.device('Mia Wechsel', ['retailer']);
    await setRetailer(t.db, mover.user.id, 'retailer_oeko_haus', t.clock.now());
    const before = (await fetchAs(mover.token)).priceRanges!;
    expect(before.ranges.map((r) => r.retailer)).toContain('retailer_oeko_haus');
    const moved = await setRetailer(t.db, mover.user.id, 'retailer_reitsport_mueller', t.clock.now());
    expect(moved.priceRanges).toBe(before.version + 1);
    const after = (await fetchAs(mover.token, { price_ranges: before.version })).priceRanges!;
    expect(after.version).toBe(before.version + 1);
    expect(new Set(after.ranges.map((r) => r.retailer))).toEqual(new Set(['retailer_reitsport_mueller']));
    // Setting the same retailer again publishes nothing.
    expect((await setRetailer(t.db, mover.user.id, 'retailer_reitsport_mueller', t.clock.now())).priceRanges).toBeNull();
  });

  it('withdrawn ranges are a new version too: the retailer gets an empty list', async () => {
    const r = await t.device('Wilma Weg', ['retailer']);
    await setRetailer(t.db, r.user.id, 'retailer_oeko_haus', t.clock.now());
    const had = (await fetchAs(r.token)).priceRanges!;
    const versions = await publish(edited((f) => { f.retailer_price_ranges = f.retailer_price_ranges.filter((x) => x.retailer !== 'retailer_oeko_haus'); }));
    expect(versions.price_ranges).toBeGreaterThan(had.version);
    expect((await fetchAs(r.token, { price_ranges: had.version })).priceRanges).toEqual({ version: versions.price_ranges, ranges: [] });
  });

  it('refuses bad input with a message that says what is wrong', async () => {
    const { token } = await t.device('Fritz Falsch');
    const cases: [unknown, RegExp][] = [
      ['not json', /body: is not valid JSON/],
      ['', /body: is empty/],
      [[], /must be a JSON object like \{"have"/],
      [{}, /have: is missing: send the versions this device has/],
      [{ have: { catalog: 1 } }, /have: has unknown kinds \(catalog\): send only catalogue, value_tiers, rule_set, propensities, alert_rules, price_ranges/],
      [{ have: { catalogue: -1 } }, /have\.catalogue: may not be negative/],
      [{ have: { catalogue: 1.5 } }, /have\.catalogue: must be a whole number/],
      [{ have: { catalogue: '3' } }, /have\.catalogue: must be a version number/],
      [{ have: [] }, /have: must be an object of versions/],
      [{ have: {}, cursor: null }, /has unknown fields \(cursor\): send only have/],
    ];
    for (const [body, message] of cases) {
      const res = await t.post('/v1/manufacturer', body, token);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const answer = await res.json() as { error: string; message: string; issues: unknown[] };
      expect(answer.error).toBe('invalid_request');
      expect(answer.message, JSON.stringify(body)).toMatch(message);
      expect(answer.issues.length).toBeGreaterThan(0);
    }
    const noToken = await t.post('/v1/manufacturer', { have: {} });
    expect(noToken.status).toBe(401);
    const get = await t.get('/v1/manufacturer', token);
    expect(get.status).toBe(405);
    expect(await get.json()).toMatchObject({ error: 'method_not_allowed', message: 'GET is not allowed here: use POST.' });
  });
});

describe('publish-catalogue and set-retailer, as the real CLI', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  let target: DatabaseTarget;
  let folder: ReturnType<typeof tempFolder>;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    target = await databaseTarget();
    folder = tempFolder();
    env = { ...process.env };
    if (target.url) env.DATABASE_URL = target.url;
    else { delete env.DATABASE_URL; env.AW_BACKEND_DATA_DIR = target.dataDir; }
  });
  afterAll(async () => {
    folder?.cleanup();
    await target?.cleanup();
  });

  function cli(...args: string[]) {
    const run = spawnSync(process.execPath, ['backend/cli.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }
  /** What is published, opened briefly (embedded mode allows one user of the folder at a time). */
  async function published() {
    const database = await connect({ url: target.url, dataDir: target.dataDir });
    try {
      const docs = await database.db.select({ kind: manufacturerDocuments.kind, version: max(manufacturerDocuments.version) }).from(manufacturerDocuments).groupBy(manufacturerDocuments.kind);
      const [ranges] = await database.db.select({ version: max(priceRangePublications.version) }).from(priceRangePublications);
      const [rows] = await database.db.select({ n: count() }).from(priceRanges);
      return { documents: Object.fromEntries(docs.map((d) => [d.kind, d.version])), priceRanges: ranges?.version ?? null, rangeRows: rows!.n };
    } finally {
      await database.close();
    }
  }

  it('publishes the shipped catalogue by default and prints the new versions on one line', async () => {
    const first = cli('publish-catalogue');
    expect(first.stderr).toBe('');
    expect([first.status, first.stdout]).toEqual([0, 'catalogue=1 value_tiers=1 price_ranges=1\n']);
    const file = join(folder.dir, 'catalog.json');
    writeFileSync(file, JSON.stringify(seed));
    const second = cli('publish-catalogue', '--file', file);
    expect([second.status, second.stdout]).toEqual([0, 'catalogue=2 value_tiers=2 price_ranges=2\n']);
    expect(await published()).toEqual({ documents: { catalogue: 2, value_tiers: 2 }, priceRanges: 2, rangeRows: 2 * seed.retailer_price_ranges.length });
  });

  it('refuses a file that fails validation, naming the fields, exit 1, nothing published', async () => {
    const before = await published();
    const bad = structuredClone(seed) as unknown as { products: Record<string, unknown>[]; retailer_price_ranges: Record<string, unknown>[] };
    bad.products.find((p) => p.id === 'household_bike')!.margin_rate = 1.4;
    bad.retailer_price_ranges[0]!.proposed = 99;
    const file = join(folder.dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const run = cli('publish-catalogue', '--file', file);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('is not a valid catalogue, so nothing was published');
    expect(run.stderr).toMatch(/products\.\d+ \(household_bike\)\.margin_rate: must be from 0 to 1/);
    expect(run.stderr).toMatch(/retailer_price_ranges\.0 \(retailer_reitsport_mueller, equestrian_liability\)\.proposed: must lie within floor and ceiling/);
    writeFileSync(file, '{"products": [');
    const notJson = cli('publish-catalogue', '--file', file);
    expect(notJson.status).toBe(1);
    expect(notJson.stderr).toMatch(/is not valid JSON/);
    expect(await published()).toEqual(before);
  });

  it('set-retailer maps a retailer and republishes the ranges; refuses a non-retailer and a bad id', async () => {
    const rita = cli('create-user', '--name', 'Rita Reiter', '--roles', 'retailer').stdout.trim();
    cli('create-user', '--name', 'Anna Berater', '--roles', 'advisor');
    const set = cli('set-retailer', '--user', 'Rita Reiter', '--retailer', 'retailer_reitsport_mueller');
    expect([set.status, set.stdout]).toEqual([0, `${rita} retailer=retailer_reitsport_mueller price_ranges=3\n`]);
    const advisor = cli('set-retailer', '--user', 'Anna Berater', '--retailer', 'retailer_oeko_haus');
    expect(advisor.status).toBe(1);
    expect(advisor.stderr).toMatch(/does not hold the retailer role/);
    const badId = cli('set-retailer', '--user', 'Rita Reiter', '--retailer', 'Reitsport Müller');
    expect(badId.status).toBe(2);
    expect(badId.stderr).toMatch(/--retailer must be an id of lower-case letters/);
    expect((await published()).priceRanges).toBe(3);
  });
});
