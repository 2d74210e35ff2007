// Drizzle's connection reuses compiled statements (db/statement-cache.ts):
// the same SQL gives the same statement, a statement Drizzle switched to raw
// rows comes back giving objects, and only the most recent ones are kept.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { withStatementCache } from '#db/statement-cache.ts';

let sqlite: Database.Database;
beforeEach(() => {
  sqlite = new Database(':memory:');
  sqlite.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('Ida'), ('Jan')`);
});
afterEach(() => sqlite.close());

it('prepares the same SQL once', () => {
  const cached = withStatementCache(sqlite);
  const first = cached.prepare('SELECT name FROM t WHERE id = ?');
  expect(cached.prepare('SELECT name FROM t WHERE id = ?')).toBe(first);
  expect(cached.prepare('SELECT id FROM t WHERE id = ?')).not.toBe(first);
});

it('hands a statement out again in its default mode: objects, not the raw rows a previous caller asked for', () => {
  const cached = withStatementCache(sqlite);
  expect(cached.prepare('SELECT name FROM t ORDER BY id').raw().all()).toEqual([['Ida'], ['Jan']]);
  expect(cached.prepare('SELECT name FROM t ORDER BY id').all()).toEqual([{ name: 'Ida' }, { name: 'Jan' }]);
  // A statement that returns no rows has no modes, and is handed out as it is.
  const insert = cached.prepare(`INSERT INTO t (name) VALUES (?)`);
  expect(cached.prepare(`INSERT INTO t (name) VALUES (?)`)).toBe(insert);
  cached.prepare(`INSERT INTO t (name) VALUES (?)`).run('Ole');
  expect(sqlite.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3 });
});

it('keeps only the most recently used statements', () => {
  const cached = withStatementCache(sqlite, 2);
  const a = cached.prepare('SELECT 1');
  const b = cached.prepare('SELECT 2');
  expect(cached.prepare('SELECT 1')).toBe(a);
  cached.prepare('SELECT 3');
  expect(cached.prepare('SELECT 1')).toBe(a);
  // SELECT 2 was the least recently used of three, so it went: compiled afresh, while SELECT 3 is still held.
  const three = cached.prepare('SELECT 3');
  expect(cached.prepare('SELECT 2')).not.toBe(b);
  expect(cached.prepare('SELECT 3')).toBe(three);
});

it('passes everything else to the connection itself', () => {
  const cached = withStatementCache(sqlite);
  expect(cached.open).toBe(true);
  expect(cached.transaction(() => cached.inTransaction)()).toBe(true);
  expect(cached.pragma('foreign_keys', { simple: true })).toBe(sqlite.pragma('foreign_keys', { simple: true }));
});
