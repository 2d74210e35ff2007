// The life coach's synced records as both sides store them (coach.md): the
// alert the backend makes from signals, and the purchases under a mandate.
// The changes a coach's device makes to them are mutations (registry.ts).
import { z } from 'zod';
import { PROFILE_ATTRIBUTES } from '../profile.ts';
import { catalogueId } from '../manufacturer.ts';
import { isoDay, optionalText, uuid } from '../validate.ts';

export const LIFE_EVENTS = PROFILE_ATTRIBUTES.life_events;
export type LifeEvent = (typeof LIFE_EVENTS)[number];

/** One signal behind an alert, as the alert keeps it: the evidence a person can check. */
export interface AlertSignal { id: string; evidence: string; observedAt: string; eventDate: string | null }

export const ALERT_STATUSES = ['open', 'snoozed', 'done'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const ALERT_REACTIONS = ['buy_under_mandate', 'propose', 'note_only'] as const;
export type AlertReaction = (typeof ALERT_REACTIONS)[number];
/** What the coach did about an alert that closed it. */
export const ALERT_OUTCOMES = ['contacted', 'proposed', 'bought', 'dismissed', 'conclusion_rejected'] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];
/**
 * The outcomes that mean the coach approached the client, and so need the
 * client's consent to be contacted (workflows.md): `contacted` and `proposed`.
 * `bought` is a purchase under the mandate the client gave, the mandate's
 * business and not a contact; `conclusion_rejected` and `dismissed` record the
 * client's word or the coach's judgement, and reach nobody.
 */
export const CONTACTING_OUTCOMES: readonly string[] = ['contacted', 'proposed'] satisfies AlertOutcome[];
export const DISMISS_REASONS = ['not_relevant', 'already_handled', 'client_declined', 'wrong_conclusion', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

/** Snoozed until a day: the alert comes back to the inbox on that day. */
export const alertSnoozeSchema = z.object({ id: uuid, until: isoDay }).strict();
/** Dismissed with a reason (and a note, required for `other`, so it can be understood later). */
export const alertDismissSchema = z.object({
  id: uuid,
  reason: z.enum(DISMISS_REASONS, { error: 'unknown_value' }),
  note: optionalText(500),
}).strict().superRefine((a, ctx) => {
  if (a.reason === 'other' && !a.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'required' });
});
/** Acted on: the touchpoint, offer outcome, purchase or rejected conclusion is its own record; this closes the alert. */
export const alertCloseSchema = z.object({
  id: uuid,
  outcome: z.enum(['contacted', 'proposed', 'bought', 'conclusion_rejected'], { error: 'unknown_value' }),
}).strict();

/** A purchase under a mandate as the mandate's log keeps it. */
export interface PurchaseLogEntry { id: string; items: string[]; on: string; days: number; singleConsent: boolean }

/** Most purchases are one to three products; a bundle has a handful. */
export const PURCHASE_MAX_ITEMS = 20;

/**
 * A purchase under a mandate. `items` are product or bundle ids (a bundle
 * stands for its products); `holdingIds` name the holding each bought product
 * becomes, in the order of the products once bundles are expanded. The day is
 * the day it is made, never the device's to choose.
 */
export const purchaseMakeSchema = z.object({
  id: uuid,
  /** The mandate's client (the backend locks what a change reads by the ids it names). */
  clientId: uuid,
  mandateId: uuid,
  items: z.array(catalogueId).min(1, { error: 'required' }).max(PURCHASE_MAX_ITEMS, { error: 'too_long' }),
  holdingIds: z.array(uuid).min(1, { error: 'required' }).max(PURCHASE_MAX_ITEMS * 5, { error: 'too_long' }),
  days: z.number({ error: 'invalid_value' }).int({ error: 'invalid_value' }).min(1, { error: 'out_of_range' }).max(366, { error: 'out_of_range' }).default(1),
  /** The client agreed to this one purchase (a complex product): it then takes nothing from the budget. */
  singleConsent: z.boolean({ error: 'invalid_value' }).default(false),
  alertId: uuid.nullable().optional(),
}).strict();
