// How satisfied clients are, asked after a meeting, a purchase under a
// mandate or a sale at a retailer: the Net Promoter Score question (0-10,
// "how likely would you recommend us") and the Customer Effort Score (1-7,
// "how easy was it"). One answer per purchase or sale, kept under the
// purchase's or sale's own id; changed, not added, when asked again.
import { z } from 'zod';
import { intBetween, uuid } from './validate.ts';

export const NPS_RANGE = { min: 0, max: 10 } as const;
export const CES_RANGE = { min: 1, max: 7 } as const;
export const FEEDBACK_ABOUT = ['purchase', 'sale'] as const;
export type FeedbackAbout = (typeof FEEDBACK_ABOUT)[number];

export const feedbackRecordSchema = z.object({
  /** The purchase's or sale's id: its feedback is one record, asked again, changed. */
  id: uuid,
  clientId: uuid,
  about: z.enum(FEEDBACK_ABOUT, { error: 'unknown_value' }),
  nps: intBetween(NPS_RANGE.min, NPS_RANGE.max).nullable(),
  ces: intBetween(CES_RANGE.min, CES_RANGE.max).nullable(),
}).strict().refine((f) => f.nps !== null || f.ces !== null, { error: 'required', path: ['nps'] });

/** An answer as the trend reads it: when, the two scores, and the group it is counted in (a segment, a tier). */
export interface Response { at: number; nps: number | null; ces: number | null; group: string | null }

/**
 * The Net Promoter Score of a set of answers: the share of promoters (9-10)
 * less the share of detractors (0-6), in points from -100 to 100; null
 * without answers.
 */
export function npsOf(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return Math.round((100 * (promoters - detractors)) / scores.length);
}

/** The mean Customer Effort Score to one decimal; null without answers. */
export function cesOf(scores: readonly number[]): number | null {
  return scores.length === 0 ? null : Math.round((10 * scores.reduce((s, x) => s + x, 0)) / scores.length) / 10;
}

/** The `count` calendar months (YYYY-MM, UTC) up to and including the one of `now`, oldest first. */
export function monthsUpTo(now: number, count: number): string[] {
  const d = new Date(now);
  return Array.from({ length: count }, (_, i) => {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (count - 1 - i), 1));
    return m.toISOString().slice(0, 7);
  });
}

export interface TrendPoint { month: string; nps: number | null; ces: number | null; responses: number }

/** Per group, per month: the scores of the answers given in that month. Groups without any answer in the months are left out. */
export function trendByGroup(responses: readonly Response[], months: readonly string[]): { group: string | null; points: TrendPoint[] }[] {
  const byGroup = new Map<string | null, Map<string, Response[]>>();
  for (const r of responses) {
    const month = new Date(r.at).toISOString().slice(0, 7);
    if (!months.includes(month)) continue;
    const group = byGroup.get(r.group) ?? new Map<string, Response[]>();
    byGroup.set(r.group, group);
    group.set(month, [...(group.get(month) ?? []), r]);
  }
  return [...byGroup].map(([group, byMonth]) => ({
    group,
    points: months.map((month) => {
      const answers = byMonth.get(month) ?? [];
      return {
        month, responses: answers.length,
        nps: npsOf(answers.flatMap((a) => (a.nps === null ? [] : [a.nps]))),
        ces: cesOf(answers.flatMap((a) => (a.ces === null ? [] : [a.ces]))),
      };
    }),
  }));
}
