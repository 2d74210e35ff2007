// The backend reads at most 1 MiB of a request body, over a real socket too:
// a 150 MB upload is answered 413 long before it is all sent. The largest push
// the sync engine sends (db/sync.ts BATCH_MAX_BYTES, 512 KiB) still fits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '#backend/server.ts';
import { LIMITS } from '#core/client.ts';
import { BATCH_MAX_BYTES } from '#db/sync.ts';
import { upload } from '../../support/upload.ts';
import { newClient } from './sync-support.ts';
import { memoryLogger, testBackend } from './support.ts';

const MB = 1024 * 1024;
let t: Awaited<ReturnType<typeof testBackend>>;
let server: Listening;

beforeAll(async () => {
  t = await testBackend();
  server = await listen(t.app, { port: 0, logger: memoryLogger().logger });
});
afterAll(async () => { await server?.close(); await t?.dispose(); });

describe('backend body limit over a socket', () => {
  it('takes the largest batch the device pushes: 512 KiB of clients with the longest notes', async () => {
    const { token } = await t.device();
    const notes = 'Ä'.repeat(LIMITS.notes);
    const mutations = [];
    for (let seq = 1, bytes = 0; ; seq++) {
      const m = { seq, mutationId: `m-${seq}`, name: 'client.create', args: { ...newClient(), notes }, hlc: `001772442000000:${String(seq).padStart(5, '0')}:laptop`, at: 1772442000000 };
      bytes += Buffer.byteLength(JSON.stringify(m));
      if (bytes > BATCH_MAX_BYTES) break;
      mutations.push(m);
    }
    const body = JSON.stringify({ mutations });
    expect(Buffer.byteLength(body)).toBeGreaterThan(BATCH_MAX_BYTES - 25_000);
    const res = await fetch(`${server.url}/v1/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    expect(res.status).toBe(200);
    expect((await res.json() as { results: { status: string }[] }).results.every((r) => r.status === 'applied')).toBe(true);
  });

  it('answers a declared 150 MB body with 413 before it is sent', async () => {
    const result = await upload(server.port, '/v1/enrol', { 'content-type': 'application/json', 'content-length': String(150 * MB) }, 150 * MB);
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ error: 'payload_too_large' });
    expect(result.sent).toBeLessThan(32 * MB);
  });

  it('stops a chunked body soon after it passes 1 MiB', async () => {
    const result = await upload(server.port, '/v1/enrol', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, 150 * MB);
    expect(result.status).toBe(413);
    expect(result.sent).toBeLessThan(32 * MB);
  });
});
