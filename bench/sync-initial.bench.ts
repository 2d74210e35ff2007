// sync-initial: a new laptop's first sync. An advisor's whole book (5,000
// clients, 100,000 touchpoints) and the catalogue come down from the real
// backend over loopback into an empty encrypted book, through a real
// SyncEngine enrolled with a real code. Baseline, same run: the same records
// read out of the backend's database in one query and inserted row by row
// into another empty encrypted book (the app's SQLite settings) in one
// transaction, the catalogue with them: the data movement without the protocol.
// PostgreSQL at DATABASE_URL (a fresh database per run), else PGlite.
// SYNC_CLIENTS and SYNC_TOUCHPOINTS set the size (a million records:
// SYNC_CLIENTS=50000 SYNC_TOUCHPOINTS=950000). The laptop runs in a process
// of its own (bench/sync-device.ts), so its peak memory (max_rss_mb) is its
// own, not the seeder's or the backend's.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { getTableColumns, sql } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { records } from '#backend/db/schema.ts';
import { createLogger } from '#backend/log.ts';
import { manufacturerUpdates, publishCatalogue, readCatalogueFile, SEED_CATALOGUE } from '#backend/manufacturer.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import { startBackend } from '#backend/server.ts';
import type { EntityName } from '#core/records.ts';
import { recordStamp } from '#core/sync/merge.ts';
import { storeManufacturerData } from '#db/manufacturer.ts';
import type { Sqlite } from '#db/open.ts';
import { SYNCED_TABLES } from '#db/schema.ts';
import { databaseTarget } from '../test/integration/backend/support.ts';
import { openTestStore } from '../test/support/book.ts';
import { seedBook } from './backend-seed.ts';
import { note, progress, report, ROOT, round } from './lib.ts';

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

// Baseline: read the rows, write the rows; no protocol, no merge, no HTTP. Read in pages of 20,000 (keyset on
// entity and id), so the baseline's own memory stays bounded at a million records too.
const plain = openTestStore();
t0 = performance.now();
let readMs = 0;
let baselineRows = 0;
const catalogue = await manufacturerUpdates(db, advisor, {});
const inserts = new Map<EntityName, ReturnType<typeof inserter>>();
const at = Date.now();
plain.store.sqlite.exec('BEGIN');
for (let after: { entity: EntityName; id: string } | null = null; ;) {
  const started = performance.now();
  const page = await db.select({ entity: records.entity, id: records.id, fields: records.fields, stamps: records.stamps }).from(records)
    .where(after ? sql`(${records.entity}, ${records.id}) > (${after.entity}, ${after.id})` : undefined)
    .orderBy(records.entity, records.id).limit(20_000);
  readMs += performance.now() - started;
  for (const r of page) {
    let insert = inserts.get(r.entity);
    if (!insert) inserts.set(r.entity, insert = inserter(plain.store.sqlite, r.entity));
    // What writeSyncedState stores for a record the book did not have.
    insert({ ...r.fields, id: r.id, version: 1, updatedAt: at, hlc: recordStamp(r.stamps), stamps: r.stamps });
  }
  baselineRows += page.length;
  if (page.length < 20_000) break;
  after = { entity: page.at(-1)!.entity, id: page.at(-1)!.id };
}
storeManufacturerData(plain.store, catalogue, at);
plain.store.sqlite.exec('COMMIT');
const baselineMs = performance.now() - t0;
if (baselineRows !== seeded.rows) throw new Error(`the baseline read ${baselineRows} of ${seeded.rows} records`);
plain.close();
note(`  baseline: ${round(baselineMs / 1000, 1)} s; now the laptop's first sync, in a process of its own`);

// The real thing: a new laptop in its own process (bench/sync-device.ts), enrolled, syncing once from an empty book.
const code = (await issueEnrolmentCode(db, advisor.id, new Date())).code;
const device = spawn(process.execPath, ['bench/sync-device.ts', backend.url, code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
interface DeviceResult { syncMs: number; httpMs: number; phase: string; message: string | null; clients: number; touchpoints: number; catalogue: number | null; maxRssMb: number }
const results: DeviceResult[] = [];
createInterface({ input: device.stdout! }).on('line', (line) => {
  const m = JSON.parse(line) as { pulled?: number; rss_mb?: number; done?: boolean };
  if (m.done) results.push(m as unknown as DeviceResult);
  else note(`  pulled: ${m.pulled}/${seeded.rows} (device ${m.rss_mb} MB)`);
});
// 'close', not 'exit': the result line may still wait in the pipe when the process is gone.
const exit = await new Promise<number | null>((resolve) => device.once('close', resolve));
const done = results[0];
if (exit !== 0 || !done) throw new Error(`the laptop's process failed (exit ${exit})`);
if (done.phase !== 'up_to_date' || done.clients !== seeded.clients || done.touchpoints !== seeded.touchpoints) {
  throw new Error(`the first sync is incomplete: ${done.clients}/${seeded.clients} clients, ${done.touchpoints}/${seeded.touchpoints} touchpoints, ` +
    `phase ${done.phase} ${done.message ?? ''}`);
}
if (done.catalogue !== published.catalogue) throw new Error('the catalogue did not come down');

await backend.close();
report({
  bench: 'sync-initial', database: backend.database.kind, clients: done.clients, touchpoints: done.touchpoints, rows: seeded.rows,
  seconds: round(done.syncMs / 1000, 2), rows_per_s: round(seeded.rows / (done.syncMs / 1000), 0),
  baseline_seconds: round(baselineMs / 1000, 2), baseline_read_seconds: round(readMs / 1000, 2),
  backend_seconds: round(done.httpMs / 1000, 2), device_seconds: round((done.syncMs - done.httpMs) / 1000, 2),
  ratio: round(done.syncMs / baselineMs, 2),
  // The laptop's peak memory over its whole first sync (its own process); goal under 1,024 MB.
  max_rss_mb: done.maxRssMb,
});
// DROP DATABASE … WITH (FORCE) cannot end an autovacuum worker (a superuser process) still busy there: wait, try again.
for (let attempt = 1; ; attempt++) {
  try { await target.cleanup(); break; } catch (error) { if (attempt === 5) throw error; await new Promise((resolve) => setTimeout(resolve, 2000)); }
}
