// An advisor sees their own clients and clients shared with them, nothing
// else; a refusal looks exactly like a client that does not exist.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessOf, canReadClient, canWriteClient, ClientNotFoundError, clientsOf, grantClientAccess, requireClient, revokeClientAccess,
} from '#backend/access.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
let anna: Awaited<ReturnType<typeof t.device>>;
let ben: Awaited<ReturnType<typeof t.device>>;
let carla: Awaited<ReturnType<typeof t.device>>;
const annasClient = uuidv7();
const bensClient = uuidv7();
const sharedWithAnna = uuidv7();
const nobodysClient = uuidv7();

beforeAll(async () => {
  t = await testBackend();
  anna = await t.device('Anna Berger');
  ben = await t.device('Ben Fischer');
  carla = await t.device('Carla Wolf', ['life_coach']);
  await grantClientAccess(t.db, { clientId: annasClient, userId: anna.user.id, kind: 'owner' });
  await grantClientAccess(t.db, { clientId: bensClient, userId: ben.user.id, kind: 'owner' });
  await grantClientAccess(t.db, { clientId: sharedWithAnna, userId: carla.user.id, kind: 'owner' });
  await grantClientAccess(t.db, { clientId: sharedWithAnna, userId: anna.user.id, kind: 'shared' });
});
afterAll(async () => { await t?.dispose(); });

describe('access helpers', () => {
  it('the owner may read and write', async () => {
    expect(await canReadClient(t.db, anna.user.id, annasClient)).toBe(true);
    expect(await canWriteClient(t.db, anna.user.id, annasClient)).toBe(true);
    expect(await requireClient(t.db, anna.user.id, annasClient, 'write')).toBe('owner');
  });

  it('a user the client is shared with may read and write', async () => {
    expect(await canReadClient(t.db, anna.user.id, sharedWithAnna)).toBe(true);
    expect(await canWriteClient(t.db, anna.user.id, sharedWithAnna)).toBe(true);
    expect(await accessOf(t.db, anna.user.id, sharedWithAnna)).toBe('shared');
  });

  it('someone else’s client is refused exactly like one that does not exist', async () => {
    for (const clientId of [bensClient, nobodysClient, 'not-a-uuid']) {
      expect(await canReadClient(t.db, anna.user.id, clientId)).toBe(false);
      expect(await canWriteClient(t.db, anna.user.id, clientId)).toBe(false);
      const refusal = await requireClient(t.db, anna.user.id, clientId, 'read').catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(ClientNotFoundError);
      expect((refusal as Error).message).toBe('No such client.');
    }
  });

  it('clientsOf lists own and shared clients, nothing else', async () => {
    expect(await clientsOf(t.db, anna.user.id)).toEqual(
      [{ clientId: annasClient, kind: 'owner' }, { clientId: sharedWithAnna, kind: 'shared' }].sort((a, b) => a.clientId.localeCompare(b.clientId)));
    expect(await clientsOf(t.db, ben.user.id)).toEqual([{ clientId: bensClient, kind: 'owner' }]);
    expect(await clientsOf(t.db, uuidv7())).toEqual([]);
  });

  it('a client has one owner; sharing does not demote an owner', async () => {
    await expect(grantClientAccess(t.db, { clientId: annasClient, userId: ben.user.id, kind: 'owner' })).rejects.toThrow();
    await grantClientAccess(t.db, { clientId: annasClient, userId: anna.user.id, kind: 'shared' });
    expect(await accessOf(t.db, anna.user.id, annasClient)).toBe('owner');
  });

  it('revoking a share takes the client away', async () => {
    const client = uuidv7();
    await grantClientAccess(t.db, { clientId: client, userId: ben.user.id, kind: 'shared' });
    expect(await canReadClient(t.db, ben.user.id, client)).toBe(true);
    await revokeClientAccess(t.db, ben.user.id, client);
    expect(await canReadClient(t.db, ben.user.id, client)).toBe(false);
  });
});

describe('access routes', () => {
  it('GET /v1/access lists the caller’s clients', async () => {
    const res = await t.get('/v1/access', ben.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ clients: [{ clientId: bensClient, kind: 'owner' }] });
  });

  it('GET /v1/access/:clientId answers for own and shared clients', async () => {
    expect(await (await t.get(`/v1/access/${annasClient}`, anna.token)).json()).toEqual({ clientId: annasClient, kind: 'owner' });
    expect(await (await t.get(`/v1/access/${sharedWithAnna}`, anna.token)).json()).toEqual({ clientId: sharedWithAnna, kind: 'shared' });
  });

  it('answers the same 404 for someone else’s client and for one that does not exist', async () => {
    const foreign = await t.get(`/v1/access/${bensClient}`, anna.token);
    const missing = await t.get(`/v1/access/${nobodysClient}`, anna.token);
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    const [a, b] = [await foreign.json(), await missing.json()];
    expect(a).toEqual({ error: 'not_found', message: 'No such client.' });
    expect(b).toEqual(a);
  });

  it('needs a device token', async () => {
    expect((await t.get('/v1/access')).status).toBe(401);
    expect((await t.get(`/v1/access/${annasClient}`)).status).toBe(401);
  });
});
