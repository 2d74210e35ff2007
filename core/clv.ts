// Customer lifetime value: the margin we may expect over the rest of the
// relationship (other-models.md, seed 004). It is an estimate and is always
// shown with its factors and where each comes from, so nobody mistakes it for
// a booked figure.

/**
 * ASSUMPTIONS, not manufacturer data. They stand in until the manufacturer
 * sends real margins and retention figures with the value-tier document;
 * change them only here, so every estimate says the same.
 *
 * - marginRate: the share of the premium that remains as margin.
 * - Remaining years: clients who have stayed long tend to stay long, so the
 *   expected remaining years grow with the years of loyalty so far:
 *   baseRemainingYears + remainingYearsPerLoyalYear × loyalty, at most maxRemainingYears.
 */
export const CLV_ASSUMPTIONS = {
  marginRate: 0.25,
  baseRemainingYears: 3,
  remainingYearsPerLoyalYear: 1,
  maxRemainingYears: 25,
} as const;

export interface ClvEstimate {
  /** yearlyPremiumCents × marginRate × remainingYears, rounded to whole cents. */
  cents: number;
  factors: {
    yearlyPremiumCents: { value: number; source: 'holdings' };
    marginRate: { value: number; source: 'assumption' };
    remainingYears: { value: number; source: 'assumption'; loyaltyYears: number };
  };
}

/** Loyalty counts in tenths of a year, floored: 2.96 years are not yet 3, here as in the criteria. */
const tenthsFloor = (years: number) => Math.floor(Math.max(0, years) * 10 + 1e-9) / 10;

export function expectedRemainingYears(loyaltyYears: number): number {
  const a = CLV_ASSUMPTIONS;
  const years = Math.min(a.maxRemainingYears, a.baseRemainingYears + a.remainingYearsPerLoyalYear * tenthsFloor(loyaltyYears));
  return Math.round(years * 10) / 10;
}

export function estimateClv(yearlyPremiumCents: number, loyaltyYears: number): ClvEstimate {
  const remaining = expectedRemainingYears(loyaltyYears);
  const marginRate = CLV_ASSUMPTIONS.marginRate;
  return {
    cents: Math.round(yearlyPremiumCents * marginRate * remaining),
    factors: {
      yearlyPremiumCents: { value: yearlyPremiumCents, source: 'holdings' },
      marginRate: { value: marginRate, source: 'assumption' },
      remainingYears: { value: remaining, source: 'assumption', loyaltyYears: tenthsFloor(loyaltyYears) },
    },
  };
}
