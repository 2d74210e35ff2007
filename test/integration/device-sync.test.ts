// The device's half of sync on a real encrypted book: what a refusal takes
// back, what waits behind unsent changes, what a tombstone removes.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '#core/hlc.ts';
import { getClient, listClients } from '#db/queries.ts';
import { readSyncedState } from '#db/records.ts';
import { applyPulled, finishResync, nextBatch, refused, resyncing, startResync, syncCursor, takeResults } from '#db/sync.ts';
import { openTestStore } from '../support/book.ts';

let t: ReturnType<typeof openTestStore>;
let clock = 1_800_000_000_000;
beforeEach(() => { t = openTestStore({ now: () => clock++ }); });
afterEach(() => t.close());

const backendStamp = (wallOffset: number) => formatHlc({ wall: clock + wallOffset, counter: 0, node: 'backend' });
const page = (n = 0) => ({ cursor: `c${n}`, hlc: backendStamp(0) });

function newClient(fields: Record<string, unknown> = {}) {
  const id = uuidv7();
  t.store.mutate('client.create', { id, firstName: 'Jürgen', lastName: 'Müller', email: 'j@web.de', ...fields });
  return id;
}
const acceptAll = () => takeResults(t.store, nextBatch(t.store, 100).map((m) => ({ seq: m.seq, status: 'applied' as const })), clock);

describe('the backend refuses a change', () => {
  it('takes the change back, lists it with the reason, and lets the rest through', () => {
    const id = newClient();
    acceptAll();
    t.store.mutate('client.update', { id, patch: { email: 'new@web.de' } });
    t.store.mutate('client.update', { id, patch: { city: 'Köln' } });
    const [bad, good] = nextBatch(t.store, 10);
    takeResults(t.store, [
      { seq: bad!.seq, status: 'rejected', code: 'not_found', message: 'No such client.' },
      { seq: good!.seq, status: 'applied' },
    ], clock);
    const client = getClient(t.store.db, id)!.client;
    expect(client.email).toBe('j@web.de');
    expect(client.city).toBe('Köln');
    expect(refused(t.store)).toMatchObject([{ seq: bad!.seq, name: 'client.update', code: 'not_found', message: 'No such client.' }]);
    expect(nextBatch(t.store, 10)).toEqual([]);
  });

  it('removes a refused new client together with the refused changes built on it', () => {
    const id = newClient();
    const meeting = uuidv7();
    t.store.mutate('meeting.start', { id: meeting, clientId: id });
    t.store.mutate('answer.set', { clientId: id, meetingId: meeting, attribute: 'tech_affinity', value: 'high', answeredBy: 'client' });
    const batch = nextBatch(t.store, 10);
    takeResults(t.store, batch.map((m) => ({ seq: m.seq, status: 'rejected' as const, code: 'not_found', message: 'No such client.' })), clock);
    expect(getClient(t.store.db, id)).toBeNull();
    expect(refused(t.store)).toHaveLength(3);
  });

  it('does not take back a later change to the same field', () => {
    const id = newClient();
    acceptAll();
    t.store.mutate('client.update', { id, patch: { city: 'Bonn' } });
    t.store.mutate('client.update', { id, patch: { city: 'Köln' } });
    const [first, second] = nextBatch(t.store, 10);
    takeResults(t.store, [{ seq: first!.seq, status: 'rejected', code: 'invalid_value', message: 'x' }, { seq: second!.seq, status: 'applied' }], clock);
    expect(getClient(t.store.db, id)!.client.city).toBe('Köln');
  });
});

describe('the next batch to push', () => {
  it('stays under the size the backend accepts, however long the notes', () => {
    const id = newClient();
    for (let i = 0; i < 120; i++) t.store.mutate('client.update', { id, patch: { notes: `${i} ${'Ausführliche Notiz. '.repeat(490)}` } });
    const batch = nextBatch(t.store, 200);
    expect(batch.length).toBeGreaterThan(1);
    expect(batch.length).toBeLessThan(121);
    expect(Buffer.byteLength(JSON.stringify({ mutations: batch }))).toBeLessThan(1024 * 1024);
    expect(batch[0]!.name).toBe('client.create');
  });
});

