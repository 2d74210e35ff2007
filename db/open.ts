// Opens the encrypted local database. The key never reaches SQLite's own key
// derivation: it is a random 256-bit key (or one derived by a slow KDF from a
// passphrase), passed raw, which keeps opening a large book fast.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { chmodSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.ts';
import { registerSearchFunctions } from './search-functions.ts';
import { withStatementCache } from './statement-cache.ts';

export type Db = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;

export class DatabaseOpenError extends Error {
  readonly reason: 'wrong_key_or_corrupt' | 'not_encrypted' | 'bad_key';
  constructor(reason: DatabaseOpenError['reason'], message: string) {
    super(message);
    this.name = 'DatabaseOpenError';
    this.reason = reason;
  }
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
export const DEFAULT_MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

function isPlainSqlite(path: string): boolean {
  if (!existsSync(path) || statSync(path).size < PLAIN_HEADER.length) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    readSync(fd, head, 0, head.length, 0);
    return head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * The book and its -wal and -shm readable by this user only. SQLite gives the
 * -wal and -shm files the permissions of the book itself, so creating the book
 * empty with 0600 before SQLite opens it is enough; files a tool or an older
 * version left readable to others are tightened.
 */
function keepPrivate(path: string): void {
  if (process.platform === 'win32') return;
  if (!existsSync(path)) closeSync(openSync(path, 'wx', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}

export interface OpenOptions { path: string; key: Buffer; migrationsFolder?: string }

export function openDatabase({ path, key, migrationsFolder = DEFAULT_MIGRATIONS }: OpenOptions): { sqlite: Sqlite; db: Db } {
  if (key.length !== 32) throw new DatabaseOpenError('bad_key', 'The database key must be 32 bytes.');
  // An unencrypted file is never opened (and so never rewritten) with a key.
  if (isPlainSqlite(path)) {
    throw new DatabaseOpenError('not_encrypted',
      `The file ${path} is an unencrypted database. It was left untouched; move it away to start a new encrypted book.`);
  }
  keepPrivate(path);
  const sqlite = new Database(path);
  try {
    sqlite.pragma(`cipher='sqlcipher'`);
    sqlite.pragma('legacy=4');
    sqlite.pragma(`key="x'${key.toString('hex')}'"`);
    // The first read proves the key: SQLCipher cannot tell a wrong key from damage.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new DatabaseOpenError('wrong_key_or_corrupt',
        'The local database cannot be read: the key does not fit or the file is damaged. ' +
        'The file was left untouched. Unlock with the right key or passphrase, or restore a backup.');
    }
    throw error;
  }
  sqlite.pragma('journal_mode = WAL');
  // NORMAL: a commit returns once its pages are written to the -wal file, without waiting for the disk. A killed
  // app loses nothing; db/checkpoint.ts syncs to disk beside the writer within a quarter of a second, which bounds
  // what a power cut can take. FULL (a disk sync inside every answer's reply) was the slowest part of capturing one.
  // SQLite's own checkpoint (every 10,000 pages, on the writer) is only the backstop.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Before migrating: the migrations and the triggers on clients keep the search index with these.
  registerSearchFunctions(sqlite);
  const db = drizzle({ client: withStatementCache(sqlite) as never, schema });
  migrate(db, { migrationsFolder });
  return { sqlite, db };
}
