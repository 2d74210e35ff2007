// The manufacturer's console as its page uses it: sign in over HTTP, keep the
// cookie, and call the API with the oRPC client the page uses.
import { createORPCClient } from '@orpc/client';
import { RPCLink } from '@orpc/client/fetch';
import type { ContractRouterClient } from '@orpc/contract';
import type { ConsoleContract } from '#contract/console.ts';

/** Something that answers requests: the app itself (`app.request`) or a server on loopback. */
export type Fetcher = (request: Request) => Response | Promise<Response>;

/** The session cookie's value from a Set-Cookie header. */
export function cookieOf(res: Response): string | null {
  const header = res.headers.get('set-cookie') ?? '';
  return /(?:^|,\s*)aw_console=([^;]*)/.exec(header)?.[1] ?? null;
}

export function consoleAt(base: string, fetcher: Fetcher = (r) => fetch(r)) {
  let cookie: string | null = null;
  const headers = (): Record<string, string> => (cookie ? { cookie: `aw_console=${cookie}` } : {});
  async function signIn(user: string, password: string): Promise<Response> {
    const res = await fetcher(new Request(`${base}/console/session`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ user, password }),
    }));
    cookie = cookieOf(res) ?? cookie;
    return res;
  }
  async function signOut(): Promise<Response> {
    return fetcher(new Request(`${base}/console/session`, { method: 'DELETE', headers: { ...headers(), origin: base } }));
  }
  const link = new RPCLink({
    url: `${base}/console/rpc`,
    headers: () => ({ ...headers(), origin: base }),
    fetch: (request) => Promise.resolve(fetcher(request)),
  });
  const api: ContractRouterClient<ConsoleContract> = createORPCClient(link);
  return { api, signIn, signOut, get cookie() { return cookie; }, set cookie(v: string | null) { cookie = v; } };
}
