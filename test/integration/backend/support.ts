// The backend under test: a real PostgreSQL when DATABASE_URL is set (a fresh
// database per test file, dropped afterwards, so runs never meet), otherwise
// embedded PGlite in a temporary folder.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { createApp } from '#backend/app.ts';
import type { Clock } from '#backend/clock.ts';
import { connect, type BackendDatabase } from '#backend/db/connect.ts';
import { createLogger } from '#backend/log.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import type { BackendRole } from '#backend/roles.ts';

export const onPostgres = Boolean(process.env.DATABASE_URL);

export interface DatabaseTarget {
  /** Set on PostgreSQL. */
  url?: string;
  /** Set on PGlite. */
  dataDir?: string;
  cleanup(): Promise<void>;
}

export function tempFolder(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'aw-backend-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh, empty database to point the backend at; nothing is opened yet. */
export async function databaseTarget(): Promise<DatabaseTarget> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const { dir, cleanup } = tempFolder();
    return { dataDir: join(dir, 'data'), cleanup: async () => cleanup() };
  }
  const name = `aw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    cleanup: async () => {
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      try {
        // FORCE ends the test's leftover connections. An autovacuum worker in the database makes PostgreSQL 15
        // refuse it (42501) to a role without pg_signal_backend (build/postgres.sh grants it); elsewhere the
        // worker is done with a small test database within moments, so try again a few times.
        for (let attempt = 1; ; attempt++) {
          try {
            await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '42501' || attempt === 10) throw error;
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
      } finally {
        await dropper.end();
      }
    },
  };
}

export interface TestDatabase extends BackendDatabase { target: DatabaseTarget; dispose(): Promise<void> }

/** A fresh database, migrated and open. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const target = await databaseTarget();
  const database = await connect({ url: target.url, dataDir: target.dataDir });
  return {
    ...database,
    target,
    dispose: async () => {
      await database.close();
      await target.cleanup();
    },
  };
}

/** A clock the test moves by hand. */
export function testClock(start = Date.parse('2026-03-02T09:00:00Z')): Clock & { advance(ms: number): void; set(ms: number): void } {
  let t = start;
  return { now: () => new Date(t), advance: (ms) => { t += ms; }, set: (ms) => { t = ms; } };
}

/** A pino logger writing into memory, to read what would have been logged. */
export function memoryLogger() {
  const chunks: string[] = [];
  const destination = new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } });
  const logger = createLogger({ level: 'debug', destination });
  return {
    logger,
    text: () => chunks.join(''),
    lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** The app on a fresh database, with a test clock and an in-memory log. */
export async function testBackend() {
  const database = await openTestDatabase();
  const clock = testClock();
  const log = memoryLogger();
  const app = createApp({ db: database.db, logger: log.logger, clock });
  const db = database.db;

  async function person(displayName = 'Anna Berger', roles: BackendRole[] = ['advisor']) {
    return createUser(db, { displayName, roles }, clock.now());
  }
  async function code(userId: string) {
    return (await issueEnrolmentCode(db, userId, clock.now())).code;
  }
  async function enrol(codeValue: string, deviceName = 'Laptop') {
    return app.request('/v1/enrol', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: codeValue, deviceName }),
    });
  }
  /** A person with one enrolled device; returns the token and ids. */
  async function device(displayName = 'Anna Berger', roles: BackendRole[] = ['advisor']) {
    const user = await person(displayName, roles);
    const res = await enrol(await code(user.id), `${displayName}'s laptop`);
    if (res.status !== 201) throw new Error(`enrolment failed: ${res.status} ${await res.text()}`);
    const body = await res.json() as { deviceId: string; token: string };
    return { user, deviceId: body.deviceId, token: body.token };
  }
  function get(path: string, token?: string) {
    return app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  }
  /** A JSON POST; a string body is sent as it is. */
  function post(path: string, body: unknown, token?: string) {
    return app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
  return { app, db, database, clock, log, person, code, enrol, device, get, post, dispose: () => database.dispose() };
}
