// Sync over a hostile wire, device and backend both real: nothing lost,
// nothing applied twice, one bad change never blocks the rest.
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantClientAccess, revokeClientAccess } from '#backend/access.ts';
import { revokeDevice } from '#backend/people.ts';
import { getClient } from '#db/queries.ts';
import { outbox } from '#db/schema.ts';
import { applyPulled } from '#db/sync.ts';
import { BackendLink } from '#services/sync/link.ts';
import { eq } from 'drizzle-orm';
import { newClient, setCity } from './support.ts';
import { DAY, startWorld, syncUntilDone, type World } from './world.ts';

let w: World;
beforeEach(async () => { w = await startWorld(); });
afterEach(async () => { await w.close(); });

const count = async (table: string, where = sql`true`) =>
  (await w.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${where}`))[0]!.n;

describe('sync reliability', () => {
  it('a push replayed after a lost response is applied once', async () => {
    const anna = await w.person('Anna Berger');
    let dropped = false;
    const laptop = await w.device(anna.id, 'Laptop', {
      faults: (path) => (path === '/v1/push' && !dropped ? ((dropped = true), { kind: 'drop_response' }) : { kind: 'pass' }),
    });
    const id = newClient(laptop.store);
    setCity(laptop.store, id, 'Köln');
    await laptop.engine.syncOnce();
    // The backend applied both, but the laptop never heard: for it they are still unsent.
    expect(laptop.engine.getStatus()).toMatchObject({ phase: 'offline', problem: 'offline' });
    expect(laptop.store.pendingCount()).toBe(2);
    const results = await w.query(sql`SELECT seq::int AS seq, status FROM mutation_results ORDER BY seq`);
    expect(results).toEqual([{ seq: 1, status: 'applied' }, { seq: 2, status: 'applied' }]);
    const logBefore = await w.query(sql`SELECT * FROM change_log ORDER BY 1`);
    const heldBefore = await w.backendSnapshot(anna.id);

    await syncUntilDone(laptop);
    expect(laptop.store.pendingCount()).toBe(0);
    // What went wrong is gone with the message once a round succeeds.
    expect(laptop.engine.getStatus().problem).toBeNull();
    // Sent again, the changes were answered from what was kept, not applied twice: results, change log and records as before.
    expect(await w.query(sql`SELECT seq::int AS seq, status FROM mutation_results ORDER BY seq`)).toEqual(results);
    expect(await w.query(sql`SELECT * FROM change_log ORDER BY 1`)).toEqual(logBefore);
    expect(await w.backendSnapshot(anna.id)).toEqual(heldBefore);
    expect(await w.backendSnapshot(anna.id)).toEqual(laptop.snapshot());
  });

  it('a change saved while a round is running is sent right after it, not at the next interval', async () => {
    const anna = await w.person('Anna Berger');
    // The pull is slow, so the change below is saved in the middle of a round.
    const laptop = await w.device(anna.id, 'Laptop', {
      faults: (path) => (path === '/v1/pull' ? { kind: 'delay', ms: 1500 } : { kind: 'pass' }),
      sync: { intervalMs: 600_000 },
    });
    laptop.store.onCommit(() => laptop.engine.nudge());
    laptop.engine.start();
    await expect.poll(() => laptop.engine.getStatus().phase, { interval: 20 }).toBe('syncing');
    const id = newClient(laptop.store);
    await expect.poll(async () => (await w.backendSnapshot(anna.id))[`clients/${id}`]?.lastName, { timeout: 8_000 }).toBe('Müller');
  });

  it('a duplicated push, and a stale copy arriving after later pushes, change nothing twice', async () => {
    const anna = await w.person('Anna Berger');
    const laptop = await w.device(anna.id, 'Laptop', {
      faults: (path, n) => (path !== '/v1/push' ? { kind: 'pass' } : n % 2 === 0 ? { kind: 'duplicate' } : { kind: 'replay_later', ms: 300 }),
    });
    const id = newClient(laptop.store);
    for (const city of ['Bonn', 'Köln', 'Aachen']) {
      setCity(laptop.store, id, city);
      await syncUntilDone(laptop);
    }
    await laptop.proxy!.settle();
    expect(await count('mutation_results')).toBe(4);
    expect((await w.backendSnapshot(anna.id))[`clients/${id}`]!.city).toBe('Aachen');
    await syncUntilDone(laptop);
    expect(getClient(laptop.store.db, id)!.client.city).toBe('Aachen');
  });

  it('an invalid write is rejected, reverted locally and does not block the rest', async () => {
    const anna = await w.person('Anna Berger');
    const ben = await w.person('Ben Kaya');
    const annas = await w.device(anna.id, 'Annas Laptop');
    const bens = await w.device(ben.id, 'Bens Laptop');
    const annaClient = newClient(annas.store, { lastName: 'Schäfer' });
    await syncUntilDone(annas);

    // A tampered book on Ben's laptop claims Anna's client id for a client of its own.
    newClient(bens.store, { lastName: 'Fake' }, annaClient);
    const own = newClient(bens.store, { lastName: 'Yilmaz' });
    await syncUntilDone(bens);

    const status = bens.engine.getStatus();
    expect(status.phase).toBe('needs_attention');
    expect(status.refused).toMatchObject([{ name: 'client.create', code: 'not_found', message: 'No such client.' }]);
    expect(getClient(bens.store.db, annaClient)).toBeNull();
    expect(getClient(bens.store.db, own)!.client.lastName).toBe('Yilmaz');
    expect(Object.keys(await w.backendSnapshot(ben.id))).toEqual([`clients/${own}`]);
    expect((await w.backendSnapshot(anna.id))[`clients/${annaClient}`]!.lastName).toBe('Schäfer');
  });

  it('a sequence gap is refused and nothing after it is applied', async () => {
    const anna = await w.person('Anna Berger');
    const laptop = await w.device(anna.id, 'Laptop');
    const id = newClient(laptop.store);
    // What the backend must hold afterwards: the client as created, nothing of the changes after the gap.
    const created = laptop.snapshot();
    setCity(laptop.store, id, 'Bonn');
    setCity(laptop.store, id, 'Köln');
    // A damaged outbox: the middle change is gone.
    const [, middle] = laptop.store.db.select().from(outbox).all();
    laptop.store.db.delete(outbox).where(eq(outbox.seq, middle!.seq)).run();
    await laptop.engine.syncOnce();

    expect(laptop.engine.getStatus().phase).toBe('needs_attention');
    expect(laptop.engine.getStatus().message).toMatch(/gap|sequence|expected/i);
    expect(await w.query(sql`SELECT seq::int AS seq, status FROM mutation_results ORDER BY seq`)).toEqual([{ seq: 1, status: 'applied' }]);
    expect(await w.backendSnapshot(anna.id)).toEqual(created);
  });

  it('a device always sees its own writes while its outbox is not empty', async () => {
    const anna = await w.person('Anna Berger');
    const laptop = await w.device(anna.id, 'Laptop');
    const tablet = await w.device(anna.id, 'Tablet');
    const id = newClient(laptop.store);
    await syncUntilDone(laptop);
    await syncUntilDone(tablet);

    setCity(laptop.store, id, 'Bonn');
    setCity(tablet.store, id, 'Köln');
    await syncUntilDone(tablet);
    // The laptop pulls before its own change is through: it keeps showing its own city.
    const link = new BackendLink({ url: laptop.store.readState('backend_url')!, token: laptop.store.readState('device_token')! });
    const page = await link.pull(null, 100);
    applyPulled(laptop.store, page.records, page, Date.now());
    expect(getClient(laptop.store.db, id)!.client.city).toBe('Bonn');

    await syncUntilDone(laptop);
    await syncUntilDone(tablet);
    // Both made their change without seeing the other's: the later stamp wins, on both.
    expect(getClient(laptop.store.db, id)!.client.city).toBe('Köln');
    expect(laptop.snapshot()).toEqual(tablet.snapshot());
  });

  it('a task added elsewhere is not lost when it arrives while the advisor is editing its client', async () => {
    const anna = await w.person('Anna Berger');
    let typeNow: (() => void) | null = null;
    const laptop = await w.device(anna.id, 'Laptop', {
      faults: (path) => { if (path === '/v1/pull' && typeNow) { typeNow(); typeNow = null; } return { kind: 'pass' }; },
    });
    const tablet = await w.device(anna.id, 'Tablet');
    const id = newClient(laptop.store);
    await syncUntilDone(laptop);
    await syncUntilDone(tablet);
    tablet.store.mutate('task.add', { id: uuidv7(), clientId: id, title: 'Angebot schicken' });
    await syncUntilDone(tablet);

    // The advisor types into the client while the laptop's pull, carrying the task, is on the wire.
    typeNow = () => setCity(laptop.store, id, 'Bonn');
    await laptop.engine.syncOnce();
    expect(getClient(laptop.store.db, id)!.client.city).toBe('Bonn');
    await syncUntilDone(laptop);
    expect(getClient(laptop.store.db, id)!.tasks.map((t) => t.title)).toEqual(['Angebot schicken']);
    expect(laptop.snapshot()).toEqual(await w.backendSnapshot(anna.id));
  });

  it('an erasure made while another device is offline leaves no personal data anywhere and nothing comes back', async () => {
    const anna = await w.person('Anna Berger');
    const laptop = await w.device(anna.id, 'Laptop');
    const tablet = await w.device(anna.id, 'Tablet');
    const id = newClient(laptop.store, { lastName: 'Quandt', email: 'greta@quandt.example' });
    laptop.store.mutate('task.add', { id: uuidv7(), clientId: id, title: 'Quandt zurückrufen' });
    const other = newClient(laptop.store, { lastName: 'Bauer' });
    await syncUntilDone(laptop);
    await syncUntilDone(tablet);
    expect(getClient(tablet.store.db, id)).not.toBeNull();

    // The tablet is offline and keeps working on her; meanwhile the laptop erases her at her request.
    setCity(tablet.store, id, 'Quandtstadt');
    laptop.store.mutate('client.erase', { id });
    await syncUntilDone(laptop);
    const personal = sql`fields::text LIKE '%Quandt%' OR fields::text LIKE '%quandt.example%'`;
    expect(await count('records', personal)).toBe(0);
    expect(await count('records', sql`client_id = ${id}`)).toBe(0);

    // The tablet comes back: its late change is dropped (and logged), and her tombstone purges its copy.
    await syncUntilDone(tablet);
    expect(getClient(tablet.store.db, id)).toBeNull();
    expect(await count('records', personal)).toBe(0);
    expect(w.log.text()).toContain('dropped late changes about erased clients');
    expect(w.log.text()).not.toContain('Quandt');
    for (const device of [laptop, tablet]) {
      const anywhere = device.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'client_search%'").all() as { name: string }[];
      for (const { name } of anywhere) {
        const rows = device.store.sqlite.prepare(`SELECT * FROM "${name}"`).all();
        expect(JSON.stringify(rows), `${device.name}: ${name}`).not.toMatch(/Quandt|quandt\.example/);
      }
      expect(getClient(device.store.db, other)).not.toBeNull();
    }

    // Nothing brings her back: not a re-creation under her id, not another device's first sync.
    newClient(tablet.store, { lastName: 'Quandt' }, id);
    await syncUntilDone(tablet);
    // Both of the tablet's changes about her are listed as dropped, newest first, with nothing of her in them.
    expect(tablet.engine.getStatus().refused).toMatchObject([{ name: 'client.create', code: 'client_erased', clientId: null }, { name: 'client.update', code: 'client_erased', clientId: null }]);
    expect(getClient(tablet.store.db, id)).toBeNull();
    expect(JSON.stringify(tablet.store.sqlite.prepare('SELECT * FROM outbox').all())).not.toContain('Quandt');
    const fresh = await w.device(anna.id, 'New laptop');
    await syncUntilDone(fresh);
    expect(getClient(fresh.store.db, id)).toBeNull();
    expect(await count('records', personal)).toBe(0);
    expect(fresh.snapshot()).toEqual(await w.backendSnapshot(anna.id));
  });

  it('a change to a client deleted on another device is refused, and the client\'s history stays as the backend keeps it (found by the soak)', async () => {
    const anna = await w.person('Anna Berger');
    const laptop = await w.device(anna.id, 'Laptop');
    const tablet = await w.device(anna.id, 'Tablet');
    const id = newClient(laptop.store);
    laptop.store.mutate('answer.set', { clientId: id, attribute: 'trust_anchor', value: 'self', answeredBy: 'client' });
    await syncUntilDone(laptop);
    await syncUntilDone(tablet);
    // The tablet deletes the client; the laptop, not yet knowing, edits it.
    tablet.store.mutate('client.delete', { id });
    setCity(laptop.store, id, 'Bonn');
    await syncUntilDone(tablet);
    await syncUntilDone(laptop);
    await syncUntilDone(laptop);

    expect(laptop.engine.getStatus().refused).toMatchObject([{ name: 'client.update', code: 'client_deleted' }]);
    // Deleted is not erased: the laptop keeps what the backend keeps (the client marked deleted, its answers), like the tablet.
    const backend = await w.backendSnapshot(anna.id);
    expect(backend[`answers/${id}:trust_anchor`]).toMatchObject({ value: 'self' });
    expect(laptop.snapshot()).toEqual(backend);
    expect(tablet.snapshot()).toEqual(backend);
  });

  it('a share taken back arrives as a tombstone: the device drops the client, its unsent change too', async () => {
    const anna = await w.person('Anna Berger');
    const ben = await w.person('Ben Kaya');
    const annas = await w.device(anna.id, 'Annas Laptop');
    const bens = await w.device(ben.id, 'Bens Laptop');
    const shared = newClient(annas.store, { lastName: 'Geteilt' });
    const own = newClient(bens.store, { lastName: 'Eigen' });
    await syncUntilDone(annas);
    await grantClientAccess(w.db, { clientId: shared, userId: ben.id, kind: 'shared' });
    await syncUntilDone(bens);
    expect(getClient(bens.store.db, shared)!.client.lastName).toBe('Geteilt');

    setCity(bens.store, shared, 'Bonn');
    await revokeClientAccess(w.db, ben.id, shared);
    const link = new BackendLink({ url: bens.store.readState('backend_url')!, token: bens.store.readState('device_token')! });
    const pulled = (await link.pull(bens.store.readState('sync_cursor') ?? null, 100)).records.filter((r) => r.clientId === shared);
    expect(pulled).toEqual([{ entity: 'clients', id: shared, clientId: shared, state: null }]);

    await syncUntilDone(bens);
    expect(getClient(bens.store.db, shared)).toBeNull();
    expect(JSON.stringify(bens.store.sqlite.prepare('SELECT * FROM outbox').all())).not.toContain('Bonn');
    expect(bens.engine.getStatus().refused).toMatchObject([{ name: 'client.update', code: 'not_found', clientId: null }]);
    expect(getClient(bens.store.db, own)!.client.lastName).toBe('Eigen');
    // Anna keeps her client, untouched by Ben's refused change.
    await syncUntilDone(annas);
    expect(getClient(annas.store.db, shared)!.client.city).toBeNull();

    // Shared again, it comes back to Ben whole.
    await grantClientAccess(w.db, { clientId: shared, userId: ben.id, kind: 'shared' });
    await syncUntilDone(bens);
    expect(getClient(bens.store.db, shared)!.client.lastName).toBe('Geteilt');
  });

  it('a revoked device stops syncing with a clear message and keeps what it holds', async () => {
    const anna = await w.person('Anna Berger');
    const laptop = await w.device(anna.id, 'Laptop');
    const id = newClient(laptop.store);
    await syncUntilDone(laptop);
    setCity(laptop.store, id, 'Bonn');
    const deviceId = laptop.store.readState('backend_device_id')!;
    await revokeDevice(w.db, deviceId, new Date());

    await laptop.engine.syncOnce();
    const status = laptop.engine.getStatus();
    expect(status.phase).toBe('revoked');
    expect(status.message).toMatch(/revoked.*enrol it again/i);
    // The UI says it in its own language from the kind.
    expect(status.problem).toBe('revoked');
    expect(status.nextAttemptAt).toBeNull();
    expect(getClient(laptop.store.db, id)!.client.city).toBe('Bonn');
    expect(laptop.store.pendingCount()).toBe(1);
    expect(await count('mutation_results')).toBe(1);
  });

  // Fast only within what the backend accepts (core/sync/clock.ts); slow by any amount.
  it('device clocks a few minutes fast or seven days slow change nothing', async () => {
    async function scenario(offsets: [number, number, number]) {
      const anna = await w.person(`Anna ${offsets.join('/')}`);
      const [a, b, c] = [
        await w.device(anna.id, 'A', { clockOffsetMs: offsets[0] }),
        await w.device(anna.id, 'B', { clockOffsetMs: offsets[1] }),
        await w.device(anna.id, 'C', { clockOffsetMs: offsets[2] }),
      ];
      const id = newClient(a.store, { lastName: 'Krämer' });
      await syncUntilDone(a);
      // Each edit is made after its device saw the one before: a chain, not a race.
      // The slow laptop (c) edits right after the fast one (b), and has the last word.
      const seen: string[] = [];
      for (const [device, city] of [[b, 'Bonn'], [c, 'Köln'], [a, 'Aachen'], [b, 'Berlin'], [c, 'Celle']] as const) {
        await syncUntilDone(device);
        setCity(device.store, id, city);
        await syncUntilDone(device);
        seen.push((await w.backendSnapshot(anna.id))[`clients/${id}`]!.city as string);
      }
      for (const d of [a, b, c]) await syncUntilDone(d);
      return { seen, everywhere: [a, b, c].map((d) => getClient(d.store.db, id)!.client.city) };
    }
    const honest = await scenario([0, 0, 0]);
    const skewed = await scenario([0, 4 * 60_000, -7 * DAY]);
    expect(honest).toEqual({ seen: ['Bonn', 'Köln', 'Aachen', 'Berlin', 'Celle'], everywhere: ['Celle', 'Celle', 'Celle'] });
    expect(skewed).toEqual(honest);
  });
});
