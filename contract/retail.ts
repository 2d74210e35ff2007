// What the retailer's screens read and write (retail.md): the products with
// the range this device holds for each, a quote of a chosen price (the same
// decision the store and the backend make), the sale, the approval request,
// the lists of both, and the rating the backend sent.
import { z } from 'zod';
import { PRICE_DECISIONS, PRICE_REASONS } from '#core/retail/price.ts';
import { APPROVAL_STATUSES, approvalRequestSchema, saleRecordSchema } from '#core/retail/records.ts';
import { retailerRating } from '#core/retail/rating.ts';
import { isoDay, uuid } from '#core/validate.ts';

const localized = z.object({ de: z.string(), en: z.string() });
const clientName = z.object({ firstName: z.string(), lastName: z.string() });

/** A range in cents as the device holds it; a list price has floor = proposal = ceiling and no last day. */
export const centRangeView = z.object({
  proposedCents: z.number(), floorCents: z.number(), ceilingCents: z.number(),
  validUntil: z.string().nullable(), source: z.enum(['range', 'list_price']),
});
export type CentRangeView = z.infer<typeof centRangeView>;

export const retailProductView = z.object({
  id: z.string(), name: localized, area: z.string(), kind: z.string(), period: z.string(),
  range: centRangeView,
  /** An add-on to a durable good bought at the counter: offered in variants A, B, C to a passive co-buyer. */
  forDurableGood: z.boolean(),
  variants: z.array(z.object({ id: z.enum(['A', 'B', 'C']), name: localized, period: z.string(), range: centRangeView })),
});

export const approvalView = z.object({
  id: z.string(), clientId: z.string(), clientName, productId: z.string(), productName: localized.nullable(), variant: z.string().nullable(),
  chosenCents: z.number(), proposedCents: z.number(), floorCents: z.number(), ceilingCents: z.number(), validUntil: z.string().nullable(),
  deviationCents: z.number(), reason: z.string().nullable(), reasonText: z.string().nullable(),
  /** The range had expired on the day of the request. */
  rangeExpired: z.boolean(),
  status: z.enum(APPROVAL_STATUSES), requestedBy: z.string(), requestedAt: z.number(),
  decidedBy: z.string().nullable(), decidedAt: z.number().nullable(), note: z.string().nullable(),
  /** The last day a sale may use the approval. */
  expiresOn: z.string().nullable(),
  /** Approved and not run out today: a sale at its price can be recorded now. */
  usable: z.boolean(),
});
export type ApprovalView = z.infer<typeof approvalView>;

export const saleView = z.object({
  id: z.string(), clientId: z.string(), clientName, productId: z.string(), productName: localized.nullable(), variant: z.string().nullable(),
  period: z.string(), chosenCents: z.number(), proposedCents: z.number(), floorCents: z.number(), ceilingCents: z.number(),
  deviationCents: z.number(),
  /** proposed, within_range or approved. */
  decision: z.string(),
  reason: z.string().nullable(), reasonText: z.string().nullable(), approvalId: z.string().nullable(),
  soldBy: z.string(), on: z.string(), recordedAt: z.number(),
});
export type SaleView = z.infer<typeof saleView>;

/** What a sale names, checked by the same schema the store checks it with. */
const saleFields = saleRecordSchema.omit({ id: true, holdingId: true });

export const quoteInput = saleFields.omit({ approvalId: true }).extend({
  /** The day of sale; today (Europe/Berlin) when left out. */
  day: isoDay.optional(),
});

export const quoteView = z.object({
  decision: z.enum(PRICE_DECISIONS), code: z.enum(['reason_required']).nullable(),
  deviationCents: z.number(), position: z.enum(['below', 'within', 'above']), expired: z.boolean(),
  range: centRangeView,
  /** Whether this client may be offered the variants A, B, C (a passive co-buyer buying a durable good). */
  variantsOffered: z.boolean(),
  /** An approval in force for this client, product and price: the sale can be recorded with it. */
  approval: approvalView.nullable(),
  /** The newest request for exactly this that is not usable: pending, declined or run out. */
  request: approvalView.nullable(),
});
export type QuoteView = z.infer<typeof quoteView>;

export const recordSaleInput = saleFields.extend({ id: uuid.optional() });
/** A request always says why; one left out is missing, not an unknown reason. */
const requestReason = z.enum(PRICE_REASONS, { error: (issue) => (issue.input === undefined ? 'required' : 'unknown_value') });
export const requestApprovalInput = approvalRequestSchema.partial({ id: true }).extend({ reason: requestReason });

const listLimit = z.number().int().min(1).max(500).default(100);
export const salesInput = z.object({ clientId: uuid.optional(), limit: listLimit });
export const approvalsInput = z.object({ clientId: uuid.optional(), status: z.enum(APPROVAL_STATUSES).optional(), limit: listLimit });

export const ratingView = z.object({ rating: retailerRating, receivedAt: z.number() }).nullable();
