// The desktop app's core as it ships (dist/electron/core.mjs, which Electron
// runs as a utility process) in a Node worker thread, for benchmarks: Electron
// cannot start on every machine that runs them. Electron gives a utility
// process `process.parentPort` with { data, ports } messages; this gives the
// same from the worker's port, then loads the bundle unchanged. Build it first
// with `npm run build:electron`.
import { parentPort } from 'node:worker_threads';

type Listener = (event: { data: unknown; ports: unknown[] }) => void;
Object.assign(process, {
  parentPort: {
    on: (_event: 'message', listener: Listener) => parentPort!.on('message', (m: { data: unknown; ports: unknown[] }) => listener(m)),
    postMessage: (message: unknown) => parentPort!.postMessage(message),
  },
});
await import(new URL('../../dist/electron/core.mjs', import.meta.url).href);
