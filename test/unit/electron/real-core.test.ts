// The shell with the real core (an encrypted SQLite book) and fake Electron:
// the unlock flow must recognise the core's wrong-key error and leave the book alone.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openWorkstation } from '#services/workstation.ts';
import { loadDemoBook } from '#demo/index.ts';
import { shellTexts } from '../../../electron/texts.ts';
import { DATABASE_FILE, UNLOCK_CHANNEL, startDesktop } from '../../../electron/wiring.ts';
import { fakeForkCore, FakeApp, FakeIpcMain, FakeProtocol, FakeSession, fakeBrowserWindow, fakeSafeStorage } from './fake-electron.ts';

const repo = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
let userData: string;
beforeEach(() => { userData = mkdtempSync(join(tmpdir(), 'shell-core-')); });
afterEach(() => { rmSync(userData, { recursive: true, force: true }); });

function start() {
  const app = new FakeApp(repo, userData);
  const ipcMain = new FakeIpcMain();
  const { BrowserWindow, windows } = fakeBrowserWindow(app);
  const shell = startDesktop({
    app, BrowserWindow, ipcMain, protocol: new FakeProtocol(app), session: { defaultSession: new FakeSession() },
    safeStorage: fakeSafeStorage('basic_text'), dialog: { showErrorBox: () => {}, showMessageBox: async () => ({ response: 1 }) }, platform: 'linux',
    updater: null, env: {}, readText: () => null,
    forkCore: fakeForkCore((options) => openWorkstation({ ...options, loadDemoBook })).forkCore, kdfParams: { N: 2 ** 10, r: 8, p: 1 },
  });
  app.ready();
  const unlock = (passphrase: string, setup: boolean) => ipcMain.handlers.get(UNLOCK_CHANNEL)!({
    sender: windows[0]!.webContents,
    senderFrame: { url: `app://workstation/unlock/index.html?lang=de&setup=${setup ? 1 : 0}`, parent: null },
  }, passphrase);
  return { app, windows, ready: shell.ready, unlock };
}

it('creates the book with a passphrase, refuses a wrong one without touching the book, and opens with the right one', async () => {
  const first = start();
  await first.ready;
  await expect(first.unlock('correct horse battery staple', true)).resolves.toEqual({ ok: true });
  first.app.emit('will-quit');
  const book = readFileSync(join(userData, DATABASE_FILE));
  const files = readdirSync(userData).sort();

  const second = start();
  await second.ready;
  await expect(second.unlock('correct horse battery stable', false))
    .resolves.toEqual({ ok: false, error: shellTexts('de').wrongPassphrase });
  expect(readFileSync(join(userData, DATABASE_FILE))).toEqual(book);
  expect(readdirSync(userData).sort()).toEqual(files);
  await expect(second.unlock('correct horse battery staple', false)).resolves.toEqual({ ok: true });
  expect(second.windows).toHaveLength(2);
  second.app.emit('will-quit');
});
