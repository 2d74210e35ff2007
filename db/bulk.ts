// Writes many already-synced rows at once: the book a device receives on its
// first sync, or the demo book that stands for it. These rows are not local
// changes, so they bypass Store.mutate and never reach the outbox.
//
// One transaction for the whole load: a half-loaded book is never visible,
// and a failure (a broken row, a duplicate id) leaves the database as it was.
// Rows go in parent-first order (clients before their meetings, meetings
// before answers and advice records), so foreign keys stay checked; the
// search index triggers on clients fire as for any insert.
//
// Speed (a 50,000-client book is over a million rows): many rows per INSERT
// statement, a large page cache for the duration of the load, and for large
// tables rows in id order plus secondary indexes dropped and rebuilt once,
// all inside the same transaction. A large load also runs with a rollback
// journal instead of the write-ahead log, so that its pages are written once
// rather than to the log and again at the checkpoint; the journal keeps the
// load just as atomic, and the log is back as soon as the load is done.
import { getTableColumns, type Column } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Sqlite } from './open.ts';
import { SYNCED_TABLES } from './schema.ts';

export type SyncedTableName = keyof typeof SYNCED_TABLES;

/** Rows per synced table, shaped as drizzle's insert types (camelCase keys, JSON and booleans as values). */
export type BulkRows = { [K in SyncedTableName]?: ReadonlyArray<(typeof SYNCED_TABLES)[K]['$inferInsert']> };

export type BulkCounts = Record<SyncedTableName, number>;

/** Parents before children. Tables added to SYNCED_TABLES later follow in their declared order. */
const PARENTS_FIRST: readonly SyncedTableName[] = [
  'clients', 'meetings', 'answers', 'touchpoints', 'tasks', 'consents', 'mandates', 'alerts', 'adviceRecords',
];
const LOAD_ORDER: readonly SyncedTableName[] = [
  ...PARENTS_FIRST,
  ...(Object.keys(SYNCED_TABLES) as SyncedTableName[]).filter((t) => !PARENTS_FIRST.includes(t)),
];

/** How often progress is reported, in rows. */
export const PROGRESS_EVERY = 5000;

/** Page cache used while loading (KiB, as SQLite's negative cache_size): index pages stay in memory. */
const LOAD_CACHE_KIB = 128 * 1024;

/** Column types whose JS value needs drizzle's conversion (booleans, JSON, timestamps); the rest bind as they are. */
const PLAIN_COLUMN_TYPES = new Set(['SQLiteText', 'SQLiteInteger', 'SQLiteReal', 'SQLiteNumeric']);

interface ColumnPlan { key: string; column: Column; plain: boolean }
interface TablePlan { sqlName: string; single: string; batch: string; columns: ColumnPlan[] }

/**
 * Rows per INSERT statement: one statement call for many rows saves most of
 * the per-call cost of the driver, which dominates for rows this small.
 */
export const ROWS_PER_STATEMENT = 64;

const plans = new Map<SyncedTableName, TablePlan>();

