// The desktop app's core process (electron/core-process.ts) in a Node worker
// thread, as Electron's utility process runs it: for tests under Node, where
// Electron cannot start. worker_threads hands over the message itself, so the
// parent sends { data, ports } as Electron's parentPort delivers it.
import { parentPort } from 'node:worker_threads';
import { loadDemoBook } from '#demo/index.ts';
import { openWorkstation } from '#services/workstation.ts';
import { serveCore, type CorePort } from '../../electron/core-process.ts';

serveCore({
  on: (_event, listener) => parentPort!.on('message', (message: { data: unknown; ports: CorePort[] }) => listener(message)),
  postMessage: (message) => parentPort!.postMessage(message),
}, (options) => openWorkstation({ ...options, loadDemoBook }), () => process.exit(0));
