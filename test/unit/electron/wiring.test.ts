// The desktop shell wired to fake Electron modules: what it creates, what it
// refuses, and how it unlocks the book.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createORPCClient } from '@orpc/client';
import { RPCLink } from '@orpc/client/message-port';
import type { RouterClient } from '@orpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KDF_FILE, WRAPPED_KEY_FILE, type SafeStorageLike } from '../../../electron/keystore.ts';
import { APP_ENTRY_URL, contentSecurityPolicy } from '../../../electron/security.ts';
import { shellTexts } from '../../../electron/texts.ts';
import {
  CONNECT_CHANNEL, DATABASE_FILE, UNLOCK_CHANNEL, startDesktop, type MessageBoxOptionsLike, type PortLike,
} from '../../../electron/wiring.ts';
import type { UpdaterLike } from '../../../electron/update/updater.ts';
import {
  FakeApp, FakeIpcMain, FakeProtocol, FakeSession, FakeWebContents, fakeBrowserWindow, fakeOpenWorkstation, fakeSafeStorage,
  FakeUpdater, type FakeWindow, pingRouter, release,
} from './fake-electron.ts';

const SECURE_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
};

const FAST_KDF = { N: 2 ** 10, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery staple';

let appPath: string;
let userData: string;

beforeEach(() => {
  appPath = mkdtempSync(join(tmpdir(), 'shell-app-'));
  userData = mkdtempSync(join(tmpdir(), 'shell-data-'));
  mkdirSync(join(appPath, 'dist', 'renderer', 'assets'), { recursive: true });
  mkdirSync(join(appPath, 'dist', 'electron', 'unlock'), { recursive: true });
  writeFileSync(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(appPath, 'dist', 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(appPath, 'dist', 'electron', 'unlock', 'index.html'), '<!doctype html><title>unlock</title>');
  writeFileSync(join(appPath, 'dist', 'electron', 'main.mjs'), 'MAIN PROCESS CODE');
  writeFileSync(join(appPath, 'secret.txt'), 'SECRET');
});

afterEach(() => {
  rmSync(appPath, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

function startShell(options: {
  safeStorage?: SafeStorageLike; locale?: string; hasLock?: boolean;
  updater?: UpdaterLike; env?: Record<string, string>; files?: Record<string, string>; restart?: boolean;
} = {}) {
  const app = new FakeApp(appPath, userData);
  app.locale = options.locale ?? 'de-DE';
  app.hasLock = options.hasLock ?? true;
  const protocol = new FakeProtocol(app);
  const ipcMain = new FakeIpcMain();
  const session = new FakeSession();
  const { BrowserWindow, windows } = fakeBrowserWindow(app);
  const book = fakeOpenWorkstation();
  const errors: Array<{ title: string; message: string }> = [];
  const questions: MessageBoxOptionsLike[] = [];
  const shell = startDesktop({
    app, BrowserWindow, protocol, ipcMain, session: { defaultSession: session },
    safeStorage: options.safeStorage ?? fakeSafeStorage(),
    dialog: {
      showErrorBox: (title, message) => errors.push({ title, message }),
      showMessageBox: async (_window, question) => { questions.push(question); return { response: options.restart ? 0 : 1 }; },
    },
    platform: 'linux',
    forkCore: book.forkCore,
    kdfParams: FAST_KDF,
    updater: options.updater ?? null,
    env: options.env ?? {},
    readText: (path) => options.files?.[path] ?? null,
  });
  const ready = async () => {
    app.ready();
    await shell.ready;
  };
  const unlock = (window: FakeWindow, passphrase: unknown, url = 'app://workstation/unlock/index.html?lang=de&setup=1') =>
    ipcMain.handlers.get(UNLOCK_CHANNEL)!({ sender: window.webContents, senderFrame: { url, parent: null } }, passphrase);
  return { app, protocol, ipcMain, session, windows, book, errors, questions, ready, unlock, checkForUpdates: () => shell.checkForUpdates() };
}

const KEYRING = fakeSafeStorage('gnome_libsecret');
const NO_KEYRING = fakeSafeStorage('basic_text');

const snapshot = (folder: string) => Object.fromEntries(
  readdirSync(folder).map((name) => [name, readFileSync(join(folder, name)).toString('base64')]),
);

describe('start-up', () => {
  it('enables the sandbox and registers app:// as a secure standard scheme before the app is ready', async () => {
    const shell = startShell();
    await shell.ready();
    expect(shell.app.calls).toEqual(['enableSandbox', 'registerSchemesAsPrivileged', 'ready']);
    expect(shell.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(shell.protocol.scheme).toBe('app');
  });

  it('leaves a second instance to the first one', () => {
    const shell = startShell({ hasLock: false });
    expect(shell.app.quitCalls).toBe(1);
    expect(shell.protocol.privileged).toEqual([]);
    expect(shell.ipcMain.listeners.size + shell.ipcMain.handlers.size).toBe(0);
  });

  it('brings the window to the front when the app is started again', async () => {
    const shell = startShell({ safeStorage: KEYRING });
    await shell.ready();
    shell.app.emit('second-instance');
    expect(shell.windows[0]!.focused).toBe(true);
  });
});

describe('the app window', () => {
  it('is created with the secure web preferences and loads the app from app://', async () => {
    const shell = startShell({ safeStorage: KEYRING });
    await shell.ready();
    expect(shell.windows).toHaveLength(1);
    const [window] = shell.windows;
    expect(window!.options.webPreferences).toMatchObject(SECURE_PREFERENCES);
    expect(window!.options.webPreferences?.preload).toBe(join(appPath, 'dist', 'electron', 'preload.cjs'));
    expect(window!.options.show).toBe(false);
    expect(window!.url).toBe(APP_ENTRY_URL);
    expect(window!.shown).toBe(true);
  });

  it('opens the book in the user data folder with the migrations of the app', async () => {
    const shell = startShell({ safeStorage: KEYRING });
    await shell.ready();
    expect(shell.book.opened).toHaveLength(1);
    expect(shell.book.opened[0]).toMatchObject({
      dbPath: join(userData, DATABASE_FILE), mode: 'desktop', migrationsFolder: join(appPath, 'db', 'migrations'),
    });
    expect(shell.book.opened[0]!.key).toHaveLength(32);
    expect(readdirSync(userData).sort()).toEqual([DATABASE_FILE, WRAPPED_KEY_FILE].sort());
  });

  it('closes the book when the app quits', async () => {
    const shell = startShell({ safeStorage: KEYRING });
    await shell.ready();
    expect(shell.book.opened[0]!.closed).toBe(false);
    shell.app.emit('will-quit');
    expect(shell.book.opened[0]!.closed).toBe(true);
  });
});

describe('every web contents', () => {
  async function guardedContents() {
    const shell = startShell({ safeStorage: KEYRING });
    await shell.ready();
    const other = new FakeWebContents();
    shell.app.emit('web-contents-created', {}, other);
    return [shell.windows[0]!.webContents, other];
  }

  it.each([
    'https://evil.example/',
    'app://workstation.evil.com/index.html',
    'app://other/index.html',
    'file:///etc/passwd',
    'http://127.0.0.1:8080/',
    'javascript:alert(1)',
  ])('may not navigate, redirect or load a frame to %s', async (url) => {
    for (const contents of await guardedContents()) {
      expect(contents.navigate('will-navigate', url)).toBe(true);
      expect(contents.navigate('will-redirect', url)).toBe(true);
      expect(contents.navigate('will-frame-navigate', url)).toBe(true);
    }
  });

  it('may move inside the app', async () => {
    for (const contents of await guardedContents()) {
      expect(contents.navigate('will-navigate', 'app://workstation/index.html')).toBe(false);
    }
  });

  it('may not attach a webview or open a window', async () => {
    for (const contents of await guardedContents()) {
      expect(contents.navigate('will-attach-webview')).toBe(true);
      expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
      expect(contents.windowOpenHandler?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
    }
  });
});

describe('permissions', () => {
  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid'])(
    'denies %s when asked and when checked',
    async (permission) => {
      const shell = startShell({ safeStorage: KEYRING });
      await shell.ready();
      const granted: boolean[] = [];
      expect(shell.session.requestHandler).not.toBeNull();
      shell.session.requestHandler!({}, permission, (answer) => granted.push(answer));
      expect(granted).toEqual([false]);
      expect(shell.session.checkHandler!({}, permission)).toBe(false);
    },
  );
});

function fakePort() {
  const calls: string[] = [];
  const port = {
    start: () => calls.push('start'),
    close: () => calls.push('close'),
    postMessage: () => calls.push('postMessage'),
    addEventListener: () => calls.push('addEventListener'),
    on: () => calls.push('on'),
  };
  return { port: port as unknown as PortLike, calls };
}

describe('the workstation port', () => {
  it('serves the workstation to the app page', async () => {
    const shell = startShell({ safeStorage: KEYRING });
    await shell.ready();
    const { port1, port2 } = new MessageChannel();
    try {
      shell.ipcMain.listeners.get(CONNECT_CHANNEL)!({
        sender: shell.windows[0]!.webContents,
        senderFrame: { url: 'app://workstation/index.html', parent: null },
        ports: [port2 as unknown as PortLike],
      });
      const client: RouterClient<typeof pingRouter> = createORPCClient(new RPCLink({ port: port1 }));
      port1.start();
      await expect(client.ping()).resolves.toBe('pong');
    } finally {
      port1.close();
      port2.close();
    }
  });

  const refusals: Array<[string, (main: FakeWebContents) => { sender: unknown; url: string | null; parent?: unknown; ports?: number }]> = [
    ['a foreign page', (main) => ({ sender: main, url: 'https://evil.example/' })],
    ['a look-alike origin', (main) => ({ sender: main, url: 'app://workstation.evil.com/index.html' })],
    ['a file page', (main) => ({ sender: main, url: 'file:///tmp/index.html' })],
    ['the unlock page', (main) => ({ sender: main, url: 'app://workstation/unlock/index.html' })],
    ['a frame inside the app page', (main) => ({ sender: main, url: 'app://workstation/index.html', parent: {} })],
    ['a frame that is gone', (main) => ({ sender: main, url: null })],
    ['another web contents', () => ({ sender: new FakeWebContents(), url: 'app://workstation/index.html' })],
    ['two ports at once', (main) => ({ sender: main, url: 'app://workstation/index.html', ports: 2 })],
  ];

  it.each(refusals)('is refused to %s, and the port is closed', async (_who, make) => {
    const shell = startShell({ safeStorage: KEYRING });
    await shell.ready();
    const { sender, url, parent = null, ports = 1 } = make(shell.windows[0]!.webContents);
    const made = Array.from({ length: ports }, fakePort);
    shell.ipcMain.listeners.get(CONNECT_CHANNEL)!({
      sender,
      senderFrame: url === null ? null : { url, parent },
      ports: made.map((p) => p.port),
    });
    for (const { calls } of made) expect(calls).toEqual(['close']);
  });

  it('is refused while the book is still locked', async () => {
    const shell = startShell({ safeStorage: NO_KEYRING });
    await shell.ready();
    const { port, calls } = fakePort();
    shell.ipcMain.listeners.get(CONNECT_CHANNEL)!({
      sender: shell.windows[0]!.webContents,
      senderFrame: { url: 'app://workstation/index.html', parent: null },
      ports: [port],
    });
    expect(calls).toEqual(['close']);
  });
});

describe('app:// files', () => {
  async function fetchApp(url: string, init?: RequestInit) {
    const shell = startShell({ safeStorage: KEYRING });
    await shell.ready();
    const response = await shell.protocol.handler!(new Request(url, init));
    return { response, body: await response.text() };
  }

  it('serves the renderer with the CSP and its content type', async () => {
    const { response, body } = await fetchApp('app://workstation/assets/app.js');
    expect(response.status).toBe(200);
    expect(body).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it('serves the unlock page from its own folder', async () => {
    const { response, body } = await fetchApp('app://workstation/unlock/index.html?lang=de&setup=1');
    expect(response.status).toBe(200);
    expect(body).toContain('<title>unlock</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('answers a path of the app without a file with the app page', async () => {
    const { response, body } = await fetchApp('app://workstation/clients/42');
    expect(response.status).toBe(200);
    expect(body).toContain('<title>app</title>');
  });

  it.each([
    'app://workstation/%2e%2e/%2e%2e/secret.txt',
    'app://workstation/..%2f..%2fsecret.txt',
    'app://workstation/unlock/%2e%2e/main.mjs',
    'app://workstation/unlock/%2e%2e/%2e%2e/%2e%2e/secret.txt',
    'app://workstation.evil.com/index.html',
    'app://other/index.html',
    'app://workstation/assets/missing.js',
  ])('answers %s with 404 and nothing else', async (url) => {
    const { response, body } = await fetchApp(url);
    expect(response.status).toBe(404);
    expect(body).not.toMatch(/SECRET|MAIN PROCESS|<title>/);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it('only reads', async () => {
    const { response } = await fetchApp('app://workstation/index.html', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
  });
});

describe('unlocking with a passphrase (no system keyring)', () => {
  it('first asks for a new passphrase in a secure unlock window, then opens the app', async () => {
    const shell = startShell({ safeStorage: NO_KEYRING });
    await shell.ready();
    expect(shell.windows).toHaveLength(1);
    const [unlockWindow] = shell.windows;
    expect(unlockWindow!.options.webPreferences).toMatchObject(SECURE_PREFERENCES);
    expect(unlockWindow!.options.webPreferences?.preload).toBe(join(appPath, 'dist', 'electron', 'unlock-preload.cjs'));
    expect(unlockWindow!.url).toBe('app://workstation/unlock/index.html?lang=de&setup=1');
    expect(shell.book.opened).toHaveLength(0);

    await expect(shell.unlock(unlockWindow!, 'kurz')).resolves.toEqual({
      ok: false, error: shellTexts('de').passphraseTooShort(12),
    });
    expect(readdirSync(userData)).toEqual([]);

    await expect(shell.unlock(unlockWindow!, PASSPHRASE)).resolves.toEqual({ ok: true });
    expect(shell.windows).toHaveLength(2);
    expect(shell.windows[1]!.options.webPreferences).toMatchObject(SECURE_PREFERENCES);
    expect(shell.windows[1]!.url).toBe(APP_ENTRY_URL);
    expect(unlockWindow!.closed).toBe(true);
    expect(readdirSync(userData).sort()).toEqual([DATABASE_FILE, KDF_FILE].sort());
    expect(shell.book.opened[0]).toMatchObject({ dbPath: join(userData, DATABASE_FILE), mode: 'desktop' });
  });

  it('says a wrong passphrase is wrong, changes nothing and asks again', async () => {
    const first = startShell({ safeStorage: NO_KEYRING });
    await first.ready();
    await expect(first.unlock(first.windows[0]!, PASSPHRASE)).resolves.toEqual({ ok: true });
    const onDisk = snapshot(userData);

    const shell = startShell({ safeStorage: NO_KEYRING });
    await shell.ready();
    const [unlockWindow] = shell.windows;
    expect(unlockWindow!.url).toBe('app://workstation/unlock/index.html?lang=de&setup=0');

    const url = 'app://workstation/unlock/index.html?lang=de&setup=0';
    await expect(shell.unlock(unlockWindow!, 'correct horse battery stapler', url)).resolves.toEqual({
      ok: false, error: shellTexts('de').wrongPassphrase,
    });
    expect(snapshot(userData)).toEqual(onDisk);
    expect(shell.windows).toHaveLength(1);
    expect(unlockWindow!.closed).toBe(false);

    await expect(shell.unlock(unlockWindow!, PASSPHRASE, url)).resolves.toEqual({ ok: true });
    expect(shell.windows).toHaveLength(2);
    expect(snapshot(userData)).toEqual(onDisk);
  });

  it('speaks English where the system is not German', async () => {
    const first = startShell({ safeStorage: NO_KEYRING, locale: 'en-US' });
    await first.ready();
    expect(first.windows[0]!.url).toBe('app://workstation/unlock/index.html?lang=en&setup=1');
    await first.unlock(first.windows[0]!, PASSPHRASE);

    const shell = startShell({ safeStorage: NO_KEYRING, locale: 'en-GB' });
    await shell.ready();
    await expect(shell.unlock(shell.windows[0]!, 'wrong but long enough', 'app://workstation/unlock/index.html?lang=en&setup=0'))
      .resolves.toEqual({ ok: false, error: shellTexts('en').wrongPassphrase });
  });

  it('checks one passphrase at a time', async () => {
    const shell = startShell({ safeStorage: NO_KEYRING });
    await shell.ready();
    const [window] = shell.windows;
    const [first, second] = await Promise.all([shell.unlock(window!, PASSPHRASE), shell.unlock(window!, PASSPHRASE)]);
    expect(first).toEqual({ ok: true });
    expect(second).toEqual({ ok: false, error: shellTexts('de').busy });
    expect(shell.book.opened).toHaveLength(1);
  });

  it.each([
    ['the app page', 'app://workstation/index.html', false, null],
    ['a foreign page', 'https://evil.example/unlock/index.html', false, null],
    ['another web contents', 'app://workstation/unlock/index.html', true, null],
    ['a frame inside the unlock page', 'app://workstation/unlock/index.html', false, {}],
  ])('refuses a passphrase from %s', async (_who, url, otherContents, parent) => {
    const shell = startShell({ safeStorage: NO_KEYRING });
    await shell.ready();
    const sender = otherContents ? new FakeWebContents() : shell.windows[0]!.webContents;
    const result = await shell.ipcMain.handlers.get(UNLOCK_CHANNEL)!({ sender, senderFrame: { url, parent } }, PASSPHRASE);
    expect(result).toEqual({ ok: false, error: 'refused' });
    expect(readdirSync(userData)).toEqual([]);
    expect(shell.book.opened).toHaveLength(0);
  });

  it.each([[42], [null], [['x']]])('refuses %j as a passphrase', async (value) => {
    const shell = startShell({ safeStorage: NO_KEYRING });
    await shell.ready();
    const result = await shell.unlock(shell.windows[0]!, value);
    expect(result.ok).toBe(false);
    expect(readdirSync(userData)).toEqual([]);
  });
});

describe('start-up failures', () => {
  it('stops with a clear message, and changes nothing, when the stored key does not open the book', async () => {
    const first = startShell({ safeStorage: KEYRING });
    await first.ready();
    writeFileSync(join(userData, DATABASE_FILE), 'a book made with another key');
    const onDisk = snapshot(userData);

    const shell = startShell({ safeStorage: KEYRING });
    await shell.ready();
    expect(shell.errors).toEqual([{ title: shellTexts('de').startFailedTitle, message: shellTexts('de').storedKeyDoesNotFit }]);
    expect(shell.app.quitCalls).toBe(1);
    expect(shell.windows).toHaveLength(0);
    expect(snapshot(userData)).toEqual(onDisk);
  });

  it('stops, and creates no new key, when the key of an existing book is missing', async () => {
    writeFileSync(join(userData, DATABASE_FILE), 'an existing book');
    const shell = startShell({ safeStorage: KEYRING, locale: 'en' });
    await shell.ready();
    expect(shell.errors).toHaveLength(1);
    expect(shell.errors[0]!.message).toContain(shellTexts('en').keyStore.key_missing);
    expect(shell.app.quitCalls).toBe(1);
    expect(shell.windows).toHaveLength(0);
    expect(readdirSync(userData)).toEqual([DATABASE_FILE]);
  });
});

describe('updates', () => {
  it('are off unpackaged, and until the book is open', async () => {
    expect(await startShell({ safeStorage: KEYRING }).checkForUpdates()).toBeNull();
    const locked = startShell({ safeStorage: NO_KEYRING, updater: new FakeUpdater() });
    await locked.ready();
    expect(await locked.checkForUpdates()).toBeNull();
  });

  it('wait while the window shows a meeting or the book holds one running, then ask in the user’s language and install', async () => {
    const updater = new FakeUpdater();
    updater.feed = release('0.2.0', { releaseNotes: '<p>Selbstauskunft als PDF</p>' });
    const shell = startShell({ safeStorage: KEYRING, updater, restart: true });
    await shell.ready();
    const window = shell.windows[0]!;
    window.webContents.url = `${APP_ENTRY_URL}#/meetings/0190d8a0-0000-7000-8000-000000000001`;
    expect(await shell.checkForUpdates()).toMatchObject({ kind: 'wait', reason: 'meeting' });
    // The advisor looks at the client's page while the meeting runs: the core says it runs (over the real protocol).
    window.webContents.url = `${APP_ENTRY_URL}#/clients/0190d8a0-0000-7000-8000-000000000002`;
    shell.book.opened[0]!.meeting = true;
    expect(await shell.checkForUpdates()).toMatchObject({ kind: 'wait', reason: 'meeting' });
    expect(shell.questions).toEqual([]);
    shell.book.opened[0]!.meeting = false;
    // The advice record of an ended meeting is no meeting.
    window.webContents.url = `${APP_ENTRY_URL}#/meetings/0190d8a0-0000-7000-8000-000000000001/advice`;
    expect(await shell.checkForUpdates()).toMatchObject({ kind: 'offer_restart', version: '0.2.0' });
    expect(shell.questions).toEqual([{
      type: 'info', title: 'Aktualisierung bereit', message: shellTexts('de').update.ready('0.2.0'), detail: 'Selbstauskunft als PDF',
      buttons: ['Jetzt neu starten', 'Später (beim Beenden)'], defaultId: 0, cancelId: 1, noLink: true,
    }]);
    expect(updater.downloads).toEqual(['0.2.0']);
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('read the feed at the address set for this computer; an unusable one turns them off with a message', async () => {
    const updater = new FakeUpdater();
    const set = startShell({ safeStorage: KEYRING, updater, files: { [join(userData, 'update-feed.json')]: '{"url":"https://updates.example.com/aw"}' } });
    await set.ready();
    expect(updater.feedUrls).toEqual(['generic https://updates.example.com/aw/']);
    expect(await set.checkForUpdates()).toEqual({ kind: 'up_to_date' });

    const refused = new FakeUpdater();
    const logged: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => { logged.push(args.join(' ')); };
    try {
      const off = startShell({ safeStorage: KEYRING, updater: refused, env: { AW_UPDATE_FEED: 'http://updates.example.com/' } });
      await off.ready();
      expect(await off.checkForUpdates()).toBeNull();
    } finally {
      console.error = error;
    }
    expect(refused.checks).toBe(0);
    expect(logged.join('\n')).toContain('Updates are off: the update address set in AW_UPDATE_FEED is not usable.');
  });

  it('never show a question to a window that is gone', async () => {
    const updater = new FakeUpdater();
    updater.feed = release('0.2.0');
    const shell = startShell({ safeStorage: KEYRING, updater, restart: true });
    await shell.ready();
    shell.windows[0]!.closed = true;
    expect(await shell.checkForUpdates()).toMatchObject({ kind: 'offer_restart' });
    expect(shell.questions).toEqual([]);
    expect(updater.installs).toEqual([]);
  });
});
