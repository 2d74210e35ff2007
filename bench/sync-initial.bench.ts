// sync-initial: a new laptop's first sync. An advisor's whole book (5,000
// clients, 100,000 touchpoints) and the catalogue come down from the real
// backend over loopback into an empty encrypted book, through a real
// SyncEngine enrolled with a real code. Baseline, same run: the same records
// read out of the backend's database in one query and inserted row by row
// into another empty encrypted book (the app's SQLite settings) in one
// transaction, the catalogue with them: the data movement without the protocol.
// PostgreSQL at DATABASE_URL (a fresh database per run), else PGlite.
// SYNC_CLIENTS and SYNC_TOUCHPOINTS set the size.
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { records } from '#backend/db/schema.ts';
import { createLogger } from '#backend/log.ts';
import { manufacturerUpdates, publishCatalogue, readCatalogueFile, SEED_CATALOGUE } from '#backend/manufacturer.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import { startBackend } from '#backend/server.ts';
import type { EntityName } from '#core/records.ts';
import { recordStamp } from '#core/sync/merge.ts';
import { manufacturerVersions, storeManufacturerData } from '#db/manufacturer.ts';
import type { Sqlite } from '#db/open.ts';
import { SYNCED_TABLES } from '#db/schema.ts';
import { SyncEngine } from '#services/sync/engine.ts';
import { databaseTarget } from '../test/integration/backend/support.ts';
import { openTestStore } from '../test/support/book.ts';
import { seedBook } from './backend-seed.ts';
import { note, progress, report, round } from './lib.ts';

const CLIENTS = Number(process.env.SYNC_CLIENTS ?? 5000);
const TOUCHPOINTS = Number(process.env.SYNC_TOUCHPOINTS ?? 100_000);

const target = await databaseTarget();
const quiet = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
const backend = await startBackend({ databaseUrl: target.url, dataDir: target.dataDir, port: 0, logger: quiet });
const db = backend.database.db;
note(`sync-initial: ${CLIENTS} clients, ${TOUCHPOINTS} touchpoints and the catalogue on ${backend.database.kind}; seeding, then the baseline, then the real first sync`);

const published = await publishCatalogue(db, readCatalogueFile(SEED_CATALOGUE), new Date());
const advisor = await createUser(db, { displayName: 'Bench', roles: ['advisor'] }, new Date());
let t0 = performance.now();
const seeded = await seedBook(db, advisor.id, { clients: CLIENTS, touchpoints: TOUCHPOINTS }, (d, t) => progress('seeded', d, t));
note(`  seeded ${seeded.rows} records in ${round((performance.now() - t0) / 1000, 1)} s`);

/** One prepared single-row INSERT per synced table, columns as drizzle maps them (stamps as JSON). */
function inserter(sqlite: Sqlite, entity: EntityName) {
  const table = SYNCED_TABLES[entity] as unknown as SQLiteTable;
  const columns = Object.entries(getTableColumns(table));
  const statement = sqlite.prepare(`INSERT INTO "${getTableConfig(table).name}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) ` +
    `VALUES (${columns.map(() => '?').join(', ')})`);
  return (row: Record<string, unknown>) => statement.run(columns.map(([key, c]) => (row[key] == null ? null : c.mapToDriverValue(row[key]))));
}

// Baseline: read the rows, write the rows; no pages, no merge, no HTTP.
const plain = openTestStore();
t0 = performance.now();
const rows = await db.select({ entity: records.entity, id: records.id, fields: records.fields, stamps: records.stamps })
  .from(records).orderBy(records.entity, records.id);
const catalogue = await manufacturerUpdates(db, advisor, {});
const readMs = performance.now() - t0;
plain.store.transaction(() => {
  const inserts = new Map<EntityName, ReturnType<typeof inserter>>();
  const at = Date.now();
  for (const r of rows) {
    let insert = inserts.get(r.entity);
    if (!insert) inserts.set(r.entity, insert = inserter(plain.store.sqlite, r.entity));
    // What writeSyncedState stores for a record the book did not have.
    insert({ ...r.fields, id: r.id, version: 1, updatedAt: at, hlc: recordStamp(r.stamps), stamps: r.stamps });
  }
  storeManufacturerData(plain.store, catalogue, at);
});
const baselineMs = performance.now() - t0;
if (rows.length !== seeded.rows) throw new Error(`the baseline read ${rows.length} of ${seeded.rows} records`);
plain.close();

// The real thing: a new laptop, enrolled, syncing once from an empty book.
const laptop = openTestStore();
let shown = 0;
// Time spent inside HTTP requests (the backend's work and loopback); the rest of the sync is the device's.
let httpMs = 0;
const timedFetch: typeof fetch = async (input, init) => {
  const started = performance.now();
  const res = await fetch(input, init);
  const body = await res.text();
  httpMs += performance.now() - started;
  return new Response(body, { status: res.status, headers: res.headers });
};
const engine = new SyncEngine(laptop.store, {
  fetch: timedFetch,
  onStatus: (s) => {
    const pulled = s.progress?.pulled ?? 0;
    if (pulled >= shown + 10_000 || (pulled === seeded.rows && shown < pulled)) { shown = pulled; note(`  pulled: ${pulled}/${seeded.rows}`); }
  },
});
await engine.enrol(backend.url, (await issueEnrolmentCode(db, advisor.id, new Date())).code, 'Laptop');
t0 = performance.now();
httpMs = 0;
await engine.syncOnce();
const syncMs = performance.now() - t0;

const status = engine.getStatus();
const count = (table: string) => (laptop.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const [clients, touchpoints] = [count('clients'), count('touchpoints')];
if (status.phase !== 'up_to_date' || clients !== seeded.clients || touchpoints !== seeded.touchpoints) {
  throw new Error(`the first sync is incomplete: ${clients}/${seeded.clients} clients, ${touchpoints}/${seeded.touchpoints} touchpoints, ` +
    `phase ${status.phase} ${status.message ?? ''}`);
}
if (manufacturerVersions(laptop.store).catalogue !== published.catalogue) throw new Error('the catalogue did not come down');

laptop.close();
await backend.close();
report({
  bench: 'sync-initial', database: backend.database.kind, clients, touchpoints, rows: seeded.rows,
  seconds: round(syncMs / 1000, 2), rows_per_s: round(seeded.rows / (syncMs / 1000), 0),
  baseline_seconds: round(baselineMs / 1000, 2), baseline_read_seconds: round(readMs / 1000, 2),
  backend_seconds: round(httpMs / 1000, 2), device_seconds: round((syncMs - httpMs) / 1000, 2),
  ratio: round(syncMs / baselineMs, 2),
});
// DROP DATABASE … WITH (FORCE) cannot end an autovacuum worker (a superuser process) still busy there: wait, try again.
for (let attempt = 1; ; attempt++) {
  try { await target.cleanup(); break; } catch (error) { if (attempt === 5) throw error; await new Promise((resolve) => setTimeout(resolve, 2000)); }
}
