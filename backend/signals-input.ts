// Reads POST /v1/signals: `{ "batch": [{ "client": "<uuid>", "signals": [Signal, …] }, …] }`
// with at most MAX_SIGNALS signals in all. Each signal is checked against the
// schema the rules use (core/coach/signals.ts); anything wrong is a 400 that
// names where, and nothing of the request is stored. An unknown kind is not
// wrong: the rules drop it as `unknown_kind`.
import type { Context } from 'hono';
import { z } from 'zod';
import { signalSchema, type Signal } from '#core/coach/signals.ts';
import { HttpError, invalidInput, issuesOf, readJson } from './http.ts';

/** Per request: a batch of 1,000 signals is about half the body limit with the longest evidence. */
export const MAX_SIGNALS = 1000;

export interface SignalBatch { client: string; signals: Signal[] }

const EXAMPLE = '{"batch": [{"client": "<client id>", "signals": [{"id", "kind", "observed_at", "event_date", "confidence", "evidence"}]}]}';

const entry = z.strictObject({
  client: z.uuid({ error: (issue) => (issue.input === undefined ? 'is missing: the id of the client the signals are about' : 'must be the client\'s id, a UUID') })
    .transform((id) => id.toLowerCase()),
  signals: z.array(signalSchema, { error: 'must be a list of signals' }).min(1, { error: 'may not be empty: leave the client out instead' }),
}, { error: (issue) => (issue.code === 'unrecognized_keys'
  ? `has unknown fields (${issue.keys.join(', ')}): send only client and signals`
  : 'must be an object like {"client": "<client id>", "signals": [...]}') });

const request = z.strictObject({
  batch: z.array(entry, { error: (issue) => (issue.input === undefined ? `is missing: send ${EXAMPLE}` : 'must be a list of clients with their signals') })
    .min(1, { error: 'may not be empty: send at least one client with signals' }),
}, { error: (issue) => (issue.code === 'unrecognized_keys'
  ? `has unknown fields (${issue.keys.join(', ')}): send only batch`
  : `must be a JSON object like ${EXAMPLE}`) }).superRefine((r, ctx) => {
  // A signal id names one signal: twice in one request, one of them is not what the assistant meant.
  const seen = new Set<string>();
  r.batch.forEach((b, i) => b.signals.forEach((s, j) => {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['batch', i, 'signals', j, 'id'], message: `"${s.id}" is sent twice in this request: each signal needs its own id` });
    seen.add(s.id);
  }));
});

/** Counted before the signals are read one by one: too many is one clear answer, not a thousand. */
function signalCount(json: unknown): number {
  const batch = (json as { batch?: unknown } | null)?.batch;
  if (!Array.isArray(batch)) return 0;
  return batch.reduce<number>((n, b) => n + (Array.isArray((b as { signals?: unknown } | null)?.signals) ? (b as { signals: unknown[] }).signals.length : 0), 0);
}

const NOTHING_STORED = 'Nothing was stored: fix these and send the request again.';

export async function readSignals(c: Context): Promise<SignalBatch[]> {
  let json: unknown;
  try {
    json = await readJson(c);
  } catch (error) {
    if (error instanceof HttpError) throw new HttpError(error.status, error.code, `${error.message}. ${NOTHING_STORED}`, { issues: error.issues });
    throw error;
  }
  const count = signalCount(json);
  if (count > MAX_SIGNALS) {
    throw new HttpError(400, 'too_many_signals', `This request holds ${count} signals; at most ${MAX_SIGNALS} are taken at once. Send them in several requests. Nothing was stored.`,
      { issues: [{ path: 'batch', message: `holds ${count} signals: at most ${MAX_SIGNALS} per request` }] });
  }
  const result = request.safeParse(json);
  if (!result.success) {
    const issues = issuesOf(result.error, 'body');
    const shown = issues.slice(0, 20);
    if (issues.length > shown.length) shown.push({ path: 'body', message: `and ${issues.length - shown.length} more problems` });
    const error = invalidInput(shown);
    throw new HttpError(400, error.code, `${error.message}. ${NOTHING_STORED}`, { issues: shown });
  }
  return result.data.batch;
}
