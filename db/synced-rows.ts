// Plain SQL for the hot paths over synced rows: reading a record, reading a
// page's records, inserting, updating and deleting them. A first sync applies
// a hundred thousand records; building each statement with drizzle and having
// SQLite prepare it again per row cost ten times the writes themselves. Here
// each statement is prepared once per database handle (tests open many books
// in one process, so the cache is keyed by handle and dies with it), and
// values are converted with drizzle's own column mappings, so rows read and
// written here are exactly those drizzle would read and write.
import type Database from 'better-sqlite3';
import { getTableColumns, is, SQL, type Column } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { EntityName } from '#core/records.ts';
import { ROWS_PER_STATEMENT } from './bulk.ts';
import type { Db, Sqlite } from './open.ts';
import { SYNCED_TABLES } from './schema.ts';

export type Row = Record<string, unknown> & { id: string; hlc: string; stamps: Record<string, string> | null };
type Statement = Database.Statement<unknown[], unknown>;

const statements = new WeakMap<Sqlite, Map<string, Statement>>();

/** The statement for this SQL on this database, prepared on first use. */
export function cached(sqlite: Sqlite, text: string, raw = false): Statement {
  let byText = statements.get(sqlite);
  if (!byText) statements.set(sqlite, byText = new Map());
  const key = raw ? `raw:${text}` : text;
  let statement = byText.get(key);
  if (!statement) {
    statement = sqlite.prepare(text);
    // Rows as arrays: decoding them by position skips building an object per row twice.
    if (raw) statement.raw(true);
    byText.set(key, statement);
  }
  return statement;
}

/** The better-sqlite3 handle under a drizzle database (drizzle keeps it as $client). */
export function sqliteOf(db: Db): Sqlite {
  return (db as unknown as { $client: Sqlite }).$client;
}

interface Shape {
  keys: string[]; columns: Column[];
  select: string; selectMany: string; insert: string; insertMany: string; update: string; remove: string;
}

const shapes = new Map<EntityName, Shape>();

function shapeOf(entity: EntityName): Shape {
  let shape = shapes.get(entity);
  if (shape) return shape;
  const table = SYNCED_TABLES[entity] as unknown as SQLiteTable;
  const entries = Object.entries(getTableColumns(table));
  // An SQL default would have to go into the statement itself; none of the synced tables has one.
  for (const [k, c] of entries) if (is(c.default, SQL)) throw new Error(`${entity}.${k}: an SQL default is not supported here`);
  const name = `"${getTableConfig(table).name}"`;
  const list = entries.map(([, c]) => `"${c.name}"`).join(', ');
  const tuple = `(${entries.map(() => '?').join(', ')})`;
  // Every column but the key and the version counter, which the update counts up itself.
  const set = entries.filter(([k]) => k !== 'id' && k !== 'version').map(([, c]) => `"${c.name}" = ?`).join(', ');
  shape = {
    keys: entries.map(([k]) => k), columns: entries.map(([, c]) => c),
    select: `SELECT ${list} FROM ${name} WHERE "id" = ?`,
    selectMany: `SELECT ${list} FROM ${name} WHERE "id" IN (SELECT value FROM json_each(?))`,
    insert: `INSERT INTO ${name} (${list}) VALUES ${tuple}`,
    insertMany: `INSERT INTO ${name} (${list}) VALUES ${Array<string>(ROWS_PER_STATEMENT).fill(tuple).join(', ')}`,
    update: `UPDATE ${name} SET ${set}, "version" = "version" + 1 WHERE "id" = ?`,
    remove: `DELETE FROM ${name} WHERE "id" = ?`,
  };
  shapes.set(entity, shape);
  return shape;
}

function decode(shape: Shape, values: unknown[]): Row {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    row[shape.keys[i]!] = v === null ? null : shape.columns[i]!.mapFromDriverValue(v);
  }
  return row as Row;
}

const encode = (column: Column, value: unknown): unknown => (value === null ? null : column.mapToDriverValue(value));

export function selectRow(sqlite: Sqlite, entity: EntityName, id: string): Row | null {
  const shape = shapeOf(entity);
  const values = cached(sqlite, shape.select, true).get(id) as unknown[] | undefined;
  return values ? decode(shape, values) : null;
}

/** The rows with these ids that exist, by id: one query for a whole page. */
export function selectRows(sqlite: Sqlite, entity: EntityName, ids: readonly string[]): Map<string, Row> {
  const shape = shapeOf(entity);
  const found = new Map<string, Row>();
  if (ids.length === 0) return found;
  for (const values of cached(sqlite, shape.selectMany, true).all(JSON.stringify(ids)) as unknown[][]) {
    const row = decode(shape, values);
    found.set(row.id, row);
  }
  return found;
}

/** Insert parameters, as drizzle binds them: a missing value takes the column's default, else null. */
export function insertParams(entity: EntityName, values: Record<string, unknown>, into: unknown[] = []): unknown[] {
  const { keys, columns } = shapeOf(entity);
  for (let i = 0; i < keys.length; i++) {
    const c = columns[i]!;
    let v = values[keys[i]!];
    if (v === undefined) v = c.default ?? (c.defaultFn ? c.defaultFn() : null);
    into.push(v === undefined ? null : encode(c, v));
  }
  return into;
}

/** New rows of one page, inserted many per statement; `flush` before anything reads them or needs them as parents. */
export class PendingInserts {
  private readonly waiting = new Map<EntityName, unknown[]>();
  private readonly sqlite: Sqlite;
  constructor(sqlite: Sqlite) { this.sqlite = sqlite; }

  add(entity: EntityName, values: Record<string, unknown>): void {
    let params = this.waiting.get(entity);
    if (!params) this.waiting.set(entity, params = []);
    insertParams(entity, values, params);
  }

  flush(): void {
    for (const [entity, params] of this.waiting) {
      const shape = shapeOf(entity);
      const width = shape.keys.length;
      const rows = params.length / width;
      let r = 0;
      if (rows >= ROWS_PER_STATEMENT) {
        const many = cached(this.sqlite, shape.insertMany);
        for (; r + ROWS_PER_STATEMENT <= rows; r += ROWS_PER_STATEMENT) many.run(params.slice(r * width, (r + ROWS_PER_STATEMENT) * width));
      }
      const one = cached(this.sqlite, shape.insert);
      for (; r < rows; r++) one.run(params.slice(r * width, (r + 1) * width));
    }
    this.waiting.clear();
  }
}

export function insertRow(sqlite: Sqlite, entity: EntityName, values: Record<string, unknown>): void {
  cached(sqlite, shapeOf(entity).insert).run(insertParams(entity, values));
}

/**
 * Sets every column from `values`; one that is undefined there keeps what
 * `before` (the row as it is) holds, as drizzle leaves undefined values out.
 */
export function updateRow(sqlite: Sqlite, entity: EntityName, id: string, values: Record<string, unknown>, before: Row): void {
  const { keys, columns, update } = shapeOf(entity);
  const params: unknown[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k === 'id' || k === 'version') continue;
    const v = values[k];
    params.push(encode(columns[i]!, v === undefined ? (before[k] ?? null) : v));
  }
  params.push(id);
  cached(sqlite, update).run(params);
}

export function deleteRow(sqlite: Sqlite, entity: EntityName, id: string): void {
  cached(sqlite, shapeOf(entity).remove).run(id);
}
