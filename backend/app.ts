// The backend's HTTP app, built from its dependencies (database, logger,
// clock) so tests call `app.request(...)` without a socket. Stateless: all it
// knows between requests is in the database, so any number of instances can
// serve one PostgreSQL (only the count of failed enrolments is kept in memory,
// per instance: throttle.ts).
//
// Routes:
//   GET  /health                 database reachable? (no auth)
//   POST /v1/enrol               one-time code + device name -> device token (no auth;
//                                429 with Retry-After after too many wrong codes from one address)
//   GET  /v1/me                  this device and its user
//   GET  /v1/access              the clients this user may see, and how
//   GET  /v1/access/:clientId    one of them, or 404 (also for clients that do not exist)
//   POST /v1/push                outbox mutations, each applied once and in order (push.ts)
//   POST /v1/pull                changes since a cursor, for the clients this user may see (pull.ts),
//                                and the user's name and roles as they are now
//   POST /v1/clients/export      what the backend holds about one client this user may see, for the client's export (export.ts)
//   GET  /v1/people?role=life_coach  the directory of life coaches: id and name, nothing else
//   POST /v1/manufacturer        catalogue, value tiers, price ranges newer than the device has (manufacturer.ts)
//   POST /v1/signals             an assistant integration's signals, which become alerts (signals.ts); its own token, not a device's
//   /console/…                   the manufacturer's console: sign-in, its API and its page (console/routes.ts);
//                                a session cookie, never a device token
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { manufacturerRequest } from '#core/manufacturer.ts';
import { MANUFACTURER_ROLE } from '#core/roles.ts';
import { minutesOf } from '#core/sync/clock.ts';
import type { PushClockAhead, pushGap, PushResponse } from '#core/sync/protocol.ts';
import { ClientNotFoundError, clientsOf, requireClient } from './access.ts';
import { clientExport } from './export.ts';
import { backendExportRequest } from '#core/export-records.ts';
import { CONSOLE_PAGE_DIR } from './console/page.ts';
import { mountConsole } from './console/routes.ts';
import { requireDevice, requireIntegration, type AuthVariables } from './auth.ts';
import type { Clock } from './clock.ts';
import { ping, type BackendDb } from './db/connect.ts';
import type { Device, User } from './db/schema.ts';
import { HttpError, jsonBody, parse, requiredName, uuidParam } from './http.ts';
import { safeError, type Logger } from './log.ts';
import { manufacturerUpdates } from './manufacturer.ts';
import { enrolDevice, peopleWithRole } from './people.ts';
import { readPull, readPush } from './protocol.ts';
import { pullChanges } from './pull.ts';
import { pushMutations } from './push.ts';
import { receiveSignals } from './signals.ts';
import { readSignals } from './signals-input.ts';
import { AttemptLimiter, type AttemptLimit } from './throttle.ts';

export interface AppDeps {
  db: BackendDb;
  logger: Logger;
  clock: Clock;
  /** How long /health waits for `SELECT 1` before it answers 503. */
  healthTimeoutMs?: number;
  /** Largest request body accepted. */
  maxBodyBytes?: number;
  /** Failed enrolments allowed per client address and window. */
  enrolmentLimit?: AttemptLimit;
  /** Failed console sign-ins allowed per client address and window. */
  consoleLoginLimit?: AttemptLimit;
  /** The console page's build (default dist/console). */
  consolePageDir?: string;
}

export type AppEnv = { Variables: AuthVariables };
type PushGap = z.infer<typeof pushGap>;

/** Routes reachable without a device token. */
const PUBLIC_V1_PATHS = new Set(['/v1/enrol']);
/** Routes for assistant integrations: their token opens these and nothing else. */
const INTEGRATION_V1_PATHS = new Set(['/v1/signals']);

const enrolBody = z.strictObject({
  code: z.string({ error: (issue) => (issue.input === undefined
    ? 'is missing: send the enrolment code your administrator gave you, like ABCD-EFGH-JKMN'
    : 'must be a string, like ABCD-EFGH-JKMN') })
    .max(64, { error: 'is too long: an enrolment code has 12 letters and digits' }),
  deviceName: requiredName("Anna's laptop", 100),
}, { error: (issue) => (issue.code === 'unrecognized_keys'
  ? `has unknown fields (${issue.keys.join(', ')}): send only code and deviceName`
  : 'must be a JSON object like {"code": "ABCD-EFGH-JKMN", "deviceName": "Anna\'s laptop"}') });

const clientParams = z.object({ clientId: uuidParam() });

/** The directory lists life coaches, whom a client can be handed to; nobody else's names go out. */
const peopleQuery = z.strictObject({
  role: z.literal('life_coach', { error: 'must be life_coach: the directory lists the life coaches a client can be shared with' }),
}, { error: (issue) => (issue.code === 'unrecognized_keys' ? `has unknown parameters (${issue.keys.join(', ')}): send only role=life_coach` : 'must be role=life_coach') });

