// Every route of the backend, taken from the app itself (Hono's route list),
// asked without a token, with a wrong one and with the token of a revoked
// device: 401, 401, 403 with their codes, and nothing changed. A new route is
// in this matrix the moment it exists, so one that forgets authentication
// fails here. The assistant integrations' route is asked the same with their
// kind of token, and with a device's, which never opens it. The manufacturer's console has routes of its own
// (backend/console/), opened by its session cookie only: no device token, live or revoked, opens its API.
// The backend has no admin routes: people, codes and revocations are managed with its CLI (backend/cli.ts).
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_REVOKED_MESSAGE, INTEGRATION_REVOKED_MESSAGE } from '#backend/auth.ts';
import { createIntegration, revokeIntegration } from '#backend/integrations.ts';
import { revokeDevice } from '#backend/people.ts';
import { backendContents } from './backend-contents.ts';
import { newClient } from './sync-support.ts';
import { testBackend } from './support.ts';

/**
 * Reachable without a device token, and why. Both answer other methods with
 * 405 before any token is asked for, which says nothing about anybody.
 */
const PUBLIC: Record<string, string> = {
  '/health': 'monitoring asks whether the database answers; the reply holds nothing else',
  '/v1/enrol': 'a device has no token before it enrols: the one-time code is its proof, and wrong codes are throttled per address',
};

/** The console's sign-in and its page: no device token, and none needed (console-auth.test.ts proves their guards). */
const CONSOLE: Record<string, string> = {
  '/console/session': 'signing in: the password is the proof, and wrong ones are throttled per address; signing out needs nothing',
  '/console': 'the page: static files that hold no data', '/console/': 'the page, as /console', '/console/assets/:file': "the page's scripts and styles",
};

/** Opened by an assistant integration's token, never by a device's. */
const INTEGRATION = new Set(['/v1/signals']);

let t: Awaited<ReturnType<typeof testBackend>>;
let revokedToken: string;
let liveToken: string;
let revokedIntegrationToken: string;
let clientId: string;
beforeAll(async () => {
  t = await testBackend();
  const live = await t.device('Anna Berger');
  // A client of a working device, for the routes that name one: a token that fails must not reach it either.
  clientId = newClient().id;
  const res = await t.post('/v1/push', { mutations: [{ seq: 1, mutationId: 'm-1', name: 'client.create', args: { ...newClient(), id: clientId }, hlc: `${String(t.clock.now().getTime()).padStart(15, '0')}:00000:laptop`, at: t.clock.now().getTime() }] }, live.token);
  expect(res.status).toBe(200);
  const revoked = await t.device('Ben Roth');
  expect(await revokeDevice(t.db, revoked.deviceId, t.clock.now())).not.toBeNull();
  revokedToken = revoked.token;
  liveToken = live.token;
  const old = await createIntegration(t.db, 'Old assistant', t.clock.now());
  await revokeIntegration(t.db, old.integration.id, t.clock.now());
  revokedIntegrationToken = old.token;
});
afterAll(async () => { await t?.dispose(); });

/** The routes as the app has them; `*` paths are middleware, the rest are what a request can reach. */
function routes() {
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of t.app.routes) {
    if (r.path.includes('*')) continue;
    // A path's catch-all answers 405; asked with a method no route of that path has.
    const method = r.method === 'ALL' ? 'DELETE' : r.method;
    seen.set(`${method} ${r.path}`, { method, path: r.path });
  }
  return [...seen.values()];
}

/** A request each route would act on if the token were good: a real body, a real client. */
function request(method: string, path: string, authorization: string | undefined) {
  const url = path.replace(':clientId', clientId);
  const body = url === '/v1/push'
    ? { mutations: [{ seq: 1, mutationId: uuidv7(), name: 'client.create', args: newClient(), hlc: '001772442000000:00000:laptop', at: 1772442000000 }] }
    : url === '/v1/pull' ? { cursor: null } : url === '/v1/manufacturer' ? { have: {} } : url === '/v1/clients/export' ? { clientId }
      : url === '/v1/signals' ? { batch: [{ client: clientId, signals: [{ id: 's1', kind: 'moving', observed_at: '2026-03-01T10:00:00Z', confidence: 0.9, evidence: 'removal quotes' }] }] } : {};
  return t.app.request(url, {
    method,
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: JSON.stringify(body) }),
  });
}

const TOKENS: { name: string; header: () => string | undefined; status: number; error: string }[] = [
  { name: 'no token', header: () => undefined, status: 401, error: 'unauthorized' },
  { name: 'a token never issued', header: () => `Bearer ${randomBytes(32).toString('base64url')}`, status: 401, error: 'unauthorized' },
  { name: 'a malformed token', header: () => 'Bearer not-a-token', status: 401, error: 'unauthorized' },
  { name: 'another scheme', header: () => `Basic ${Buffer.from('anna:secret').toString('base64')}`, status: 401, error: 'unauthorized' },
  { name: 'a revoked device', header: () => `Bearer ${revokedToken}`, status: 403, error: 'device_revoked' },
];

