// Enrolment with one-time codes, and device tokens on every /v1 route.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devices, enrolmentCodes } from '#backend/db/schema.ts';
import { ENROLMENT_CODE_VALIDITY_MS, LAST_SEEN_RESOLUTION_MS, revokeDevice } from '#backend/people.ts';
import { hashSecret, normaliseEnrolmentCode } from '#backend/secrets.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
beforeAll(async () => { t = await testBackend(); });
afterAll(async () => { await t?.dispose(); });

const CODE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

describe('enrolment', () => {
  it('issues a typeable one-time code and keeps only its hash', async () => {
    const user = await t.person('Clara Hoffmann');
    const code = await t.code(user.id);
    expect(code).toMatch(CODE);
    const [row] = await t.db.select().from(enrolmentCodes).where(eq(enrolmentCodes.userId, user.id));
    expect(row!.codeHash).toBe(hashSecret(normaliseEnrolmentCode(code)));
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(ENROLMENT_CODE_VALIDITY_MS);
  });

  it('enrols a device with a valid code: device id, token, user', async () => {
    const user = await t.person('Anna Berger', ['advisor', 'life_coach']);
    const res = await t.enrol(await t.code(user.id), 'Anna’s ThinkPad');
    expect(res.status).toBe(201);
    const body = await res.json() as { deviceId: string; token: string };
    expect(body).toEqual({
      deviceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      user: { id: user.id, displayName: 'Anna Berger', roles: ['advisor', 'life_coach'] },
    });
    const [device] = await t.db.select().from(devices).where(eq(devices.id, body.deviceId));
    expect(device).toMatchObject({ userId: user.id, name: 'Anna’s ThinkPad', revokedAt: null, lastSeq: 0 });
    // Only the hash of the token is stored.
    expect(device!.tokenHash).toBe(hashSecret(body.token));
    expect(JSON.stringify(device)).not.toContain(body.token);
  });

  it('accepts the code typed in lower case, with spaces instead of dashes', async () => {
    const user = await t.person('Jonas Weber');
    const code = await t.code(user.id);
    const res = await t.enrol(`  ${code.toLowerCase().replaceAll('-', ' ')} `);
    expect(res.status).toBe(201);
  });

  it('refuses a used, an expired and an unknown code alike', async () => {
    const user = await t.person('Miriam Koch');
    const used = await t.code(user.id);
    expect((await t.enrol(used)).status).toBe(201);
    const expired = await t.code(user.id);
    t.clock.advance(ENROLMENT_CODE_VALIDITY_MS + 1);
    try {
      const before = (await t.db.select({ n: count() }).from(devices))[0]!.n;
      const answers = await Promise.all([used, expired, 'ABCD-EFGH-JKMN', 'not even a code'].map(async (code) => {
        const res = await t.enrol(code);
        return { status: res.status, body: await res.text() };
      }));
      for (const answer of answers) {
        expect(answer).toEqual(answers[0]);
        expect(answer.status).toBe(401);
      }
      expect(JSON.parse(answers[0]!.body)).toEqual({
        error: 'invalid_enrolment_code',
        message: expect.stringMatching(/works once and for 7 days.*ask your administrator/),
      });
      expect((await t.db.select({ n: count() }).from(devices))[0]!.n).toBe(before);
    } finally {
      t.clock.advance(-(ENROLMENT_CODE_VALIDITY_MS + 1));
    }
  });

  it('is valid until just before its expiry', async () => {
    const user = await t.person('Paul Richter');
    const code = await t.code(user.id);
    t.clock.advance(ENROLMENT_CODE_VALIDITY_MS - 1);
    try {
      expect((await t.enrol(code)).status).toBe(201);
    } finally {
      t.clock.advance(-(ENROLMENT_CODE_VALIDITY_MS - 1));
    }
  });

  it('lets only one of two devices racing with the same code win', async () => {
    const user = await t.person('Lea Schulz');
    const code = await t.code(user.id);
    const statuses = (await Promise.all([t.enrol(code, 'A'), t.enrol(code, 'B'), t.enrol(code, 'C')])).map((r) => r.status);
    expect(statuses.sort()).toEqual([201, 401, 401]);
    expect((await t.db.select({ n: count() }).from(devices).where(eq(devices.userId, user.id)))[0]!.n).toBe(1);
  });
});

