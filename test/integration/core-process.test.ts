// The book off the window's process: the desktop app runs the core in a
// process of its own (electron/core-process.ts) and main only hands over
// ports. Under Node the same core runs in a worker thread; while it loads the
// 2,000-client demo book, the parent (main, in the app) keeps answering
// within a frame, where running the core in-process stalls it for the whole load.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { createORPCClient } from '@orpc/client';
import { RPCLink } from '@orpc/client/message-port';
import { createRouterClient } from '@orpc/server';
import type { ContractRouterClient } from '@orpc/contract';
import { afterEach, expect, it } from 'vitest';
import type { Contract } from '#contract/index.ts';
import { loadDemoBook } from '#demo/index.ts';
import { openWorkstation } from '#services/workstation.ts';
import type { FromCore } from '../../electron/core-process.ts';
import { tempDir } from '../support/book.ts';

const dir = tempDir('aw-core-process-');
afterEach(() => dir.cleanup());

const SETUP = { displayName: 'Anna Berger', roles: ['advisor' as const], locale: 'de' as const, demoBook: true };

/** The longest the parent's event loop was late for a 5 ms timer while `work` ran. */
async function worstLag(work: () => Promise<unknown>): Promise<number> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => { const now = performance.now(); worst = Math.max(worst, now - last - 5); last = now; }, 5);
  try {
    await work();
    // A stall that lasted to the end of the work has not been seen by the timer yet.
    worst = Math.max(worst, performance.now() - last - 5);
  } finally {
    clearInterval(timer);
  }
  return worst;
}

it('in its own thread, the core loads the demo book while the parent stays responsive; in-process it stalls the parent', async () => {
  const worker = new Worker(new URL('../support/core-worker.ts', import.meta.url));
  try {
    const reply = (type: FromCore['type']) => new Promise<FromCore>((resolve) => {
      const on = (m: FromCore) => { if (m.type === type || m.type === 'failed') { worker.off('message', on); resolve(m); } };
      worker.on('message', on);
    });
    const opened = reply('opened');
    // The key travels over the port, as main sends it to the utility process.
    worker.postMessage({ data: { type: 'open', options: { dbPath: join(dir.dir, 'own.db'), key: randomBytes(32), mode: 'desktop' } }, ports: [] });
    expect(await opened).toEqual({ type: 'opened' });
    const { port1, port2 } = new MessageChannel();
    worker.postMessage({ data: { type: 'connect' }, ports: [port2] }, [port2]);
    const link = new RPCLink({ port: port1 });
    port1.start();
    const core: ContractRouterClient<Contract> = createORPCClient(link);

    const offThread = await worstLag(() => core.session.setup(SETUP));
    expect((await core.session.status()).clients).toBe(2000);

    const inProcess = openWorkstation({ dbPath: join(dir.dir, 'same.db'), key: randomBytes(32), mode: 'desktop', loadDemoBook });
    try {
      const local = createRouterClient(inProcess.router);
      const onThread = await worstLag(() => local.session.setup(SETUP));
      expect((await local.session.status()).clients).toBe(2000);
      // In-process the parent is late by the whole load (over a second); off the thread only by what the
      // scheduler and its own garbage collection take, a few frames on an idle machine. On two cores shared
      // with other test files that can reach tens of milliseconds, so the claim is relative: a tenth of the
      // in-process stall at most, and never a hang a user would notice (a quarter second).
      console.log(`parent's worst lag while the demo book loads: ${offThread.toFixed(1)} ms with the core in a thread, ${onThread.toFixed(1)} ms in-process`);
      expect({ tenth: offThread * 10 < onThread, unnoticed: offThread < 250 }).toEqual({ tenth: true, unnoticed: true });
    } finally {
      inProcess.close();
    }

    const closed = reply('closed');
    worker.postMessage({ data: { type: 'close' }, ports: [] });
    expect(await closed).toEqual({ type: 'closed' });
    port1.close();
  } finally {
    await worker.terminate();
  }
}, 120_000);
