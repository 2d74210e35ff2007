// The server around the app: /health against a live, a closed and a hanging
// database; graceful shutdown; several instances on one database.
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '#backend/app.ts';
import { systemClock } from '#backend/clock.ts';
import type { BackendDb } from '#backend/db/connect.ts';
import { listen, startBackend } from '#backend/server.ts';
import { databaseTarget, memoryLogger, onPostgres, openTestDatabase, type DatabaseTarget, type TestDatabase } from './support.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(): Promise<TestDatabase> {
  const d = await openTestDatabase();
  cleanups.push(() => d.dispose());
  return d;
}

async function target(): Promise<DatabaseTarget> {
  const d = await databaseTarget();
  cleanups.push(() => d.cleanup());
  return d;
}

describe('/health', () => {
  it('is ok while the database answers, 503 once it is gone', async () => {
    const d = await database();
    const log = memoryLogger();
    const app = createApp({ db: d.db, logger: log.logger, clock: systemClock });
    const ok = await app.request('/health');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok', db: 'ok' });

    await d.close();
    const gone = await app.request('/health');
    expect(gone.status).toBe(503);
    expect(await gone.json()).toEqual({ status: 'unavailable', db: 'unreachable' });
    expect(log.lines().some((l) => l.msg === 'health check: database does not answer' && l.level === 40)).toBe(true);
  });

  it('is 503 when PostgreSQL refuses connections', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://aw:aw@127.0.0.1:1/aw', connectionTimeoutMillis: 2_000 });
    cleanups.push(() => pool.end());
    const app = createApp({ db: drizzle({ client: pool }) as unknown as BackendDb, logger: memoryLogger().logger, clock: systemClock });
    const res = await app.request('/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', db: 'unreachable' });
  });

  it('is 503 when the database hangs, after the timeout', async () => {
    const hanging = { execute: () => new Promise(() => {}) } as unknown as BackendDb;
    const app = createApp({ db: hanging, logger: memoryLogger().logger, clock: systemClock, healthTimeoutMs: 100 });
    const started = Date.now();
    const res = await app.request('/health');
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('graceful shutdown', () => {
  it('finishes a request in flight, refuses new connections, then resolves', async () => {
    const log = memoryLogger();
    const app = createApp({ db: {} as BackendDb, logger: log.logger, clock: systemClock });
    let release!: () => void;
    const released = new Promise<void>((r) => { release = r; });
    let arrived!: () => void;
    const hasArrived = new Promise<void>((r) => { arrived = r; });
    app.get('/slow', async (c) => {
      arrived();
      await released;
      return c.json({ finished: true });
    });
    const server = await listen(app, { port: 0, logger: log.logger });

    const inFlight = fetch(`${server.url}/slow`);
    await hasArrived;
    let closed = false;
    const closing = server.close().then(() => { closed = true; });
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(false);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();

    release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ finished: true });
    // The finished keep-alive connection is closed at once rather than left to time out.
    const finishedAt = Date.now();
    await closing;
    expect(closed).toBe(true);
    expect(Date.now() - finishedAt).toBeLessThan(1_000);
  });

  it('startBackend: close stops the server and closes the database', async () => {
    const t = await target();
    const backend = await startBackend({ databaseUrl: t.url, dataDir: t.dataDir, port: 0, logger: memoryLogger().logger });
    expect((await fetch(`${backend.url}/health`)).status).toBe(200);
    await backend.close();
    await expect(fetch(`${backend.url}/health`)).rejects.toThrow();
    await expect(backend.database.db.execute('SELECT 1')).rejects.toThrow();
    await backend.close();
  });

  it('cuts off requests still running after the grace period', async () => {
    const log = memoryLogger();
    const app = createApp({ db: {} as BackendDb, logger: log.logger, clock: systemClock });
    app.get('/forever', () => new Promise<Response>(() => {}));
    const server = await listen(app, { port: 0, logger: log.logger, graceMs: 200 });
    const stuck = fetch(`${server.url}/forever`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    await server.close();
    expect(await stuck).toBeInstanceOf(Error);
    expect(log.text()).toContain('cut off');
  });
});

describe('several instances on one PostgreSQL', () => {
  it.runIf(onPostgres)('start together (migrations serialised) and share everything through the database [runs only on PostgreSQL: set DATABASE_URL; PGlite is one process]', async () => {
    const t = await target();
    const [one, two] = await Promise.all([0, 1].map(() => startBackend({ databaseUrl: t.url, port: 0, logger: memoryLogger().logger })));
    cleanups.push(() => one!.close(), () => two!.close());
    const { createUser, issueEnrolmentCode } = await import('#backend/people.ts');
    const user = await createUser(one!.database.db, { displayName: 'Anna Berger', roles: ['advisor'] }, new Date());
    const { code } = await issueEnrolmentCode(one!.database.db, user.id, new Date());
    const enrol = await fetch(`${one!.url}/v1/enrol`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: 'Laptop' }),
    });
    const { token } = await enrol.json() as { token: string };
    // The token made on one instance works on the other; the code used on one is used on both.
    expect((await fetch(`${two!.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const again = await fetch(`${two!.url}/v1/enrol`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: 'Laptop' }),
    });
    expect(again.status).toBe(401);
  });
});
