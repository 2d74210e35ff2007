// Any failure of a console call as one sentence in the user's language: the
// backend's field problems (a decline without a note, a request decided
// meanwhile) by their code, everything else by its HTTP status.
import { ORPCError } from '@orpc/client';
import type { TFunction } from 'i18next';
import type { FieldProblem } from '#core/errors.ts';

const SAID = new Set(['required', 'too_long', 'not_found', 'approval_decided', 'invalid_value']);

/** The backend's problems of a BAD_REQUEST (or a CONFLICT it explains the same way). */
export function problemsOf(error: unknown): FieldProblem[] {
  if (!(error instanceof ORPCError)) return [];
  const problems = (error.data as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? (problems as FieldProblem[]) : [];
}

export function errorMessage(t: TFunction, error: unknown): string {
  const problems = problemsOf(error);
  if (problems.length > 0) {
    return problems.map((p) => t(`errors.${SAID.has(p.code) ? p.code : 'invalid_value'}`, { max: p.params?.max ?? 500 })).join(' ');
  }
  // fetch rejects with a TypeError when no answer came at all.
  if (!(error instanceof ORPCError)) return t(error instanceof TypeError ? 'errors.network' : 'errors.unexpected');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.not_found');
  if (error.status === 409) return t('errors.approval_decided');
  if (error.status === 429) return t('errors.rateLimited');
  if (error.status === 400) return t('errors.invalid_value');
  if (error.status >= 500) return t('errors.server');
  return t('errors.unexpected');
}

/** Whether the list behind an error is out of date (decided or gone meanwhile) and worth reloading. */
export function isStale(error: unknown): boolean {
  if (problemsOf(error).some((p) => p.code === 'approval_decided' || p.code === 'not_found')) return true;
  return error instanceof ORPCError && (error.status === 404 || error.status === 409);
}
