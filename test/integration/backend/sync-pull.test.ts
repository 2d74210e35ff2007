// Pulling changes page by page from a cursor: each change once, in order, and
// never skipping one whose transaction commits after a later one.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHlc } from '#core/hlc.ts';
import { fieldsOf, newClient, workstation } from './sync-support.ts';
import { onPostgres, testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
beforeAll(async () => { t = await testBackend(); });
afterAll(async () => { await t?.dispose(); });

async function advisorWithClients(name: string, n: number) {
  const w = workstation(t, await t.device(name));
  const clients = Array.from({ length: n }, (_, i) => newClient('Seite', `Nummer ${i + 1}`));
  await w.pushApplied(...clients.map((c) => w.mutation('client.create', c)));
  return { w, ids: clients.map((c) => c.id) };
}

describe('pull', () => {
  it('pages through changes with limit and more: each once, in the order made, none skipped', async () => {
    const { w, ids } = await advisorWithClients('Paula Seiten', 7);
    const pages = [];
    for (;;) {
      const { status, body } = await w.pull({ limit: 3 });
      expect(status).toBe(200);
      pages.push(body);
      if (!body.more) break;
    }
    expect(pages.map((p) => [p.records.length, p.more])).toEqual([[3, true], [3, true], [1, false]]);
    expect(pages.flatMap((p) => p.records.map((r) => r.id))).toEqual(ids);
    // Nothing new: an empty page, and the cursor stays where it was.
    const { body: empty } = await w.pull({ limit: 3 });
    expect(empty).toMatchObject({ records: [], more: false, cursor: pages.at(-1)!.cursor });
    // Exactly a page's worth is not "more".
    const { body: whole } = await w.pull({ from: null, limit: 7 });
    expect([whole.records.length, whole.more]).toEqual([7, false]);
  });

  it('a record changed several times arrives once, as it is now', async () => {
    const { w, ids: [id] } = await advisorWithClients('Rita Neu', 1);
    await w.pushApplied(
      w.mutation('client.update', { id: id!, patch: { city: 'Bonn' } }),
      w.mutation('client.update', { id: id!, patch: { city: 'Köln', phone: '0221 1' } }),
    );
    const { body } = await w.pull({ from: null });
    expect(body.records).toHaveLength(1);
    expect(body.records[0]).toMatchObject({ entity: 'clients', id, clientId: id, state: { fields: { city: 'Köln', phone: '0221 1' } } });
  });

  it('tells the device the server’s clock, and a new device starts with nothing and a cursor to come back with', async () => {
    const w = workstation(t, await t.device('Sven Leer'));
    const first = await w.pull({ from: null });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ records: [], more: false, resync: false, cursor: expect.any(String) });
    expect(parseHlc(first.body.hlc)).toEqual({ wall: t.clock.now().getTime(), counter: 0, node: 'backend' });
    const client = newClient('Erste', 'Kundin');
    await w.pushApplied(w.mutation('client.create', client));
    const next = await w.pull({ from: first.body.cursor });
    expect(next.body.records.map((r) => r.id)).toEqual([client.id]);
  });

  it.runIf(onPostgres)('the cursor never skips a late-committed row: pulled once its transaction commits [PostgreSQL only: needs two connections]', async () => {
    const { w, ids: [early, late] } = await advisorWithClients('Lina Spät', 2);
    await w.pullAll();
    const before = w.cursor;
    const other = new pg.Client({ connectionString: t.database.target.url });
    await other.connect();
    try {
      // A long transaction elsewhere writes a change to one client, and stays open...
      await other.query('BEGIN');
      await other.query(`UPDATE records SET fields = fields || '{"city": "Spätdorf"}' WHERE entity = 'clients' AND id = $1`, [early]);
      await other.query(`INSERT INTO change_log (entity, id, client_id) VALUES ('clients', $1, $2)`, [early, early]);
      // ...while a push about the other client commits.
      await w.pushApplied(w.mutation('client.update', { id: late!, patch: { city: 'Schnellstadt' } }));
      const during = await w.pull({ settle: false });
      expect(during.status).toBe(200);
      // Handing out the later change now would put the cursor past the open one.
      expect(during.body).toMatchObject({ records: [], cursor: before });
      await other.query('COMMIT');
    } finally {
      await other.end();
    }
    const after = await w.pullAll();
    expect(after.map((r) => r.id)).toEqual([early, late]);
    expect(fieldsOf(after, 'clients', early!)).toMatchObject({ city: 'Spätdorf' });
    expect(fieldsOf(after, 'clients', late!)).toMatchObject({ city: 'Schnellstadt' });
    expect(await w.pullAll()).toEqual([]);
  });
});
