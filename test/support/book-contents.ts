// Everything a book holds, table by table, to show that a refused call
// changed nothing at all and an accepted one only what it is about.
import type Database from 'better-sqlite3';

export type Contents = Record<string, string[]>;

export function bookContents(sqlite: Database.Database): Contents {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  const out: Contents = {};
  for (const { name } of tables) {
    const rows = sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
    out[name] = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort();
  }
  return out;
}

/** Rows that are new, gone or different, per table; the row as JSON. */
export function changedRows(before: Contents, after: Contents): { table: string; row: Record<string, unknown> }[] {
  const out: { table: string; row: Record<string, unknown> }[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[table] ?? []);
    const is = new Set(after[table] ?? []);
    for (const r of is) if (!was.has(r)) out.push({ table, row: JSON.parse(r) as Record<string, unknown> });
    for (const r of was) if (!is.has(r)) out.push({ table, row: JSON.parse(r) as Record<string, unknown> });
  }
  return out;
}

/**
 * Lets the conclusions owed by earlier answers be drawn (services/derive.ts:
 * any call but an answer draws them first), so that a test comparing the book
 * before and after one call sees only what that call did.
 */
export async function settled(rpc: { session: { status: () => Promise<unknown> } }): Promise<void> {
  await rpc.session.status();
}
