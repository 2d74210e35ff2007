// A typed contract client for tests and benchmarks, speaking to browser mode
// exactly as the page does: with the session cookie and the page's Origin.
import { createORPCClient } from '@orpc/client';
import { RPCLink } from '@orpc/client/fetch';
import type { ContractRouterClient } from '@orpc/contract';
import type { Contract } from '#contract/index.ts';

export type WorkstationClient = ContractRouterClient<Contract>;

export async function sessionCookie(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' });
  const cookie = res.headers.get('set-cookie');
  if (res.status !== 303 || !cookie) throw new Error(`no session from ${url}: ${res.status}`);
  return cookie.split(';')[0]!;
}

export async function connect(url: string): Promise<WorkstationClient> {
  const origin = new URL(url).origin;
  const cookie = await sessionCookie(url);
  const link = new RPCLink({ url: `${origin}/rpc`, headers: { cookie, origin } });
  return createORPCClient(link);
}
