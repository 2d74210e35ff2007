// The workstation core off the window's process: the encrypted book, the
// services and sync run in a process of their own (Electron's utility
// process), so a long write (the demo book, a first sync of a large book)
// never stalls the windows. The main process only opens it with the key and
// hands over each renderer's MessagePort; the renderer then speaks oRPC with
// the core directly.
//
// The protocol on the parent port (both directions, structured clone):
//   main -> core  { type: 'open', options }   once; the key travels here, never in argv or env
//   core -> main  { type: 'opened' } | { type: 'failed', name, reason, message }
//   main -> core  { type: 'connect' } with one port: serve the router on it
//   main -> core  { type: 'status' }; core -> main { type: 'status', meetingRunning } (the updater asks)
//   main -> core  { type: 'close' }; core -> main { type: 'closed' }, then it exits
import { RPCHandler } from '@orpc/server/message-port';
import type { AnyRouter } from '@orpc/server';
import type { SupportedMessagePort } from '@orpc/client/message-port';
import type { WorkstationOptions } from '#services/workstation.ts';
import { publicErrors } from '#services/errors.ts';

export type CoreOpenOptions = Omit<WorkstationOptions, 'key' | 'loadDemoBook'> & { key: Uint8Array };

export type ToCore = { type: 'open'; options: CoreOpenOptions } | { type: 'connect' } | { type: 'status' } | { type: 'close' };
export type FromCore =
  | { type: 'opened' } | { type: 'failed'; name: string; reason?: string; message: string }
  | { type: 'status'; meetingRunning: boolean } | { type: 'closed' };

export type CorePort = SupportedMessagePort & { start(): void; close(): void };

/** What the core process hears from main: Electron's parentPort gives { data, ports }. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: readonly CorePort[] }) => void): unknown;
  postMessage(message: FromCore): void;
}

export interface CoreWorkstation { router: AnyRouter; meetingRunning(): boolean; close(): void }

/** Serves one workstation on the parent port until told to close. */
export function serveCore(parent: ParentPortLike, open: (options: WorkstationOptions) => CoreWorkstation, exit: () => void): void {
  let workstation: CoreWorkstation | null = null;
  let rpc: RPCHandler<Record<never, never>> | null = null;
  parent.on('message', ({ data, ports }) => {
    const message = data as ToCore;
    if (message.type === 'open') {
      if (workstation) return parent.postMessage({ type: 'failed', name: 'Error', message: 'The book is open already.' });
      try {
        workstation = open({ ...message.options, key: Buffer.from(message.options.key) });
        // The same public error shape as browser mode: problems field by field, no internals.
        rpc = new RPCHandler(workstation.router, { clientInterceptors: [publicErrors] });
        parent.postMessage({ type: 'opened' });
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        parent.postMessage({ type: 'failed', name: e.name, reason: (e as Error & { reason?: string }).reason, message: e.message });
      }
      return;
    }
    if (message.type === 'connect') {
      const [port] = ports;
      // A port before the book is open, or more than one, is not served.
      if (!rpc || !port || ports.length !== 1) { for (const p of ports) p.close(); return; }
      rpc.upgrade(port, { context: {} });
      port.start();
      return;
    }
    if (message.type === 'status') {
      // Before the book is open no meeting can run.
      parent.postMessage({ type: 'status', meetingRunning: workstation?.meetingRunning() ?? false });
      return;
    }
    if (message.type === 'close') {
      const open = workstation;
      workstation = null;
      rpc = null;
      open?.close();
      parent.postMessage({ type: 'closed' });
      exit();
    }
  });
}
