// Browser mode end to end at the HTTP level: the secret, the Origin check,
// and the contract with its validation, over a real socket.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBrowserMode } from '../support/browser-mode.ts';
import { authorization, connect, type WorkstationClient } from '../support/rpc.ts';

let started: Awaited<ReturnType<typeof startTestBrowserMode>>;
let app: typeof started.app;
let client: WorkstationClient;

beforeAll(async () => {
  started = await startTestBrowserMode();
  app = started.app;
  client = await connect(app.url);
});
afterAll(() => { started?.stop(); });

describe('browser mode', () => {
  it('prints a loopback URL with a secret', () => {
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{40,}$/);
  });

  it('keeps the key in a file only the user can read', () => {
    const keyFile = join(started.dir.dir, 'data', 'workstation.key');
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
  });

  it('refuses the page without the secret', async () => {
    const res = await fetch(new URL('/', app.url));
    expect(res.status).toBe(401);
    expect(await res.text()).toMatch(/link printed/);
  });

  it('serves the page with the secret in its address, with a strict CSP and no cookie', async () => {
    for (const path of ['/', '/clients']) {
      const url = new URL(path, app.url);
      url.search = new URL(app.url).search;
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.text()).toContain('Advisor Workstation');
    }
    expect((await fetch(new URL('/clients?token=wrong', app.url))).status).toBe(401);
  });

  it('refuses calls from another Origin, without the secret or with a wrong one', async () => {
    const auth = authorization(app.url);
    const origin = new URL(app.url).origin;
    const call = (headers: Record<string, string>) =>
      fetch(new URL('/rpc/session/status', app.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    expect((await call({ authorization: auth, origin })).status).toBe(200);
    expect((await call({ authorization: auth, origin: 'https://evil.example' })).status).toBe(403);
    expect((await call({ authorization: auth })).status).toBe(403);
    expect((await call({ origin })).status).toBe(401);
    expect((await call({ authorization: `${auth}x`, origin })).status).toBe(401);
    // The secret in a cookie or in the address opens no call: only the header does.
    const token = new URL(app.url).searchParams.get('token')!;
    expect((await call({ cookie: `aw_session_${app.port}=${token}`, origin })).status).toBe(401);
    const inQuery = await fetch(new URL(`/rpc/session/status?token=${token}`, app.url), { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: '{}' });
    expect(inQuery.status).toBe(401);
  });

  it('refuses a forged Host (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port: app.port, path: '/', headers: { host: 'evil.example' } }, (res) => resolve(res.statusCode!)).end();
    });
    expect(status).toBe(421);
  });

  it('refuses a set-up without a name or role, and sets up nothing', async () => {
    const noName = await client.session.setup({ displayName: ' ', roles: ['advisor'], locale: 'de', demoBook: false }).catch((e) => e);
    expect(noName.data.problems).toEqual([expect.objectContaining({ field: 'displayName', code: 'required' })]);
    const noRole = await client.session.setup({ displayName: 'Anna', roles: [], locale: 'de', demoBook: false }).catch((e) => e);
    expect(noRole.data.problems).toEqual([expect.objectContaining({ field: 'roles', code: 'required' })]);
    const badLocale = await client.session.setLocale({ locale: 'fr' as never }).catch((e) => e);
    expect(badLocale.code).toBe('BAD_REQUEST');
    expect((await client.session.status()).user).toBeNull();
  });

  it('sets up, creates a client and saves an answer through the contract', async () => {
    const user = await client.session.setup({ displayName: 'Anna Berger', roles: ['advisor'], locale: 'de', demoBook: false });
    expect(user.roles).toEqual(['advisor']);
    const { id } = await client.clients.create({ firstName: 'Jürgen', lastName: 'Müller', city: 'Köln' });
    const meeting = await client.meetings.start({ clientId: id, reason: 'Umzug' });
    const saved = await client.answers.set({ clientId: id, meetingId: meeting.id, attribute: 'purchase_driver', value: 'convenience' });
    expect(saved.version).toBe(1);
    const detail = await client.clients.get({ id });
    expect(detail.answers).toMatchObject([{ attribute: 'purchase_driver', value: 'convenience' }]);
    expect(detail.timeline[0]).toMatchObject({ kind: 'meeting', summary: 'Umzug' });
    const found = await client.clients.list({ query: 'muller' });
    expect(found.items.map((c) => c.id)).toContain(id);
    expect((await client.session.status()).pendingChanges).toBeGreaterThanOrEqual(3);
  });

  it('explains bad input field by field and saves nothing', async () => {
    const before = (await client.clients.list({})).total;
    const error = await client.clients.create({ firstName: '', lastName: 'X', email: 'kaputt' }).catch((e) => e);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.data.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'firstName', code: 'required' }),
      expect.objectContaining({ field: 'email', code: 'invalid_email' }),
    ]));
    expect((await client.clients.list({})).total).toBe(before);
    const { id } = await client.clients.create({ firstName: 'Eva', lastName: 'Schulz' });
    const bad = await client.answers.set({ clientId: id, attribute: 'shoe_size', value: '42' }).catch((e) => e);
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.data.problems[0]).toMatchObject({ code: 'unknown_attribute' });
    expect(bad.message).toMatch(/purchase_driver/);
  });

  it('does not create twice when a create is retried with the same id', async () => {
    const id = uuidv7();
    await client.clients.create({ id, firstName: 'Paul', lastName: 'Wagner' });
    await client.clients.create({ id, firstName: 'Paul', lastName: 'Wagner' });
    expect((await client.clients.list({ query: 'Paul Wagner' })).total).toBe(1);
  });
});
