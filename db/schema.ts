// The workstation's local database. Synced tables carry syncColumns; the
// manufacturer's data (catalogue, price ranges) arrives read-only by sync.

import type { StoredReason } from '#core/offers/reasons.ts';
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ConsentPurpose } from '#core/consent.ts';
import type { Share } from '#core/share.ts';
import { syncColumns } from './columns.ts';
import type { AlertSignal, PurchaseLogEntry } from '#core/coach/records.ts';
import type { CorrectionChange } from '#core/correction.ts';

/** The person using this workstation; roles decide which workspaces they see. */
export const localUser = sqliteTable('local_user', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull(),
  roles: text('roles', { mode: 'json' }).$type<string[]>().notNull(),
  locale: text('locale').notNull().default('de'),
  createdAt: integer('created_at').notNull(),
});

export const clients = sqliteTable('clients', {
  ...syncColumns,
  ownerId: text('owner_id').notNull(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  email: text('email'),
  phone: text('phone'),
  street: text('street'),
  postalCode: text('postal_code'),
  city: text('city'),
  birthDate: text('birth_date'),
  householdSize: integer('household_size'),
  household: text('household'),
  notes: text('notes'),
  digitalGroup: text('digital_group'),
  adoptionStep: text('adoption_step'),
  /** Last contact of any kind, kept here so the list can sort by it without a join. */
  lastContactAt: integer('last_contact_at'),
  /** Who the owner shared the client with (core/share.ts); only the owner changes it. */
  sharedWith: text('shared_with', { mode: 'json' }).$type<Share[]>().notNull().default([]),
  /** The owner's name as the manufacturer knows it, so a coach's device can say whose client it is (null until shared). */
  ownerName: text('owner_name'),
}, (t) => [
  // Partial: the list and its count only ever look at live clients, so both stay on this index.
  index('clients_live_name').on(t.lastName, t.firstName).where(sql`deleted_at IS NULL`),
  index('clients_last_contact').on(t.lastContactAt),
]);

export const meetings = sqliteTable('meetings', {
  ...syncColumns,
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  advisorId: text('advisor_id').notNull(),
  startedAt: integer('started_at').notNull(),
  endedAt: integer('ended_at'),
  reason: text('reason'),
  wishes: text('wishes'),
  riskSituation: text('risk_situation'),
  notes: text('notes'),
  /** The adviser's recommendation and the client's decision, for the advice record. */
  advice: text('advice'),
  decision: text('decision'),
  /** Net Promoter Score (0-10) and Customer Effort Score (1-7), asked at the end. */
  nps: integer('nps'),
  ces: integer('ces'),
}, (t) => [index('meetings_client').on(t.clientId, t.startedAt)]);

/** The current answer per client and profile attribute; `value` is JSON. */
export const answers = sqliteTable('answers', {
  ...syncColumns,
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
  attribute: text('attribute').notNull(),
  value: text('value', { mode: 'json' }).$type<string | string[] | null>(),
  answeredBy: text('answered_by').notNull(),
  answeredAt: integer('answered_at').notNull(),
  recordedBy: text('recorded_by').notNull(),
}, (t) => [uniqueIndex('answers_client_attribute').on(t.clientId, t.attribute)]);

export const touchpoints = sqliteTable('touchpoints', {
  ...syncColumns,
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  channel: text('channel').notNull(),
  direction: text('direction').notNull(),
  occurredAt: integer('occurred_at').notNull(),
  summary: text('summary').notNull(),
  outcome: text('outcome'),
  refId: text('ref_id'),
  recordedBy: text('recorded_by').notNull(),
}, (t) => [index('touchpoints_client').on(t.clientId, t.occurredAt)]);

export const tasks = sqliteTable('tasks', {
  ...syncColumns,
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  dueDate: text('due_date'),
  notes: text('notes'),
  doneAt: integer('done_at'),
  assigneeId: text('assignee_id').notNull(),
}, (t) => [index('tasks_open').on(t.doneAt, t.dueDate)]);

/** Meetings planned with a client (core/appointment.ts); `meetingId` is the meeting held from the plan. */
export const appointments = sqliteTable('appointments', {
  ...syncColumns,
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  startsAt: integer('starts_at').notNull(),
  minutes: integer('minutes').notNull(),
  place: text('place'),
  purpose: text('purpose').notNull(),
  plannedBy: text('planned_by').notNull(),
  meetingId: text('meeting_id'),
  cancelledAt: integer('cancelled_at'),
}, (t) => [index('appointments_day').on(t.startsAt), index('appointments_client').on(t.clientId, t.startsAt)]);

/** NPS and CES after a purchase or a sale, under the purchase's or sale's own id (core/satisfaction.ts). */
export const feedback = sqliteTable('feedback', {
  ...syncColumns,
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  about: text('about').notNull(),
  nps: integer('nps'),
  ces: integer('ces'),
  recordedAt: integer('recorded_at').notNull(),
  recordedBy: text('recorded_by').notNull(),
}, (t) => [index('feedback_recorded').on(t.recordedAt), index('feedback_client').on(t.clientId)]);

/** Append-only: every grant and withdrawal stays, the newest per purpose is in force. */
export const consents = sqliteTable('consents', {
  ...syncColumns,
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  purpose: text('purpose').$type<ConsentPurpose>().notNull(),
  granted: integer('granted', { mode: 'boolean' }).notNull(),
  method: text('method').notNull(),
  note: text('note'),
  recordedAt: integer('recorded_at').notNull(),
  recordedBy: text('recorded_by').notNull(),
}, (t) => [index('consents_client').on(t.clientId, t.purpose, t.recordedAt)]);

/** A client's mandate for a life coach: budget per period, product areas, cap per purchase. */
export const mandates = sqliteTable('mandates', {
  ...syncColumns,
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  coachId: text('coach_id').notNull(),
  budgetCents: integer('budget_cents').notNull(),
  period: text('period').notNull(),
  areas: text('areas', { mode: 'json' }).$type<string[]>().notNull(),
  perPurchaseCapCents: integer('per_purchase_cap_cents').notNull(),
  validFrom: text('valid_from').notNull(),
  validUntil: text('valid_until'),
  revokedAt: integer('revoked_at'),
  /**
   * The purchases made under it (id, products, day, days, single consent): a
   * purchase's budget check reads this one record, on the device and on the
   * backend, which locks it, so two purchases against one budget are decided
   * one after the other there.
   */
  purchaseLog: text('purchase_log', { mode: 'json' }).$type<PurchaseLogEntry[] | null>(),
});

/**
 * An alert for a life coach, made by the backend from the signals a client's
 * assistant reported (coach.md). The backend writes what it concluded (event,
 * evidence, offers, reaction); the coach's devices write what became of it
 * (status, snooze, outcome). Words are not stored: the conclusion and the
 * argument are said in the reader's language when shown.
 */
export const alerts = sqliteTable('alerts', {
  ...syncColumns,
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  /** The coach it is for; null when the client had no coach yet (every coach with the client sees it). */
  coachId: text('coach_id'),
  event: text('event').notNull(),
  /** The first signal's id: a signal merged later names it. */
  signal: text('signal').notNull(),
  signals: text('signals', { mode: 'json' }).$type<AlertSignal[]>().notNull(),
  offers: text('offers', { mode: 'json' }).$type<string[]>().notNull(),
  argumentStyle: text('argument_style'),
  reaction: text('reaction').notNull(),
  rulesVersion: text('rules_version').notNull(),
  status: text('status').notNull(),
  snoozedUntil: text('snoozed_until'),
  outcome: text('outcome'),
  dismissReason: text('dismiss_reason'),
  note: text('note'),
  createdAt: integer('created_at').notNull(),
  doneAt: integer('done_at'),
  doneBy: text('done_by'),
}, (t) => [index('alerts_inbox').on(t.status, t.createdAt), index('alerts_client').on(t.clientId)]);

/**
 * A purchase a life coach made under a client's mandate (coach.md): what was
 * bought, on which day, what it cost and what it took from the budget.
 */
export const purchases = sqliteTable('purchases', {
  ...syncColumns,
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  mandateId: text('mandate_id').notNull(),
  coachId: text('coach_id').notNull(),
  /** The products bought (a bundle's products, not the bundle). */
  items: text('items', { mode: 'json' }).$type<string[]>().notNull(),
  days: integer('days').notNull(),
  on: text('on').notNull(),
  priceCents: integer('price_cents').notNull(),
  chargeCents: integer('charge_cents').notNull(),
  singleConsent: integer('single_consent', { mode: 'boolean' }).notNull(),
  /** The alert it answered, if any. */
  alertId: text('alert_id'),
  recordedAt: integer('recorded_at').notNull(),
}, (t) => [index('purchases_mandate').on(t.mandateId, t.on), index('purchases_client').on(t.clientId)]);

/** The prices a sale or an approval request is kept with: the range as it was (core/retail/price.ts). */
const pricedColumns = () => ({
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  /** The retailer the seller sells for, as the backend knows it; null until the backend's copy comes back. */
  retailerId: text('retailer_id'),
  productId: text('product_id').notNull(),
  variant: text('variant'),
  chosenCents: integer('chosen_cents').notNull(),
  proposedCents: integer('proposed_cents').notNull(),
  floorCents: integer('floor_cents').notNull(),
  ceilingCents: integer('ceiling_cents').notNull(),
  /** The range's last day; null for a list price, which never expires. */
  validUntil: text('valid_until'),
  rangeSource: text('range_source').notNull(),
  deviationCents: integer('deviation_cents').notNull(),
  reason: text('reason'),
  reasonText: text('reason_text'),
});

/** A retailer's sale at a chosen price (retail.md): with the range, the deviation, its reason and the approval it used. */
export const sales = sqliteTable('sales', {
  ...syncColumns,
  ...pricedColumns(),
  soldBy: text('sold_by').notNull(),
  /** The product's price period (once, month, …) the chosen price is for. */
  period: text('period').notNull(),
  /** proposed, within_range or approved. */
  decision: text('decision').notNull(),
  approvalId: text('approval_id'),
  holdingId: text('holding_id').notNull(),
  on: text('on').notNull(),
  recordedAt: integer('recorded_at').notNull(),
}, (t) => [index('sales_client').on(t.clientId), index('sales_on').on(t.on)]);

/** A price outside the range, asked of the manufacturer, and the decision once it comes back. */
export const approvals = sqliteTable('approvals', {
  ...syncColumns,
  ...pricedColumns(),
  requestedBy: text('requested_by').notNull(),
  requestedAt: integer('requested_at').notNull(),
  /** The range had expired on the day of the request. */
  expired: integer('expired', { mode: 'boolean' }).notNull(),
  status: text('status').notNull(),
  decidedBy: text('decided_by'),
  decidedAt: integer('decided_at'),
  note: text('note'),
  /** The last day a sale may use the approval (the decision day plus 14). */
  expiresOn: text('expires_on'),
}, (t) => [index('approvals_client').on(t.clientId), index('approvals_status').on(t.status, t.requestedAt)]);

/** Versioned, hash-chained advice records (§ 61 VVG); a delivered version is frozen. */
export const adviceRecords = sqliteTable('advice_records', {
  ...syncColumns,
  meetingId: text('meeting_id').notNull().references(() => meetings.id),
  clientId: text('client_id').notNull().references(() => clients.id),
  recordVersion: integer('record_version').notNull(),
  content: text('content', { mode: 'json' }).$type<unknown>().notNull(),
  contentHash: text('content_hash').notNull(),
  previousHash: text('previous_hash'),
  deliveredAt: integer('delivered_at'),
  deliveryChannel: text('delivery_channel'),
  createdAt: integer('created_at'),
  createdBy: text('created_by'),
}, (t) => [uniqueIndex('advice_records_version').on(t.meetingId, t.recordVersion)]);

/** Manufacturer data, read-only on the device: the price range granted per retailer and product. */
export const priceRanges = sqliteTable('price_ranges', {
  retailerId: text('retailer_id').notNull(),
  productId: text('product_id').notNull(),
  proposed: real('proposed').notNull(),
  floor: real('floor').notNull(),
  ceiling: real('ceiling').notNull(),
  validUntil: text('valid_until').notNull(),
}, (t) => [uniqueIndex('price_ranges_key').on(t.retailerId, t.productId)]);

/** Manufacturer data, read-only on the device: versioned documents (catalogue, rule sets). */
export const manufacturerData = sqliteTable('manufacturer_data', {
  kind: text('kind').primaryKey(),
  version: text('version').notNull(),
  body: text('body', { mode: 'json' }).$type<unknown>().notNull(),
  receivedAt: integer('received_at').notNull(),
});

/**
 * Every local mutation, in order, until the backend confirms it. `seq` is the
 * per-device sequence number the backend uses to apply each mutation once.
 */
export const outbox = sqliteTable('outbox', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  mutationId: text('mutation_id').notNull().unique(),
  name: text('name').notNull(),
  args: text('args', { mode: 'json' }).$type<unknown>().notNull(),
  clientId: text('client_id'),
  hlc: text('hlc').notNull(),
  createdAt: integer('created_at').notNull(),
  status: text('status').notNull().default('pending'),
  error: text('error'),
  /**
   * What the mutation overwrote, per record: the earlier field values and
   * stamps, or that the record was new. If the backend rejects the mutation,
   * this is how the device takes its local effect back.
   */
  undo: text('undo', { mode: 'json' }).$type<UndoEntry[]>(),
}, (t) => [index('outbox_status').on(t.status, t.seq), index('outbox_client').on(t.clientId)]);

