// Turns what the core refused into words for the user, next to the field concerned.
import { ORPCError } from '@orpc/client';
import type { TFunction } from 'i18next';
import type { FieldProblem } from '#core/errors.ts';
import { connectionProblemOf } from './connection.ts';

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

export function problemMessage(t: TFunction, p: FieldProblem): string {
  const params = p.params ?? {};
  if (p.code === 'too_long' && params.max !== undefined) return t('errors.too_long_max', params);
  if (p.code === 'out_of_range' && (params.min === undefined || params.max === undefined)) return t('errors.out_of_range_plain');
  return t(`errors.${p.code}`, params);
}

/** Whether trying the same thing again later may succeed. */
export function isRetryable(error: unknown): boolean {
  if (problemsOf(error)) return false;
  if (connectionProblemOf(error)) return true;
  return error instanceof ORPCError && error.status >= 500;
}

/** One sentence for any failure. */
export function errorMessage(t: TFunction, error: unknown): string {
  const problems = problemsOf(error);
  if (problems) return problems.map((p) => problemMessage(t, p)).join(' ');
  const connectionProblem = connectionProblemOf(error);
  if (connectionProblem === 'session_lost') return t('errors.sessionLost');
  if (connectionProblem === 'offline') return t('errors.network');
  return t('errors.server', { message: (error as Error).message });
}
