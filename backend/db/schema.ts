// The manufacturer's database (PostgreSQL; PGlite when run embedded). People,
// their devices and who may see which client. After a change here run
// `npx drizzle-kit generate --config drizzle.backend.config.ts`; migrations are
// applied when the backend starts.
//
// Still to come with the sync protocol (docs/sync.md), beside these tables:
// - mutation results: per device and seq, `applied` or `rejected` with its
//   reason, so a replayed push is answered again rather than applied twice;
// - the change log: every record write with its transaction
//   (pg_current_xact_id()) and a sequence, pulled by transaction watermark;
// - records: the server's copy of the synced records (core/records.ts:
//   clients, meetings, answers, touchpoints, tasks, consents, mandates,
//   alerts, advice records), keyed by their UUIDv7, with per-field HLC stamps
//   for the merge and tombstones; clients.id is what client_access.client_id
//   names;
// - manufacturer data that syncs down read-only: catalogue, segment rule sets,
//   value tiers, price ranges per retailer and product, alert rules.

import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { BACKEND_ROLES, type BackendRole } from '../roles.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const roleList = sql.raw(`ARRAY[${BACKEND_ROLES.map((r) => `'${r}'`).join(', ')}]::text[]`);

/** A person who works with the workstation, or an administrator at the manufacturer. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  displayName: text('display_name').notNull(),
  roles: text('roles').array().$type<BackendRole[]>().notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [
  check('users_roles_known', sql`cardinality(${t.roles}) > 0 AND ${t.roles} <@ ${roleList}`),
  check('users_display_name_present', sql`length(trim(${t.displayName})) > 0`),
]);

/** One-time codes an administrator hands out to enrol a device; only their hash is kept. */
export const enrolmentCodes = pgTable('enrolment_codes', {
  codeHash: text('code_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: at('created_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
  /** The device this code enrolled, once used. */
  deviceId: uuid('device_id').references(() => devices.id, { onDelete: 'set null' }),
}, (t) => [index('enrolment_codes_user').on(t.userId)]);

/** An enrolled workstation. Its bearer token is kept only as a SHA-256 hash. */
export const devices = pgTable('devices', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  revokedAt: at('revoked_at'),
  lastSeenAt: at('last_seen_at'),
  /**
   * The device's own sequence number (its outbox seq) of the last mutation the
   * backend processed from it, applied or rejected. A push continues at
   * last_seq + 1 (a gap is refused, a replay is answered from the stored
   * result) and sets it in the same transaction, so each mutation counts once.
   */
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
}, (t) => [
  uniqueIndex('devices_token_hash').on(t.tokenHash),
  index('devices_user').on(t.userId),
]);

/**
 * Who may see which client: an advisor sees their own clients and clients
 * shared with them, nothing else. client_id names a client record (the records
 * tables come with the sync protocol; no foreign key until then).
 */
export const clientAccess = pgTable('client_access', {
  clientId: uuid('client_id').notNull(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<'owner' | 'shared'>().notNull(),
}, (t) => [
  primaryKey({ columns: [t.clientId, t.userId] }),
  check('client_access_kind', sql`${t.kind} IN ('owner', 'shared')`),
  // A client has at most one owner.
  uniqueIndex('client_access_one_owner').on(t.clientId).where(sql`kind = 'owner'`),
  index('client_access_user').on(t.userId, t.clientId),
]);

export type User = typeof users.$inferSelect;
export type Device = typeof devices.$inferSelect;
export type AccessKind = (typeof clientAccess.$inferSelect)['kind'];
