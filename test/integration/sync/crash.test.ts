// Real crashes: the app killed with SIGKILL in the middle of a push and of a
// pull, and the backend killed in the middle of its transactions. Afterwards
// both sides agree, sync resumes, and every change counts exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '#backend/db/connect.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import { getClient } from '#db/queries.ts';
import { SyncEngine } from '#services/sync/engine.ts';
import { databaseTarget, onPostgres } from '../backend/support.ts';
import { openTestStore } from '../../support/book.ts';
import { newClient, setCity } from './support.ts';
import { startWorld, syncUntilDone, type Device, type World } from './world.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the device's sync in its own process and kills it (SIGKILL) at the first line `when` accepts. */
async function killMidSync(device: Device, when: (pushed: number, pulled: number) => boolean): Promise<string[]> {
  device.store.close();
  const child = spawn(process.execPath, ['test/support/sync-child.ts', device.path, device.key.toString('hex')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const seen: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += String(d); });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      seen.push(line);
      const [word, pushed, pulled] = line.split(' ');
      if (word === 'progress' && when(Number(pushed), Number(pulled))) { child.kill('SIGKILL'); resolve(); }
      if (word === 'done') reject(new Error(`sync finished before it could be killed: ${seen.join(' | ')}`));
    });
    child.once('exit', (code, signal) => { if (signal !== 'SIGKILL') reject(new Error(`the device process ended by itself (${code}): ${stderr}`)); });
  });
  await exited;
  return seen;
}

const slowWire = { faults: () => ({ kind: 'delay' as const, ms: 60 }) };

describe('crashes of the app', () => {
  let w: World;
  beforeEach(async () => { w = await startWorld(); });
  afterEach(async () => { await w.close(); });

  it('killing the app (SIGKILL) mid-push leaves both sides consistent and sync resumes', async () => {
    const anna = await w.person('Anna Berger');
    const laptop = await w.device(anna.id, 'Laptop', slowWire);
    const ids = Array.from({ length: 40 }, (_, i) => newClient(laptop.store, { lastName: `Kunde ${i}` }));
    for (const id of ids) { setCity(laptop.store, id, 'Bonn'); setCity(laptop.store, id, 'Köln'); }
    const made = laptop.store.pendingCount();

    await killMidSync(laptop, (pushed) => pushed > 0);
    const partial = (await w.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM mutation_results`))[0]!.n;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(made);

    const restarted = w.reopen(laptop);
    await syncUntilDone(restarted);
    expect(restarted.store.pendingCount()).toBe(0);
    const results = await w.query<{ n: number; applied: number }>(sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'applied')::int AS applied FROM mutation_results`);
    expect(results[0]).toEqual({ n: made, applied: made });
    expect(restarted.snapshot()).toEqual(await w.backendSnapshot(anna.id));
    expect(getClient(restarted.store.db, ids[39]!)!.client.city).toBe('Köln');
  });

  it('killing the app (SIGKILL) mid-pull leaves its book whole and sync resumes', async () => {
    const anna = await w.person('Anna Berger');
    const laptop = await w.device(anna.id, 'Laptop');
    for (let i = 0; i < 60; i++) newClient(laptop.store, { lastName: `Kunde ${i}`, city: 'Bonn' });
    await syncUntilDone(laptop);
    const tablet = await w.device(anna.id, 'Tablet', slowWire);

    await killMidSync(tablet, (_pushed, pulled) => pulled > 0);
    const restarted = w.reopen(tablet);
    const half = Object.keys(restarted.snapshot()).length;
    expect(half).toBeGreaterThan(0);
    expect(half).toBeLessThan(60);
    await syncUntilDone(restarted);
    expect(restarted.snapshot()).toEqual(await w.backendSnapshot(anna.id));
    expect(restarted.store.pendingCount()).toBe(0);
  });
});

