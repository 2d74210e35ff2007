// The manufacturer's console: what its web page (console/) asks the backend
// (backend/console/). Served by the backend over oRPC at /console/rpc, only to
// a manufacturer's person signed in with their own login (a session cookie set
// by POST /console/session); a device token opens none of it. Amounts are
// whole cents, moments epoch milliseconds, days YYYY-MM-DD: the page formats
// them in the user's language.
import { oc } from '@orpc/contract';
import { z } from 'zod';
import { PRICE_REASONS } from '#core/retail/price.ts';
import { APPROVAL_STATUSES } from '#core/retail/records.ts';
import { retailerRating } from '#core/retail/rating.ts';
import { DROP_REASONS } from '#core/coach/signals.ts';
import { optionalText, uuid } from '#core/validate.ts';

const localized = z.object({ de: z.string(), en: z.string() });
const cents = z.number().int();
const day = z.string();
/** A person as the console names them: never a client, only the manufacturer's and retailers' people. */
const person = z.object({ id: z.string(), displayName: z.string() });

/** The prices a request or a sale was made at, with the range it was decided against. */
const priced = z.object({
  retailerId: z.string().nullable(),
  productId: z.string(),
  productName: localized,
  variant: z.enum(['A', 'B', 'C']).nullable(),
  chosenCents: cents,
  proposedCents: cents,
  floorCents: cents,
  ceilingCents: cents,
  /** null: a list price, which never expires. */
  validUntil: day.nullable(),
  deviationCents: cents,
  reason: z.enum(PRICE_REASONS).nullable(),
  reasonText: z.string().nullable(),
});

export const approvalView = priced.extend({
  id: z.string(),
  /**
   * The client only as a short reference: the manufacturer decides a price, not about a person;
   * null for a client who does not share their data with the manufacturer.
   */
  clientRef: z.string().nullable(),
  requestedBy: person,
  requestedAt: z.number(),
  /** The range had expired on the day of the request. */
  expired: z.boolean(),
  status: z.enum(APPROVAL_STATUSES),
  decidedBy: person.nullable(),
  decidedAt: z.number().nullable(),
  note: z.string().nullable(),
  /** The last day a sale may use an approval. */
  expiresOn: day.nullable(),
});
export type ApprovalView = z.infer<typeof approvalView>;

/** One sale at a price other than the proposal, as logged. */
export const deviationView = priced.extend({
  id: z.string(),
  clientRef: z.string().nullable(),
  soldBy: person,
  on: day,
  decision: z.enum(['within_range', 'approved']),
  approvalId: z.string().nullable(),
});

export const retailerDeviations = z.object({
  retailerId: z.string(),
  sales: z.number().int(),
  deviations: z.number().int(),
  requests: z.number().int(),
  approved: z.number().int(),
  declined: z.number().int(),
  /** Mean of chosen minus proposed over the deviating sales, in cents. */
  meanDeviationCents: cents.nullable(),
  rows: z.array(deviationView),
});

export const documentVersion = z.object({
  kind: z.enum(['catalogue', 'value_tiers', 'rule_set', 'propensities', 'alert_rules', 'price_ranges']),
  version: z.number().int(),
  publishedAt: z.number(),
});

export const propensityVersion = z.object({
  version: z.number().int(),
  publishedAt: z.number(),
  learnedAt: z.string(),
  /** Outcomes the version rests on, over all segments and offers. */
  outcomes: z.number().int(),
});

export const signalsView = z.object({
  integration: z.string(),
  revoked: z.boolean(),
  received: z.number().int(),
  kept: z.number().int(),
  alerts: z.number().int(),
  dropped: z.record(z.enum([...DROP_REASONS, 'unknown_client']), z.number().int()),
});

const read = oc;
const write = oc;

export const consoleContract = {
  /** Who is signed in. */
  me: read.output(z.object({ id: z.string(), displayName: z.string() })),
  approvals: {
    list: read.input(z.object({ status: z.enum(['pending', 'decided', 'all']).default('pending') })).output(z.array(approvalView)),
    /** Approve or decline (a decline needs its note); the decision syncs to the retailer's devices. */
    decide: write.input(z.object({ id: uuid, decision: z.enum(['approved', 'declined']), note: optionalText(500) })).output(approvalView),
  },
  /** Every deviation, request and decision per retailer, newest first. */
  deviations: read.input(z.object({ retailerId: z.string().optional() })).output(z.array(retailerDeviations)),
  ratings: read.output(z.object({ computedAt: z.number().nullable(), ratings: z.array(retailerRating) })),
  signals: read.input(z.object({ since: day.optional() })).output(z.array(signalsView)),
  propensities: read.output(z.object({
    versions: z.array(propensityVersion),
    /** The newest version's rates: segment → offer → acceptance rate. */
    rates: z.record(z.string(), z.record(z.string(), z.number())),
  })),
  documents: read.output(z.array(documentVersion)),
};
export type ConsoleContract = typeof consoleContract;
