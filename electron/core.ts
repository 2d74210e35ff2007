// The utility process's entry (bundled to dist/electron/core.mjs): the
// workstation core, served to the windows over MessagePorts main hands in.
import { loadDemoBook } from '#demo/index.ts';
import { openWorkstation } from '#services/workstation.ts';
import { serveCore, type ParentPortLike } from './core-process.ts';

// Electron gives a utility process its parent port here; main sends the key and the windows' ports over it.
const { parentPort } = process as unknown as { parentPort: ParentPortLike };
serveCore(parentPort, (options) => openWorkstation({ ...options, loadDemoBook }), () => process.exit(0));
