// The manufacturer's database (PostgreSQL; PGlite when run embedded). People,
// their devices, who may see which client, and the synced records with the
// change log the devices pull from (docs/sync.md). After a change here run
// `npx drizzle-kit generate --config drizzle.backend.config.ts`; migrations are
// applied when the backend starts.
//
// Manufacturer data that syncs down read-only (catalogue, value tiers, price
// ranges per retailer; backend/manufacturer.ts) is kept as versioned
// publications. Signals from the clients' assistant apps come in through
// integrations (backend/signals.ts): what is kept is stored, what the rules
// drop is only counted.

import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, check, customType, date, index, integer, jsonb, numeric, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { MANUFACTURER_KINDS, type ManufacturerKind } from '#core/manufacturer.ts';
import type { EntityName, Fields } from '#core/records.ts';
import { BACKEND_ROLES, type BackendRole } from '../roles.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const roleList = sql.raw(`ARRAY[${BACKEND_ROLES.map((r) => `'${r}'`).join(', ')}]::text[]`);

/** A person who works with the workstation, or an administrator at the manufacturer. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  displayName: text('display_name').notNull(),
  roles: text('roles').array().$type<BackendRole[]>().notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  /** For a retailer: the retailer id of the catalogue's price ranges they receive (`set-retailer`). */
  retailerId: text('retailer_id'),
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
 * shared with them, nothing else. client_id names a client record (no foreign
 * key: a client.create writes both in one transaction, and access may be
 * granted before the record arrives).
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

/**
 * The server's copy of every synced record (core/records.ts), whatever its
 * entity: its fields and, per field, the HLC stamp of the change that wrote it
 * (the merge in core/sync/merge.ts compares only those). Ids are text because
 * answers are named `<clientId>:<attribute>`; every other id is a UUIDv7.
 */
export const records = pgTable('records', {
  entity: text('entity').$type<EntityName>().notNull(),
  id: text('id').notNull(),
  /** The client the record belongs to (a client's own record: its id). Access is decided by it. */
  clientId: uuid('client_id').notNull(),
  fields: jsonb('fields').$type<Fields>().notNull(),
  stamps: jsonb('stamps').$type<Record<string, string>>().notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.entity, t.id] }),
  index('records_client').on(t.clientId),
  // A push loads records by id alone: it does not know which entity an argument names.
  index('records_id').on(t.id),
]);

/** PostgreSQL's 64-bit transaction id, as text (it does not fit a JS number). */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * One row per record write, with the writing transaction. A pull reads it in
 * (xid, seq) order, only below the oldest transaction still running, so a row
 * can never appear behind a cursor already handed out (docs/sync.md, Pull).
 */
