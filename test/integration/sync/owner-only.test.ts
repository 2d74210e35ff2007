// Erasing or deleting a client takes them from everyone, so only the owner
// may: a user the client is only shared with is refused by their own
// workstation, and again by the backend if the workstation was tampered with;
// the owner keeps everything, and the shared user's device gets the client back.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { grantClientAccess } from '#backend/access.ts';
import { getClient } from '#db/queries.ts';
import { newClient, setCity } from './support.ts';
import { startWorld, syncUntilDone, type World } from './world.ts';

let w: World;
beforeEach(async () => { w = await startWorld(); });
afterEach(async () => { await w.close(); });

it('a shared user cannot erase or delete the client, on the device nor at the backend; the owner keeps them and the shared device gets them back', async () => {
  const anna = await w.person('Anna Berger');
  const ben = await w.person('Ben Fischer');
  const annas = await w.device(anna.id, 'Annas Laptop');
  const bens = await w.device(ben.id, 'Bens Laptop');
  const client = newClient(annas.store, { lastName: 'Quandt' });
  setCity(annas.store, client, 'Köln');
  annas.store.mutate('meeting.start', { id: crypto.randomUUID(), clientId: client });
  await syncUntilDone(annas);
  await grantClientAccess(w.db, { clientId: client, userId: ben.id, kind: 'shared' });
  await bens.settle();
  await syncUntilDone(bens);
  expect(getClient(bens.store.db, client)!.client.city).toBe('Köln');
  const before = await w.backendSnapshot(anna.id);

  // Ben's workstation refuses at once, and keeps the client.
  for (const name of ['client.erase', 'client.delete'] as const) {
    expect(() => bens.store.mutate(name, { id: client })).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ code: 'owner_only' })] }));
    expect(getClient(bens.store.db, client)!.client.city).toBe('Köln');
  }
  expect(bens.store.pendingCount()).toBe(0);

  // A workstation tampered with to think Ben owns the client gets no further at the backend.
  for (const name of ['client.erase', 'client.delete'] as const) {
    bens.store.sqlite.prepare('UPDATE clients SET owner_id = ? WHERE id = ?').run(ben.id, client);
    bens.store.mutate(name, { id: client });
    expect(getClient(bens.store.db, client)).toBeNull();
    await syncUntilDone(bens);
    expect(bens.engine.getStatus().refused.find((r) => r.name === name)).toMatchObject({ code: 'owner_only' });
    // Nothing changed on the backend, and the shared device holds the client again, as the backend does.
    expect(await w.backendSnapshot(anna.id)).toEqual(before);
    expect(getClient(bens.store.db, client)!.client.city).toBe('Köln');
  }
  await annas.settle();
  await syncUntilDone(annas);
  expect(getClient(annas.store.db, client)!.client.lastName).toBe('Quandt');

  // The owner may.
  annas.store.mutate('client.erase', { id: client });
  await syncUntilDone(annas);
  expect(annas.engine.getStatus().refused).toEqual([]);
  await bens.settle();
  await syncUntilDone(bens);
  expect(getClient(bens.store.db, client)).toBeNull();
});
