// A client's mandate for their life coach (workflows.md): a budget per period,
// the product areas it covers, a cap per purchase and a validity. Amounts are
// whole cents, never floats. A change to an amount says what the editor saw
// before (`expected`): if someone else changed it meanwhile, the change is not
// merged but put to the user (docs/sync.md, "Money").
import { z } from 'zod';
import { intBetween, isoDay, uuid } from './validate.ts';

/** Ten million euros: far above any real mandate, low enough to catch a slipped key. */
export const MANDATE_MAX_CENTS = 1_000_000_000;
export const MANDATE_PERIODS = ['month', 'quarter', 'year'] as const;

const cents = intBetween(0, MANDATE_MAX_CENTS, 'cents');
const day = isoDay;
const areaId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'invalid_value' });

const terms = {
  budgetCents: cents,
  period: z.enum(MANDATE_PERIODS, { error: 'invalid_value' }),
  areas: z.array(areaId).min(1, { error: 'required' }).max(20, { error: 'too_long' }),
  perPurchaseCapCents: cents,
  validFrom: day,
  validUntil: day.nullable().optional(),
};

/** The money fields of a mandate: concurrent edits of these are a conflict for the user, never merged. */
export const MANDATE_MONEY_FIELDS = ['budgetCents', 'perPurchaseCapCents'] as const;
export type MandateMoneyField = (typeof MANDATE_MONEY_FIELDS)[number];

type Terms = { budgetCents?: number; perPurchaseCapCents?: number; validFrom?: string; validUntil?: string | null };

/** Rules across fields, checked on the terms as they will stand after a change. */
export function termProblems(t: Terms): { path: string; code: 'out_of_range' | 'date_too_early'; params: Record<string, string | number> }[] {
  const out: ReturnType<typeof termProblems> = [];
  if (t.budgetCents !== undefined && t.perPurchaseCapCents !== undefined && t.perPurchaseCapCents > t.budgetCents) {
    out.push({ path: 'perPurchaseCapCents', code: 'out_of_range', params: { min: 0, max: t.budgetCents, unit: 'cents' } });
  }
  // The end may not come before the start; the message names the start.
  if (t.validFrom && t.validUntil && t.validUntil < t.validFrom) out.push({ path: 'validUntil', code: 'date_too_early', params: { min: t.validFrom } });
  return out;
}

const refineTerms = (t: Terms, ctx: z.RefinementCtx, prefix: string[] = []) => {
  for (const p of termProblems(t)) ctx.addIssue({ code: 'custom', path: [...prefix, p.path], message: p.code, params: p.params });
};

export const mandateGrantSchema = z.object({ id: uuid, clientId: uuid, ...terms }).strict().superRefine((t, ctx) => refineTerms(t, ctx));

export const mandateUpdateSchema = z.object({
  id: uuid,
  patch: z.object(terms).partial().strict(),
  /** The amounts the editor saw before changing them; required for every amount in the patch. */
  expected: z.object({ budgetCents: cents, perPurchaseCapCents: cents }).partial().strict().default({}),
}).strict().superRefine((u, ctx) => {
  for (const f of MANDATE_MONEY_FIELDS) {
    if (u.patch[f] !== undefined && u.expected[f] === undefined) ctx.addIssue({ code: 'custom', path: ['expected', f], message: 'required' });
  }
  refineTerms(u.patch, ctx, ['patch']);
});

/** The client takes the mandate back: at once, everywhere. */
export const mandateRevokeSchema = z.object({ id: uuid }).strict();