export interface UndoEntry {
  entity: string;
  id: string;
  /** The mutation created the record: undoing removes it. */
  created: boolean;
  /** Earlier values and stamps of the fields the mutation wrote. */
  fields: Record<string, unknown>;
  stamps: Record<string, string>;
}

/**
 * Changes pulled from the backend for records of a client that still has
 * unsent local changes. They wait here and are merged once that client's
 * outbox is empty, so the advisor keeps seeing their own writes meanwhile.
 */
export const syncDeferred = sqliteTable('sync_deferred', {
  entity: text('entity').notNull(),
  id: text('id').notNull(),
  clientId: text('client_id').notNull(),
  /** The backend's state of the record ({ fields, stamps }), or null for a tombstone. */
  state: text('state', { mode: 'json' }).$type<{ fields: Record<string, unknown>; stamps: Record<string, string> } | null>(),
}, (t) => [primaryKey({ columns: [t.entity, t.id] }), index('sync_deferred_client').on(t.clientId)]);

/**
 * During a full resync: every record the backend sent again. What the book
 * holds beyond these (and has no unsent changes) is gone on the backend.
 */
export const resyncSeen = sqliteTable('resync_seen', {
  entity: text('entity').notNull(),
  id: text('id').notNull(),
}, (t) => [primaryKey({ columns: [t.entity, t.id] })]);