function planFor(name: SyncedTableName): TablePlan {
  let plan = plans.get(name);
  if (plan) return plan;
  const table = SYNCED_TABLES[name] as unknown as SQLiteTable;
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key, column, plain: PLAIN_COLUMN_TYPES.has(column.columnType),
  }));
  const sqlName = getTableConfig(table).name;
  const names = columns.map((c) => `"${c.column.name}"`).join(', ');
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO "${sqlName}" (${names}) VALUES `;
  plan = { sqlName, single: head + tuple, batch: head + Array(ROWS_PER_STATEMENT).fill(tuple).join(', '), columns };
  plans.set(name, plan);
  return plan;
}

/** The value to bind for one column: a missing value takes the column's default, as an insert without it would. */
function bindValue(c: ColumnPlan, row: Record<string, unknown>): unknown {
  let value = row[c.key];
  if (value === undefined) {
    if (c.column.defaultFn) value = c.column.defaultFn();
    else if (c.column.default !== undefined) value = c.column.default;
    else return null;
  }
  if (value === null) return null;
  return c.plain ? value : c.column.mapToDriverValue(value);
}

/** From this many rows on, a table's load is ordered by id and its secondary indexes are rebuilt afterwards. */
export const LARGE_LOAD = 10_000;

/** The millisecond a UUIDv7 (or an id that starts with one) carries, or NaN for other ids. */
function uuidTime(id: unknown): number {
  if (typeof id !== 'string' || id.length < 13 || id.charCodeAt(8) !== 45) return NaN;
  return parseInt(id.slice(0, 8), 16) * 0x10000 + parseInt(id.slice(9, 13), 16);
}

/**
 * The rows in (nearly) id order. UUIDv7 ids start with their time, so the
 * order is that of the time prefix, found with one numeric sort of packed
 * (time, position) numbers; ids of another shape fall back to a string sort.
 */
function inIdOrder(list: ReadonlyArray<Record<string, unknown>>): ReadonlyArray<Record<string, unknown>> {
  const n = list.length;
  const times = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = uuidTime(list[i]!.id);
    if (Number.isNaN(t)) return [...list].sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
    times[i] = t;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  // position in the low bits, time (coarsened if the span needs it) above: exact integers below 2^53
  const positionBits = Math.ceil(Math.log2(n + 1));
  const positions = 2 ** positionBits;
  const timeBits = 53 - positionBits;
  const step = 2 ** Math.max(0, Math.ceil(Math.log2(max - min + 1)) - timeBits);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = Math.floor((times[i]! - min) / step) * positions + i;
  packed.sort();
  const ordered = new Array<Record<string, unknown>>(n);
  for (let i = 0; i < n; i++) ordered[i] = list[packed[i]! % positions]!;
  return ordered;
}

/**
 * Inserts the rows of each synced table in one transaction and returns how
 * many rows each table received. `onProgress(done, total)` is called with
 * 0 first, then at least every PROGRESS_EVERY rows, and last with total.
 */
export function bulkLoad(sqlite: Sqlite, rows: BulkRows, onProgress?: (done: number, total: number) => void): BulkCounts {
  const counts = Object.fromEntries(LOAD_ORDER.map((t) => [t, 0])) as BulkCounts;
  let total = 0;
  for (const name of LOAD_ORDER) total += rows[name]?.length ?? 0;

  const previousCache = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${-LOAD_CACHE_KIB}`);
  // The journal mode can only change outside a transaction, and only while no other connection uses the file.
  let journal: string | null = null;
  if (total >= LARGE_LOAD && !sqlite.inTransaction) {
    const mode = String(sqlite.pragma('journal_mode', { simple: true }));
    if (mode === 'wal' && sqlite.pragma('journal_mode = DELETE', { simple: true }) === 'delete') journal = mode;
  }
  try {
    sqlite.transaction(() => {
      let done = 0;
      onProgress?.(0, total);
      for (const name of LOAD_ORDER) {
        let list = rows[name] as ReadonlyArray<Record<string, unknown>> | undefined;
        if (!list || list.length === 0) continue;
        const { single, batch, columns, sqlName } = planFor(name);
        const large = list.length >= LARGE_LOAD;
        // In id order, the primary key index grows at its end instead of at random places.
        if (large) list = inIdOrder(list);
        // Secondary indexes are cheaper to build once, sorted, than to grow row by row.
        const rebuild = large
          ? sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(sqlName) as Array<{ name: string; sql: string }>
          : [];
        for (const index of rebuild) sqlite.exec(`DROP INDEX "${index.name}"`);
        const width = columns.length;
        const insertBatch = sqlite.prepare(batch);
        const insertOne = sqlite.prepare(single);
        const batchParams: unknown[] = new Array(width * ROWS_PER_STATEMENT);
        const oneParams: unknown[] = new Array(width);
        let i = 0;
        while (i < list.length) {
          const rowsNow = list.length - i >= ROWS_PER_STATEMENT ? ROWS_PER_STATEMENT : 1;
          const params = rowsNow === 1 ? oneParams : batchParams;
          let p = 0;
          for (let r = 0; r < rowsNow; r++) {
            const row = list[i + r]!;
            for (let c = 0; c < width; c++) params[p++] = bindValue(columns[c]!, row);
          }
          (rowsNow === 1 ? insertOne : insertBatch).run(params);
          const before = done;
          i += rowsNow;
          done += rowsNow;
          if (onProgress && Math.floor(done / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY) && done < total) onProgress(done, total);
        }
        for (const index of rebuild) sqlite.exec(index.sql);
        counts[name] = list.length;
      }
      onProgress?.(total, total);
    })();
  } finally {
    sqlite.pragma(`cache_size = ${previousCache}`);
    if (journal) sqlite.pragma(`journal_mode = ${journal}`);
  }
  return counts;
}