describe('pulled changes', () => {
  it('merge field by field: a newer value replaces, an older one does not', () => {
    const id = newClient({ city: 'Bonn' });
    acceptAll();
    const mine = readSyncedState(t.store.db, 'clients', id)!;
    applyPulled(t.store, [{
      entity: 'clients', id, clientId: id,
      state: { fields: { city: 'Köln', phone: '0221 123' }, stamps: { city: backendStamp(-1e9), phone: backendStamp(5) } },
    }], page(1), clock);
    const client = getClient(t.store.db, id)!.client;
    expect(client.city).toBe('Bonn');
    expect(client.phone).toBe('0221 123');
    expect(mine.stamps.city! < readSyncedState(t.store.db, 'clients', id)!.stamps.phone!).toBe(true);
    expect(syncCursor(t.store)).toBe('c1');
  });

  it('wait while the client has unsent changes, so the advisor keeps seeing their own writes', () => {
    const id = newClient();
    acceptAll();
    t.store.mutate('client.update', { id, patch: { city: 'Bonn' } });
    applyPulled(t.store, [{
      entity: 'clients', id, clientId: id,
      state: { fields: { city: 'Köln', phone: '0221 123' }, stamps: { city: backendStamp(10), phone: backendStamp(10) } },
    }], page(2), clock);
    expect(getClient(t.store.db, id)!.client).toMatchObject({ city: 'Bonn', phone: null });
    acceptAll();
    // The backend's newer city wins now that nothing is unsent; its phone arrives too.
    expect(getClient(t.store.db, id)!.client).toMatchObject({ city: 'Köln', phone: '0221 123' });
  });

  it('make later local changes sort after what was seen, even on a laptop whose clock is a week slow', () => {
    const id = newClient();
    acceptAll();
    const seen = backendStamp(7 * 24 * 3600_000);
    applyPulled(t.store, [], { cursor: 'c3', hlc: seen }, clock);
    t.store.mutate('client.update', { id, patch: { city: 'Bonn' } });
    const [m] = nextBatch(t.store, 1);
    expect(m!.hlc > seen).toBe(true);
  });

  // Up to the few minutes the backend accepts (core/sync/clock.ts): anything further ahead it holds back.
  it('make later local changes sort after a pulled change from a laptop whose clock runs a few minutes fast', () => {
    const id = newClient();
    acceptAll();
    const fast = formatHlc({ wall: clock + 4 * 60_000, counter: 3, node: 'other-laptop' });
    applyPulled(t.store, [{ entity: 'clients', id, clientId: id, state: { fields: { city: 'Köln' }, stamps: { city: fast } } }], page(6), clock);
    t.store.mutate('client.update', { id, patch: { city: 'Bonn' } });
    expect(nextBatch(t.store, 1)[0]!.hlc > fast).toBe(true);
  });

  it('remove a client and everything about it on a tombstone', () => {
    const id = newClient();
    const meeting = uuidv7();
    t.store.mutate('meeting.start', { id: meeting, clientId: id });
    acceptAll();
    applyPulled(t.store, [
      { entity: 'meetings', id: meeting, clientId: id, state: null },
      { entity: 'clients', id, clientId: id, state: null },
    ], page(4), clock);
    expect(getClient(t.store.db, id)).toBeNull();
    expect(t.store.sqlite.prepare('SELECT count(*) AS n FROM touchpoints WHERE client_id = ?').get(id)).toEqual({ n: 0 });
  });

  it('create records the device has not seen, parents first whatever the order', () => {
    const id = uuidv7();
    const meeting = uuidv7();
    const s = backendStamp(1);
    applyPulled(t.store, [
      { entity: 'meetings', id: meeting, clientId: id, state: { fields: { clientId: id, advisorId: 'u', startedAt: clock, endedAt: null, reason: null, wishes: null, riskSituation: null, notes: null, deletedAt: null }, stamps: {} } },
      { entity: 'clients', id, clientId: id, state: { fields: { ownerId: 'u', firstName: 'Ida', lastName: 'Özdemir', email: null, phone: null, street: null, postalCode: null, city: null, birthDate: null, householdSize: null, household: null, notes: null, lastContactAt: null, deletedAt: null }, stamps: { firstName: s } } },
    ], page(5), clock);
    expect(getClient(t.store.db, id)!.client.lastName).toBe('Özdemir');
  });
});