/** Small device facts: device id, last clock stamp, sync cursor. */
/**
 * Clients whose conclusions and value tier are owed after an answer or a
 * consent: marked in the change's own transaction, cleared once drawn
 * (services/derive.ts), so a crash between the two loses nothing.
 */
export const deriveQueue = sqliteTable('derive_queue', {
  clientId: text('client_id').primaryKey(),
  markedAt: integer('marked_at').notNull(),
});

export const deviceState = sqliteTable('device_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Segment, migration and value-tier conclusions with their provenance and the
 * client's word on them; never overwritten, a new conclusion is a new row.
 */
export const conclusions = sqliteTable('conclusions', {
  ...syncColumns,
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  value: text('value').notNull(),
  inputs: text('inputs', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  ruleSetVersion: text('rule_set_version'),
  source: text('source').notNull(),
  reason: text('reason'),
  decidedBy: text('decided_by').notNull(),
  decidedAt: integer('decided_at').notNull(),
  status: text('status').notNull(),
  statusAt: integer('status_at'),
  statusNote: text('status_note'),
}, (t) => [index('conclusions_client').on(t.clientId, t.kind, t.decidedAt)]);

/** Offers put to a client and what became of them: the backend learns acceptance per segment from these. */
export const offerOutcomes = sqliteTable('offer_outcomes', {
  ...syncColumns,
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  meetingId: text('meeting_id'),
  offerId: text('offer_id').notNull(),
  offerKind: text('offer_kind').notNull(),
  outcome: text('outcome').notNull(),
  reasonCode: text('reason_code'),
  note: text('note'),
  segment: text('segment'),
  /** Codes with their facts; outcomes from before codes hold the words shown then. */
  reasons: text('reasons', { mode: 'json' }).$type<StoredReason[]>().notNull(),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: integer('recorded_at').notNull(),
}, (t) => [index('offer_outcomes_client').on(t.clientId, t.recordedAt), index('offer_outcomes_meeting').on(t.meetingId)]);

/** The manufacturer's products a client holds. */
export const holdings = sqliteTable('holdings', {
  ...syncColumns,
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  productId: text('product_id').notNull(),
  since: text('since').notNull(),
  yearlyPremiumCents: integer('yearly_premium_cents').notNull(),
  endedOn: text('ended_on'),
}, (t) => [index('holdings_client').on(t.clientId)]);

// Advice records kept after the client's erasure (core/retention.ts). Nothing in
// the product reads these tables but the disclosure and the purge (db/retention.ts).

/**
 * An erased client's advice record version, restricted: its content (which
 * names the client, so it can be shown to them or an authority), hash chain
 * and delivery as they were, until `retainUntil`. Not a synced table.
 */
export const restrictedAdviceRecords = sqliteTable('restricted_advice_records', {
  id: text('id').primaryKey(),
  clientId: text('client_id').notNull(),
  meetingId: text('meeting_id').notNull(),
  recordVersion: integer('record_version').notNull(),
  content: text('content', { mode: 'json' }).$type<unknown>().notNull(),
  contentHash: text('content_hash').notNull(),
  previousHash: text('previous_hash'),
  /** When the meeting began: what the advisor tells records apart by. */
  meetingAt: integer('meeting_at').notNull(),
  createdAt: integer('created_at').notNull(),
  createdBy: text('created_by'),
  deliveredAt: integer('delivered_at'),
  deliveryChannel: text('delivery_channel'),
  restrictedAt: integer('restricted_at').notNull(),
  retainUntil: integer('retain_until').notNull(),
}, (t) => [index('restricted_advice_retain_until').on(t.retainUntil)]);

/** Each disclosure of a restricted record: who, when, which record, for whom, why. Names the record by id, never its content. */
export const adviceDisclosures = sqliteTable('advice_disclosures', {
  id: text('id').primaryKey(),
  recordId: text('record_id').notNull(),
  clientId: text('client_id').notNull(),
  disclosedBy: text('disclosed_by').notNull(),
  disclosedByName: text('disclosed_by_name').notNull(),
  disclosedTo: text('disclosed_to').notNull(),
  note: text('note'),
  disclosedAt: integer('disclosed_at').notNull(),
});


// Rectification (core/correction.ts).
/** A change to the client's master data that the client asked for: what, before, after, who, when. Written with the change itself. */
export const corrections = sqliteTable('corrections', {
  ...syncColumns,
  clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  changes: text('changes', { mode: 'json' }).$type<CorrectionChange[]>().notNull(),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: integer('recorded_at').notNull(),
}, (t) => [index('corrections_client').on(t.clientId, t.recordedAt)]);

export const SYNCED_TABLES = { clients, meetings, answers, touchpoints, tasks, appointments, consents, mandates, alerts, adviceRecords, conclusions, holdings, offerOutcomes, purchases, sales, approvals, corrections, feedback } as const;

