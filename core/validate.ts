// Turns schema failures into DomainErrors with stable codes, so the UI, the CLI
// and the API can all explain a bad input the same way; and the building
// blocks whose failures carry what the message needs (both ends of a range).
import { z } from 'zod';
import { FIRST_DAY, LAST_DAY, isRealDate } from './dates.ts';
import { DomainError, isDomainErrorCode, type FieldProblem, type ParamUnit } from './errors.ts';

/** An issue as zod raises it and as a Standard Schema carries it onward (oRPC's ValidationError). */
export interface SchemaIssue {
  message: string;
  code?: string;
  path?: readonly (PropertyKey | { key: PropertyKey })[];
  maximum?: unknown;
  minimum?: unknown;
  params?: Record<string, unknown>;
  input?: unknown;
}

function paramsOf(issue: SchemaIssue): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (issue.code === 'too_big' && issue.maximum !== undefined) params.max = Number(issue.maximum);
  if (issue.code === 'too_small' && issue.minimum !== undefined) params.min = Number(issue.minimum);
  for (const [k, v] of Object.entries(issue.params ?? {})) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  return params;
}

export function problemOfIssue(issue: SchemaIssue): FieldProblem {
  const field = (issue.path ?? []).map((p) => String(typeof p === 'object' && p !== null ? p.key : p)).join('.') || 'input';
  if (isDomainErrorCode(issue.message)) {
    const params = paramsOf(issue);
    return Object.keys(params).length ? { field, code: issue.message, params } : { field, code: issue.message };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return { field, code: 'required' };
  return { field, code: 'invalid_value', params: { detail: issue.message } };
}

export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => problemOfIssue(issue as SchemaIssue));
}

const UNSTORABLE = /[\u0000\p{Cs}]/u;

/**
 * Where a value holds text no database can keep: the character U+0000
 * (PostgreSQL refuses it in text and JSON) or half of a surrogate pair (half
 * an emoji, which UTF-8 cannot encode). Such a change would be saved on the
 * device and then fail at the backend at every sync, holding up the queue.
 */
export function unstorableText(value: unknown, path: (string | number)[] = []): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? (path.join('.') || 'input') : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const found = unstorableText(k, [...path, k]) ?? unstorableText(v, [...path, k]);
    if (found) return found;
  }
  return null;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new DomainError(problemsOf(result.error));
  const field = unstorableText(result.data);
  if (field) throw new DomainError([{ field, code: 'invalid_value', params: { detail: 'it contains a character that cannot be saved (U+0000 or half an emoji): remove it' } }]);
  return result.data;
}

/** Optional free text: trimmed, empty becomes null, bounded so one paste cannot bloat the book. */
export const optionalText = (max: number) =>
  z.string().trim().max(max, { error: 'too_long' }).transform((s) => (s === '' ? null : s)).nullable().optional();

export const requiredText = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'too_long' });

export const uuid = z.uuid({ error: 'invalid_value' });

/**
 * A whole number from min to max. Either end missed names both ends, so the
 * message can say "between 1 and 20" rather than "out of range".
 */
export const intBetween = (min: number, max: number, unit?: ParamUnit) =>
  z.number({ error: 'invalid_value' }).int({ error: 'invalid_value' })
    .refine((n) => n >= min && n <= max, { error: 'out_of_range', params: unit ? { min, max, unit } : { min, max } });

/**
 * A calendar day as YYYY-MM-DD that exists (no 30 February) and lies in the
 * span the book accepts. Shells show and read it in the user's format; what
 * travels and is stored is always this.
 */
export const isoDay = z.string({ error: 'invalid_date' }).trim()
  .refine(isRealDate, { error: 'invalid_date', abort: true })
  .refine((d) => d >= FIRST_DAY && d <= LAST_DAY, { error: 'date_out_of_range', params: { min: FIRST_DAY, max: LAST_DAY } });
