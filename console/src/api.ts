// The console's one typed client of the backend (contract/console.ts), and the
// session: signing in and out are plain requests, since the session is an
// HttpOnly cookie the page itself never sees.
import { createORPCClient, ORPCError } from '@orpc/client';
import { RPCLink } from '@orpc/client/fetch';
import type { ContractRouterClient } from '@orpc/contract';
import type { ConsoleContract } from '#contract/console.ts';

export type ConsoleClient = ContractRouterClient<ConsoleContract>;

const signedOutListeners = new Set<() => void>();

/** Called when the backend answers 401 to a call: the session ended, the login form must come back. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ORPCError && error.status === 401;
}

const link = new RPCLink({
  url: new URL('/console/rpc', location.origin),
  fetch: (request, init) => fetch(request, { ...init, credentials: 'same-origin' }),
  interceptors: [
    async ({ next }) => {
      try {
        return await next();
      } catch (error) {
        if (isUnauthorized(error)) for (const l of signedOutListeners) l();
        throw error;
      }
    },
  ],
});

export const api: ConsoleClient = createORPCClient(link);

export type SignIn =
  | { ok: true }
  | { ok: false; reason: 'wrong' | 'network' | 'server' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export async function signIn(user: string, password: string): Promise<SignIn> {
  let response: Response;
  try {
    response = await fetch('/console/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user, password }),
    });
  } catch {
    return { ok: false, reason: 'network' };
  }
  if (response.ok) return { ok: true };
  if (response.status === 429) {
    // Retry-After in seconds; a missing or odd header still tells the user to wait a minute.
    const seconds = Number(response.headers.get('retry-after'));
    return { ok: false, reason: 'rate_limited', retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 60 };
  }
  if (response.status === 401 || response.status === 400) return { ok: false, reason: 'wrong' };
  return { ok: false, reason: 'server' };
}

export async function signOut(): Promise<void> {
  // Signed out locally whatever the server says: the worst case is a cookie that expires on its own.
  await fetch('/console/session', { method: 'DELETE', credentials: 'same-origin' }).catch(() => undefined);
}
