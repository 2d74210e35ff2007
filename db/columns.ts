// Columns every synced row carries. The next layer (sync) relies on them:
// ids are UUIDv7 (time-ordered, made offline without collisions), `version`
// counts local changes, `hlc` orders changes across devices, and a deletion is
// a tombstone (`deleted_at`) so that it can travel like any other change.
import { integer, text } from 'drizzle-orm/sqlite-core';

export const syncColumns = {
  id: text('id').primaryKey(),
  version: integer('version').notNull().default(1),
  updatedAt: integer('updated_at').notNull(),
  hlc: text('hlc').notNull(),
  deletedAt: integer('deleted_at'),
  /**
   * The clock stamp of each field's last change (field name to HLC), for the
   * per-field merge with other devices (core/sync/merge.ts). Null, or a field
   * missing here, means the field carries the row's `hlc`.
   */
  stamps: text('stamps', { mode: 'json' }).$type<Record<string, string> | null>(),
};
