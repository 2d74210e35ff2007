// The rating by data contribution (retail.md): how much a retailer improved
// the system with its own data over the last 90 days, placed among all rated
// retailers. Pure: the backend counts what the retailer's devices pushed and
// hands the figures here; the retailer's device shows the result it is sent.
import { z } from 'zod';

export const RATING_DAYS = 90;
/** Below this many data points in the window a retailer is not rated at all. */
export const MIN_DATA_POINTS = 20;
export const RATINGS = ['gold', 'silver', 'bronze', 'none'] as const;
export type Rating = (typeof RATINGS)[number];
/** The share of rated retailers in gold, and in gold or silver together. */
const GOLD_SHARE = 0.2;
const SILVER_SHARE = 0.5;

/** What one retailer's devices contributed in the window, as the backend counted it. */
export interface Contribution {
  retailerId: string;
  /** Answers and profile attributes entered for its clients: one per client and attribute. */
  answers: number;
  /** Offer outcomes recorded with the client's reason. */
  outcomes: number;
  /** Clients whose profile became complete in the window. */
  completeProfiles: number;
}

const count = z.number().int().nonnegative();
export const retailerRating = z.object({
  retailerId: z.string(),
  rating: z.enum(RATINGS),
  /** Every data point counts one: answers, outcomes with reasons, completed profiles. */
  points: count,
  figures: z.object({ answers: count, outcomes: count, completeProfiles: count }),
  /** Place among the rated retailers (1 = most), ties sharing the better place; null when not rated. */
  place: z.number().int().positive().nullable(),
  /** How many retailers are rated. */
  of: count,
  /** The next better rating and how many more data points would reach it now; null at gold. */
  next: z.object({ rating: z.enum(['gold', 'silver', 'bronze']), points: count }).nullable(),
  /** The window counted, as days (YYYY-MM-DD, Europe/Berlin), both included. */
  from: z.string(),
  until: z.string(),
});
export type RetailerRating = z.infer<typeof retailerRating>;

export const pointsOf = (c: Contribution) => c.answers + c.outcomes + c.completeProfiles;

/** How many rated retailers may be ahead of one that still gets this rating. */
const maxAhead = (share: number, rated: number) => Math.ceil(share * rated) - 1;

/**
 * Rates every retailer: among those with at least MIN_DATA_POINTS, the top
 * 20 % gold, the next 30 % silver, the rest bronze; the others none. A
 * retailer's place counts the retailers with more points, so equal
 * contributions get equal ratings.
 */
export function rateRetailers(contributions: readonly Contribution[], window: { from: string; until: string }): RetailerRating[] {
  const rated = contributions.filter((c) => pointsOf(c) >= MIN_DATA_POINTS).map(pointsOf).sort((a, b) => b - a);
  const n = rated.length;
  return contributions.map((c) => {
    const points = pointsOf(c);
    const figures = { answers: c.answers, outcomes: c.outcomes, completeProfiles: c.completeProfiles };
    const base = { retailerId: c.retailerId, points, figures, of: n, ...window };
    if (points < MIN_DATA_POINTS) {
      return { ...base, rating: 'none' as const, place: null, next: { rating: 'bronze' as const, points: MIN_DATA_POINTS - points } };
    }
    const ahead = rated.filter((p) => p > points).length;
    const rating: Rating = ahead <= maxAhead(GOLD_SHARE, n) ? 'gold' : ahead <= maxAhead(SILVER_SHARE, n) ? 'silver' : 'bronze';
    return { ...base, rating, place: ahead + 1, next: rating === 'gold' ? null : nextStep(rating === 'silver' ? 'gold' : 'silver', points, rated) };
  });
}

/** The points that would put a retailer into `target` against the others as they stand. */
function nextStep(target: 'gold' | 'silver', points: number, rated: readonly number[]): RetailerRating['next'] {
  const others = [...rated];
  others.splice(others.indexOf(points), 1);
  // With A others allowed ahead, matching the (A+1)-th best of the others is enough (ties share the place).
  const needed = others[maxAhead(target === 'gold' ? GOLD_SHARE : SILVER_SHARE, rated.length)] ?? points;
  return { rating: target, points: Math.max(1, needed - points) };
}
