// The desktop shell, with Electron passed in: main.ts hands over the real
// modules, the unit tests hand over fakes. Decisions come from security.ts and
// keystore.ts; this file only attaches them to Electron's events.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { SupportedMessagePort } from '@orpc/client/message-port';
import type { BrowserWindowConstructorOptions } from 'electron';
import { CONNECT_CHANNEL } from '#contract/channel.ts';
import {
  KeyStoreError, keyFromPassphrase, loadKey, PASSPHRASE_MAX_LENGTH, type KdfParams, type KeyState, type SafeStorageLike,
} from './keystore.ts';
import {
  APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, UNLOCK_PAGE_PATH, appFileHeaders, contentSecurityPolicy, isTrustedSender,
  isUnlockSender, navigationDecision, permissionDecision, resolveAppRequest, windowOpenDecision, type AppRoots,
} from './security.ts';
import { pickLanguage, shellTexts, type ShellTexts } from './texts.ts';
import { startCore, type CoreHandle, type ForkCore } from './core-client.ts';
import { feedAddress } from './update/feed-address.ts';
import { AppUpdates, type RestartOffer, type UpdaterLike } from './update/updater.ts';
import type { UpdateDecision } from './update/policy.ts';
import type { Language } from '#core/language.ts';

/** The renderer posts its end of a MessageChannel here; main serves the workstation on it. */
export { CONNECT_CHANNEL };
/** The unlock page sends the passphrase here. */
export const UNLOCK_CHANNEL = 'workstation:unlock';
export const DATABASE_FILE = 'workstation.db';
/** For a new book only; an existing passphrase is accepted as it is. */
export const NEW_PASSPHRASE_MIN_LENGTH = 12;

// ---- The parts of Electron used here ---------------------------------------

export interface EventLike { preventDefault(): void }
export interface NavigationEventLike extends EventLike { readonly url: string }

export interface WebContentsLike {
  on(event: 'will-navigate', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: EventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  /** The page's address, with the route after # (the updater looks for the meeting screen). */
  getURL(): string;
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  close(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
}

export type BrowserWindowCtor = new (options: BrowserWindowConstructorOptions) => BrowserWindowLike;

export interface AppLike {
  requestSingleInstanceLock(): boolean;
  enableSandbox(): void;
  whenReady(): Promise<unknown>;
  quit(): void;
  getAppPath(): string;
  getPath(name: 'userData'): string;
  getVersion(): string;
  getLocale(): string;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'will-quit', listener: () => void): unknown;
}

export interface SchemePrivileges { standard: boolean; secure: boolean; supportFetchAPI: boolean }

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: SchemePrivileges }>): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

export interface FrameLike { readonly url: string; readonly parent: unknown }
export type PortLike = SupportedMessagePort & { start(): void; close(): void };

export interface PortEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
  readonly ports: readonly PortLike[];
}

export interface InvokeEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  on(channel: string, listener: (event: PortEventLike) => void): unknown;
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<UnlockResult>): void;
}

export interface MessageBoxOptionsLike {
  type: 'info'; title: string; message: string; detail: string; buttons: string[]; defaultId: number; cancelId: number; noLink: boolean;
}

export interface DialogLike {
  showErrorBox(title: string, content: string): void;
  showMessageBox(window: BrowserWindowLike, options: MessageBoxOptionsLike): Promise<{ response: number }>;
}

export type UnlockResult = { ok: true } | { ok: false; error: string };

// ---- Guards ------------------------------------------------------------------

/** Applied to every web contents the app ever creates. */
export function hardenContents(contents: WebContentsLike): void {
  const stayInApp = (event: NavigationEventLike): void => {
    if (navigationDecision(event.url) === 'deny') event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenDecision());
}

export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(permissionDecision()));
  session.setPermissionCheckHandler(() => permissionDecision());
}

/** Must run before the app is ready. */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': contentSecurityPolicy },
  });
}