describe('every route x {no, wrong, revoked token}', () => {
  it('the app has the routes this matrix expects, and the public ones are among them', () => {
    const paths = new Set(routes().map((r) => r.path));
    for (const p of [...Object.keys(PUBLIC), ...Object.keys(CONSOLE)]) expect(paths).toContain(p);
    // Guards against reading an empty list: the device routes are there.
    expect([...paths].filter((p) => !(p in PUBLIC) && !(p in CONSOLE)).sort()).toEqual(['/v1/access', '/v1/access/:clientId', '/v1/clients/export', '/v1/manufacturer', '/v1/me', '/v1/people', '/v1/pull', '/v1/push', '/v1/signals']);
  });

  it('a device route refuses each of them with its code, and nothing changes', async () => {
    const before = await backendContents(t.db, { attempts: 'compare' });
    const matrix = routes().filter((r) => !(r.path in PUBLIC) && !(r.path in CONSOLE) && !INTEGRATION.has(r.path)).flatMap((r) => TOKENS.map((token) => ({ ...r, token })));
    expect(matrix.length).toBeGreaterThanOrEqual(12 * TOKENS.length);
    for (const { method, path, token } of matrix) {
      const res = await request(method, path, token.header());
      const at = `${method} ${path} with ${token.name}`;
      expect(res.status, at).toBe(token.status);
      const body = await res.json() as { error: string; message: string };
      expect(body.error, at).toBe(token.error);
      expect(body.message, at).toMatch(token.status === 403 ? new RegExp(`^${DEVICE_REVOKED_MESSAGE.replace(/\./g, '\\.')}$`) : /token/);
      if (token.status === 401) expect(res.headers.get('www-authenticate'), at).toMatch(/^Bearer /);
    }
    expect(await backendContents(t.db, { attempts: 'compare' })).toEqual(before);
  });

  it('an integration route refuses each of them, a live device token too, and a revoked integration with 403', async () => {
    const before = await backendContents(t.db, { attempts: 'compare' });
    const tokens = [
      ...TOKENS.filter((k) => k.status === 401),
      { name: 'a token never issued, of the integrations\' kind', header: () => `Bearer awi_${randomBytes(32).toString('base64url')}`, status: 401, error: 'unauthorized' },
      { name: 'a live device token', header: () => `Bearer ${liveToken}`, status: 401, error: 'unauthorized' },
      { name: 'a revoked device', header: () => `Bearer ${revokedToken}`, status: 401, error: 'unauthorized' },
      { name: 'a revoked integration', header: () => `Bearer ${revokedIntegrationToken}`, status: 403, error: 'integration_revoked' },
    ];
    const matrix = routes().filter((r) => INTEGRATION.has(r.path)).flatMap((r) => tokens.map((token) => ({ ...r, token })));
    expect(matrix.length).toBeGreaterThanOrEqual(2 * tokens.length);
    for (const { method, path, token } of matrix) {
      const res = await request(method, path, token.header());
      const at = `${method} ${path} with ${token.name}`;
      expect(res.status, at).toBe(token.status);
      const body = await res.json() as { error: string; message: string };
      expect(body.error, at).toBe(token.error);
      expect(body.message, at).toMatch(token.status === 403 ? /^This integration's token was revoked/ : /token/);
      if (token.status === 403) expect(body.message).toBe(INTEGRATION_REVOKED_MESSAGE);
    }
    expect(await backendContents(t.db, { attempts: 'compare' })).toEqual(before);
  });

  it('the console\'s API opens with no device token, live or revoked: 401, and nothing changes', async () => {
    const before = await backendContents(t.db, { attempts: 'compare' });
    for (const header of [...TOKENS.map((k) => k.header()), `Bearer ${liveToken}`]) {
      for (const procedure of ['me', 'approvals/list', 'approvals/decide', 'ratings']) {
        const res = await t.app.request(`/console/rpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(header ? { authorization: header } : {}) }, body: '{"json":{}}' });
        expect(res.status, `${procedure} with ${header ?? 'no token'}`).toBe(401);
      }
    }
    expect(await backendContents(t.db, { attempts: 'compare' })).toEqual(before);
  });

  it('a path that does not exist asks for a token before it says so', async () => {
    for (const token of TOKENS) {
      const res = await request('GET', `/v1/${uuidv7()}`, token.header());
      expect(res.status, token.name).toBe(token.status);
    }
  });

  it.each(Object.entries(PUBLIC))('%s answers without a token (%s)', async (path) => {
    const before = await backendContents(t.db, { attempts: 'compare' });
    const res = path === '/health' ? await t.get('/health') : await t.post('/v1/enrol', { code: 'ABCD-EFGH-JKMN', deviceName: 'Laptop' });
    // Health is well; an unknown code is refused by the code, not for want of a token.
    expect(res.status).toBe(path === '/health' ? 200 : 401);
    expect(((await res.json()) as { error?: string }).error).toBe(path === '/health' ? undefined : 'invalid_enrolment_code');
    const wrongMethod = await t.app.request(path, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(await backendContents(t.db, { attempts: 'compare' })).toEqual(before);
  });
});
