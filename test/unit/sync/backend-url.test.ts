// Enrolment sends a one-time code and receives a device token: over plain
// http:// to another computer both would travel in clear, so the device
// refuses such an address before anything is sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '#core/errors.ts';
import { backendUrlSchema, isLoopbackHost, isSafeBackendUrl } from '#core/sync/backend-url.ts';
import { problemsOf } from '#core/validate.ts';
import { SyncEngine } from '#services/sync/engine.ts';
import { openTestStore } from '../../support/book.ts';

const ENROLLED = { deviceId: 'd1', token: 't'.repeat(43), user: { id: 'u1', displayName: 'Anna', roles: ['advisor'] } };

describe('backend address', () => {
  it.each(['https://backend.example.de', 'https://10.0.0.5:8443/', 'http://127.0.0.1:8787', 'http://127.8.9.10', 'http://localhost:8787',
    'http://LOCALHOST/', 'http://[::1]:8787'])('%s is accepted', (url) => {
    expect(isSafeBackendUrl(url)).toBe(true);
    expect(backendUrlSchema.safeParse(url).success).toBe(true);
  });

  it.each(['http://backend.example.de', 'http://10.0.0.5:8787', 'http://128.0.0.1', 'http://localhost.example.de',
    'http://127.0.0.1.example.de', 'http://[::2]', 'http://[::ffff:192.168.0.1]'])('%s is refused as unencrypted', (url) => {
    expect(isSafeBackendUrl(url)).toBe(false);
    expect(problemsOf(backendUrlSchema.safeParse(url).error!)).toEqual([{ field: 'input', code: 'insecure_url' }]);
  });

  it('an address that is no URL, or another protocol, is invalid rather than unencrypted', () => {
    for (const url of ['backend.example.de', 'ftp://backend.example.de']) {
      expect(problemsOf(backendUrlSchema.safeParse(url).error!).map((p) => p.code)).toEqual(['invalid_value']);
    }
  });

  it('loopback means 127.0.0.0/8, ::1 and localhost only', () => {
    expect(['127.0.0.1', '127.255.255.255', '::1', '[::1]', 'localhost'].every(isLoopbackHost)).toBe(true);
    expect(['126.0.0.1', '127.0.0.256', '0.0.0.0', '::', 'localhost.', 'my-localhost'].some(isLoopbackHost)).toBe(false);
  });
});

describe('enrolling this device', () => {
  let book: ReturnType<typeof openTestStore>;
  let sent: string[];
  const fetch = (async (url: URL | string) => {
    sent.push(String(url));
    return new Response(JSON.stringify(ENROLLED), { status: 201, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  beforeEach(() => { book = openTestStore(); sent = []; });
  afterEach(() => book.close());

  it('refuses http:// to another computer before the code leaves the device', async () => {
    const sync = new SyncEngine(book.store, { fetch });
    const error = await sync.enrol('http://backend.example.de', 'ABCD-EFGH-JKMN', 'Laptop').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).problems).toEqual([{ field: 'url', code: 'insecure_url' }]);
    expect((error as DomainError).message).toContain('https://');
    expect(sent).toEqual([]);
    expect(sync.enrolled()).toBe(false);
  });

  it('enrols over https:// and over http:// to this computer', async () => {
    for (const url of ['https://backend.example.de', 'http://127.0.0.1:8787']) {
      const sync = new SyncEngine(book.store, { fetch });
      await sync.enrol(url, 'ABCD-EFGH-JKMN', 'Laptop');
      expect(sync.enrolled()).toBe(true);
      expect(sync.getStatus().backendUrl).toBe(new URL(url).toString());
    }
    expect(sent).toEqual(['https://backend.example.de/v1/enrol', 'http://127.0.0.1:8787/v1/enrol']);
  });
});
