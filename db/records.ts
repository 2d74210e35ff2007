// The device's side of core/records.ts: reads records from, and applies record
// writes to, the SQLite tables. Each write stamps the row's version, clock,
// per-field clocks and modification time, which sync relies on.
import { eq, sql } from 'drizzle-orm';
import type { EntityName, Fields, RecordReader, RecordWrite, StoredRecord } from '#core/records.ts';
import { recordStamp, stampFields, type SyncedState } from '#core/sync/merge.ts';
import type { Db } from './open.ts';
import { SYNCED_TABLES, type UndoEntry } from './schema.ts';
import { deleteRow, insertRow, selectRow, selectRows, sqliteOf, updateRow, type PendingInserts, type Row } from './synced-rows.ts';

type Table = (typeof SYNCED_TABLES)[EntityName];
export type { Row };

/** Columns that belong to this copy of a record, not to the record: they never travel. */
const LOCAL_COLUMNS = new Set(['id', 'version', 'updatedAt', 'hlc', 'stamps']);

export function tableOf(entity: EntityName): Table {
  return SYNCED_TABLES[entity];
}

/** The row as drizzle's `select()` would give it, through one statement prepared per table (this runs per record). */
export function readRow(db: Db, entity: EntityName, id: string): Row | null {
  return selectRow(sqliteOf(db), entity, id);
}

/** The rows with these ids that exist, by id: a pulled page's records of one table, read at once. */
export function readRows(db: Db, entity: EntityName, ids: readonly string[]): Map<string, Row> {
  return selectRows(sqliteOf(db), entity, ids);
}

export function recordReader(db: Db): RecordReader {
  return { get: (entity, id) => readRow(db, entity, id) as StoredRecord | null };
}

/** A row as the merge sees it: its record fields, each with its stamp. */
export function syncedStateOf(row: Row): SyncedState {
  const fields: Fields = {};
  const stamps: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) {
    if (LOCAL_COLUMNS.has(k)) continue;
    fields[k] = v;
    stamps[k] = row.stamps?.[k] ?? row.hlc;
  }
  return { fields, stamps };
}

export function readSyncedState(db: Db, entity: EntityName, id: string): SyncedState | null {
  const row = readRow(db, entity, id);
  return row ? syncedStateOf(row) : null;
}

export interface Stamp { at: number; hlc: string }

/** Applies one local write; returns the row's new version and what it takes to undo it. */
export function applyWrite(db: Db, write: RecordWrite, stamp: Stamp): { version: number; undo: UndoEntry | null } {
  const table = tableOf(write.entity) as typeof SYNCED_TABLES.clients;
  if (write.insert) {
    db.insert(table).values({ ...(write.fields as object), id: write.id, version: 1, updatedAt: stamp.at, hlc: stamp.hlc, deletedAt: null, stamps: null } as never).run();
    return { version: 1, undo: { entity: write.entity, id: write.id, created: true, fields: {}, stamps: {} } };
  }
  const row = readRow(db, write.entity, write.id);
  if (!row) return { version: 0, undo: null };
  const before = syncedStateOf(row);
  const undo: UndoEntry = { entity: write.entity, id: write.id, created: false, fields: {}, stamps: {} };
  for (const k of Object.keys(write.fields)) {
    undo.fields[k] = before.fields[k] ?? null;
    undo.stamps[k] = before.stamps[k] ?? row.hlc;
  }
  const stamps = { ...before.stamps, ...stampFields(write.fields, stamp.hlc) };
  const updated = db.update(table)
    .set({ ...(write.fields as object), version: sql`version + 1`, updatedAt: stamp.at, hlc: stamp.hlc, stamps } as never)
    .where(eq(table.id, write.id))
    .returning({ version: table.version })
    .get();
  return { version: updated?.version ?? 0, undo };
}

/** What a caller already knows: the row as it read it (null: not there), and where new rows may wait to be inserted together. */
export interface Known { before: Row | null; inserts?: PendingInserts }

/**
 * Writes a record's merged state as it now stands (from a pull or an undo), or
 * removes it. Without `known` the row is read first, to tell an update from an insert.
 */
export function writeSyncedState(db: Db, entity: EntityName, id: string, state: SyncedState | null, at: number, known?: Known): void {
  const sqlite = sqliteOf(db);
  if (state === null) {
    deleteRow(sqlite, entity, id);
    return;
  }
  const before = known ? known.before : readRow(db, entity, id);
  const values = { ...state.fields, updatedAt: at, hlc: recordStamp(state.stamps), stamps: state.stamps };
  if (before) updateRow(sqlite, entity, id, values, before);
  else if (known?.inserts) known.inserts.add(entity, { ...values, id, version: 1 });
  else insertRow(sqlite, entity, { ...values, id, version: 1 });
}
