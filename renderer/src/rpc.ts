// The one typed client of the workstation core. In the desktop app it talks
// over a MessagePort handed to the preload; in browser mode over HTTP to the
// page's own origin, with the launch's secret in the Authorization header.
import { createORPCClient } from '@orpc/client';
import { RPCLink as FetchLink } from '@orpc/client/fetch';
import { RPCLink as PortLink } from '@orpc/client/message-port';
import type { ContractRouterClient } from '@orpc/contract';
import { createTanstackQueryUtils } from '@orpc/tanstack-query';
import { CONNECT_CHANNEL } from '#contract/channel.ts';
import { procedureWrites, type contract } from '#contract/index.ts';
import { connection } from './connection.ts';

export type WorkstationClient = ContractRouterClient<typeof contract>;

const changeListeners = new Set<() => void>();

/** Called after every change the core accepted (the header's counts of clients, pending changes and due tasks). */
export function onChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Tells the connection watcher how each call went, and listeners when something changed. */
const report = async ({ next, path }: { next: () => Promise<unknown>; path: readonly string[] }) => {
  try {
    const result = await next();
    connection.reportSuccess();
    if (procedureWrites(path)) for (const l of changeListeners) l();
    return result;
  } catch (error) {
    connection.reportFailure(error);
    throw error;
  }
};

function createLink() {
  if (location.protocol === 'app:') {
    const { port1, port2 } = new MessageChannel();
    window.postMessage(CONNECT_CHANNEL, '*', [port2]);
    const link = new PortLink({ port: port1, interceptors: [report] });
    port1.start();
    return link;
  }
  // The secret comes with the printed link and stays in this tab's address,
  // not in a cookie: cookies are not scoped by port, so every other server on
  // 127.0.0.1 would receive them. The server serves the page only with the
  // secret in its address, so keeping it there is also what makes a reload
  // work; links inside the app change only the part after '#'.
  const secret = new URLSearchParams(location.search).get('token') ?? '';
  return new FetchLink({
    url: new URL('/rpc', location.origin),
    headers: { authorization: `Bearer ${secret}` },
    interceptors: [report],
  });
}

export const client: WorkstationClient = createORPCClient(createLink());
export const orpc = createTanstackQueryUtils(client);

connection.setProbe(() => client.session.status());