describe('device tokens', () => {
  it('GET /v1/me returns the device and its user, and notes when it was seen', async () => {
    const { user, deviceId, token } = await t.device('Sophie Neumann', ['retailer']);
    const res = await t.get('/v1/me', token);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      device: { id: deviceId, name: 'Sophie Neumann\'s laptop', createdAt: t.clock.now().toISOString(), lastSeenAt: t.clock.now().toISOString(), lastSeq: 0 },
      user: { id: user.id, displayName: 'Sophie Neumann', roles: ['retailer'] },
    });
    // Seen again within the resolution: no write; later: moved on.
    t.clock.advance(LAST_SEEN_RESOLUTION_MS / 2);
    await t.get('/v1/me', token);
    const [soon] = await t.db.select().from(devices).where(eq(devices.id, deviceId));
    expect(soon!.lastSeenAt!.getTime()).toBe(t.clock.now().getTime() - LAST_SEEN_RESOLUTION_MS / 2);
    t.clock.advance(LAST_SEEN_RESOLUTION_MS);
    await t.get('/v1/me', token);
    const [later] = await t.db.select().from(devices).where(eq(devices.id, deviceId));
    expect(later!.lastSeenAt!.getTime()).toBe(t.clock.now().getTime());
  });

  it('refuses a request without a token with 401', async () => {
    const res = await t.get('/v1/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.json()).toEqual({ error: 'unauthorized', message: expect.stringContaining('Authorization: Bearer') });
    const basic = await t.app.request('/v1/me', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } });
    expect(basic.status).toBe(401);
  });

  it('refuses a wrong or malformed token with 401', async () => {
    const { token } = await t.device('Felix Wagner');
    const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const candidate of [wrong, 'x'.repeat(43), 'short', `${token}extra`]) {
      const res = await t.get('/v1/me', candidate);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'unauthorized', message: expect.stringContaining('not valid') });
    }
  });

  it('refuses a revoked device with 403 and the message to show', async () => {
    const { deviceId, token } = await t.device('Emma Braun');
    expect((await t.get('/v1/me', token)).status).toBe(200);
    await revokeDevice(t.db, deviceId, t.clock.now());
    const res = await t.get('/v1/me', token);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: 'device_revoked',
      message: 'This device was revoked by your administrator. Enrol it again to resume syncing.',
    });
    // A new code enrols it again as a new device.
    const [row] = await t.db.select().from(devices).where(eq(devices.id, deviceId));
    const again = await t.enrol(await t.code(row!.userId));
    expect(again.status).toBe(201);
    expect((await t.get('/v1/me', (await again.json() as { token: string }).token)).status).toBe(200);
  });

  it('also guards /v1 routes that do not exist, so they cannot be probed', async () => {
    expect((await t.get('/v1/nothing-here')).status).toBe(401);
    const { token } = await t.device('Noah Becker');
    expect((await t.get('/v1/nothing-here', token)).status).toBe(404);
  });

  it('never logs tokens, codes or names; logs one line per request with the device', async () => {
    const user = await t.person('Hannah Zimmermann');
    const code = await t.code(user.id);
    const res = await t.enrol(code, 'Hannah’s laptop');
    const { token, deviceId } = await res.json() as { token: string; deviceId: string };
    await t.get('/v1/me', token);
    await t.get(`/v1/me?token=${token}`);
    const text = t.log.text();
    for (const secret of [token, code, normaliseEnrolmentCode(code), 'Hannah', hashSecret(token)]) expect(text).not.toContain(secret);
    const me = t.log.lines().filter((l) => l.msg === 'request' && l.path === '/v1/me' && l.deviceId === deviceId);
    expect(me[0]).toMatchObject({ method: 'GET', path: '/v1/me', status: 200, deviceId, ms: expect.any(Number) });
  });
});
