// Handing a client to a life coach, end to end over HTTP: real encrypted
// books with the real sync engine against the backend (PostgreSQL when
// DATABASE_URL is set). The coach's device receives the client with
// everything recorded before the share, works on it, and drops it when the
// share is taken back; what may not be shared is refused on the device and
// again by the backend.
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUserRoles } from '#backend/people.ts';
import { DomainError } from '#core/errors.ts';
import { getClient } from '#db/queries.ts';
import { heldDirectory, storeDirectory } from '#services/sync/directory.ts';
import { newClient } from '../sync/support.ts';
import { startWorld, syncUntilDone, type Device, type World } from '../sync/world.ts';

let w: World;
let anna: { id: string };
let lena: { id: string };
let jonas: { id: string };
let ben: { id: string };
let annas: Device;
let lenas: Device;

/** The problem codes a change is refused with on the device. */
function refusedOnDevice(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.problems.map((p) => `${p.field}:${p.code}`);
    throw error;
  }
  throw new Error('the change was not refused');
}

/** A device's records of one client, keyed entity/id. */
const recordsOf = (device: Device, clientId: string) =>
  Object.fromEntries(Object.entries(device.snapshot()).filter(([key, fields]) => key === `clients/${clientId}` || fields.clientId === clientId));

async function sync(...devices: Device[]) {
  for (const d of devices) {
    await d.settle();
    await syncUntilDone(d);
  }
}

beforeAll(async () => {
  w = await startWorld();
  anna = await w.person('Anna Berger', ['advisor', 'life_coach']);
  lena = await w.person('Lena Hoffmann', ['life_coach']);
  jonas = await w.person('Jonas Weber', ['life_coach']);
  ben = await w.person('Ben Fischer', ['advisor']);
  annas = await w.device(anna.id, 'Annas Laptop');
  lenas = await w.device(lena.id, 'Lenas Laptop');
  await sync(annas, lenas);
}, 60_000);
afterAll(async () => { await w?.close(); });

