// Electron's main process: hands the real Electron modules to wiring.ts and
// nothing else. Every decision lives in security.ts, keystore.ts and wiring.ts.
// The book is not opened here: the core runs in a utility process (core.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, utilityProcess } from 'electron';
import electronUpdater from 'electron-updater';
import { startDesktop } from './wiring.ts';

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

startDesktop({
  app,
  BrowserWindow,
  protocol,
  ipcMain,
  session,
  safeStorage,
  dialog: {
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    // The shell only ever passes the windows it made with BrowserWindow above.
    showMessageBox: (window, options) => dialog.showMessageBox(window as BrowserWindow, options),
  },
  platform: process.platform,
  // Bundled beside main.mjs (build/electron.ts).
  forkCore: () => utilityProcess.fork(join(import.meta.dirname, 'core.mjs'), [], { serviceName: 'Advisor Workstation core' }),
  // Only a packaged app has an installer to update from (electron-builder writes app-update.yml beside it).
  updater: app.isPackaged ? electronUpdater.autoUpdater : null,
  env: process.env,
  readText,
});
