// Electron's main process: hands the real Electron modules to wiring.ts and
// nothing else. Every decision lives in security.ts, keystore.ts and wiring.ts.
// The book is not opened here: the core runs in a utility process (core.ts).
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, utilityProcess } from 'electron';
import { startDesktop } from './wiring.ts';

startDesktop({
  app,
  BrowserWindow,
  protocol,
  ipcMain,
  session,
  safeStorage,
  dialog,
  platform: process.platform,
  // Bundled beside main.mjs (build/electron.ts).
  forkCore: () => utilityProcess.fork(join(import.meta.dirname, 'core.mjs'), [], { serviceName: 'Advisor Workstation core' }),
});
