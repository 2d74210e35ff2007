// The book is unreadable without its key, and a wrong key or a damaged file
// never costs the advisor their data: the file is left exactly as it was.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from '#db/open.ts';
import { Store } from '#db/store.ts';
import { heldCatalogue } from '#services/catalogue.ts';
import { tempDir } from '../support/book.ts';

let cleanup = () => {};
afterEach(() => cleanup());

function bookWithOneClient() {
  const t = tempDir();
  cleanup = t.cleanup;
  const path = join(t.dir, 'book.db');
  const key = randomBytes(32);
  const { sqlite, db } = openDatabase({ path, key });
  new Store(sqlite, db, { userId: 'u', person: () => ({ roles: ['advisor'], ids: [] }), catalogue: heldCatalogue }).mutate('client.create', { id: uuidv7(), firstName: 'Ingrid', lastName: 'Schäfer', notes: 'reitet seit Jahren' });
  sqlite.close();
  return { path, key, dir: t.dir };
}

describe('encryption at rest', () => {
  it('a plain SQLite open without the key cannot read the file', () => {
    const { path } = bookWithOneClient();
    const raw = new Database(path);
    expect(() => raw.prepare('SELECT * FROM clients').all()).toThrow(/not a database/);
    raw.close();
  });

  it('no client data is visible in the bytes of the file', () => {
    const { path } = bookWithOneClient();
    const bytes = readFileSync(path);
    expect(bytes.includes(Buffer.from('Schäfer'))).toBe(false);
    expect(bytes.includes(Buffer.from('reitet'))).toBe(false);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  it('a wrong key gives a clear error and leaves the file untouched', () => {
    const { path, key } = bookWithOneClient();
    const before = readFileSync(path);
    let error: unknown;
    try { openDatabase({ path, key: randomBytes(32) }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('wrong_key_or_corrupt');
    expect((error as Error).message).toMatch(/left untouched/);
    expect(readFileSync(path).equals(before)).toBe(true);
    // and the right key still opens it with the data intact
    const { sqlite } = openDatabase({ path, key });
    expect((sqlite.prepare('SELECT last_name AS n FROM clients').get() as { n: string }).n).toBe('Schäfer');
    sqlite.close();
  });

  it('a damaged file gives a clear error and is not overwritten', () => {
    const { dir } = bookWithOneClient();
    const path = join(dir, 'damaged.db');
    const garbage = randomBytes(8192);
    writeFileSync(path, garbage);
    expect(() => openDatabase({ path, key: randomBytes(32) })).toThrow(DatabaseOpenError);
    expect(readFileSync(path).equals(garbage)).toBe(true);
  });

  it('an unencrypted database is refused rather than rewritten', () => {
    const { dir } = bookWithOneClient();
    const path = join(dir, 'plain.db');
    const plain = new Database(path);
    plain.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    plain.close();
    const before = readFileSync(path);
    expect(() => openDatabase({ path, key: randomBytes(32) })).toThrow(/unencrypted/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('applies migrations once and runs with WAL and foreign keys on', () => {
    const { path, key } = bookWithOneClient();
    const { sqlite } = openDatabase({ path, key });
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    // NORMAL (1): commits wait for the -wal write, not the disk; db/checkpoint.ts syncs beside the writer.
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
    sqlite.close();
  });
});
