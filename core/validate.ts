// Turns schema failures into DomainErrors with stable codes, so the UI, the CLI
// and the API can all explain a bad input the same way.
import { z } from 'zod';
import { DomainError, type DomainErrorCode, type FieldProblem } from './errors.ts';

const KNOWN_CODES = new Set<string>([
  'required', 'too_long', 'invalid_email', 'invalid_phone', 'invalid_date', 'date_in_future',
  'out_of_range', 'unknown_attribute', 'unknown_value', 'invalid_value', 'not_found',
]);

function toProblem(issue: z.core.$ZodIssue): FieldProblem {
  const field = issue.path.map(String).join('.') || 'input';
  if (KNOWN_CODES.has(issue.message)) {
    const params: Record<string, string | number> = {};
    if ('maximum' in issue && issue.code === 'too_big') params.max = Number(issue.maximum);
    if ('minimum' in issue && issue.code === 'too_small') params.min = Number(issue.minimum);
    return { field, code: issue.message as DomainErrorCode, params };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return { field, code: 'required' };
  return { field, code: 'invalid_value', params: { detail: issue.message } };
}

export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map(toProblem);
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new DomainError(problemsOf(result.error));
  return result.data;
}

/** Optional free text: trimmed, empty becomes null, bounded so one paste cannot bloat the book. */
export const optionalText = (max: number) =>
  z.string().trim().max(max, { error: 'too_long' }).transform((s) => (s === '' ? null : s)).nullable().optional();

export const requiredText = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'too_long' });

export const uuid = z.uuid({ error: 'invalid_value' });
