// A laptop offline for longer than the backend keeps its change log: on its
// next sync it downloads its book again, with progress, and ends up with
// exactly what the backend holds, its own unsent change included; a client
// erased meanwhile is gone even though that tombstone was trimmed away.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { trimChangeLog } from '#backend/trim.ts';
import { getClient } from '#db/queries.ts';
import type { SyncStatus } from '#services/sync/engine.ts';
import { newClient, setCity } from './support.ts';
import { startWorld, syncUntilDone, type World } from './world.ts';

let w: World;
beforeEach(async () => { w = await startWorld(); });
afterEach(async () => { await w.close(); });

it('a cursor too old for the retained log triggers a full resync with progress', async () => {
  const anna = await w.person('Anna Berger');
  const laptop = await w.device(anna.id, 'Laptop');
  const seen: NonNullable<SyncStatus['progress']>[] = [];
  const tablet = await w.device(anna.id, 'Tablet', { sync: { pullLimit: 10, onStatus: (s) => { if (s.progress) seen.push(s.progress); } } });
  const ids = Array.from({ length: 30 }, (_, i) => newClient(laptop.store, { lastName: `Kunde ${i}` }));
  const quandt = newClient(laptop.store, { lastName: 'Quandt' });
  await syncUntilDone(laptop);
  await syncUntilDone(tablet);
  expect(getClient(tablet.store.db, quandt)).not.toBeNull();

  // The tablet stays in a drawer for weeks; meanwhile the book changes and the log is trimmed.
  laptop.store.mutate('client.erase', { id: quandt });
  setCity(laptop.store, ids[2]!, 'Köln');
  const later = newClient(laptop.store, { lastName: 'Neu' });
  await syncUntilDone(laptop);
  await tablet.settle();
  const { removed } = await trimChangeLog(w.db, new Date(Date.now() + 60_000), new Date());
  expect(removed).toBeGreaterThan(30);

  setCity(tablet.store, ids[5]!, 'Bonn');
  seen.length = 0;
  await syncUntilDone(tablet);

  expect(seen.some((p) => p.fullResync)).toBe(true);
  const pulled = seen.filter((p) => p.fullResync).map((p) => p.pulled);
  expect(pulled).toEqual([...pulled].sort((a, b) => a - b));
  expect(getClient(tablet.store.db, quandt)).toBeNull();
  expect(getClient(tablet.store.db, later)!.client.lastName).toBe('Neu');
  expect(getClient(tablet.store.db, ids[2]!)!.client.city).toBe('Köln');
  expect(getClient(tablet.store.db, ids[5]!)!.client.city).toBe('Bonn');
  expect(tablet.snapshot()).toEqual(await w.backendSnapshot(anna.id));

  // A device enrolled after the trim gets the whole book from the records, then follows the log.
  const fresh = await w.device(anna.id, 'New laptop');
  await syncUntilDone(fresh);
  expect(fresh.snapshot()).toEqual(await w.backendSnapshot(anna.id));
  setCity(laptop.store, ids[7]!, 'Aachen');
  await syncUntilDone(laptop);
  await syncUntilDone(fresh);
  expect(getClient(fresh.store.db, ids[7]!)!.client.city).toBe('Aachen');
});
