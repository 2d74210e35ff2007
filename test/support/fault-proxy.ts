// A proxy on 127.0.0.1 that hurts the wire between a device and the backend,
// on purpose: it drops a request before it arrives, drops the answer after
// the backend has acted on it, sends a request twice, delays it, or sends a
// stale copy again later (what reordering looks like to a device that sends
// one request at a time). Loopback only, bounded: it never retries on its own.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'pass' }
  | { kind: 'drop_request' }
  | { kind: 'drop_response' }
  | { kind: 'duplicate' }
  | { kind: 'delay'; ms: number }
  | { kind: 'replay_later'; ms: number };

export interface FaultProxy {
  url: string;
  /** What happened, one entry per request: for test messages. */
  log: string[];
  /** Requests still being replayed late; wait for them before checking the backend. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

interface Forwarded { status: number; headers: Record<string, string>; body: Buffer }

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Forwarded> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host };
    const out = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers as Record<string, string>, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    out.on('error', reject);
    out.end(body);
  });
}

export async function startFaultProxy(targetUrl: string, choose: (path: string, n: number) => Fault): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const log: string[] = [];
  const late = new Set<Promise<unknown>>();
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const fault = choose(req.url ?? '', n++);
      log.push(`${req.url} ${fault.kind}`);
      try {
        if (fault.kind === 'drop_request') { req.socket.destroy(); return; }
        if (fault.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
        if (fault.kind === 'replay_later') {
          const p = new Promise((r) => setTimeout(r, fault.ms)).then(() => forward(target, req, body)).catch(() => undefined);
          late.add(p);
          void p.finally(() => late.delete(p));
        }
        let answer = await forward(target, req, body);
        if (fault.kind === 'duplicate') answer = await forward(target, req, body);
        if (fault.kind === 'drop_response') { req.socket.destroy(); return; }
        res.writeHead(answer.status, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
        res.end(answer.body);
      } catch {
        req.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    settle: async () => { while (late.size) await Promise.all([...late]); },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
