// Failed enrolments are limited per client address: after too many wrong codes
// the backend answers 429 with Retry-After and does not even look at the code,
// until the window has passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#backend/app.ts';
import { DEFAULT_ENROLMENT_LIMIT } from '#backend/throttle.ts';
import { toPublicError } from '#services/errors.ts';
import { SyncEngine } from '#services/sync/engine.ts';
import { SyncError } from '#services/sync/link.ts';
import { openTestStore } from '../../support/book.ts';
import { memoryLogger, testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
beforeAll(async () => { t = await testBackend(); });
afterAll(async () => { await t?.dispose(); });

/** A fresh app (fresh counters) on the test's database and clock. */
function freshApp() {
  return createApp({ db: t.db, logger: memoryLogger().logger, clock: t.clock });
}

function enrolFrom(app: ReturnType<typeof freshApp>, address: string, code: unknown) {
  return app.request('/v1/enrol', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: 'Laptop' }),
  }, { incoming: { socket: { remoteAddress: address } } });
}

const WRONG = 'ABCD-EFGH-JKMN';

describe('enrolment attempts', () => {
  it('after 10 wrong codes from one address it answers 429 with Retry-After, even for a valid code', async () => {
    const app = freshApp();
    const user = await t.person('Lena Schulz');
    for (let i = 0; i < DEFAULT_ENROLMENT_LIMIT.attempts; i++) expect((await enrolFrom(app, '203.0.113.7', WRONG)).status).toBe(401);

    const valid = await t.code(user.id);
    const refused = await enrolFrom(app, '203.0.113.7', valid);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(DEFAULT_ENROLMENT_LIMIT.windowMs / 1000));
    expect(await refused.json()).toEqual({ error: 'too_many_attempts', message: 'Too many wrong enrolment codes from this address. Try again in 15 minutes.' });

    // Time counts down; another address is not held up meanwhile.
    t.clock.advance(10 * 60_000);
    const later = await enrolFrom(app, '203.0.113.7', valid);
    expect(later.status).toBe(429);
    expect(later.headers.get('retry-after')).toBe('300');
    expect((await enrolFrom(app, '198.51.100.2', WRONG)).status).toBe(401);

    // The code was never tried while blocked: after the window it still works.
    t.clock.advance(5 * 60_000);
    expect((await enrolFrom(app, '203.0.113.7', valid)).status).toBe(201);
  });

  it('the window slides: each old failure that leaves it frees one attempt', async () => {
    const app = freshApp();
    for (let i = 0; i < DEFAULT_ENROLMENT_LIMIT.attempts; i++) {
      expect((await enrolFrom(app, '203.0.113.9', WRONG)).status).toBe(401);
      t.clock.advance(60_000);
    }
    // The first failure was 10 minutes ago: it leaves the window in 5 minutes.
    const blocked = await enrolFrom(app, '203.0.113.9', WRONG);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('300');
    t.clock.advance(5 * 60_000);
    expect((await enrolFrom(app, '203.0.113.9', WRONG)).status).toBe(401);
    expect((await enrolFrom(app, '203.0.113.9', WRONG)).status).toBe(429);
  });

  it('malformed requests do not count: only codes that were tried', async () => {
    const app = freshApp();
    for (let i = 0; i < 20; i++) expect((await enrolFrom(app, '203.0.113.11', 12)).status).toBe(400);
    const user = await t.person('Paul Neumann');
    expect((await enrolFrom(app, '203.0.113.11', await t.code(user.id))).status).toBe(201);
  });

  it('a limit set for the deployment applies, and the minutes are rounded up', async () => {
    const app = createApp({ db: t.db, logger: memoryLogger().logger, clock: t.clock, enrolmentLimit: { attempts: 2, windowMs: 90_000 } });
    expect((await enrolFrom(app, '203.0.113.12', WRONG)).status).toBe(401);
    expect((await enrolFrom(app, '203.0.113.12', WRONG)).status).toBe(401);
    const res = await enrolFrom(app, '203.0.113.12', WRONG);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('90');
    expect(((await res.json()) as { message: string }).message).toContain('2 minutes');
  });

  it('the device hears how long to wait and passes it on to the screen', async () => {
    const app = createApp({ db: t.db, logger: memoryLogger().logger, clock: t.clock, enrolmentLimit: { attempts: 1, windowMs: 30 * 60_000 } });
    const fetch = ((url: URL, init: RequestInit) =>
      app.fetch(new Request(url, init), { incoming: { socket: { remoteAddress: '203.0.113.30' } } })) as unknown as typeof globalThis.fetch;
    const book = openTestStore();
    try {
      const sync = new SyncEngine(book.store, { fetch });
      const first = await sync.enrol('https://backend.example.de', WRONG, 'Laptop').catch((e: unknown) => e);
      expect(first).toMatchObject({ kind: 'unauthorized' });
      const second = await sync.enrol('https://backend.example.de', WRONG, 'Laptop').catch((e: unknown) => e);
      expect(second).toBeInstanceOf(SyncError);
      expect(second).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 1800 });
      expect(toPublicError(second)).toMatchObject({ code: 'BAD_GATEWAY', data: { kind: 'rate_limited', retryAfterSeconds: 1800 } });
      expect(sync.enrolled()).toBe(false);
    } finally {
      book.close();
    }
  });
});
