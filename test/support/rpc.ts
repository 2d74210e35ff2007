// A typed contract client for tests and benchmarks, speaking to browser mode
// exactly as the page does: with the secret from the printed link in the
// Authorization header, and the page's Origin.
import { createORPCClient } from '@orpc/client';
import { RPCLink } from '@orpc/client/fetch';
import type { ContractRouterClient } from '@orpc/contract';
import type { Contract } from '#contract/index.ts';

export type WorkstationClient = ContractRouterClient<Contract>;

/** The header a call sends: the secret from the printed link. */
export function authorization(url: string): string {
  const token = new URL(url).searchParams.get('token');
  if (!token) throw new Error(`no secret in ${url}`);
  return `Bearer ${token}`;
}

export async function connect(url: string): Promise<WorkstationClient> {
  const origin = new URL(url).origin;
  const link = new RPCLink({ url: `${origin}/rpc`, headers: { authorization: authorization(url), origin } });
  return createORPCClient(link);
}
