// Weeks offline: a laptop comes back with 10,000 changes. They go in batches,
// the progress only moves forward, and every one of them lands once.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SyncStatus } from '#services/sync/engine.ts';
import { newClient, setCity } from './support.ts';
import { startWorld, syncUntilDone, type World } from './world.ts';

let w: World;
beforeEach(async () => { w = await startWorld(); });
afterEach(async () => { await w.close(); });

it('a backlog of 10,000 mutations after weeks offline drains in batches', async () => {
  const anna = await w.person('Anna Berger');
  const seen: NonNullable<SyncStatus['progress']>[] = [];
  const laptop = await w.device(anna.id, 'Laptop', {
    faults: () => ({ kind: 'pass' }),
    sync: { batchSize: 500, onStatus: (s) => { if (s.progress) seen.push(s.progress); } },
  });
  const ids = Array.from({ length: 2000 }, (_, i) => newClient(laptop.store, { lastName: `Kunde ${i}` }));
  for (let round = 0; round < 4; round++) for (const id of ids) setCity(laptop.store, id, `Ort ${round}`);
  expect(laptop.store.pendingCount()).toBe(10_000);

  await syncUntilDone(laptop);

  const pushes = laptop.proxy!.log.filter((l) => l.startsWith('/v1/push')).length;
  expect(pushes).toBe(20);
  const pushed = seen.map((p) => p.pushed);
  expect(pushed).toEqual([...pushed].sort((a, b) => a - b));
  expect(pushed.at(-1)).toBe(10_000);
  expect(seen[0]!.toPush).toBe(10_000);
  const [counted] = await w.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM mutation_results WHERE status = 'applied'`);
  expect(counted!.n).toBe(10_000);
  expect(laptop.store.pendingCount()).toBe(0);
  expect(Object.keys(laptop.snapshot())).toHaveLength(2000);
}, 600_000);
