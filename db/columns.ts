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
};
