// The device's side of core/records.ts: reads records from, and applies record
// writes to, the SQLite tables. Each write stamps the row's version, clock and
// modification time, which sync relies on.
import { eq, sql } from 'drizzle-orm';
import type { EntityName, RecordReader, RecordWrite, StoredRecord } from '#core/records.ts';
import type { Db } from './open.ts';
import { SYNCED_TABLES } from './schema.ts';

type Table = (typeof SYNCED_TABLES)[EntityName];

export function tableOf(entity: EntityName): Table {
  return SYNCED_TABLES[entity];
}

export function recordReader(db: Db): RecordReader {
  return {
    get(entity, id) {
      const table = tableOf(entity) as typeof SYNCED_TABLES.clients;
      return (db.select().from(table).where(eq(table.id, id)).get() as StoredRecord | undefined) ?? null;
    },
  };
}

export interface Stamp { at: number; hlc: string }

/** Applies one write; returns the row's new version. */
export function applyWrite(db: Db, write: RecordWrite, stamp: Stamp): number {
  const table = tableOf(write.entity) as typeof SYNCED_TABLES.clients;
  if (write.insert) {
    db.insert(table).values({ ...(write.fields as object), id: write.id, version: 1, updatedAt: stamp.at, hlc: stamp.hlc, deletedAt: null } as never).run();
    return 1;
  }
  const row = db.update(table)
    .set({ ...(write.fields as object), version: sql`version + 1`, updatedAt: stamp.at, hlc: stamp.hlc } as never)
    .where(eq(table.id, write.id))
    .returning({ version: table.version })
    .get();
  return row?.version ?? 0;
}
