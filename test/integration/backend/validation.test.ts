// Bad input to every route: a 400 (or 404/405/413) that says what is wrong,
// and nothing written.
import { count, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devices, enrolmentCodes } from '#backend/db/schema.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
let token: string;
beforeAll(async () => {
  t = await testBackend();
  ({ token } = await t.device());
});
afterAll(async () => { await t?.dispose(); });

async function written() {
  const [d] = await t.db.select({ n: count() }).from(devices);
  const [c] = await t.db.select({ n: count() }).from(enrolmentCodes).where(isNotNull(enrolmentCodes.usedAt));
  return { devices: d!.n, usedCodes: c!.n };
}

describe('POST /v1/enrol with bad input', () => {
  const json = { 'content-type': 'application/json' };
  const cases: [string, RequestInit, RegExp][] = [
    ['no body', { headers: json }, /body: is empty/],
    ['broken JSON', { headers: json, body: '{"code": "ABCD-' }, /body: is not valid JSON/],
    ['not JSON at all', { headers: { 'content-type': 'text/plain' }, body: 'code=ABCD' }, /body: must be JSON/],
    ['form data', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'code=ABCD&deviceName=x' }, /body: must be JSON/],
    ['an array', { headers: json, body: '[]' }, /body: must be a JSON object/],
    ['null', { headers: json, body: 'null' }, /body: must be a JSON object/],
    ['missing fields', { headers: json, body: '{}' }, /code: is missing.*deviceName: is missing/],
    ['wrong types', { headers: json, body: '{"code": 12, "deviceName": true}' }, /code: must be a string.*deviceName: must be a string/],
    ['empty device name', { headers: json, body: '{"code": "ABCD-EFGH-JKMN", "deviceName": "   "}' }, /deviceName: may not be empty/],
    ['device name too long', { headers: json, body: JSON.stringify({ code: 'ABCD-EFGH-JKMN', deviceName: 'x'.repeat(101) }) }, /deviceName: is too long: at most 100/],
    ['control characters', { headers: json, body: JSON.stringify({ code: 'ABCD-EFGH-JKMN', deviceName: 'a\u0000b' }) }, /deviceName: may not contain control characters/],
    ['code too long', { headers: json, body: JSON.stringify({ code: 'A'.repeat(65), deviceName: 'Laptop' }) }, /code: is too long/],
    ['unknown fields', { headers: json, body: JSON.stringify({ code: 'ABCD-EFGH-JKMN', deviceName: 'Laptop', admin: true }) }, /body: has unknown fields \(admin\)/],
  ];

  it.each(cases)('%s: 400 with what is wrong, nothing written', async (_name, init, message) => {
    const user = await t.person('Valid Code Holder');
    const code = await t.code(user.id);
    const before = await written();
    // The code in the database is valid: after the refusal it is still unused.
    const res = await t.app.request('/v1/enrol', { method: 'POST', ...init });
    expect(res.status).toBe(400);
    const body = await res.json() as { issues: unknown[] };
    expect(body).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(message) });
    expect(body.issues.length).toBeGreaterThan(0);
    expect(await written()).toEqual(before);
    expect((await t.enrol(code)).status).toBe(201);
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await t.app.request('/v1/enrol', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'ABCD-EFGH-JKMN', deviceName: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'payload_too_large', message: expect.any(String) });
  });

  it('refuses other methods with 405', async () => {
    const res = await t.app.request('/v1/enrol');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toEqual({ error: 'method_not_allowed', message: 'GET is not allowed here: use POST.' });
  });
});

describe('other routes with bad input', () => {
  it('GET /v1/access/:clientId with something not a UUID: 400', async () => {
    for (const id of ['123', 'robert%27);DROP%20TABLE%20users;--', '0190b2c4-7e1a-7c3d-9f00-5a6b7c8d9e0']) {
      const res = await t.get(`/v1/access/${id}`, token);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: 'invalid_request',
        message: 'clientId: must be a UUID like 0190b2c4-7e1a-7c3d-9f00-5a6b7c8d9e0f',
        issues: [{ path: 'clientId', message: expect.any(String) }],
      });
    }
  });

  it('writing methods on read-only routes: 405', async () => {
    for (const path of ['/v1/me', '/v1/access', '/v1/access/0190b2c4-7e1a-7c3d-9f00-5a6b7c8d9e0f']) {
      const res = await t.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
    const health = await t.app.request('/health', { method: 'DELETE' });
    expect(health.status).toBe(405);
  });

  it('a route that does not exist: 404 in the same JSON shape', async () => {
    const res = await t.get('/nothing');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', message: 'There is no GET /nothing here.' });
  });

  it('query strings on routes without input are ignored, not trusted', async () => {
    const res = await t.get('/v1/me?userId=someone-else', token);
    expect(res.status).toBe(200);
  });
});
