// What the renderer reads about a client's value: the tier with its criteria,
// the gap to the next tier, the lifetime value with its factors, the tier
// history, the products held; and the catalogue's products to add one from.
import { z } from 'zod';
import { VALUE_TIERS } from '#core/manufacturer.ts';
import { TIER_CRITERIA } from '#core/tiers.ts';

const tier = z.enum(VALUE_TIERS);
const criterion = z.enum(TIER_CRITERIA);
const localized = z.object({ de: z.string(), en: z.string() });

export const productView = z.object({
  id: z.string(), name: localized, area: z.string(), kind: z.string(),
  /** The list price per year in cents, as a starting point for the premium; null for one-off and daily products. */
  yearlyListCents: z.number().nullable(),
});

export const holdingView = z.object({
  id: z.string(), productId: z.string(), since: z.string(), yearlyPremiumCents: z.number(), endedOn: z.string().nullable(),
  /** null: the catalogue on this device does not list the product (any more). */
  name: localized.nullable(), area: z.string().nullable(),
  active: z.boolean(),
});

export const tierView = z.object({
  tier,
  /** The client rejected this tier: it is not used. */
  rejected: z.boolean(),
  /** "value_tiers.v3", or "value_tiers.demo" before the manufacturer's criteria arrived. */
  rulesVersion: z.string(),
  benefits: z.object({ de: z.array(z.string()), en: z.array(z.string()) }),
  facts: z.object({
    yearlyPremiumCents: z.number(), productAreas: z.number(), years: z.number(), loyalSince: z.string().nullable(),
    answered: z.number(), attributes: z.number(), completeness: z.number(),
  }),
  criteria: z.array(z.object({ criterion, value: z.number(), thresholds: z.array(z.object({ tier, threshold: z.number(), met: z.boolean() })) })),
  next: z.object({
    tier,
    gaps: z.array(z.object({ criterion, value: z.number(), threshold: z.number(), missing: z.number(), reachedOn: z.string().nullable() })),
  }).nullable(),
  clv: z.object({
    cents: z.number(),
    factors: z.object({
      yearlyPremiumCents: z.object({ value: z.number(), source: z.literal('holdings') }),
      marginRate: z.object({ value: z.number(), source: z.literal('assumption') }),
      remainingYears: z.object({ value: z.number(), source: z.literal('assumption'), loyaltyYears: z.number() }),
    }),
  }),
  history: z.array(z.object({
    id: z.string(), tier: z.string(), at: z.number(),
    status: z.enum(['unconfirmed', 'confirmed', 'rejected']), source: z.enum(['rule', 'advisor']),
  })),
  holdings: z.array(holdingView),
});

export type ProductView = z.infer<typeof productView>;
export type HoldingView = z.infer<typeof holdingView>;
export type TierView = z.infer<typeof tierView>;
