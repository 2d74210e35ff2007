// What `npm start` gives a newcomer: browser mode with the real backend
// embedded beside it, enrolled on first start, with the demo book on both
// sides, so that editing a demo client syncs like any other change.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { clientAccess, records, users } from '#backend/db/schema.ts';
import * as host from '#host/start.ts';
import { startWithDemoBackend } from '../../build/demo-start.ts';
import { connect } from '../support/rpc.ts';
import { tempDir } from '../support/book.ts';

const staticDir = fileURLToPath(new URL('../../renderer', import.meta.url));
let dir: ReturnType<typeof tempDir>;
let running: Awaited<ReturnType<typeof startWithDemoBackend>> | null = null;
beforeEach(() => { dir = tempDir(); delete process.env.AW_BACKEND; });
afterEach(async () => { await running?.stop(); running = null; dir.cleanup(); });

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('npm start enrols with its embedded backend, hands it the demo book, and edits of demo clients sync', async () => {
  const dataDir = join(dir.dir, 'data');
  running = await startWithDemoBackend(host, { dataDir, staticDir, demoClients: 40, port: 0 });
  const client = await connect(running.url);
  expect((await client.sync.status()).phase).not.toBe('not_enrolled');
  await client.session.setup({ displayName: 'Anna Berger', roles: ['advisor'], locale: 'de', demoBook: true });

  await until('the backend holds the demo book', () => countBackendClients(running!), (n) => n === 40);
  await until('the first sync is through', () => client.sync.status(), (s) => s.phase === 'up_to_date' && s.lastSyncedAt !== null);
  // The demo advisor sells for the eco household shop, and the demo manufacturer signs in to the console.
  const [advisor] = await running.demo!.db.select().from(users).where(eq(users.id, running.demo!.advisorId));
  expect(advisor).toMatchObject({ roles: ['advisor', 'life_coach', 'retailer'], retailerId: 'retailer_oeko_haus' });
  const login = running.demo!.console;
  expect(login).toMatchObject({ url: `${running.demo!.url}/console`, user: 'Demo-Hersteller', password: expect.stringMatching(/^\S{12,}$/) });
  expect(statSync(join(dataDir, 'backend', 'console-password')).mode & 0o777).toBe(0o600);
  const signIn = await fetch(`${running.demo!.url}/console/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: login.user, password: login.password }) });
  expect(signIn.status).toBe(204);
  // The manufacturer's catalogue came down with it.
  const catalogue = running.workstation.store.sqlite.prepare("SELECT version FROM manufacturer_data WHERE kind = 'catalogue'").get() as { version: unknown } | undefined;
  expect(catalogue).toBeDefined();

  const { items } = await client.clients.list({ query: '', offset: 0, limit: 1 });
  const demoClient = items[0]!;
  await client.clients.update({ id: demoClient.id, patch: { city: 'Demostadt' } });
  const after = await client.sync.now();
  expect(after.phase).toBe('up_to_date');
  expect(after.refused).toEqual([]);
  expect(await backendCity(running, demoClient.id)).toBe('Demostadt');

  // Started again on the same folder: still enrolled, and it syncs.
  await running.stop();
  running = await startWithDemoBackend(host, { dataDir, staticDir, demoClients: 40, port: 0 });
  const again = await connect(running.url);
  // The sync it starts with runs first: a "sync now" during it answers before its own round.
  await until('the sync after the restart is through', () => again.sync.status(), (s) => s.phase === 'up_to_date');
  await again.clients.update({ id: demoClient.id, patch: { city: 'Neustadt' } });
  expect((await again.sync.now()).phase).toBe('up_to_date');
  expect(await backendCity(running, demoClient.id)).toBe('Neustadt');
  // The console password made on first start is kept.
  expect(running.demo!.console.password).toBe(login.password);
}, 120_000);

it('with AW_BACKEND=none it runs without a backend and says it is not connected', async () => {
  process.env.AW_BACKEND = 'none';
  running = await startWithDemoBackend(host, { dataDir: join(dir.dir, 'data'), staticDir, demoClients: 0, port: 0 });
  const client = await connect(running.url);
  expect((await client.sync.status()).phase).toBe('not_enrolled');
  expect(running.demo).toBeNull();
});

type Running = Awaited<ReturnType<typeof startWithDemoBackend>>;
async function countBackendClients(r: Running): Promise<number> {
  const rows = await r.demo!.db.select({ n: count() }).from(records)
    .innerJoin(clientAccess, and(eq(clientAccess.clientId, records.clientId), eq(clientAccess.userId, r.demo!.advisorId)))
    .where(eq(records.entity, 'clients'));
  return rows[0]!.n;
}
async function backendCity(r: Running, id: string): Promise<unknown> {
  const [row] = await r.demo!.db.select({ fields: records.fields }).from(records).where(and(eq(records.entity, 'clients'), eq(records.id, id)));
  return row?.fields.city;
}