describe('the directory of coaches', () => {
  it('comes with every sync: the coaches by name, nobody else, with when it came', async () => {
    const directory = heldDirectory(annas.store);
    // Anna coaches too; Ben, an advisor only, is not there.
    expect(directory?.people).toEqual([
      { id: anna.id, displayName: 'Anna Berger' }, { id: jonas.id, displayName: 'Jonas Weber' }, { id: lena.id, displayName: 'Lena Hoffmann' },
    ]);
    expect(directory!.updatedAt).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('sharing a client with a coach', () => {
  let client: string;
  const meeting = uuidv7();
  const mandate = uuidv7();

  it('brings the coach the client and everything recorded before, at the coach’s next sync', async () => {
    client = newClient(annas.store, { firstName: 'Greta', lastName: 'Quandt' });
    annas.store.mutate('consent.record', { id: uuidv7(), clientId: client, purpose: 'profiling', granted: true, method: 'written' });
    annas.store.mutate('meeting.start', { id: meeting, clientId: client, reason: 'Jahresgespräch' });
    annas.store.mutate('answer.set', { clientId: client, meetingId: meeting, attribute: 'tech_affinity', value: 'high', answeredBy: 'client' });
    annas.store.mutate('meeting.end', { id: meeting });
    annas.store.mutate('mandate.grant', {
      id: mandate, clientId: client, budgetCents: 20_000, period: 'month', areas: ['travel'], perPurchaseCapCents: 5_000, validFrom: '2026-01-01',
    });
    await sync(annas, lenas);
    // Lena's cursor is past all of it now, and she has nothing of the client.
    expect(recordsOf(lenas, client)).toEqual({});

    annas.store.mutate('client.share', { id: client, userId: lena.id });
    // The list says so at once on Anna's device, offline.
    expect(getClient(annas.store.db, client)!.client).toMatchObject({ sharedWith: [{ userId: lena.id, displayName: 'Lena Hoffmann' }], ownerName: 'Anna Berger' });
    await sync(annas, lenas);

    const hers = recordsOf(lenas, client);
    expect(hers).toEqual(recordsOf(annas, client));
    expect(Object.keys(hers)).toEqual(expect.arrayContaining([
      `clients/${client}`, `meetings/${meeting}`, `answers/${client}:tech_affinity`, `mandates/${mandate}`, `touchpoints/${meeting}`,
    ]));
    expect(lenas.snapshot()).toEqual(await w.backendSnapshot(lena.id));
    // Her device says whose client it is and that it is shared with her.
    expect(getClient(lenas.store.db, client)!.client).toMatchObject({ ownerId: anna.id, ownerName: 'Anna Berger', sharedWith: [{ userId: lena.id, displayName: 'Lena Hoffmann' }] });
  });

  it('lets the coach work on the client, and Anna sees it; only Anna decides who has the client', async () => {
    lenas.store.mutate('touchpoint.add', { id: uuidv7(), clientId: client, kind: 'call', channel: 'phone', occurredAt: Date.now() - 60_000, summary: 'Rückruf der Kundin' });
    await sync(lenas, annas);
    expect(getClient(annas.store.db, client)!.timeline.map((x) => x.summary)).toContain('Rückruf der Kundin');
    const pending = lenas.store.pendingCount();
    expect(refusedOnDevice(() => lenas.store.mutate('client.share', { id: client, userId: jonas.id }))).toEqual(['client:owner_only']);
    expect(refusedOnDevice(() => lenas.store.mutate('client.unshare', { id: client, userId: lena.id }))).toEqual(['client:owner_only']);
    expect(lenas.store.pendingCount()).toBe(pending);
  });

  it('taken back, the coach’s device drops the client and everything about them at its next sync', async () => {
    annas.store.mutate('client.unshare', { id: client, userId: lena.id });
    expect(getClient(annas.store.db, client)!.client.sharedWith).toEqual([]);
    await sync(annas, lenas);
    expect(getClient(lenas.store.db, client)).toBeNull();
    expect(recordsOf(lenas, client)).toEqual({});
    expect(lenas.snapshot()).toEqual(await w.backendSnapshot(lena.id));
    // Anna keeps it all.
    expect(getClient(annas.store.db, client)!.mandates).toHaveLength(1);
  });
});

describe('what may not be shared', () => {
  it('is refused on the device: someone not a coach, nobody, yourself; nothing is queued', async () => {
    const client = newClient(annas.store, { lastName: 'Bauer' });
    await sync(annas);
    const pending = annas.store.pendingCount();
    // Ben is an advisor, so the directory of coaches does not have him: the device knows no such coach.
    expect(refusedOnDevice(() => annas.store.mutate('client.share', { id: client, userId: ben.id }))).toEqual(['userId:not_found']);
    expect(refusedOnDevice(() => annas.store.mutate('client.share', { id: client, userId: uuidv7() }))).toEqual(['userId:not_found']);
    expect(refusedOnDevice(() => annas.store.mutate('client.share', { id: client, userId: anna.id }))).toEqual(['userId:share_with_self']);
    expect(refusedOnDevice(() => annas.store.mutate('client.unshare', { id: client, userId: anna.id }))).toEqual(['userId:share_with_self']);
    expect(refusedOnDevice(() => annas.store.mutate('client.share', { id: 'not-an-id', userId: lena.id } as never))).toEqual(['id:invalid_value']);
    expect(annas.store.pendingCount()).toBe(pending);
    expect(getClient(annas.store.db, client)!.client.sharedWith).toEqual([]);
  });

  it('a device whose directory was tampered with is refused by the backend, and takes its share back', async () => {
    const client = newClient(annas.store, { lastName: 'Keller' });
    await sync(annas);
    const held = heldDirectory(annas.store)!;
    storeDirectory(annas.store, [...held.people, { id: ben.id, displayName: 'Ben Fischer' }], held.updatedAt);
    annas.store.mutate('client.share', { id: client, userId: ben.id });
    expect(getClient(annas.store.db, client)!.client.sharedWith).toEqual([{ userId: ben.id, displayName: 'Ben Fischer' }]);
    await annas.settle();
    await annas.engine.syncOnce();
    expect(annas.engine.getStatus().refused).toMatchObject([{ name: 'client.share', clientId: client, code: 'not_a_coach' }]);
    // Undone on the device; and the next sync brings the true directory again.
    expect(getClient(annas.store.db, client)!.client.sharedWith).toEqual([]);
    expect(heldDirectory(annas.store)!.people.map((p) => p.id)).not.toContain(ben.id);
    expect(await w.query(sqlAccess(client))).toEqual([{ user_id: anna.id, kind: 'owner' }]);
    annas.engine.dismiss(annas.engine.getStatus().refused.map((r) => r.seq));
  });
});

describe('two of the owner’s devices sharing offline', () => {
  it('both coaches end up on the list and with the client, whichever device syncs first', async () => {
    const tablet = await w.device(anna.id, 'Annas Tablet');
    const client = newClient(annas.store, { lastName: 'Vogt' });
    await sync(annas, tablet);
    // The tablet shares first (the older stamp), the laptop later; the laptop's reaches the backend first.
    tablet.store.mutate('client.share', { id: client, userId: jonas.id });
    await new Promise((r) => setTimeout(r, 5));
    annas.store.mutate('client.share', { id: client, userId: lena.id });
    await sync(annas, tablet, annas);
    const both = [{ userId: lena.id, displayName: 'Lena Hoffmann' }, { userId: jonas.id, displayName: 'Jonas Weber' }];
    expect(getClient(annas.store.db, client)!.client.sharedWith).toEqual(both);
    expect(getClient(tablet.store.db, client)!.client.sharedWith).toEqual(both);
    expect(sortAccess(await w.query(sqlAccess(client)))).toEqual(sortAccess([
      { user_id: anna.id, kind: 'owner' }, { user_id: lena.id, kind: 'shared' }, { user_id: jonas.id, kind: 'shared' },
    ]));
  });
});

describe('roles the manufacturer changes', () => {
  it('reach the device with its next sync, and count for the changes made there', async () => {
    const client = newClient(annas.store, { lastName: 'Brandt' });
    const grant = () => annas.store.mutate('mandate.grant', {
      id: uuidv7(), clientId: client, budgetCents: 10_000, period: 'month', areas: ['travel'], perPurchaseCapCents: 1_000, validFrom: '2026-01-01',
    });
    await setUserRoles(w.db, anna.id, ['advisor']);
    // Until the device hears of it, it goes by the roles it has.
    expect(annas.engine.backendRoles()).toEqual(['advisor', 'life_coach']);
    await sync(annas);
    expect(annas.engine.backendRoles()).toEqual(['advisor']);
    expect(refusedOnDevice(grant)).toEqual(['role:role_not_allowed']);
    await setUserRoles(w.db, anna.id, ['advisor', 'life_coach']);
    await sync(annas);
    expect(annas.engine.backendRoles()).toEqual(['advisor', 'life_coach']);
    grant();
  });
});

const sqlAccess = (clientId: string) => sql`SELECT user_id, kind FROM client_access WHERE client_id = ${clientId} ORDER BY kind, user_id`;
const sortAccess = (rows: unknown[]) => [...(rows as { user_id: string; kind: string }[])].sort((a, b) => `${a.kind}${a.user_id}`.localeCompare(`${b.kind}${b.user_id}`));