/** Serves our files, and nothing else, for the app:// protocol. */
export function createAppRequestHandler(roots: AppRoots): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Method not allowed');
    const file = resolveAppRequest(roots, request.url);
    if (file === null) return plainResponse(404, 'Not found');
    let served = file;
    let body: Buffer;
    try {
      body = await readFile(served);
    } catch {
      // The renderer routes in the page: an unknown path without an extension gets the app.
      if (extname(file) !== '' || !file.startsWith(resolve(roots.renderer) + sep)) return plainResponse(404, 'Not found');
      served = join(roots.renderer, 'index.html');
      try {
        body = await readFile(served);
      } catch {
        return plainResponse(404, 'Not found');
      }
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: appFileHeaders(served) });
  };
}

export interface WindowSize { width: number; height: number; minWidth: number; minHeight: number; resizable: boolean }

/** Every window of the app is made here, with the same locked-down preferences. */
export function createSecureWindow(
  BrowserWindow: BrowserWindowCtor,
  options: { preload: string; title: string; size: WindowSize },
): BrowserWindowLike {
  const window = new BrowserWindow({
    ...options.size,
    title: options.title,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      // Our own bundled preload: it only forwards one MessagePort, or exposes unlock().
      preload: options.preload, /* eng-disable PRELOAD_JS_CHECK */
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
      safeDialogs: true,
      // Middle-click cannot open windows anyway (setWindowOpenHandler denies all); this also turns the event off.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

// ---- The app -------------------------------------------------------------------

export interface DesktopPaths {
  roots: AppRoots;
  preload: string;
  unlockPreload: string;
  migrationsFolder: string;
  dataDir: string;
  dbPath: string;
}

export function desktopPaths(appPath: string, userData: string): DesktopPaths {
  return {
    roots: { renderer: join(appPath, 'dist', 'renderer'), unlock: join(appPath, 'dist', 'electron', 'unlock') },
    preload: join(appPath, 'dist', 'electron', 'preload.cjs'),
    unlockPreload: join(appPath, 'dist', 'electron', 'unlock-preload.cjs'),
    migrationsFolder: join(appPath, 'db', 'migrations'),
    dataDir: userData,
    dbPath: join(userData, DATABASE_FILE),
  };
}

const MAIN_WINDOW: WindowSize = { width: 1280, height: 820, minWidth: 960, minHeight: 600, resizable: true };
const UNLOCK_WINDOW: WindowSize = { width: 480, height: 420, minWidth: 480, minHeight: 420, resizable: false };

export interface DesktopDeps {
  app: AppLike;
  BrowserWindow: BrowserWindowCtor;
  protocol: ProtocolLike;
  ipcMain: IpcMainLike;
  session: { defaultSession: SessionLike };
  safeStorage: SafeStorageLike;
  dialog: DialogLike;
  platform: NodeJS.Platform;
  /** Starts the workstation core in a process of its own (Electron's utility process: core.ts). */
  forkCore: ForkCore;
  /** Settings for a new passphrase file; tests use cheaper ones. */
  kdfParams?: KdfParams;
  /** electron-updater's autoUpdater in the packaged app; null unpackaged, where there is nothing to update. */
  updater: UpdaterLike | null;
  /** Where the update feed's address may be set for this computer (update/feed-address.ts). */
  env: Record<string, string | undefined>;
  readText(path: string): string | null;
}

/** The meeting screen (#/meetings/ID, not its advice record) is open in the window. */
export function showsMeeting(url: string): boolean {
  const hash = url.includes('#') ? url.slice(url.indexOf('#') + 1) : '';
  return /^\/meetings\/[^/?#]+\/?$/.test(hash);
}

/** The restart question: the version, whether it is required, and what changed as plain text. */
export function restartQuestion(texts: ShellTexts, offer: RestartOffer): MessageBoxOptionsLike {
  // Release notes may come as HTML (electron-builder passes them through): shown as text, and not endless.
  const notes = (offer.notes ?? '').replace(/<[^>]*>/g, '').replace(/\n{3,}/g, '\n\n').trim();
  return {
    type: 'info', title: texts.update.title,
    message: offer.required ? texts.update.required(offer.version) : texts.update.ready(offer.version),
    detail: notes ? (notes.length > 1500 ? `${notes.slice(0, 1500)} …` : notes) : texts.update.noNotes,
    buttons: [texts.update.restartNow, texts.update.later], defaultId: 0, cancelId: 1, noLink: true,
  };
}

export interface DesktopShell {
  /** Settles once the app is ready and the first window (app or unlock) is open, or start-up failed. */
  ready: Promise<void>;
  /** One update round now (it also runs by itself); null while updates are off: unpackaged, no book open, or no usable address. */
  checkForUpdates(): Promise<UpdateDecision | null>;
}

function errorReason(error: unknown): string | undefined {
  // DatabaseOpenError comes from db/, which the shell may not import; its name and reason are its contract.
  if (error instanceof Error && error.name === 'DatabaseOpenError') return (error as Error & { reason?: string }).reason;
  return undefined;
}

function describeOpenError(error: unknown, texts: ShellTexts, wrongKey: string): string {
  if (error instanceof KeyStoreError) return `${texts.keyStore[error.reason]}\n\n${error.message}`;
  const reason = errorReason(error);
  if (reason === 'wrong_key_or_corrupt') return wrongKey;
  if (reason === 'not_encrypted') return texts.notEncrypted;
  return texts.openFailed(error instanceof Error ? error.message : String(error));
}

export function startDesktop(deps: DesktopDeps): DesktopShell {
  const { app, BrowserWindow, protocol, ipcMain } = deps;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve(), checkForUpdates: async () => null };
  }
  app.enableSandbox();
  registerAppScheme(protocol);

  let texts = shellTexts('de');
  let language: Language = 'de';
  let paths: DesktopPaths | null = null;
  let workstation: CoreHandle | null = null;
  let mainWindow: BrowserWindowLike | null = null;
  let unlock: { window: BrowserWindowLike; firstTime: boolean; busy: boolean } | null = null;
  let updates: AppUpdates | null = null;

  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('second-instance', () => {
    const window = mainWindow ?? unlock?.window;
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    updates?.stop();
    const open = workstation;
    workstation = null;
    open?.close();
  });

  const fail = (message: string): void => {
    deps.dialog.showErrorBox(texts.startFailedTitle, message);
    app.quit();
  };

  const load = (window: BrowserWindowLike, url: string): void => {
    window.loadURL(url).catch((error: unknown) => console.error(`Could not load ${url}:`, error));
  };

  // The book is opened in the core's process; main keeps only the handle that passes ports on.
  const openBook = async (key: Buffer): Promise<void> => {
    if (!paths) throw new Error('The app is not ready yet.');
    workstation = await startCore(deps.forkCore, {
      dbPath: paths.dbPath, key, mode: 'desktop', migrationsFolder: paths.migrationsFolder, about: { version: app.getVersion(), dataDir: paths.dataDir },
    });
  };

  // Updates start once the book is open: a meeting is then known to run or not.
  const startUpdates = (): void => {
    if (!deps.updater || updates || !paths) return;
    const address = feedAddress(deps.env, paths.dataDir, deps.readText);
    if (address.kind === 'invalid') {
      console.error(`Updates are off: the update address set in ${address.from} is not usable. ${address.problem}`);
      return;
    }
    updates = new AppUpdates({
      updater: deps.updater,
      currentVersion: app.getVersion(),
      feedUrl: address.kind === 'set' ? address.url : null,
      inMeeting: async () => {
        const window = mainWindow;
        if (window && !window.isDestroyed() && showsMeeting(window.webContents.getURL())) return true;
        return (await workstation?.meetingRunning()) ?? false;
      },
      askRestart: async (offer) => {
        const window = mainWindow;
        if (!window || window.isDestroyed()) return false;
        return (await deps.dialog.showMessageBox(window, restartQuestion(texts, offer))).response === 0;
      },
      log: (message) => console.log(message),
    });
    updates.start();
  };

  const showMain = (): void => {
    if (!paths) return;
    mainWindow = createSecureWindow(BrowserWindow, { preload: paths.preload, title: texts.appTitle, size: MAIN_WINDOW });
    load(mainWindow, APP_ENTRY_URL);
    startUpdates();
  };

  const showUnlock = (firstTime: boolean): void => {
    if (!paths) return;
    const window = createSecureWindow(BrowserWindow, { preload: paths.unlockPreload, title: texts.unlockTitle, size: UNLOCK_WINDOW });
    unlock = { window, firstTime, busy: false };
    const query = new URLSearchParams({ lang: language, setup: firstTime ? '1' : '0' });
    load(window, `${APP_ORIGIN}${UNLOCK_PAGE_PATH}?${query.toString()}`);
  };

  ipcMain.on(CONNECT_CHANNEL, (event) => {
    const frame = event.senderFrame;
    const [port] = event.ports;
    const accepted = mainWindow !== null
      && event.sender === mainWindow.webContents
      && frame !== null
      && frame.parent === null
      && isTrustedSender(frame.url)
      && event.ports.length === 1;
    if (!accepted || workstation === null || port === undefined) {
      for (const refused of event.ports) refused.close();
      return;
    }
    // Main only hands the port over: the renderer speaks with the core's process directly.
    workstation.connect(port);
  });

  ipcMain.handle(UNLOCK_CHANNEL, async (event, passphrase): Promise<UnlockResult> => {
    const current = unlock;
    const frame = event.senderFrame;
    if (current === null || event.sender !== current.window.webContents || frame === null || frame.parent !== null
      || !isUnlockSender(frame.url)) {
      return { ok: false, error: 'refused' };
    }
    if (typeof passphrase !== 'string' || passphrase.length === 0) return { ok: false, error: texts.keyStore.passphrase_invalid };
    if (passphrase.length > PASSPHRASE_MAX_LENGTH) return { ok: false, error: texts.passphraseTooLong(PASSPHRASE_MAX_LENGTH) };
    if (current.firstTime && passphrase.length < NEW_PASSPHRASE_MIN_LENGTH) {
      return { ok: false, error: texts.passphraseTooShort(NEW_PASSPHRASE_MIN_LENGTH) };
    }
    if (current.busy) return { ok: false, error: texts.busy };
    if (!paths) return { ok: false, error: 'refused' };
    current.busy = true;
    try {
      const key = await keyFromPassphrase({ dir: paths.dataDir, passphrase, create: current.firstTime, params: deps.kdfParams });
      await openBook(key);
    } catch (error) {
      // A wrong passphrase changes nothing on disk: the page asks again.
      return { ok: false, error: describeOpenError(error, texts, texts.wrongPassphrase) };
    } finally {
      current.busy = false;
    }
    showMain();
    unlock = null;
    current.window.close();
    return { ok: true };
  });

  const onReady = async (): Promise<void> => {
    language = pickLanguage(app.getLocale());
    texts = shellTexts(language);
    paths = desktopPaths(app.getAppPath(), app.getPath('userData'));
    hardenSession(deps.session.defaultSession);
    protocol.handle(APP_SCHEME, createAppRequestHandler(paths.roots));

    let state: KeyState;
    try {
      state = loadKey({ dir: paths.dataDir, safeStorage: deps.safeStorage, platform: deps.platform, databaseExists: existsSync(paths.dbPath) });
    } catch (error) {
      fail(describeOpenError(error, texts, texts.storedKeyDoesNotFit));
      return;
    }
    if (state.kind === 'needs_passphrase') {
      showUnlock(state.firstTime);
      return;
    }
    try {
      await openBook(state.key);
    } catch (error) {
      fail(describeOpenError(error, texts, texts.storedKeyDoesNotFit));
      return;
    }
    showMain();
  };

  return {
    ready: app.whenReady().then(onReady).catch((error: unknown) => {
      fail(error instanceof Error ? error.message : String(error));
    }),
    checkForUpdates: async () => (updates ? updates.check() : null),
  };
}