/** The address a request came from, as the Node server saw it (tests pass it in the env the same way). */
function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

export function userView(user: User) {
  return { id: user.id, displayName: user.displayName, roles: user.roles };
}

export function deviceView(device: Device) {
  return {
    id: device.id,
    name: device.name,
    createdAt: device.createdAt.toISOString(),
    lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
    lastSeq: device.lastSeq,
  };
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { db, logger, clock } = deps;
  const healthTimeoutMs = deps.healthTimeoutMs ?? 2_000;
  const app = new Hono<AppEnv>();

  // One log line per request: method, path, status, duration, device. Never
  // headers, query strings or bodies (tokens, codes and names travel there).
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    logger.info({
      method: c.req.method,
      path: c.req.path.slice(0, 200),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      deviceId: c.get('deviceId') ?? null,
      ...(c.get('integrationId') ? { integrationId: c.get('integrationId') } : {}),
    }, 'request');
  });

  app.use('*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
    c.header('x-content-type-options', 'nosniff');
  });

  const maxBodyBytes = deps.maxBodyBytes ?? 1024 * 1024;
  app.use('*', bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) => {
      throw new HttpError(413, 'payload_too_large', `The request body is too large: at most ${maxBodyBytes} bytes.` +
        (c.req.path === '/v1/push' ? ' Push fewer mutations at a time.' : c.req.path === '/v1/signals' ? ' Send fewer signals at a time.' : ''));
    },
  }));

  app.get('/health', async (c) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        ping(db),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${healthTimeoutMs} ms`)), healthTimeoutMs); }),
      ]);
      return c.json({ status: 'ok', db: 'ok' });
    } catch (error) {
      logger.warn({ err: safeError(error) }, 'health check: database does not answer');
      return c.json({ status: 'unavailable', db: 'unreachable' }, 503);
    } finally {
      clearTimeout(timer);
    }
  });
  app.all('/health', methodNotAllowed('GET'));

  app.use('/v1/*', async (c, next) => {
    if (PUBLIC_V1_PATHS.has(c.req.path)) return next();
    if (INTEGRATION_V1_PATHS.has(c.req.path)) return requireIntegration({ db, clock })(c, next);
    return requireDevice({ db, clock })(c, next);
  });

  const enrolAttempts = new AttemptLimiter(clock, deps.enrolmentLimit);
  app.post('/v1/enrol', async (c) => {
    const address = clientAddress(c);
    const waitMs = enrolAttempts.waitMs(address);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      const minutes = Math.ceil(seconds / 60);
      throw new HttpError(429, 'too_many_attempts',
        `Too many wrong enrolment codes from this address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { headers: { 'retry-after': String(seconds) } });
    }
    const input = await jsonBody(c, enrolBody);
    const enrolment = await enrolDevice(db, input, clock.now());
    if (!enrolment) {
      enrolAttempts.failed(address);
      // Unknown, used and expired codes look the same from outside.
      throw new HttpError(401, 'invalid_enrolment_code',
        'This enrolment code cannot be used. A code works once and for 7 days: ask your administrator for a new one.');
    }
    c.set('deviceId', enrolment.device.id);
    return c.json({ deviceId: enrolment.device.id, token: enrolment.token, user: userView(enrolment.user) }, 201);
  });
  app.all('/v1/enrol', methodNotAllowed('POST'));

  app.get('/v1/me', (c) => c.json({ device: deviceView(c.get('device')), user: userView(c.get('user')) }));
  app.all('/v1/me', methodNotAllowed('GET'));

  app.get('/v1/access', async (c) => c.json({ clients: await clientsOf(db, c.get('user').id) }));
  app.all('/v1/access', methodNotAllowed('GET'));

  app.get('/v1/access/:clientId', async (c) => {
    const { clientId } = parse(clientParams, c.req.param(), 'path');
    const kind = await requireClient(db, c.get('user').id, clientId, 'read');
    return c.json({ clientId, kind });
  });
  app.all('/v1/access/:clientId', methodNotAllowed('GET'));

  app.post('/v1/push', async (c) => {
    const { mutations } = await readPush(c);
    const device = c.get('device');
    const now = clock.now();
    const serverTime = now.getTime();
    const user = c.get('user');
    // The manufacturer's decisions are made in the console, never pushed: a device speaks for no manufacturer.
    const roles = user.roles.filter((r) => r !== MANUFACTURER_ROLE);
    const outcome = await pushMutations(db, { deviceId: device.id, userId: user.id, roles, lastSeq: device.lastSeq }, mutations, now);
    if (outcome.kind === 'gap') {
      return c.json({
        error: 'gap', expectedSeq: outcome.expectedSeq,
        message: `This push skips sequence numbers: the backend expected mutation ${outcome.expectedSeq} next. Push again from there.`,
        serverTime,
      } satisfies PushGap, 409);
    }
    if (outcome.kind === 'clock_ahead') {
      const minutes = minutesOf(outcome.aheadMs);
      logger.warn({ deviceId: device.id, seq: outcome.seq, aheadMinutes: minutes }, 'push held back: device clock ahead');
      return c.json({
        error: 'clock_ahead', seq: outcome.seq, aheadMinutes: minutes,
        message: `Change ${outcome.seq} is stamped ${minutes} minutes after the server's time, so this computer's clock is ahead. ` +
          'Nothing from it on was applied. Set the date and time automatically, then push again: the changes are sent once their stamps are corrected.',
        results: outcome.results, lastSeq: outcome.lastSeq, serverTime,
      } satisfies PushClockAhead, 409);
    }
    if (outcome.kind === 'failed') {
      logger.error({ err: safeError(outcome.error), deviceId: device.id, processed: outcome.results.length }, 'push failed');
      // What was processed before the failure is committed and answered; the device pushes the rest again.
      return c.json({
        error: 'unavailable', message: 'The backend could not store all changes just now. Those listed in results are done; push the rest again shortly.',
        results: outcome.results, lastSeq: outcome.lastSeq, serverTime,
      }, 503);
    }
    const rejected = outcome.results.flatMap((r) => (r.status === 'rejected' ? [{ seq: r.seq, code: r.code }] : []));
    if (rejected.length > 0) logger.info({ deviceId: device.id, rejected }, 'mutations rejected');
    const dropped = rejected.filter((r) => r.code === 'client_erased').map((r) => r.seq);
    if (dropped.length > 0) logger.warn({ deviceId: device.id, seqs: dropped }, 'dropped late changes about erased clients');
    return c.json({ results: outcome.results, lastSeq: outcome.lastSeq, serverTime } satisfies PushResponse);
  });
  app.all('/v1/push', methodNotAllowed('POST'));

  app.post('/v1/pull', async (c) => {
    const user = c.get('user');
    // Who the person is now: a role the manufacturer changed reaches their devices with the next pull.
    return c.json({ ...(await pullChanges(db, clock, user.id, await readPull(c))), user: { displayName: user.displayName, roles: user.roles } });
  });
  app.all('/v1/pull', methodNotAllowed('POST'));

  app.post('/v1/clients/export', async (c) => {
    const { clientId } = await jsonBody(c, backendExportRequest);
    return c.json(await clientExport(db, c.get('user').id, clientId, clock.now()));
  });
  app.all('/v1/clients/export', methodNotAllowed('POST'));

  app.get('/v1/people', async (c) => {
    const { role } = parse(peopleQuery, c.req.query(), 'query');
    return c.json({ role, people: await peopleWithRole(db, role) });
  });
  app.all('/v1/people', methodNotAllowed('GET'));

  app.post('/v1/manufacturer', async (c) => {
    const { have } = await jsonBody(c, manufacturerRequest);
    return c.json(await manufacturerUpdates(db, c.get('user'), have));
  });
  app.all('/v1/manufacturer', methodNotAllowed('POST'));

  app.post('/v1/signals', async (c) => {
    const batch = await readSignals(c);
    const integration = c.get('integration');
    const answer = await receiveSignals(db, integration.id, batch, clock.now());
    // Counts only: the signals and their evidence are about people.
    logger.info({ integrationId: integration.id, kept: answer.kept, alerts: answer.alerts.length, merged: answer.merged, resent: answer.resent, dropped: answer.dropped }, 'signals received');
    return c.json(answer);
  });
  app.all('/v1/signals', methodNotAllowed('POST'));

  mountConsole(app, { db, clock, pageDir: deps.consolePageDir ?? CONSOLE_PAGE_DIR, loginLimit: deps.consoleLoginLimit, address: clientAddress });

  app.notFound((c) => c.json({ error: 'not_found', message: `There is no ${c.req.method} ${c.req.path.slice(0, 200)} here.` }, 404));

  app.onError((error, c) => {
    if (error instanceof HttpError) {
      for (const [k, v] of Object.entries(error.headers ?? {})) c.header(k, v);
      return c.json(error.body(), error.status);
    }
    if (error instanceof ClientNotFoundError) return c.json({ error: 'not_found', message: error.message }, 404);
    if (error instanceof HTTPException && error.status < 500) {
      return c.json({ error: 'bad_request', message: error.message || 'The request could not be read.' }, error.status);
    }
    logger.error({ err: safeError(error), method: c.req.method, path: c.req.path.slice(0, 200) }, 'request failed');
    return c.json({ error: 'internal', message: 'Something went wrong on the server. It has been logged; try again later.' }, 500);
  });

  return app;
}

function methodNotAllowed(allowed: string) {
  return (c: Context) => {
    c.header('allow', allowed === 'GET' ? 'GET, HEAD' : allowed);
    return c.json({ error: 'method_not_allowed', message: `${c.req.method} is not allowed here: use ${allowed}.` }, 405);
  };
}
