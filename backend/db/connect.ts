// Opens the backend's database: PostgreSQL through a node-postgres pool when a
// URL is given (production, CI, several instances on one database), otherwise
// embedded PGlite (Postgres compiled to WebAssembly) in a data folder, so the
// backend runs on a machine with nothing else installed. Both give the rest
// of the backend the same drizzle API. Migrations are applied on open.
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema.ts';

/** The drizzle database every part of the backend works with, whichever driver is below. */
export type BackendDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface BackendDatabase {
  db: BackendDb;
  kind: 'postgres' | 'pglite';
  /** Closes the pool (waiting for checked-out clients) or the embedded database. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A PostgreSQL URL (postgres://user:password@host:port/database). */
  url?: string;
  /** The PGlite data folder when there is no URL; omitted: in memory (tests only). */
  dataDir?: string;
  /** Pool size per instance (PostgreSQL only). */
  maxConnections?: number;
  migrationsFolder?: string;
  /** Told about pool errors, which otherwise would end the process. */
  onError?: (error: Error) => void;
}

export const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

/** Serialises migrations when several instances start at once on one PostgreSQL. */
const MIGRATION_LOCK = 7_315_006_011;

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(`The embedded database in ${dataDir} is in use by process ${pid}. ` +
      'Embedded mode allows one process at a time: stop the backend first, or set DATABASE_URL to use PostgreSQL.');
    this.name = 'DataDirInUseError';
  }
}

export async function connect(options: ConnectOptions = {}): Promise<BackendDatabase> {
  const migrationsFolder = options.migrationsFolder ?? MIGRATIONS;
  if (options.url) return connectPostgres(options.url, migrationsFolder, options);
  return connectPglite(options.dataDir, migrationsFolder);
}

async function connectPostgres(url: string, migrationsFolder: string, options: ConnectOptions): Promise<BackendDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'advisor-workstation-backend',
    // The backend runs short statements only: compiling one with JIT costs more than it saves,
    // up to a second when the planner's estimates run high (tables without statistics yet).
    // A SET on each new connection rather than a startup option, which poolers may refuse.
    onConnect: (client) => client.query('SET jit = off'),
  });
  // An idle client losing its connection emits here; unhandled it would end the process.
  pool.on('error', (error) => options.onError?.(error));
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await migrateNodePg(drizzleNodePg({ client, schema }), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzleNodePg({ client: pool, schema }) as unknown as BackendDb;
  let closed: Promise<void> | undefined;
  return { db, kind: 'postgres', close: () => (closed ??= pool.end()) };
}

async function connectPglite(dataDir: string | undefined, migrationsFolder: string): Promise<BackendDatabase> {
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    unlock = lockDataDir(dataDir);
  }
  try {
    const client = new PGlite(dataDir);
    await client.waitReady;
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder });
    let closed: Promise<void> | undefined;
    const close = () => (closed ??= client.close().finally(unlock));
    return { db: db as unknown as BackendDb, kind: 'pglite', close };
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * PGlite is one Postgres in one process: two processes on one data folder
 * would damage it. A lock file holds the owner's pid; a lock left by a process
 * that no longer runs is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'backend.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) throw new DataDirInUseError(dataDir, pid);
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database in ${dataDir}: another process keeps taking the lock.`);
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `SELECT 1`, for the health check. */
export async function ping(db: BackendDb): Promise<void> {
  await db.execute(sql`SELECT 1`);
}
