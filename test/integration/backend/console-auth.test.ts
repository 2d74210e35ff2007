// Who gets into the manufacturer's console: only a manufacturer's person with
// their own password, through the session cookie. A device's token opens
// nothing of it, another site's page cannot call it, guessing is throttled,
// and a manufacturer's person never gets a device.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ORPCError } from '@orpc/client';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#backend/app.ts';
import { setConsolePassword } from '#backend/console/password.ts';
import { CONSOLE_IDLE_MS } from '#backend/console/session.ts';
import { consoleLogins, consoleSessions } from '#backend/db/schema.ts';
import { createUser, issueEnrolmentCode, setUserRoles } from '#backend/people.ts';
import { consoleAt, cookieOf } from './console-support.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
let app: ReturnType<typeof createApp>;
let pageDir: string;
const PASSWORD = 'Grüne Wiese 2027!';
const base = 'http://localhost';
const fetcher = (r: Request) => app.request(r);

beforeAll(async () => {
  t = await testBackend();
  pageDir = mkdtempSync(join(tmpdir(), 'aw-console-page-'));
  app = createApp({ db: t.db, logger: t.log.logger, clock: t.clock, consoleLoginLimit: { attempts: 3, windowMs: 60_000 }, consolePageDir: pageDir });
  const hanna = await t.person('Hanna Hersteller', ['manufacturer']);
  await setConsolePassword(t.db, hanna.id, PASSWORD, t.clock.now());
});
afterAll(async () => {
  rmSync(pageDir, { recursive: true, force: true });
  rmSync(join(pageDir, '..', `secret-${process.pid}.txt`), { force: true });
  await t?.dispose();
});

/** The API's answer as status and code, for a call that must fail. */
async function refusal(call: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ORPCError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('the call was not refused');
}

describe('a console password', () => {
  it('is only for the manufacturer\'s people, and at least 12 characters', async () => {
    const anna = await t.person('Anna Berger', ['advisor']);
    await expect(setConsolePassword(t.db, anna.id, PASSWORD, t.clock.now())).rejects.toThrow(/does not hold the role manufacturer.*--roles manufacturer/);
    await expect(setConsolePassword(t.db, 'Hanna Hersteller', 'kurz', t.clock.now())).rejects.toThrow(/at least 12 characters/);
    expect(await t.db.select().from(consoleLogins).where(eq(consoleLogins.userId, anna.id))).toEqual([]);
  });

  it('is kept as a salted scrypt hash, never as typed', async () => {
    const rows = await t.db.select().from(consoleLogins);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(rows[0]!.passwordHash).not.toContain(PASSWORD);
  });
});

describe('a manufacturer\'s person and devices', () => {
  it('gets no enrolment code, and the role does not mix with the roles of a device', async () => {
    const hanna = await t.person('Henrik Hersteller', ['manufacturer']);
    await expect(issueEnrolmentCode(t.db, hanna.id, t.clock.now())).rejects.toThrow(/never enrol a device.*set-password/);
    await expect(createUser(t.db, { displayName: 'Mia Misch', roles: ['retailer', 'manufacturer'] }, t.clock.now())).rejects.toThrow(/cannot be held together/);
  });

  it('a person with an enrolled device is not made the manufacturer\'s, and a code issued before stops working once they are', async () => {
    const rita = await t.device('Rita Reiter', ['retailer']);
    await expect(setUserRoles(t.db, rita.user.id, ['manufacturer'])).rejects.toThrow(/revoke it before/);
    const tom = await t.person('Tom Tausch', ['admin']);
    const code = await t.code(tom.id);
    await setUserRoles(t.db, tom.id, ['manufacturer']);
    expect((await t.enrol(code)).status).toBe(401);
  });
});

