// The device's HTTP connection to the manufacturer's backend. Every answer is
// checked against the protocol's schemas before the book is touched: a
// backend (or a proxy) that says something unexpected changes nothing here.
import { z } from 'zod';
import { backendExportResponse, type BackendExport } from '#core/export-records.ts';
import { manufacturerResponse, type ManufacturerHave, type ManufacturerResponse } from '#core/manufacturer.ts';
import {
  peopleResponse, pullResponse, pushClockAhead, pushGap, pushResponse, type PeopleResponse, type PullResponse, type PushResponse, type PushedMutation,
} from '#core/sync/protocol.ts';

/** Why a sync step did not happen, in terms the status line can show. */
export type SyncErrorKind = 'offline' | 'revoked' | 'unauthorized' | 'gap' | 'protocol' | 'rate_limited';

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  readonly expectedSeq?: number;
  /** For rate_limited: when the backend accepts another try, as it said in Retry-After. */
  readonly retryAfterSeconds?: number;
  constructor(kind: SyncErrorKind, message: string, extra: { expectedSeq?: number; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'SyncError';
    this.kind = kind;
    this.expectedSeq = extra.expectedSeq;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

const enrolResponse = z.object({
  deviceId: z.string(),
  token: z.string(),
  user: z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()) }),
});
export type EnrolResponse = z.infer<typeof enrolResponse>;

/**
 * A push's answer. `held`: the backend stopped at mutation `seq`, stamped
 * `aheadMinutes` after its time; the results cover what came before it.
 */
export type PushAnswer = PushResponse & { held: { seq: number; aheadMinutes: number } | null };

// The held answer first: it has every field of a plain one, and more.
const pushAnswer = z.union([
  pushClockAhead.transform(({ results, lastSeq, serverTime, seq, aheadMinutes }) => ({ results, lastSeq, serverTime, held: { seq, aheadMinutes } })),
  pushResponse.transform((r) => ({ ...r, held: null })),
]);

export interface LinkOptions {
  url: string;
  token?: string;
  /** Per request; a hung backend must not hang sync. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export class BackendLink {
  private readonly options: LinkOptions;
  constructor(options: LinkOptions) {
    this.options = options;
  }

  enrol(code: string, deviceName: string): Promise<EnrolResponse> {
    return this.post('/v1/enrol', { code, deviceName }, enrolResponse);
  }

  async push(mutations: PushedMutation[]): Promise<PushAnswer> {
    return this.post('/v1/push', { mutations }, pushAnswer, { answers409: pushClockAhead });
  }

  pull(cursor: string | null, limit: number): Promise<PullResponse> {
    return this.post('/v1/pull', { cursor, limit }, pullResponse);
  }

  /** The manufacturer's data newer than the versions this device has. */
  manufacturer(have: ManufacturerHave): Promise<ManufacturerResponse> {
    return this.post('/v1/manufacturer', { have }, manufacturerResponse);
  }

  /** What the backend holds about one client, for the client's export. */
  clientExport(clientId: string): Promise<BackendExport> {
    return this.post('/v1/clients/export', { clientId }, backendExportResponse);
  }

  /** The directory of life coaches: whom a client can be shared with. */
  coaches(): Promise<PeopleResponse> {
    return this.send('/v1/people?role=life_coach', undefined, peopleResponse);
  }

  private post<T>(path: string, body: unknown, schema: z.ZodType<T>, options: { answers409?: z.ZodType } = {}): Promise<T> {
    return this.send(path, body, schema, options);
  }

  /**
   * A POST of `body`, or a GET when there is none. `answers409`: a 409 of this
   * shape is an answer (parsed by `schema`), not a failure.
   */
  private async send<T>(path: string, body: unknown, schema: z.ZodType<T>, options: { answers409?: z.ZodType } = {}): Promise<T> {
    const doFetch = this.options.fetch ?? fetch;
    let res: Response;
    let text: string;
    const auth = this.options.token ? { authorization: `Bearer ${this.options.token}` } : {};
    try {
      res = await doFetch(new URL(path, this.options.url), {
        ...(body === undefined ? { method: 'GET', headers: auth } : { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
      text = await res.text();
    } catch {
      throw new SyncError('offline', 'The backend cannot be reached. Your changes are kept on this device and sent when it answers again.');
    }
    let json: unknown;
    try { json = JSON.parse(text); } catch { json = undefined; }
    const message = (json as { message?: unknown } | undefined)?.message;
    const said = typeof message === 'string' ? message : `HTTP ${res.status}`;
    if (res.status === 403 && (json as { error?: unknown })?.error === 'device_revoked') throw new SyncError('revoked', said);
    if (res.status === 401) throw new SyncError('unauthorized', said);
    if (res.status === 409) {
      const gap = pushGap.safeParse(json);
      if (gap.success) throw new SyncError('gap', gap.data.message, { expectedSeq: gap.data.expectedSeq });
    }
    const answer = res.status === 409 && options.answers409?.safeParse(json).success;
    if (res.status === 429) throw new SyncError('rate_limited', said, { retryAfterSeconds: retryAfterSeconds(res.headers.get('retry-after')) });
    if (res.status >= 500) throw new SyncError('offline', `The backend is not available (${said}). Sync tries again shortly.`);
    if (!res.ok && !answer) throw new SyncError('protocol', `The backend refused the request: ${said}`);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncError('protocol', `The backend's answer to ${new URL(path, 'http://x').pathname} was not understood; nothing was changed.`);
    return parsed.data;
  }
}

/** Retry-After in seconds, from either of its forms (seconds or an HTTP date); a minute when it is missing or unreadable. */
function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim());
  const at = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(at) ? 60 : Math.max(0, Math.ceil((at - now) / 1000));
}
