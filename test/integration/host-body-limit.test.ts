// Browser mode reads at most 1 MiB of a request body: a larger one is answered
// 413 at once and the connection is cut, so the rest is never read or held.
import type { OutgoingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '#host/http-guard.ts';
import { startTestBrowserMode } from '../support/browser-mode.ts';
import { authorization } from '../support/rpc.ts';
import { upload } from '../support/upload.ts';

const MB = 1024 * 1024;
let started: Awaited<ReturnType<typeof startTestBrowserMode>>;
let app: typeof started.app;
let headers: OutgoingHttpHeaders;

beforeAll(async () => {
  started = await startTestBrowserMode();
  app = started.app;
  headers = { authorization: authorization(app.url), origin: new URL(app.url).origin, 'content-type': 'application/json' };
});
afterAll(() => { started?.stop(); });

const stream = (extra: OutgoingHttpHeaders, total: number) => upload(app.port, '/rpc/session/status', { ...headers, ...extra }, total);

describe('browser mode body limit', () => {
  it('answers a declared 150 MB body with 413 before it is sent', async () => {
    const started = Date.now();
    const result = await stream({ 'content-length': String(150 * MB) }, 150 * MB);
    expect(result.status).toBe(413);
    expect(result.body).toMatch(/too large: at most 1048576 bytes/);
    // Refused on its Content-Length: far from all of it went out.
    expect(result.sent).toBeLessThan(32 * MB);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops reading a chunked body once it passes 1 MiB, and keeps no more of it', async () => {
    const before = process.memoryUsage().rss;
    const result = await stream({ 'transfer-encoding': 'chunked' }, 150 * MB);
    expect(result.status).toBe(413);
    expect(result.sent).toBeGreaterThan(MAX_BODY_BYTES);
    expect(result.sent).toBeLessThan(32 * MB);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * MB);
  });

  it('still takes calls after refusing, and lets a large call under the limit reach validation', async () => {
    const notes = 'x'.repeat(MAX_BODY_BYTES - 200);
    const res = await fetch(new URL('/rpc/clients/create', app.url), {
      method: 'POST', headers: headers as Record<string, string>, body: JSON.stringify({ json: { firstName: 'Eva', lastName: 'Schulz', notes } }),
    });
    // Not refused for its size: the core reads it and says what is wrong with it.
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('too_long');
  });

  it('refuses a body that is not JSON, and a call whose JSON is broken', async () => {
    const call = (type: string, body: string) => fetch(new URL('/rpc/session/status', app.url), {
      method: 'POST', headers: { ...(headers as Record<string, string>), 'content-type': type }, body,
    });
    expect((await call('text/plain', 'hello')).status).toBe(415);
    const broken = await call('application/json', '{"json": ');
    expect(broken.status).toBe(400);
    expect(await broken.text()).toMatch(/not valid JSON/);
  });
});
