// sync: a laptop's backlog pushed to the real backend over loopback HTTP, each
// mutation in its own transaction as the protocol requires, then pulled by a
// second device; baseline: the same number of one-row transactions on the
// same backend database, in the same run. PostgreSQL at DATABASE_URL if set,
// else embedded PGlite. SYNC_MUTATIONS sets the size (default 5,000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { createLogger } from '#backend/log.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import { startBackend } from '#backend/server.ts';
import { SyncEngine } from '#services/sync/engine.ts';
import { openTestStore } from '../test/support/book.ts';
import { note, progress, report, round } from './lib.ts';

const MUTATIONS = Number(process.env.SYNC_MUTATIONS ?? 5000);
const CLIENTS = Math.ceil(MUTATIONS / 5);
const folder = mkdtempSync(join(tmpdir(), 'aw-bench-sync-'));
const quiet = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
const backend = await startBackend({ databaseUrl: process.env.DATABASE_URL, dataDir: join(folder, 'db'), port: 0, logger: quiet });
const db = backend.database.db;
note(`sync: ${MUTATIONS} mutations (${CLIENTS} clients) on ${backend.database.kind}, then a second device pulls them; then the baseline`);

const anna = await createUser(db, { displayName: 'Bench', roles: ['advisor'] }, new Date());
async function device(name: string, onPulled?: (n: number) => void, onPushed?: (n: number) => void) {
  const book = openTestStore();
  const engine = new SyncEngine(book.store, {
    batchSize: 200, pullLimit: 1000,
    onStatus: (s) => { if (s.progress) { onPushed?.(s.progress.pushed); onPulled?.(s.progress.pulled); } },
  });
  await engine.enrol(backend.url, (await issueEnrolmentCode(db, anna.id, new Date())).code, name);
  return { book, engine };
}

const laptop = await device('Laptop', undefined, (n) => progress('pushed', n, MUTATIONS));
const ids: string[] = [];
for (let i = 0; i < CLIENTS; i++) {
  const { id } = laptop.book.store.mutate('client.create', { id: uuidv7(), firstName: 'Kunde', lastName: `Nr. ${i}` });
  ids.push(id);
}
for (let i = CLIENTS; i < MUTATIONS; i++) laptop.book.store.mutate('client.update', { id: ids[i % CLIENTS]!, patch: { city: `Ort ${i}` } });

let t0 = performance.now();
await laptop.engine.syncOnce();
const pushMs = performance.now() - t0;
if (laptop.book.store.pendingCount() !== 0) throw new Error(`push did not finish: ${JSON.stringify(laptop.engine.getStatus())}`);

const tablet = await device('Tablet', (n) => progress('pulled', n, CLIENTS));
t0 = performance.now();
await tablet.engine.syncOnce();
const pullMs = performance.now() - t0;
const received = (tablet.book.store.sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;
if (received !== CLIENTS) throw new Error(`the second device has ${received} of ${CLIENTS} clients`);

// Baseline: one small row per transaction, the least a mutation-per-transaction protocol can cost here.
await db.execute(sql`CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, device uuid, seq bigint, body jsonb)`);
t0 = performance.now();
for (let i = 0; i < MUTATIONS; i++) {
  await db.transaction(async (tx) => { await tx.execute(sql`INSERT INTO bench_baseline (device, seq, body) VALUES (${anna.id}, ${i}, ${JSON.stringify({ city: `Ort ${i}` })})`); });
  if (i % 250 === 0) progress('baseline', i, MUTATIONS);
}
const baselineMs = performance.now() - t0;

laptop.book.close();
tablet.book.close();
await backend.close();
rmSync(folder, { recursive: true, force: true });
report({
  bench: 'sync', database: backend.database.kind, mutations: MUTATIONS, clients: CLIENTS,
  push_ms: round(pushMs, 0), push_per_mutation_ms: round(pushMs / MUTATIONS), pull_ms: round(pullMs, 0),
  baseline_ms: round(baselineMs, 0), baseline_per_row_ms: round(baselineMs / MUTATIONS),
  ratio: round(pushMs / baselineMs, 2),
});