describe('erasure', () => {
  const everything = (name: string) => {
    // Every text column of every table, where anything of the client could hide.
    const tables = t.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'client_search%'").all() as { name: string }[];
    return tables.flatMap(({ name: table }) => (t.store.sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
      .filter((row) => JSON.stringify(row).includes(name)).map(() => table));
  };

  it('erasing a client here removes everything about them; their unsent changes keep their place, emptied', () => {
    const id = newClient({ lastName: 'Quandt' });
    t.store.mutate('meeting.start', { id: uuidv7(), clientId: id });
    t.store.mutate('task.add', { id: uuidv7(), clientId: id, title: 'Quandt anrufen' });
    const other = newClient({ lastName: 'Bauer' });
    const before = nextBatch(t.store, 100).map((m) => m.seq);
    expect(everything('Quandt')).toEqual(expect.arrayContaining(['clients', 'outbox', 'tasks']));

    t.store.mutate('client.erase', { id });
    expect(getClient(t.store.db, id)).toBeNull();
    expect(everything('Quandt')).toEqual([]);
    expect(listClients(t.store.db, t.store.sqlite, { query: 'quandt', offset: 0, limit: 10 }).total).toBe(0);
    const batch = nextBatch(t.store, 100);
    // Same sequence numbers as before plus the erasure: the backend sees no gap.
    expect(batch.map((m) => m.seq)).toEqual([...before, before.at(-1)! + 1]);
    expect(batch.filter((m) => m.name === 'purged')).toHaveLength(3);
    expect(batch.at(-1)).toMatchObject({ name: 'client.erase', args: { id } });
    expect(getClient(t.store.db, other)!.client.lastName).toBe('Bauer');
  });

  it('an erasure from elsewhere purges the client at once, unsent changes and waiting pulls included', () => {
    const id = newClient({ lastName: 'Quandt' });
    acceptAll();
    t.store.mutate('client.update', { id, patch: { notes: 'Quandt zieht nach Bonn' } });
    applyPulled(t.store, [{ entity: 'clients', id, clientId: id, state: { fields: { city: 'Köln' }, stamps: { city: backendStamp(5) } } }], page(7), clock);
    applyPulled(t.store, [
      { entity: 'touchpoints', id: uuidv7(), clientId: id, state: { fields: { summary: 'Quandt' }, stamps: {} } },
      { entity: 'clients', id, clientId: id, state: null },
    ], page(8), clock);
    expect(getClient(t.store.db, id)).toBeNull();
    expect(everything('Quandt')).toEqual([]);
    expect(nextBatch(t.store, 10).map((m) => m.name)).toEqual(['purged']);
  });

  it('refuses to erase a client that is not there, and changes nothing', () => {
    const id = newClient();
    const before = nextBatch(t.store, 100);
    expect(() => t.store.mutate('client.erase', { id: uuidv7() })).toThrow(/not found|client/i);
    expect(() => t.store.mutate('client.erase', { id: 'not-an-id' } as never)).toThrow();
    expect(nextBatch(t.store, 100)).toEqual(before);
    expect(getClient(t.store.db, id)).not.toBeNull();
  });
});

describe('a full resync', () => {
  it('removes what the backend no longer has, keeps what has unsent changes, and starts from the beginning', () => {
    const kept = newClient({ lastName: 'Bleibt' });
    const gone = newClient({ lastName: 'Weg' });
    const busy = newClient({ lastName: 'Offen' });
    t.store.mutate('task.add', { id: uuidv7(), clientId: kept, title: 'Weg damit' });
    acceptAll();
    setCityOf(busy, 'Bonn');
    applyPulled(t.store, [], page(9), clock);

    startResync(t.store);
    expect(resyncing(t.store)).toBe(true);
    expect(syncCursor(t.store)).toBeNull();
    // The backend sends the book again: only the one client, without the task.
    applyPulled(t.store, [{ entity: 'clients', id: kept, clientId: kept, state: readSyncedState(t.store.db, 'clients', kept) }], page(10), clock);
    expect(finishResync(t.store, clock)).toBe(2);

    expect(getClient(t.store.db, kept)!.tasks).toEqual([]);
    expect(getClient(t.store.db, gone)).toBeNull();
    expect(getClient(t.store.db, busy)!.client.city).toBe('Bonn');
    expect(resyncing(t.store)).toBe(false);
  });
});

function setCityOf(id: string, city: string) {
  t.store.mutate('client.update', { id, patch: { city } });
}
