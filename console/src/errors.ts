// Any failure of a console call as one sentence in the user's language. The
// backend names a refusal by the rules with its domain code (data.code: a
// decline without a note, a request decided meanwhile), and a refusal by the
// contract's own check with its issues; everything else by its HTTP status.
import { ORPCError } from '@orpc/client';
import type { TFunction } from 'i18next';

const SAID = new Set(['required', 'too_long', 'not_found', 'approval_decided', 'invalid_value']);
/** The limit of a note, for the message when the backend does not name it. */
const NOTE_MAX = 500;

interface Refusal { code?: unknown; issues?: { path?: unknown; message?: unknown }[]; problems?: { code?: unknown }[] }

/** The domain code of a refusal, or null when the error is not one the console has words for. */
export function refusalCode(error: unknown): string | null {
  if (!(error instanceof ORPCError)) return null;
  const data = (error.data ?? {}) as Refusal;
  // The contract's check speaks in issues whose message is the domain code ("too_long", "required").
  const codes = [data.code, ...(data.issues ?? []).map((i) => i.message), ...(data.problems ?? []).map((p) => p.code), error.code];
  return (codes.find((c) => typeof c === 'string' && SAID.has(c)) as string | undefined) ?? null;
}

export function errorMessage(t: TFunction, error: unknown): string {
  // fetch rejects with a TypeError when no answer came at all.
  if (!(error instanceof ORPCError)) return t(error instanceof TypeError ? 'errors.network' : 'errors.unexpected');
  const code = refusalCode(error);
  if (code) return t(`errors.${code}`, { max: NOTE_MAX });
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
  const code = refusalCode(error);
  if (code === 'approval_decided' || code === 'not_found') return true;
  return error instanceof ORPCError && (error.status === 404 || error.status === 409);
}
