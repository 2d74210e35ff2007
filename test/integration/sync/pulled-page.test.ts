// A pulled page is merged in bulk (its rows read per table at once, new rows
// inserted many per statement). The result must be exactly what merging its
// records one at a time gives: same rows, versions, stamps and search index.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, expect, it } from 'vitest';
import { formatHlc } from '#core/hlc.ts';
import type { PulledRecord } from '#core/sync/protocol.ts';
import { listClients } from '#db/queries.ts';
import { applyPulled } from '#db/sync.ts';
import { openTestStore } from '../../support/book.ts';

const at = 1_800_000_000_000;
const stamp = (n: number) => formatHlc({ wall: at + n, counter: 0, node: 'backend' });
const books: ReturnType<typeof openTestStore>[] = [];
afterEach(() => { for (const b of books.splice(0)) b.close(); });

function book() {
  const b = openTestStore({ now: () => at });
  books.push(b);
  return b;
}

function client(id: string, lastName: string, s: string): PulledRecord {
  const fields = { ownerId: 'u', firstName: 'Ida', lastName, email: null, city: 'Köln', notes: null, deletedAt: null };
  return { entity: 'clients', id, clientId: id, state: { fields, stamps: Object.fromEntries(Object.keys(fields).map((k) => [k, s])) } };
}

function touchpoint(clientId: string, summary: string, s: string): PulledRecord {
  const fields = { clientId, kind: 'call', channel: 'phone', direction: 'inbound', occurredAt: at, summary, recordedBy: 'u', deletedAt: null };
  return { entity: 'touchpoints', id: uuidv7(), clientId, state: { fields, stamps: Object.fromEntries(Object.keys(fields).map((k) => [k, s])) } };
}

/** Every row of the synced tables and the search index, with the device's own id taken out. */
function contents(b: ReturnType<typeof openTestStore>) {
  const all = (q: string) => b.store.sqlite.prepare(q).all();
  const dump = { clients: all('SELECT rowid, * FROM clients ORDER BY id'), touchpoints: all('SELECT * FROM touchpoints ORDER BY id'), search: all('SELECT rowid, * FROM client_search ORDER BY rowid') };
  return JSON.parse(JSON.stringify(dump).replaceAll(b.store.deviceId, 'device'));
}

it('merges a page in bulk exactly as record by record, children first in the page, a record twice, old and new rows mixed', () => {
  const known = uuidv7();
  const earlier = [client(known, 'Alt', stamp(1)), touchpoint(known, 'vorher', stamp(1))];
  const ids = Array.from({ length: 150 }, () => uuidv7());
  const fresh = ids.map((id, i) => client(id, `Neu ${i}`, stamp(2)));
  const children = ids.flatMap((id, i) => [touchpoint(id, `Anruf ${i}`, stamp(2)), touchpoint(id, `Rückruf ${i}`, stamp(3))]);
  // The same client twice: the second copy brings a newer city and an older name.
  const again = client(ids[0]!, 'Zu alt', stamp(0));
  again.state!.fields.city = 'Bonn';
  again.state!.stamps.city = stamp(9);
  const changed = client(known, 'Neu bekannt', stamp(5));
  const page = [...children, changed, ...fresh, again];

  const bulk = book();
  const single = book();
  for (const b of [bulk, single]) applyPulled(b.store, earlier, { cursor: 'c0', hlc: stamp(1) }, at);
  applyPulled(bulk.store, page, { cursor: 'c1', hlc: stamp(9) }, at);
  // One record per page, parents first (a child alone cannot come before its parent).
  const parentsFirst = [...page.filter((r) => r.entity === 'clients'), ...page.filter((r) => r.entity !== 'clients')];
  parentsFirst.forEach((r, i) => applyPulled(single.store, [r], { cursor: `s${i}`, hlc: stamp(9) }, at));

  expect(contents(bulk)).toEqual(contents(single));
  const rows = contents(bulk);
  expect(rows.clients).toHaveLength(151);
  expect(rows.touchpoints).toHaveLength(301);
  expect(rows.clients.find((c: { id: string }) => c.id === ids[0])).toMatchObject({ last_name: 'Neu 0', city: 'Bonn', version: 2 });
  expect(rows.clients.find((c: { id: string }) => c.id === known)).toMatchObject({ last_name: 'Neu bekannt', version: 2 });
  expect(listClients(bulk.store.db, bulk.store.sqlite, { query: 'neu 149', offset: 0, limit: 10 }).total).toBe(1);
});

it('keeps each open book to its own rows, although statements are prepared once per book', () => {
  const [a, b] = [book(), book()];
  const [x, y] = [uuidv7(), uuidv7()];
  applyPulled(a.store, [client(x, 'Nur A', stamp(1))], { cursor: 'a', hlc: stamp(1) }, at);
  applyPulled(b.store, [client(y, 'Nur B', stamp(1))], { cursor: 'b', hlc: stamp(1) }, at);
  applyPulled(a.store, [client(y, 'Auch A', stamp(2))], { cursor: 'a2', hlc: stamp(2) }, at);
  const names = (s: ReturnType<typeof openTestStore>) => s.store.sqlite.prepare('SELECT last_name FROM clients ORDER BY last_name').pluck().all();
  expect(names(a)).toEqual(['Auch A', 'Nur A']);
  expect(names(b)).toEqual(['Nur B']);
});
