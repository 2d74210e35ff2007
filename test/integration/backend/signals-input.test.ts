// POST /v1/signals at the door: only an assistant integration's token opens
// it (never a device's, and an integration's opens nothing else), and a body
// that is not what the route takes is a 400 naming what is wrong, with
// nothing stored.
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTEGRATION_REVOKED_MESSAGE } from '#backend/auth.ts';
import { revokeIntegration } from '#backend/integrations.ts';
import { MAX_SIGNALS } from '#backend/signals-input.ts';
import { backendContents } from './backend-contents.ts';
import { assistant, clientWith } from './signals-support.ts';
import { workstation, type Workstation } from './sync-support.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
let anna: Workstation;
let a: Awaited<ReturnType<typeof assistant>>;
let clientId: string;
beforeAll(async () => {
  t = await testBackend();
  anna = workstation(t, await t.device('Anna Berger', ['advisor', 'life_coach']));
  a = await assistant(t);
  clientId = await clientWith(t, anna, ['assistant_data']);
});
afterAll(async () => { await t?.dispose(); });

const one = () => ({ batch: [{ client: clientId, signals: [a.signal('moving')] }] });

describe('the integration token', () => {
  it('opens the route; a missing, unknown or malformed token is 401 asking for an integration token, and stores nothing', async () => {
    const before = await backendContents(t.db, { attempts: 'compare' });
    for (const bearer of [null, `awi_${randomBytes(32).toString('base64url')}`, 'not-a-token']) {
      const { status, body } = await a.send(one(), bearer);
      expect(status, String(bearer)).toBe(401);
      expect(body.error).toBe('unauthorized');
      expect(body.message).toMatch(/integration/);
    }
    expect(await backendContents(t.db, { attempts: 'compare' })).toEqual(before);
    expect((await a.send(one())).status).toBe(200);
  });

  it('refuses a device token, saying which token it takes', async () => {
    const device = await t.device('Dora Device', ['life_coach']);
    const before = await backendContents(t.db);
    const { status, body } = await a.send(one(), device.token);
    expect(status).toBe(401);
    expect(body.message).toMatch(/^This is a device token: signals are sent with an assistant integration's token/);
    expect(await backendContents(t.db)).toEqual(before);
  });

  it('opens none of the device routes', async () => {
    for (const [method, path, payload] of [['GET', '/v1/me'], ['GET', '/v1/access'], ['POST', '/v1/pull', { cursor: null }], ['POST', '/v1/push', { mutations: [] }], ['POST', '/v1/manufacturer', { have: {} }]] as const) {
      const res = await t.app.request(path, {
        method, headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' }, ...(payload ? { body: JSON.stringify(payload) } : {}),
      });
      expect(res.status, path).toBe(401);
      expect(((await res.json()) as { message: string }).message).toMatch(/^This is an assistant integration's token: it opens only POST \/v1\/signals/);
    }
  });

  it('once revoked: 403 saying so, on the next request, and nothing stored', async () => {
    const b = await assistant(t, 'Old assistant');
    expect((await b.send(one())).status).toBe(200);
    expect((await revokeIntegration(t.db, b.id, t.clock.now()))?.revokedAt).toBeInstanceOf(Date);
    const before = await backendContents(t.db);
    const { status, body } = await b.send(one());
    expect(status).toBe(403);
    expect(body).toEqual({ error: 'integration_revoked', message: INTEGRATION_REVOKED_MESSAGE });
    expect(await backendContents(t.db)).toEqual(before);
  });

  it('answers another method with 405', async () => {
    const res = await t.app.request('/v1/signals', { method: 'GET', headers: { authorization: `Bearer ${a.token}` } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('a body the route does not take: 400 naming what is wrong, nothing stored', () => {
  const cases: [string, unknown, RegExp][] = [
    ['not JSON', '{"batch": [', /^body: is not valid JSON/],
    ['empty', '', /^body: is empty/],
    ['no batch', { signals: [] }, /^batch: is missing: send \{"batch".*; body: has unknown fields \(signals\): send only batch/],
    ['a batch that is no list', { batch: {} }, /^batch: must be a list of clients with their signals/],
    ['an empty batch', { batch: [] }, /^batch: may not be empty/],
    ['a client that is no id', () => ({ batch: [{ client: 'Weber', signals: [a.signal()] }] }), /^batch\.0\.client: must be the client's id, a UUID/],
    ['no signals for a client', () => ({ batch: [{ client: clientId, signals: [] }] }), /^batch\.0\.signals: may not be empty/],
    ['a confidence above 1', () => ({ batch: [{ client: clientId, signals: [a.signal('moving', { confidence: 1.5 })] }] }), /^batch\.0\.signals\.0\.confidence: must be from 0 to 1/],
    ['a time without its offset', () => ({ batch: [{ client: clientId, signals: [a.signal('moving', { observed_at: '2026-03-01T10:00:00' })] }] }), /^batch\.0\.signals\.0\.observed_at: must be a date-time with its offset/],
    ['an event day that does not exist', () => ({ batch: [{ client: clientId, signals: [a.signal('moving', { event_date: '2026-02-30' })] }] }), /^batch\.0\.signals\.0\.event_date: must be an existing day/],
    ['no evidence', () => ({ batch: [{ client: clientId, signals: [{ ...a.signal(), evidence: undefined }] }] }), /^batch\.0\.signals\.0\.evidence: must be a text/],
    ['an unknown field', () => ({ batch: [{ client: clientId, signals: [a.signal('moving', { source: 'calendar' })] }] }), /^batch\.0\.signals\.0: .*source/],
    ['one id twice', () => { const s = a.signal(); return { batch: [{ client: clientId, signals: [s] }, { client: uuidv7(), signals: [s] }] }; }, /^batch\.1\.signals\.0\.id: ".*" is sent twice in this request/],
  ];

  it.each(cases)('%s', async (_name, payload, message) => {
    const before = await backendContents(t.db);
    const { status, body } = await a.send(typeof payload === 'function' ? payload() : payload);
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_request');
    expect(body.message).toMatch(message);
    expect(body.message).toMatch(/Nothing was stored/);
    expect(await backendContents(t.db)).toEqual(before);
  });

  it(`more than ${MAX_SIGNALS} signals: says how many, and to send them in several requests`, async () => {
    const before = await backendContents(t.db);
    const signals = Array.from({ length: MAX_SIGNALS + 1 }, () => ({ ...a.signal(), evidence: 'x' }));
    const { status, body } = await a.send({ batch: [{ client: clientId, signals }] });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'too_many_signals', issues: [{ path: 'batch', message: `holds ${MAX_SIGNALS + 1} signals: at most ${MAX_SIGNALS} per request` }] });
    expect(body.message).toMatch(/Send them in several requests\. Nothing was stored\.$/);
    expect(await backendContents(t.db)).toEqual(before);
    // Exactly the most: taken.
    expect((await a.send({ batch: [{ client: clientId, signals: signals.slice(1) }] })).status).toBe(200);
  });
});