describe('crashes of the backend', () => {
  // PGlite runs inside the server's process and makes no promise about surviving SIGKILL mid-write; PostgreSQL does.
  it.runIf(onPostgres)('killing the backend mid-transaction never leaves a mutation\'s effects and its sequence number out of step [PostgreSQL only: PGlite is not crash-safe]', async () => {
    const target = await databaseTarget();
    const admin = await connect({ url: target.url });
    const book = openTestStore();
    let server: ChildProcess | null = null;
    try {
      const start = async () => {
        const child = spawn(process.execPath, ['backend/cli.ts'], { cwd: root, env: { ...process.env, DATABASE_URL: target.url, PORT: '0', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
        const url = await new Promise<string>((resolve, reject) => {
          createInterface({ input: child.stdout! }).on('line', (line) => {
            const entry = JSON.parse(line) as { msg?: string; url?: string };
            if (entry.msg === 'listening') resolve(entry.url!);
          });
          child.once('exit', () => reject(new Error('the backend ended before listening')));
        });
        return { child, url };
      };
      const first = await start();
      server = first.child;
      const anna = await createUser(admin.db, { displayName: 'Anna Berger', roles: ['advisor'] }, new Date());
      const { code } = await issueEnrolmentCode(admin.db, anna.id, new Date());
      const engine = new SyncEngine(book.store, { batchSize: 500 });
      await engine.enrol(first.url, code, 'Laptop');
      const ids = Array.from({ length: 150 }, (_, i) => newClient(book.store, { lastName: `Kunde ${i}` }));
      for (const id of ids) { setCity(book.store, id, `A-${id}`); setCity(book.store, id, `B-${id}`); }

      const syncing = engine.syncOnce();
      // Kill once the backend is well into the batch: some mutations done, more in flight.
      for (;;) {
        const [{ n }] = (await admin.db.execute(sql`SELECT count(*)::int AS n FROM mutation_results`) as unknown as { rows: { n: number }[] }).rows as [{ n: number }];
        if (n >= 20) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      server.kill('SIGKILL');
      await syncing;
      expect(engine.getStatus().phase).toBe('offline');

      // What the dead backend left: the device's sequence number and the effects agree, mutation by mutation.
      const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
      const [device] = rows<{ last_seq: number }>(await admin.db.execute(sql`SELECT last_seq::int FROM devices`));
      expect(device!.last_seq).toBeGreaterThanOrEqual(20);
      expect(device!.last_seq).toBeLessThan(450);
      const results = rows<{ seq: number }>(await admin.db.execute(sql`SELECT seq::int FROM mutation_results ORDER BY seq`));
      expect(results.map((r) => r.seq)).toEqual(Array.from({ length: device!.last_seq }, (_, i) => i + 1));
      const cities = new Map(rows<{ id: string; city: string | null }>(await admin.db.execute(sql`SELECT id, fields->>'city' AS city FROM records WHERE entity = 'clients'`)).map((r) => [r.id, r.city]));
      // Outbox order: 150 creates, then per client A then B.
      const expected = new Map<string, string | null>();
      for (let seq = 1; seq <= device!.last_seq; seq++) {
        if (seq <= 150) expected.set(ids[seq - 1]!, null);
        else { const k = seq - 151; const id = ids[Math.floor(k / 2)]!; expected.set(id, `${k % 2 === 0 ? 'A' : 'B'}-${id}`); }
      }
      expect(cities).toEqual(expected);

      const second = await start();
      server = second.child;
      // Same backend, new address (port 0): the device is told where it is now.
      book.store.writeState('backend_url', second.url);
      for (let i = 0; i < 5 && book.store.pendingCount() > 0; i++) await engine.syncOnce();
      expect(book.store.pendingCount()).toBe(0);
      const final = rows<{ n: number }>(await admin.db.execute(sql`SELECT count(*)::int AS n FROM mutation_results WHERE status = 'applied'`));
      expect(final[0]!.n).toBe(450);
      expect(getClient(book.store.db, ids[149]!)!.client.city).toBe(`B-${ids[149]}`);
    } finally {
      server?.kill('SIGKILL');
      book.close();
      await admin.close();
      await target.cleanup();
    }
  }, 120_000);
});
