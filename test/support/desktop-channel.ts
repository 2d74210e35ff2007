// The desktop app's channel without Electron: the shipped core bundle in a
// worker thread (test/support/shipped-core-thread.ts), opened with the key as
// main opens it, and a typed client on a MessagePort as the window gets one.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { createORPCClient } from '@orpc/client';
import { RPCLink } from '@orpc/client/message-port';
import type { ContractRouterClient } from '@orpc/contract';
import type { Contract } from '#contract/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function openShippedCore(dbPath: string, key: Buffer): Promise<{ client: ContractRouterClient<Contract>; close(): Promise<void> }> {
  const worker = new Worker(new URL('./shipped-core-thread.ts', import.meta.url));
  const reply = () => new Promise<{ type: string; message?: string }>((resolve) => worker.once('message', resolve));
  const opened = reply();
  worker.postMessage({ data: { type: 'open', options: { dbPath, key, mode: 'desktop', migrationsFolder: join(ROOT, 'db', 'migrations') } }, ports: [] });
  const answer = await opened;
  if (answer.type !== 'opened') {
    await worker.terminate();
    throw new Error(`the core did not open: ${answer.message}`);
  }
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ data: { type: 'connect' }, ports: [port2] }, [port2]);
  port1.start();
  return {
    client: createORPCClient(new RPCLink({ port: port1 })),
    close: async () => {
      const closed = reply();
      worker.postMessage({ data: { type: 'close' }, ports: [] });
      await closed;
      port1.close();
      await worker.terminate();
    },
  };
}
