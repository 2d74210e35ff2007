// Drizzle prepares every query anew (better-sqlite3 keeps no cache of its
// own); an answer's few small reads and writes then spent more time compiling
// SQL than running it. Drizzle's connection to the book reuses each compiled
// statement for the same SQL text, the most recent ones kept.
//
// Safe because each call on a better-sqlite3 statement runs to its end before
// the next (nothing here iterates lazily), and because the one mode Drizzle
// switches on a statement (raw rows, for selects with fields) is switched back
// off before a statement is handed out again.
import type Database from 'better-sqlite3';

export const STATEMENTS_KEPT = 500;

export function withStatementCache(sqlite: Database.Database, kept = STATEMENTS_KEPT): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    const held = cache.get(source);
    if (held) {
      // Most recently used last: the first key is the one to drop.
      cache.delete(source);
      cache.set(source, held);
      if (held.reader) held.raw(false);
      return held;
    }
    const statement = sqlite.prepare(source);
    cache.set(source, statement);
    if (cache.size > kept) cache.delete(cache.keys().next().value!);
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
