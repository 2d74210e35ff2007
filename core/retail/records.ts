// The retailer's synced records (retail.md): a sale at a chosen price, and an
// approval request for a price outside the granted range, which the
// manufacturer decides. Both keep who, when, the prices and the reason, so the
// manufacturer can list every deviation per retailer. The changes are
// mutations (core/mutations/registry.ts, plan-retail.ts).
import { z } from 'zod';
import { catalogueId } from '../manufacturer.ts';
import { intBetween, optionalText, uuid } from '../validate.ts';
import { PRICE_REASONS } from './price.ts';

/** An approval is good for a sale at its price, for its client and product, for this many days from the decision. */
export const APPROVAL_DAYS = 14;

export const APPROVAL_STATUSES = ['pending', 'approved', 'declined'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** The highest price a sale may name: far above any product, low enough that cents stay exact. */
export const MAX_PRICE_CENTS = 100_000_000;

/** A price in whole cents, above zero. */
const priceCents = intBetween(1, MAX_PRICE_CENTS, 'cents');
const variant = z.enum(['A', 'B', 'C'], { error: 'unknown_value' }).nullable().default(null);
const reason = z.enum(PRICE_REASONS, { error: 'unknown_value' });

/** What a sale or a request names: the client, the product (and variant), the price and why it deviates. */
const priced = {
  clientId: uuid,
  productId: catalogueId,
  variant,
  chosenCents: priceCents,
  reasonText: optionalText(500),
};

/** The sale at the chosen price: a holding for the client and an entry on the timeline. */
export const saleRecordSchema = z.object({
  id: uuid,
  ...priced,
  reason: reason.nullable().default(null),
  /** The manufacturer's approval of a price outside the range. */
  approvalId: uuid.nullable().default(null),
  holdingId: uuid,
}).strict();
export type SaleRecord = z.output<typeof saleRecordSchema>;

/** A price the range does not allow: asked of the manufacturer, with the reason it is worth it. */
export const approvalRequestSchema = z.object({ id: uuid, ...priced, reason }).strict();

/** The manufacturer approves or declines a request; a decline says why, so the retailer can answer the client. */
export const approvalDecideSchema = z.object({
  id: uuid,
  decision: z.enum(['approved', 'declined'], { error: 'unknown_value' }),
  note: optionalText(500),
}).strict().superRefine((d, ctx) => {
  if (d.decision === 'declined' && !d.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'required' });
});
