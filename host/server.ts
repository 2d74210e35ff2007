// Browser mode: the same app and the same core, served on 127.0.0.1 only,
// behind a secret that changes with every launch.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { RPCHandler } from '@orpc/server/node';
import type { WorkstationRouter } from '#services/router.ts';
import { publicErrors } from '#services/errors.ts';
import {
  CONTENT_SECURITY_POLICY, cookieName, hasSession, isAllowedHost, isAllowedOrigin, tokenFromUrl,
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
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
}

export async function startHost({ router, staticDir, token, port = 0, log = () => {} }: HostOptions): Promise<{ server: Server; port: number; url: string }> {
  const rpc = new RPCHandler(router, { clientInterceptors: [publicErrors] });
  let boundPort = 0;

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (!isAllowedHost(req.headers.host, boundPort)) return refuse(res, 421, 'This server answers on 127.0.0.1 only.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${boundPort}`);

    // The printed link carries the secret once; the page then holds it as a strict cookie.
    if (tokenFromUrl(url, token)) {
      res.writeHead(303, {
        'set-cookie': `${cookieName(boundPort)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: url.pathname,
      }).end();
      return;
    }
    if (!hasSession(req.headers.cookie, boundPort, token)) {
      return refuse(res, 401, 'Open the link printed when the workstation started: it contains this launch\'s secret.');
    }
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST' && req.method !== 'GET') return refuse(res, 405, 'Method not allowed.');
      if (!isAllowedOrigin(req.headers.origin, boundPort)) return refuse(res, 403, 'Calls are accepted from the workstation page only.');
      const { matched } = await rpc.handle(req, res, { prefix: '/rpc', context: {} });
      if (!matched) refuse(res, 404, 'No such procedure.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
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