describe('signing in', () => {
  it('a wrong password or an unknown name: 401 with the same words, no cookie', async () => {
    const c = consoleAt(base, fetcher);
    const wrong = await c.signIn('Hanna Hersteller', 'Grüne Wiese 2026!');
    const nobody = await c.signIn('Niemand', PASSWORD);
    for (const res of [wrong, nobody]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.json()).toEqual({ error: 'invalid_login', message: expect.stringContaining('not right') });
    }
  });

  it('a body that is not { user, password } is a 400 naming the field', async () => {
    const res = await app.request(new Request(`${base}/console/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"user":"Hanna Hersteller"}' }));
    expect(res.status).toBe(400);
    expect((await res.json() as { message: string }).message).toMatch(/^password: is missing/);
  });

  it('the right password: 204 and an HttpOnly, SameSite=Strict cookie for /console only; Secure over https', async () => {
    const c = consoleAt(base, fetcher);
    const res = await c.signIn('Hanna Hersteller', PASSWORD);
    expect(res.status).toBe(204);
    const header = res.headers.get('set-cookie')!;
    expect(header).toMatch(/^aw_console=[\w-]{43}; Path=\/console; HttpOnly; SameSite=Strict$/);
    expect(await c.api.me()).toEqual({ id: expect.any(String), displayName: 'Hanna Hersteller' });
    // Only the hash of the cookie's token is kept.
    const sessions = await t.db.select().from(consoleSessions);
    expect(sessions.map((s) => s.tokenHash)).not.toContain(cookieOf(res));
    const secure = await app.request(new Request('https://localhost/console/session', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'Hanna Hersteller', password: PASSWORD }),
    }));
    expect(secure.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('too many failures from one address: 429 with Retry-After, even with the right password then', async () => {
    const throttled = createApp({ db: t.db, logger: t.log.logger, clock: t.clock, consoleLoginLimit: { attempts: 2, windowMs: 60_000 } });
    const c = consoleAt(base, (r) => throttled.request(r));
    for (let i = 0; i < 2; i++) expect((await c.signIn('Hanna Hersteller', 'falsch-falsch-falsch')).status).toBe(401);
    const res = await c.signIn('Hanna Hersteller', PASSWORD);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await res.json() as { message: string }).message).toMatch(/Try again in 1 minute/);
  });
});

describe('the console API', () => {
  it('without a cookie: 401', async () => {
    expect(await refusal(consoleAt(base, fetcher).api.approvals.list({}))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
  });

  it('with a device\'s bearer token: 401, the token opens nothing of the console', async () => {
    const device = await t.device('Rita Reiter 2', ['retailer']);
    const res = await app.request(new Request(`${base}/console/rpc/me`, { method: 'POST', headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' }, body: '{}' }));
    expect(res.status).toBe(401);
  });

  it('from a page of another site: 403, signed in or not', async () => {
    const c = consoleAt(base, fetcher);
    await c.signIn('Hanna Hersteller', PASSWORD);
    const res = await app.request(new Request(`${base}/console/rpc/me`, {
      method: 'POST', headers: { cookie: `aw_console=${c.cookie}`, origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}',
    }));
    expect(res.status).toBe(403);
    const login = await app.request(new Request(`${base}/console/session`, {
      method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: JSON.stringify({ user: 'Hanna Hersteller', password: PASSWORD }),
    }));
    expect(login.status).toBe(403);
  });

  it('signing out ends the session: the same cookie then gets 401', async () => {
    const c = consoleAt(base, fetcher);
    await c.signIn('Hanna Hersteller', PASSWORD);
    expect((await c.signOut()).status).toBe(204);
    expect(await refusal(c.api.me())).toEqual({ status: 401, code: 'UNAUTHORIZED' });
  });

  it('a session unused for 12 hours ends; one in use goes on', async () => {
    const c = consoleAt(base, fetcher);
    await c.signIn('Hanna Hersteller', PASSWORD);
    t.clock.advance(CONSOLE_IDLE_MS - 60_000);
    await c.api.me();
    t.clock.advance(CONSOLE_IDLE_MS - 60_000);
    expect(await c.api.me()).toMatchObject({ displayName: 'Hanna Hersteller' });
    t.clock.advance(CONSOLE_IDLE_MS + 1);
    expect(await refusal(c.api.me())).toEqual({ status: 401, code: 'UNAUTHORIZED' });
  });
});

describe('the console page', () => {
  it('not built: 503 saying how to build it', async () => {
    const res = await app.request('/console');
    expect(res.status).toBe(503);
    expect((await res.json() as { message: string }).message).toMatch(/npm run build:renderer/);
  });

  it('built: index.html and its assets under a strict CSP; nothing outside the folder', async () => {
    mkdirSync(join(pageDir, 'assets'), { recursive: true });
    writeFileSync(join(pageDir, 'index.html'), '<!doctype html><script type="module" src="/console/assets/index-abc.js"></script>');
    writeFileSync(join(pageDir, 'assets', 'index-abc.js'), 'console.log(1)');
    // Beside the page's folder: two levels up from assets/.
    writeFileSync(join(pageDir, '..', `secret-${process.pid}.txt`), 'x');
    for (const path of ['/console', '/console/']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self'; style-src 'self'/);
      expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    }
    const js = await app.request('/console/assets/index-abc.js');
    expect([js.status, js.headers.get('content-type'), await js.text()]).toEqual([200, 'text/javascript; charset=utf-8', 'console.log(1)']);
    for (const path of [`/console/assets/..%2F..%2Fsecret-${process.pid}.txt`, `/console/assets/%2E%2E%2F%2E%2E%2Fsecret-${process.pid}.txt`, '/console/assets/missing.js']) {
      expect((await app.request(path)).status, path).toBe(404);
    }
  });
});
