// A client made and erased before the device ever synced never reached the
// backend, which answers the erasure "no such client". The erasure has done
// its work either way: nothing is listed as refused and nothing waits to sync.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { getClient } from '#db/queries.ts';
import { newClient } from './support.ts';
import { startWorld, syncUntilDone, type World } from './world.ts';

let w: World;
beforeEach(async () => { w = await startWorld(); });
afterEach(async () => { await w.close(); });

it('erasing a client the backend never had leaves no refusal and nothing pending', async () => {
  const anna = await w.person('Anna Berger');
  const annas = await w.device(anna.id, 'Annas Laptop');
  const kept = newClient(annas.store, { lastName: 'Bleibt' });
  const erased = newClient(annas.store, { lastName: 'Vergessen' });
  annas.store.mutate('client.erase', { id: erased });
  await syncUntilDone(annas);
  expect(annas.engine.getStatus().refused).toEqual([]);
  expect(annas.store.pendingCount()).toBe(0);
  expect(getClient(annas.store.db, erased)).toBeNull();
  expect(getClient(annas.store.db, kept)!.client.lastName).toBe('Bleibt');
});
