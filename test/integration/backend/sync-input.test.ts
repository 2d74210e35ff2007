// Bad requests to /v1/push and /v1/pull: a 400 that says what is wrong, and
// nothing written, nothing counted.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUSH_BATCH_MAX } from '#core/sync/protocol.ts';
import { devices } from '#backend/db/schema.ts';
import { newClient, stored, workstation, type Workstation } from './sync-support.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
let w: Workstation;
beforeAll(async () => {
  t = await testBackend();
  w = workstation(t, await t.device());
});
afterAll(async () => { await t?.dispose(); });

const good = () => ({ seq: 1, mutationId: 'm-1', name: 'client.create', args: newClient(), hlc: '001772442000000:00000:laptop', at: 1772442000000 });
const many = (n: number) => Array.from({ length: n }, (_, i) => ({ ...good(), seq: i + 1 }));

describe('POST /v1/push with bad input', () => {
  const cases: [string, unknown, RegExp][] = [
    ['broken JSON', '{"mutations": [', /^body: is not valid JSON$/],
    ['an array', '[]', /^body: must be a JSON object like \{"mutations"/],
    ['no mutations', {}, /^mutations: is missing$/],
    ['an empty batch', { mutations: [] }, /^mutations: is empty: send at least one mutation$/],
    ['too many mutations', { mutations: many(PUSH_BATCH_MAX + 1) }, /^mutations: has 501 mutations: send at most 500 per push, the rest in the next one$/],
    ['a sequence number of 0', { mutations: [{ ...good(), seq: 0 }] }, /^mutations\.0\.seq: must be more than 0$/],
    ['a fractional sequence number', { mutations: [{ ...good(), seq: 1.5 }] }, /^mutations\.0\.seq: must be a whole number$/],
    ['no arguments', { mutations: [{ ...good(), args: undefined }] }, /^mutations\.0\.args: is missing$/],
    ['a name too long', { mutations: [{ ...good(), name: 'x'.repeat(65) }] }, /^mutations\.0\.name: is too long: at most 64 characters$/],
    ['a stamp that is not a clock stamp', { mutations: [{ ...good(), hlc: 'yesterday' }] }, /^mutations\.0\.hlc: must be a clock stamp like 001772442000000:00000:device-id$/],
    ['a time as text', { mutations: [{ ...good(), at: '2026-03-02' }] }, /^mutations\.0\.at: must be a number$/],
  ];

  it.each(cases)('%s: 400 with what is wrong, nothing applied or counted', async (_name, body, message) => {
    const before = await stored(t);
    const res = await t.post('/v1/push', body, w.token);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(message), issues: [expect.any(Object)] });
    expect(await stored(t)).toEqual(before);
    expect((await t.db.select().from(devices).where(eq(devices.id, w.deviceId)))[0]!.lastSeq).toBe(0);
  });

  it('a batch over the body limit: 413 saying to push fewer at a time, nothing applied', async () => {
    const before = await stored(t);
    const notes = 'Notiz '.repeat(1_500);
    const res = await t.post('/v1/push', { mutations: many(200).map((m) => ({ ...m, args: { ...newClient(), notes } })) }, w.token);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'payload_too_large', message: expect.stringContaining('Push fewer mutations at a time.') });
    expect(await stored(t)).toEqual(before);
  });

  it('after all of them, the device’s first mutation is still number 1', async () => {
    const res = await t.post('/v1/push', { mutations: [good()] }, w.token);
    expect(await res.json()).toEqual({ results: [{ seq: 1, status: 'applied' }], lastSeq: 1, serverTime: expect.any(Number) });
  });
});

describe('POST /v1/pull with bad input', () => {
  const cases: [string, unknown, RegExp][] = [
    ['no cursor', {}, /^cursor: is missing: send the cursor of your last pull, or null to start from the beginning$/],
    ['a number as cursor', { cursor: 5 }, /^cursor: must be a string$/],
    ['a cursor never given out', { cursor: 'yesterday' }, /^cursor: is not a cursor this backend gave out: send back the cursor of your last pull unchanged, or null/],
    ['a cursor cut short', { cursor: 'v1.812' }, /^cursor: is not a cursor this backend gave out/],
    ['a cursor out of range', { cursor: 'v1.99999999999999999999.1' }, /^cursor: is not a cursor this backend gave out/],
    ['a cursor of another version', { cursor: 'v2.1.1' }, /^cursor: is not a cursor this backend gave out/],
    ['a cursor too long', { cursor: 'v'.repeat(201) }, /^cursor: is too long: at most 200 characters$/],
    ['a limit of 0', { cursor: null, limit: 0 }, /^limit: must be at least 1$/],
    ['a limit too large', { cursor: null, limit: 5001 }, /^limit: must be at most 5000$/],
    ['not JSON', 'cursor=null', /^body: is not valid JSON$/],
  ];

  it.each(cases)('%s: 400 with what is wrong', async (_name, body, message) => {
    const res = await t.post('/v1/pull', body, w.token);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(message), issues: [expect.any(Object)] });
  });
});

describe('the sync routes', () => {
  it('need a device token, and only take POST', async () => {
    for (const path of ['/v1/push', '/v1/pull']) {
      expect((await t.post(path, { cursor: null })).status).toBe(401);
      const res = await t.get(path, w.token);
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });
});
