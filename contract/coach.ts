// What the life coach's screens read: the alert inbox, the purchases under a
// client's mandates with the budget left, and the coach's mandate clients.
// Words are said by the renderer (core/coach/alert-words.ts), except the
// argument, which the offer engine writes in the language asked for.
import { z } from 'zod';
import { ALERT_STATUSES, DISMISS_REASONS } from '#core/coach/records.ts';
import { PURCHASE_REASONS } from '#core/coach/purchase.ts';
import { isoDay, optionalText, uuid } from '#core/validate.ts';

const localized = z.object({ de: z.string(), en: z.string() });
const period = z.object({ from: z.string(), to: z.string() });

export const inboxFilter = z.enum(['open', 'snoozed', 'done']);

/** The budget of one mandate in its current period. */
export const budgetView = z.object({ mandateId: z.string(), period, spentCents: z.number(), leftCents: z.number(), budgetCents: z.number() });

export const alertOfferView = z.object({
  id: z.string(), kind: z.enum(['bundle', 'product']), name: localized,
  /** A bundle's products; a product's own id. */
  items: z.array(z.string()),
  /** One price period of everything in it, in cents; with the period when all its products share one (null for a mixed bundle). */
  priceCents: z.number(), pricePeriod: z.string().nullable(),
  /** Within the client's mandate as it stands now (areas, simple, cap, budget left). */
  withinMandate: z.boolean(),
});

export const alertView = z.object({
  id: z.string(), clientId: z.string(), clientName: z.object({ firstName: z.string(), lastName: z.string() }),
  event: z.string(),
  signals: z.array(z.object({ id: z.string(), evidence: z.string(), observedAt: z.string(), eventDate: z.string().nullable() })),
  urgent: z.boolean(),
  status: z.enum(ALERT_STATUSES), snoozedUntil: z.string().nullable(), outcome: z.string().nullable(),
  dismissReason: z.string().nullable(), note: z.string().nullable(), createdAt: z.number(), doneAt: z.number().nullable(),
  reaction: z.enum(['buy_under_mandate', 'propose', 'note_only']),
  offers: z.array(alertOfferView),
  /** The first offer's argument in the segment's register, in the language asked for; null when nothing is offered any more. */
  argument: z.object({ style: z.string(), text: z.string() }).nullable(),
  /** The client's mandate for this coach, in force today, with its budget. */
  mandate: budgetView.extend({ areas: z.array(z.string()), perPurchaseCapCents: z.number() }).nullable(),
  /** The client agreed to be contacted about offers: without it the coach may look, not act. */
  contactConsent: z.boolean(),
});
export type AlertView = z.infer<typeof alertView>;

export const inboxView = z.object({
  alerts: z.array(alertView),
  /** How many each filter lists, and how many open ones are urgent. */
  counts: z.object({ open: z.number(), snoozed: z.number(), done: z.number(), urgent: z.number() }),
  /** Whether a further page exists. */
  more: z.boolean(),
});

export const purchaseView = z.object({
  id: z.string(), mandateId: z.string(), on: z.string(), days: z.number(),
  items: z.array(z.object({ id: z.string(), name: localized.nullable() })),
  priceCents: z.number(), chargeCents: z.number(), singleConsent: z.boolean(), recordedAt: z.number(),
});

export const clientPurchasesView = z.object({ purchases: z.array(purchaseView), budgets: z.array(budgetView) });

/** What a purchase would be, before it is made: the same decision the store and the backend make. */
export const purchaseCheckView = z.object({
  decision: z.enum(['allowed', 'refused', 'needs_consent']), reason: z.enum(PURCHASE_REASONS).nullable(),
  priceCents: z.number().nullable(), chargeCents: z.number().nullable(), period: period.nullable(),
  spentBeforeCents: z.number().nullable(), remainingAfterCents: z.number().nullable(),
  products: z.array(z.object({ id: z.string(), name: localized.nullable() })),
});

export const purchaseInput = z.object({
  mandateId: uuid,
  items: z.array(z.string().max(80)).min(1, { error: 'required' }).max(20, { error: 'too_long' }),
  days: z.number().int().min(1).max(366).default(1),
  singleConsent: z.boolean().default(false),
});

export const mandateClientView = z.object({
  clientId: z.string(), firstName: z.string(), lastName: z.string(), mandateId: z.string(), revokedAt: z.number().nullable(),
  validFrom: z.string(), validUntil: z.string().nullable(), areas: z.array(z.string()), budget: budgetView,
  openAlerts: z.number(),
});

export const alertActions = {
  snooze: z.object({ id: uuid, until: isoDay }),
  dismiss: z.object({ id: uuid, reason: z.enum(DISMISS_REASONS, { error: 'unknown_value' }), note: optionalText(500) }),
};

export type PurchaseView = z.infer<typeof purchaseView>;
export type PurchaseCheckView = z.infer<typeof purchaseCheckView>;
