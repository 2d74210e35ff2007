// Turns what the core refused into words for the user, next to the field
// concerned, and any other failure into a sentence in the user's language
// (the English messages of the core and the transport are for logs only).
import { ORPCError } from '@orpc/client';
import type { TFunction } from 'i18next';
import type { DomainErrorCode, FieldProblem } from '#core/errors.ts';
import { connectionProblemOf } from './connection.ts';
import { formatCents, formatIsoDate, formatNumber } from './format.ts';
import type { Language } from './i18n/language.ts';

/** The field problems of a BAD_REQUEST, or null when the error is of another kind. */
export function problemsOf(error: unknown): FieldProblem[] | null {
  if (!(error instanceof ORPCError) || error.code !== 'BAD_REQUEST') return null;
  const problems = (error.data as { problems?: FieldProblem[] } | undefined)?.problems;
  return Array.isArray(problems) ? problems : null;
}

/** "patch.email" and "email" both name the email field. */
export function fieldOf(problem: FieldProblem): string {
  return problem.field.split('.').at(-1) ?? problem.field;
}

/** Problems keyed by field name, first problem per field. */
export function problemsByField(problems: FieldProblem[]): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const p of problems) out[fieldOf(p)] ??= p;
  return out;
}

/** The parameters each message needs; without them (a refusal relayed by sync) its plain variant is said. */
const NEEDS: Partial<Record<DomainErrorCode, readonly string[]>> = {
  too_long: ['max'],
  out_of_range: ['min', 'max'],
  date_out_of_range: ['min', 'max'],
  date_too_early: ['min'],
  mandate_not_in_force: ['from'],
  needs_single_consent: ['value'],
  outside_areas: ['value', 'areas'],
  over_cap: ['price', 'cap'],
  over_budget: ['spent', 'budget', 'charge'],
  approval_expired: ['day'],
  approval_mismatch: ['price'],
  duplicate_in_list: ['line'],
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A bound as the user writes it: an amount in euros, a day in the local format, a number with its separators. */
function shown(value: string | number, unit: unknown, lang: Language): string {
  if (typeof value === 'number') return unit === 'cents' ? formatCents(value, lang) : formatNumber(value, lang);
  return ISO_DAY.test(value) ? formatIsoDate(value, lang) : value;
}

/** The language t speaks, for the parameters' formats. */
function languageOf(t: TFunction): Language {
  return t('app.language') === 'en' ? 'en' : 'de';
}

export function problemMessage(t: TFunction, p: FieldProblem): string {
  const lang = languageOf(t);
  const raw = p.params ?? {};
  const needs = NEEDS[p.code] ?? [];
  if (needs.some((k) => raw[k] === undefined)) return t(`errors.${p.code}_plain`);
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (k !== 'unit') params[k] = shown(v, raw.unit, lang);
  // "a value between 0,00 € and 50,00 €" reads better as an amount.
  if (p.code === 'out_of_range' && raw.unit === 'cents') return t('errors.out_of_range_amount', params);
  if (p.code === 'unsupported_file' && raw.detail === 'xls') return t('errors.unsupported_file_xls');
  return t(`errors.${p.code}`, params);
}

/** Whether trying the same thing again later may succeed. */
export function isRetryable(error: unknown): boolean {
  if (problemsOf(error)) return false;
  if (connectionProblemOf(error)) return true;
  return error instanceof ORPCError && error.status >= 500;
}

/** One sentence for any failure, in the user's language. */
export function errorMessage(t: TFunction, error: unknown): string {
  const problems = problemsOf(error);
  if (problems) return problems.map((p) => problemMessage(t, p)).join(' ');
  const connectionProblem = connectionProblemOf(error);
  if (connectionProblem === 'session_lost') return t('errors.sessionLost');
  if (connectionProblem === 'offline') return t('errors.network');
  if (error instanceof ORPCError) {
    // The manufacturer's backend answered (or did not) while enrolling: say which, not a stack's English.
    const { kind, retryAfterSeconds } = (error.data ?? {}) as { kind?: unknown; retryAfterSeconds?: unknown };
    if (error.code === 'BAD_GATEWAY' && kind === 'rate_limited' && typeof retryAfterSeconds === 'number') {
      return t('errors.backend.rate_limited_wait', { count: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
    }
    if (error.code === 'BAD_GATEWAY' && typeof kind === 'string') return t(`errors.backend.${kind}`, { defaultValue: t('errors.backend.protocol') });
    return t(`errors.status.${error.code}`, { defaultValue: t('errors.unexpected') });
  }
  return t('errors.unexpected');
}
