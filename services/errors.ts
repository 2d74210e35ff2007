// One error shape for every transport: BAD_REQUEST with the problems listed
// field by field, so the renderer can say what is wrong next to the field.
// Every other failure keeps an English message for logs and API callers and
// carries a code the renderer turns into words in the user's language.
import { ORPCError, ValidationError } from '@orpc/server';
import { DomainError, describeProblem, type FieldProblem } from '#core/errors.ts';
import { problemOfIssue, type SchemaIssue } from '#core/validate.ts';
import { DatabaseOpenError } from '#db/open.ts';
import { SyncError } from './sync/link.ts';

export function badRequest(problems: FieldProblem[]): ORPCError<'BAD_REQUEST', { problems: FieldProblem[] }> {
  return new ORPCError('BAD_REQUEST', { message: problems.map(describeProblem).join('; '), data: { problems } });
}

/** Maps whatever a procedure threw to what a caller may see. Internal details stay in the log. */
export function toPublicError(error: unknown): unknown {
  if (error instanceof DomainError) return badRequest(error.problems);
  // The contract's own check of the input: the same core schemas, so the same codes and parameters.
  if (error instanceof ORPCError && error.code === 'BAD_REQUEST' && error.cause instanceof ValidationError) {
    return badRequest(error.cause.issues.map((issue) => problemOfIssue(issue as SchemaIssue)));
  }
  if (error instanceof DatabaseOpenError) return new ORPCError('SERVICE_UNAVAILABLE', { message: error.message, data: { reason: error.reason } });
  // Enrolment that the backend refused or could not hear: say so, it is not a broken form.
  if (error instanceof SyncError) {
    const data = error.retryAfterSeconds === undefined ? { kind: error.kind } : { kind: error.kind, retryAfterSeconds: error.retryAfterSeconds };
    return new ORPCError('BAD_GATEWAY', { message: error.message, data });
  }
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

/**
 * A stream's failure as any other call's: a procedure that answers with a
 * stream (reading a list, importing it) fails while it is read, after the
 * middleware has returned, so its errors are mapped here.
 */
export async function* publicEvents<T>(events: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* events;
  } catch (error) {
    throw toPublicError(error);
  }
}
