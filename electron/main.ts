// Electron's main process: hands the real Electron modules to wiring.ts and
// nothing else. Every decision lives in security.ts, keystore.ts and wiring.ts.
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { openWorkstation } from '#services/workstation.ts';
import { loadDemoBook } from '#demo/index.ts';
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
  // The shell hands the demo generator in, as browser mode does.
  openWorkstation: (options) => openWorkstation({ ...options, loadDemoBook }),
});
