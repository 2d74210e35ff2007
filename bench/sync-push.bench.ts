// sync-push: a laptop's offline backlog pushed to the real backend over
// loopback HTTP and applied, each mutation in its own transaction as the
// protocol requires. Baseline, same run, same database: the very rows those
// mutations write (records, change log, result, the device's sequence number),
// inserted directly, one transaction per mutation, without any checks.
// PostgreSQL at DATABASE_URL (a fresh database per run), else PGlite.
// SYNC_MUTATIONS sets the size (default 10,000).
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { clientAccess, devices, mutationResults } from '#backend/db/schema.ts';
import { createLogger } from '#backend/log.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import { writeRecords, type StoredState } from '#backend/records.ts';
import { startBackend } from '#backend/server.ts';
import { shippedCatalogue } from '#backend/catalogue.ts';
import type { MutationInput, MutationName } from '#core/mutations/index.ts';
import { applyMutation, type MergedWrite } from '#core/sync/apply.ts';
import { SyncEngine } from '#services/sync/engine.ts';
import { databaseTarget } from '../test/integration/backend/support.ts';
import { openTestStore } from '../test/support/book.ts';
import { note, progress, report, round } from './lib.ts';

const MUTATIONS = Number(process.env.SYNC_MUTATIONS ?? 10_000);
const PER_CLIENT = 10;
const CLIENTS = Math.ceil(MUTATIONS / PER_CLIENT);
type Change = { name: MutationName; args: MutationInput<MutationName> };

/** What an advisor does for one client in a day of meetings: ten changes. */
function dayOfWork(): Change[] {
  const out: Change[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const id = uuidv7();
    const at = Date.parse('2026-11-02T09:00:00Z') + c * 60_000;
    const steps: Change[] = [
      { name: 'client.create', args: { id, firstName: 'Kundin', lastName: `Nr. ${c}`, city: 'Köln', email: `k${c}@example.de` } },
      { name: 'answer.set', args: { clientId: id, attribute: 'purchase_driver', value: 'price_for_quality', answeredBy: 'client' } },
      { name: 'answer.set', args: { clientId: id, attribute: 'trust_anchor', value: 'personal_advisor', answeredBy: 'client' } },
      { name: 'answer.set', args: { clientId: id, attribute: 'life_events', value: ['moving'], answeredBy: 'client' } },
      { name: 'touchpoint.add', args: { id: uuidv7(), clientId: id, kind: 'call', channel: 'phone', direction: 'inbound', occurredAt: at, summary: 'Rückruf wegen Umzug' } },
      { name: 'client.update', args: { id, patch: { street: `Ringstraße ${c}` } } },
      { name: 'client.update', args: { id, patch: { notes: 'Zieht im Frühjahr um, Hausrat prüfen.' } } },
      { name: 'task.add', args: { id: uuidv7(), clientId: id, title: 'Angebot Hausrat schicken', dueDate: '2026-11-20' } },
      { name: 'touchpoint.add', args: { id: uuidv7(), clientId: id, kind: 'email', channel: 'email', direction: 'outbound', occurredAt: at + 3_600_000, summary: 'Unterlagen geschickt' } },
      { name: 'client.update', args: { id, patch: { phone: '0221 123456' } } },
    ];
    out.push(...steps.slice(0, Math.min(PER_CLIENT, MUTATIONS - out.length)));
  }
  return out;
}

const target = await databaseTarget();
const quiet = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
const backend = await startBackend({ databaseUrl: target.url, dataDir: target.dataDir, port: 0, logger: quiet });
const db = backend.database.db;
note(`sync-push: ${MUTATIONS} mutations (${CLIENTS} clients) on ${backend.database.kind}; first the baseline, then the real push`);
const anna = await createUser(db, { displayName: 'Bench', roles: ['advisor'] }, new Date());

async function enrolled(name: string, onPushed?: (n: number) => void) {
  const book = openTestStore();
  const engine = new SyncEngine(book.store, { batchSize: 200, onStatus: (s) => { if (s.progress) onPushed?.(s.progress.pushed); } });
  await engine.enrol(backend.url, (await issueEnrolmentCode(db, anna.id, new Date())).code, name);
  return { book, engine };
}

// Baseline: plan the same kind of backlog in memory (not timed), then write exactly its rows.
const baselineDevice = await enrolled('Baseline');
const deviceId = (await db.select({ id: devices.id }).from(devices).where(eq(devices.name, 'Baseline')))[0]!.id;
const state = new Map<string, StoredState>();
const planned: { name: string; writes: MergedWrite[] }[] = dayOfWork().map((m, i) => {
  const r = applyMutation(m.name, m.args, {
    at: Date.now(), hlc: `${String(Date.now()).padStart(15, '0')}:${i.toString(36).padStart(5, '0')}:baseline`, userId: anna.id, catalogue: shippedCatalogue(),
    read: (entity, id) => state.get(`${entity}/${id}`) ?? null,
  });
  for (const w of r.writes) state.set(`${w.entity}/${w.id}`, { ...w.state, clientId: w.clientId });
  return { name: m.name, writes: r.writes };
});
let t0 = performance.now();
for (const [i, m] of planned.entries()) {
  await db.transaction(async (tx) => {
    await writeRecords(tx, m.writes, new Date());
    if (m.name === 'client.create') await tx.insert(clientAccess).values({ clientId: m.writes[0]!.clientId, userId: anna.id, kind: 'owner' });
    await tx.insert(mutationResults).values({ deviceId, seq: i + 1, mutationId: uuidv7(), name: m.name, status: 'applied', processedAt: new Date() });
    await tx.update(devices).set({ lastSeq: i + 1 }).where(eq(devices.id, deviceId));
  });
  progress('baseline', i + 1, planned.length);
}
const baselineMs = performance.now() - t0;
baselineDevice.book.close();

// The real thing: the laptop's outbox, pushed in batches through HTTP, validated, checked and applied.
const laptop = await enrolled('Laptop', (n) => progress('pushed', n, MUTATIONS));
for (const m of dayOfWork()) laptop.book.store.mutate(m.name, m.args);
t0 = performance.now();
await laptop.engine.syncOnce();
const pushMs = performance.now() - t0;
const status = laptop.engine.getStatus();
if (laptop.book.store.pendingCount() !== 0 || status.refused.length > 0) throw new Error(`push did not finish cleanly: ${JSON.stringify(status).slice(0, 500)}`);
const applied = (await db.execute(sql`SELECT count(*)::int AS n FROM mutation_results WHERE status = 'applied'`)) as unknown as { rows?: { n: number }[] } | { n: number }[];
const appliedCount = (Array.isArray(applied) ? applied : applied.rows!)[0]!.n;
if (appliedCount !== 2 * MUTATIONS) throw new Error(`expected ${2 * MUTATIONS} applied results, found ${appliedCount}`);

laptop.book.close();
await backend.close();
await target.cleanup();
const ours = MUTATIONS / (pushMs / 1000);
const baseline = MUTATIONS / (baselineMs / 1000);
report({
  bench: 'sync-push', database: backend.database.kind, mutations: MUTATIONS, clients: CLIENTS,
  seconds: round(pushMs / 1000, 2), mutations_per_s: round(ours, 0),
  baseline_seconds: round(baselineMs / 1000, 2), baseline_mutations_per_s: round(baseline, 0),
  ratio: round(baseline / ours, 2),
});
