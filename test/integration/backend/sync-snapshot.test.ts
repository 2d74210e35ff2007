// A book from the start after the log was trimmed comes from the records, page
// by page in entity order (parents first), then the log goes on. Its own
// database: the trim would change what the other pull tests see.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trimChangeLog } from '#backend/trim.ts';
import { newClient, settled, workstation } from './sync-support.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
beforeAll(async () => { t = await testBackend(); });
afterAll(async () => { await t?.dispose(); });

describe('pull from the start after a trim', () => {
  it('pages through every record once, clients before their holdings (entities ranked past 9 too), then follows the log', async () => {
    const w = workstation(t, await t.device('Tilo Trimm'));
    const clients = [newClient('Trimm', 'Eins'), newClient('Trimm', 'Zwei')];
    const holdings = clients.flatMap((c) => [1, 2].map(() => ({
      id: uuidv7(), clientId: c.id, productId: 'household_bike', since: '2025-01-01', yearlyPremiumCents: 12_000,
    })));
    await w.pushApplied(...clients.map((c) => w.mutation('client.create', c)), ...holdings.map((h) => w.mutation('holding.add', h)));
    await settled(t);
    expect((await trimChangeLog(t.db, new Date(Date.now() + 60_000), new Date())).removed).toBe(6);

    const pages = [];
    let cursor: string | null = null;
    do {
      const { status, body } = await w.pull({ from: cursor, limit: 1 });
      expect(status).toBe(200);
      pages.push(body);
      cursor = body.cursor;
    } while (pages.at(-1)!.more);
    const sorted = (ids: string[]) => [...ids].sort();
    expect(pages.flatMap((p) => p.records.map((r) => r.id)))
      .toEqual([...sorted(clients.map((c) => c.id)), ...sorted(holdings.map((h) => h.id))]);
    expect(pages.every((p) => !p.resync && p.records.every((r) => r.state !== null))).toBe(true);

    await w.pushApplied(w.mutation('client.update', { id: clients[0]!.id, patch: { city: 'Trier' } }));
    const { body: next } = await w.pull({ from: cursor });
    expect(next.records).toMatchObject([{ entity: 'clients', id: clients[0]!.id, state: { fields: { city: 'Trier' } } }]);
  });
});
