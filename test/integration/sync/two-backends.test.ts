// Two backend instances on one PostgreSQL, as behind a load balancer: the
// devices of one advisor push and pull through different instances at the
// same time, so commits of one instance land while the other serves a pull.
// Afterwards every device holds exactly what the database holds, every change
// was counted once, and no pull skipped a change committed late.
import { sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import { startBackend, type RunningBackend } from '#backend/server.ts';
import { ENTITIES } from '#core/records.ts';
import { readSyncedState } from '#db/records.ts';
import { SyncEngine } from '#services/sync/engine.ts';
import { databaseTarget, memoryLogger, onPostgres } from '../backend/support.ts';
import { openTestStore } from '../../support/book.ts';
import { newClient, setCity } from './support.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

const tableOf = (entity: string) => entity.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

it.runIf(onPostgres)('devices of one advisor on two instances at once converge, each change counted once [PostgreSQL only: PGlite is one process]', async () => {
  const target = await databaseTarget();
  cleanups.push(() => target.cleanup());
  const [one, two] = await Promise.all([0, 1].map(() => startBackend({ databaseUrl: target.url, port: 0, logger: memoryLogger().logger }))) as [RunningBackend, RunningBackend];
  cleanups.push(() => one.close(), () => two.close());
  const db = one.database.db;
  const anna = await createUser(db, { displayName: 'Anna Berger', roles: ['advisor'] }, new Date());

  // Four devices, two on each instance.
  const devices = [];
  for (const [i, backend] of [one, two, one, two].entries()) {
    const book = openTestStore({ roles: () => engine.backendRoles() ?? [] });
    const engine: SyncEngine = new SyncEngine(book.store, { batchSize: 10, pullLimit: 15 });
    await engine.enrol(backend.url, (await issueEnrolmentCode(db, anna.id, new Date())).code, `Device ${i}`);
    book.store.userId = engine.backendUserId() ?? book.store.userId;
    cleanups.push(() => { engine.stop(); book.close(); });
    devices.push({ book, engine });
  }

  // Rounds in which every device changes its own clients and those it has received, and syncs, all at once.
  for (let round = 0; round < 6; round++) {
    await Promise.all(devices.map(async ({ book, engine }, i) => {
      for (let n = 0; n < 5; n++) newClient(book.store, { lastName: `Kunde ${i}-${round}-${n}` });
      const held = book.store.sqlite.prepare('SELECT id FROM clients ORDER BY id').all() as { id: string }[];
      for (const { id } of held.slice(0, 8)) setCity(book.store, id, `Ort ${i}-${round}`);
      await engine.syncOnce();
    }));
  }
  for (let drain = 0; drain < 3; drain++) for (const { engine } of devices) await engine.syncOnce();

  const backend: Record<string, unknown> = {};
  const rows = await db.execute(sql`SELECT r.entity, r.id, r.fields FROM records r JOIN client_access a ON a.client_id = r.client_id AND a.user_id = ${anna.id}`);
  for (const r of (rows as unknown as { rows: { entity: string; id: string; fields: unknown }[] }).rows) backend[`${r.entity}/${r.id}`] = r.fields;
  expect(Object.keys(backend).filter((k) => k.startsWith('clients/'))).toHaveLength(4 * 6 * 5);
  for (const [i, { book, engine }] of devices.entries()) {
    expect(book.store.pendingCount(), `device ${i}`).toBe(0);
    const held: Record<string, unknown> = {};
    for (const entity of ENTITIES) {
      for (const { id } of book.store.sqlite.prepare(`SELECT id FROM ${tableOf(entity)}`).all() as { id: string }[]) {
        held[`${entity}/${id}`] = readSyncedState(book.store.db, entity, id)!.fields;
      }
    }
    expect(held, `device ${i}: ${JSON.stringify(engine.getStatus())}`).toEqual(backend);
  }
  // Each device's changes counted once, whichever instance took them.
  const counted = await db.execute(sql`SELECT count(*)::int AS n, count(DISTINCT (device_id, seq))::int AS distinct, count(*) FILTER (WHERE status = 'applied')::int AS applied FROM mutation_results`);
  const [c] = (counted as unknown as { rows: { n: number; distinct: number; applied: number }[] }).rows;
  const made = devices.reduce((sum, { book }) => sum + ((book.store.sqlite.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get('outbox') as { seq: number }).seq), 0);
  expect(c).toEqual({ n: made, distinct: made, applied: made });
}, 120_000);
