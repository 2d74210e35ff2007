// One error shape for every transport: BAD_REQUEST with the problems listed
// field by field, so the renderer can say what is wrong next to the field.
import { ORPCError, ValidationError } from '@orpc/server';
import { DomainError, describeProblem, type FieldProblem } from '#core/errors.ts';
import { DatabaseOpenError } from '#db/open.ts';
import { SyncError } from './sync/link.ts';

const CODES = new Set(['required', 'too_long', 'invalid_email', 'invalid_phone', 'invalid_date', 'date_in_future',
  'out_of_range', 'unknown_attribute', 'unknown_value', 'invalid_value', 'not_found', 'meeting_ended', 'client_erased']);

function problemsOfIssues(issues: readonly { message: string; path?: readonly (PropertyKey | { key: PropertyKey })[] }[]): FieldProblem[] {
  return issues.map((issue) => {
    const field = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.') || 'input';
    return CODES.has(issue.message)
      ? { field, code: issue.message as FieldProblem['code'] }
      : { field, code: 'invalid_value', params: { detail: issue.message } };
  });
}

export function badRequest(problems: FieldProblem[]): ORPCError<'BAD_REQUEST', { problems: FieldProblem[] }> {
  return new ORPCError('BAD_REQUEST', { message: problems.map(describeProblem).join('; '), data: { problems } });
}

/** Maps whatever a procedure threw to what a caller may see. Internal details stay in the log. */
export function toPublicError(error: unknown): unknown {
  if (error instanceof DomainError) return badRequest(error.problems);
  if (error instanceof ORPCError && error.code === 'BAD_REQUEST' && error.cause instanceof ValidationError) {
    return badRequest(problemsOfIssues(error.cause.issues));
  }
  if (error instanceof DatabaseOpenError) return new ORPCError('SERVICE_UNAVAILABLE', { message: error.message });
  // Enrolment that the backend refused or could not hear: say so, it is not a broken form.
  if (error instanceof SyncError) return new ORPCError('BAD_GATEWAY', { message: error.message, data: { kind: error.kind } });
  return error;
}

/** An oRPC client interceptor that applies toPublicError; both hosts install it. */
export async function publicErrors<T>({ next }: { next: () => Promise<T> }): Promise<T> {
  try {
    return await next();
  } catch (error) {
    throw toPublicError(error);
  }
}