export const changeLog = pgTable('change_log', {
  xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  entity: text('entity').$type<EntityName>().notNull(),
  id: text('id').notNull(),
  clientId: uuid('client_id').notNull(),
  /** When the change was logged: trim-log keeps the log to a number of days. */
  at: at('at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.xid, t.seq] }), index('change_log_at').on(t.at)]);

/**
 * How far the change log was trimmed: the position of the last change no
 * longer kept (one row, or none while nothing was trimmed). A device whose
 * cursor is behind it downloads its book again; a pull from the start is then
 * served from the records themselves, not from the log.
 */
export const changeLogHorizon = pgTable('change_log_horizon', {
  id: integer('id').primaryKey(),
  xid: xid8('xid').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  trimmedAt: at('trimmed_at').notNull(),
}, (t) => [check('change_log_horizon_one_row', sql`${t.id} = 1`)]);

/**
 * What became of each mutation a device pushed, by its seq: a replayed push
 * (its answer lost on the way back) is answered from here, never applied twice.
 */
export const mutationResults = pgTable('mutation_results', {
  deviceId: uuid('device_id').notNull().references(() => devices.id, { onDelete: 'cascade' }),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  mutationId: text('mutation_id').notNull(),
  name: text('name').notNull(),
  status: text('status').$type<'applied' | 'rejected'>().notNull(),
  /** For a rejection: a stable code and a sentence for the user. */
  code: text('code'),
  message: text('message'),
  processedAt: at('processed_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.deviceId, t.seq] }),
  check('mutation_results_status', sql`${t.status} IN ('applied', 'rejected')`),
]);

const kindList = sql.raw(MANUFACTURER_KINDS.map((k) => `'${k}'`).join(', '));

/**
 * What the manufacturer published, one row per kind and version, never
 * changed afterwards: a device asks for the kinds whose latest version is
 * newer than the one it has, and keeps working with that one offline.
 */
export const manufacturerDocuments = pgTable('manufacturer_documents', {
  kind: text('kind').$type<ManufacturerKind>().notNull(),
  version: integer('version').notNull(),
  body: jsonb('body').$type<unknown>().notNull(),
  publishedAt: at('published_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.kind, t.version] }),
  check('manufacturer_documents_kind', sql`${t.kind} IN (${kindList})`),
  check('manufacturer_documents_version', sql`${t.version} > 0`),
]);

/**
 * Each publication of the price ranges, also one that grants none: withdrawing
 * every range is a new version too, which the retailers' devices must get.
 */
export const priceRangePublications = pgTable('price_range_publications', {
  version: integer('version').primaryKey(),
  publishedAt: at('published_at').notNull().defaultNow(),
}, (t) => [check('price_range_publications_version', sql`${t.version} > 0`)]);

/** The price range granted to one retailer for one product, as of one publication. */
export const priceRanges = pgTable('price_ranges', {
  retailerId: text('retailer_id').notNull(),
  productId: text('product_id').notNull(),
  proposed: numeric('proposed', { mode: 'number' }).notNull(),
  floor: numeric('floor', { mode: 'number' }).notNull(),
  ceiling: numeric('ceiling', { mode: 'number' }).notNull(),
  validUntil: date('valid_until', { mode: 'string' }).notNull(),
  version: integer('version').notNull().references(() => priceRangePublications.version, { onDelete: 'cascade' }),
}, (t) => [
  // A device reads one publication of one retailer.
  primaryKey({ columns: [t.version, t.retailerId, t.productId] }),
  check('price_ranges_within', sql`${t.floor} <= ${t.proposed} AND ${t.proposed} <= ${t.ceiling}`),
]);

export type User = typeof users.$inferSelect;
export type Device = typeof devices.$inferSelect;
export type AccessKind = (typeof clientAccess.$inferSelect)['kind'];
export type RecordRow = typeof records.$inferSelect;
export type MutationResultRow = typeof mutationResults.$inferSelect;
export type PriceRangeRow = typeof priceRanges.$inferSelect;

/**
 * Clients erased at their request: only the id and when, nothing personal.
 * Their records are gone; this row is why later pushes about them are
 * dropped and why the tombstones keep reaching devices that were offline.
 */
export const erasedClients = pgTable('erased_clients', {
  clientId: uuid('client_id').primaryKey(),
  erasedAt: at('erased_at').notNull(),
});

/**
 * Shares taken back: the person's devices must drop the client, so the
 * revocation is logged like a change and pulled as a tombstone. Sharing the
 * client again removes the row.
 */
export const revokedAccess = pgTable('revoked_access', {
  clientId: uuid('client_id').notNull(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  revokedAt: at('revoked_at').notNull(),
}, (t) => [primaryKey({ columns: [t.clientId, t.userId] }), index('revoked_access_user').on(t.userId, t.clientId)]);

/**
 * An assistant app (outside this product) that reports signals about clients.
 * It has its own credential, kept only as a SHA-256 hash: it opens
 * POST /v1/signals and nothing a device may reach, and a device token never opens it.
 */
export const integrations = pgTable('integrations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  revokedAt: at('revoked_at'),
  lastSeenAt: at('last_seen_at'),
}, (t) => [
  uniqueIndex('integrations_token_hash').on(t.tokenHash),
  check('integrations_name_present', sql`length(trim(${t.name})) > 0`),
]);

/**
 * The signals an integration sent that the rules kept (coach.md): each made an
 * alert or added its evidence to one. A signal id is the assistant's own,
 * unique per integration: sent again, it is recognised and not stored twice.
 * Dropped signals are never stored, only counted (signal_counts).
 */
export const signals = pgTable('signals', {
  integrationId: uuid('integration_id').notNull().references(() => integrations.id, { onDelete: 'cascade' }),
  signalId: text('signal_id').notNull(),
  clientId: uuid('client_id').notNull(),
  kind: text('kind').notNull(),
  observedAt: at('observed_at').notNull(),
  eventDate: date('event_date', { mode: 'string' }),
  confidence: real('confidence').notNull(),
  evidence: text('evidence').notNull(),
  /** The alert record it made or joined. */
  alertId: text('alert_id').notNull(),
  receivedAt: at('received_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.integrationId, t.signalId] }),
  // Erasing a client deletes its signals too.
  index('signals_client').on(t.clientId),
]);

/**
 * How many signals each integration sent per day (Europe/Berlin) and what
 * became of them: `kept` (made an alert), `merged` (added evidence to one),
 * `resent` (an id already stored), or the reason the rules dropped it.
 */
export const signalCounts = pgTable('signal_counts', {
  integrationId: uuid('integration_id').notNull().references(() => integrations.id, { onDelete: 'cascade' }),
  day: date('day', { mode: 'string' }).notNull(),
  outcome: text('outcome').notNull(),
  /**
   * Each request adds to one of a few rows per outcome, picked at random:
   * with a single row, concurrent requests of one integration would wait for
   * each other's commit. The report adds them up.
   */
  slot: integer('slot').notNull().default(0),
  count: integer('count').notNull(),
}, (t) => [primaryKey({ columns: [t.integrationId, t.day, t.outcome, t.slot] })]);

export type Integration = typeof integrations.$inferSelect;

/**
 * A manufacturer's person's password for the console (`set-password`): scrypt
 * with a salt of its own, kept as `scrypt$N$r$p$salt$hash`. Only people holding
 * `manufacturer` have one; a device never signs in with it.
 */
export const consoleLogins = pgTable('console_logins', {
  userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  passwordHash: text('password_hash').notNull(),
  setAt: at('set_at').notNull(),
});

/**
 * A signed-in console: the cookie's random token, kept only as its SHA-256
 * hash. It ends when signed out, or after a time without use (backend/console/session.ts).
 */
export const consoleSessions = pgTable('console_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: at('created_at').notNull(),
  lastUsedAt: at('last_used_at').notNull(),
}, (t) => [index('console_sessions_user').on(t.userId)]);

/**
 * Each computation of the retailers' ratings (retail.md, rating by data
 * contribution): every retailer's rating with its figures, as one document.
 * The newest is served; a retailer's device receives only its own.
 */
export const ratingRuns = pgTable('rating_runs', {
  version: integer('version').primaryKey(),
  computedAt: at('computed_at').notNull(),
  /** core/retail/rating.ts's RetailerRating[], over every retailer. */
  ratings: jsonb('ratings').$type<unknown[]>().notNull(),
}, (t) => [check('rating_runs_version', sql`${t.version} > 0`)]);

/**
 * An erased client's advice record version, kept restricted until retention
 * ends (core/retention.ts): moved out of `records` on erasure, so no pull,
 * learning, rating or console read ever meets it. Only a disclosure reads it;
 * the purge deletes it once `retain_until` has passed.
 */
export const restrictedAdviceRecords = pgTable('restricted_advice_records', {
  id: text('id').primaryKey(),
  clientId: uuid('client_id').notNull(),
  meetingId: uuid('meeting_id').notNull(),
  recordVersion: integer('record_version').notNull(),
  /** As the record held it: it names the client, so it can be shown to them or an authority. */
  content: jsonb('content').$type<unknown>().notNull(),
  contentHash: text('content_hash').notNull(),
  previousHash: text('previous_hash'),
  meetingAt: at('meeting_at').notNull(),
  createdAt: at('created_at').notNull(),
  createdBy: text('created_by'),
  deliveredAt: at('delivered_at'),
  deliveryChannel: text('delivery_channel'),
  restrictedAt: at('restricted_at').notNull(),
  retainUntil: at('retain_until').notNull(),
}, (t) => [index('restricted_advice_client').on(t.clientId), index('restricted_advice_retain_until').on(t.retainUntil)]);

/**
 * Every disclosure of a restricted record, from a device or the `disclose`
 * command: who, when, which record, for whom, why. It names the record by id,
 * never its content, and outlives the record's purge.
 */
export const adviceDisclosures = pgTable('advice_disclosures', {
  id: uuid('id').primaryKey(),
  recordId: text('record_id').notNull(),
  clientId: uuid('client_id').notNull(),
  /** The person, when a device's user disclosed it (null: the command, which names its operator in `disclosed_by_name`). */
  userId: uuid('user_id'),
  disclosedByName: text('disclosed_by_name').notNull(),
  disclosedTo: text('disclosed_to').notNull(),
  note: text('note'),
  disclosedAt: at('disclosed_at').notNull(),
  /** Where it was made: a device (pushed) or the backend's command. */
  via: text('via').$type<'device' | 'command'>().notNull(),
}, (t) => [
  check('advice_disclosures_to', sql`${t.disclosedTo} IN ('client', 'authority')`),
  check('advice_disclosures_via', sql`${t.via} IN ('device', 'command')`),
  index('advice_disclosures_record').on(t.recordId),
]);
