// Browser mode: the same app and the same core, served on 127.0.0.1 only,
// behind a secret that changes with every launch.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { RPCHandler } from '@orpc/server/node';
import type { WorkstationRouter } from '#services/router.ts';
import { publicErrors } from '#services/errors.ts';
import { readBody } from './body.ts';
import {
  bodyLimitOf, CONTENT_SECURITY_POLICY, declaredTooLarge, hasSession, isAllowedHost, isAllowedOrigin, isDocument, tokenFromUrl,
} from './http-guard.ts';
import { serveStatic } from './static.ts';

export interface HostOptions {
  router: WorkstationRouter;
  staticDir: string;
  token: string;
  port?: number;
  log?: (line: string) => void;
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // Also keeps the secret in the page's address from leaving in a Referer.
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const tooLarge = (limit: number) => `The request is too large: at most ${limit} bytes are accepted.`;

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
}

/** Answers 413 and hangs up, so that the rest of the body is never read. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end(tooLarge(limit), () => req.socket.destroy());
}

export async function startHost({ router, staticDir, token, port = 0, log = () => {} }: HostOptions): Promise<{ server: Server; port: number; url: string }> {
  const rpc = new RPCHandler(router, { clientInterceptors: [publicErrors] });
  let boundPort = 0;

  async function call(req: IncomingMessage, res: ServerResponse, limit: number): Promise<void> {
    if (!hasSession(req.headers.authorization, token)) {
      return refuse(res, 401, 'Open the link printed when the workstation started: it contains this launch\'s secret.');
    }
    if (req.method !== 'POST' && req.method !== 'GET') return refuse(res, 405, 'Method not allowed.');
    if (!isAllowedOrigin(req.headers.origin, boundPort)) return refuse(res, 403, 'Calls are accepted from the workstation page only.');
    if (req.method === 'POST') {
      const type = req.headers['content-type'];
      if (type !== undefined && !type.startsWith('application/json')) return refuse(res, 415, 'Calls are sent as JSON.');
      const read = await readBody(req, limit).catch(() => null);
      if (!read) return;
      if (!read.ok) return refuseTooLarge(req, res, limit);
      // Handed to the handler already read: it then reads nothing itself.
      try {
        (req as IncomingMessage & { body?: unknown }).body = read.body.length ? JSON.parse(read.body.toString('utf8')) : undefined;
      } catch {
        return refuse(res, 400, 'The call\'s body is not valid JSON.');
      }
    }
    const { matched } = await rpc.handle(req, res, { prefix: '/rpc', context: {} });
    if (!matched) refuse(res, 404, 'No such procedure.');
  }

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (!isAllowedHost(req.headers.host, boundPort)) return refuse(res, 421, 'This server answers on 127.0.0.1 only.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${boundPort}`);
    const limit = bodyLimitOf(url.pathname);
    if (declaredTooLarge(req.headers['content-length'], limit)) return refuseTooLarge(req, res, limit);

    if (url.pathname.startsWith('/rpc/')) return call(req, res, limit);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    // The page is served with the secret in its address and keeps it there (see renderer/src/rpc.ts).
    if (isDocument(url.pathname) && !tokenFromUrl(url, token)) {
      return refuse(res, 401, 'Open the link printed when the workstation started: it contains this launch\'s secret.');
    }
    serveStatic(staticDir, url.pathname, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  boundPort = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${boundPort}/?token=${token}`;
  log(`Advisor Workstation running at ${url}`);
  return { server, port: boundPort, url };
}
