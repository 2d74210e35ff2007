// The console's routes on the backend's app:
//   POST   /console/session      { user, password } -> 204 and the session cookie; 401; 429 after too many failures
//   DELETE /console/session      signs out
//   *      /console/rpc/*        the console's API (router.ts), for a signed-in manufacturer's person
//   GET    /console, /console/, /console/assets/*   the page (page.ts)
import { RPCHandler } from '@orpc/server/fetch';
import type { Context, Hono } from 'hono';
import type { Clock } from '../clock.ts';
import type { BackendDb } from '../db/connect.ts';
import { HttpError, jsonBody } from '../http.ts';
import { AttemptLimiter, type AttemptLimit } from '../throttle.ts';
import { servePage } from './page.ts';
import { checkLogin } from './password.ts';
import { consoleRouter } from './router.ts';
import { checkOrigin, endSession, loginBody, sessionUser, startSession } from './session.ts';

export const DEFAULT_LOGIN_LIMIT: AttemptLimit = { attempts: 10, windowMs: 15 * 60_000 };

export interface ConsoleDeps {
  db: BackendDb;
  clock: Clock;
  /** The built page's folder. */
  pageDir: string;
  loginLimit?: AttemptLimit;
  address(c: Context): string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Hono env: the console sets no variables of its own
export function mountConsole(app: Hono<any>, deps: ConsoleDeps): void {
  const { db, clock } = deps;
  const attempts = new AttemptLimiter(clock, deps.loginLimit ?? DEFAULT_LOGIN_LIMIT);
  const rpc = new RPCHandler(consoleRouter({ db, clock }));

  app.post('/console/session', async (c) => {
    checkOrigin(c);
    const address = deps.address(c);
    const waitMs = attempts.waitMs(address);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      const minutes = Math.ceil(seconds / 60);
      throw new HttpError(429, 'too_many_attempts', `Too many wrong sign-ins from this address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { headers: { 'retry-after': String(seconds) } });
    }
    const { user, password } = await jsonBody(c, loginBody);
    const found = await checkLogin(db, user, password);
    if (!found) {
      attempts.failed(address);
      // Unknown name, no console password, wrong password: all alike from outside.
      throw new HttpError(401, 'invalid_login', 'The name or the password is not right. Ask your administrator if you forgot the password.');
    }
    await startSession(db, c, found, clock.now());
    return c.body(null, 204);
  });
  app.delete('/console/session', async (c) => {
    checkOrigin(c);
    await endSession(db, c);
    return c.body(null, 204);
  });

  app.all('/console/rpc/*', async (c) => {
    checkOrigin(c);
    const user = await sessionUser({ db, clock }, c);
    const { matched, response } = await rpc.handle(c.req.raw, { prefix: '/console/rpc', context: { user } });
    if (!matched) throw new HttpError(404, 'not_found', 'There is no such console procedure.');
    return response;
  });

  app.get('/console', (c) => servePage(c, deps.pageDir));
  app.get('/console/', (c) => servePage(c, deps.pageDir));
  app.get('/console/assets/:file', (c) => servePage(c, deps.pageDir, c.req.param('file')));
}
