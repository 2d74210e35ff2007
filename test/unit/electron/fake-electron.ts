// Small stand-ins for the Electron modules wiring.ts uses. They record what
// the shell does and let a test fire the events Electron would fire.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { os } from '@orpc/server';
import type { SafeStorageLike } from '../../../electron/keystore.ts';
import type {
  AppLike, BrowserWindowCtor, InvokeEventLike, PortEventLike, SessionLike, UnlockResult,
} from '../../../electron/wiring.ts';
import type { ForkCore, UtilityProcessLike } from '../../../electron/core-client.ts';
import { serveCore, type CoreWorkstation, type CorePort, type FromCore, type ToCore } from '../../../electron/core-process.ts';
import type { WorkstationOptions } from '#services/workstation.ts';
import type { FeedInfo } from '../../../electron/update/feed.ts';
import type { UpdaterLike } from '../../../electron/update/updater.ts';

type BrowserWindowConstructorOptions = ConstructorParameters<BrowserWindowCtor>[0];

type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

export class FakeEvent {
  prevented = false;
  readonly url: string;
  constructor(url = '') { this.url = url; }
  preventDefault(): void { this.prevented = true; }
}

export class FakeWebContents extends Emitter {
  /** The page's address, as the window loaded it and the renderer's routes moved it on. */
  url = '';
  getURL(): string { return this.url; }
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  /** Fires a navigation-type event and tells whether the shell stopped it. */
  navigate(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview', url = ''): boolean {
    const e = new FakeEvent(url);
    this.emit(event, e);
    return e.prevented;
  }
}

export class FakeApp extends Emitter implements AppLike {
  locale = 'de-DE';
  hasLock = true;
  quitCalls = 0;
  sandboxEnabled = false;
  readonly calls: string[] = [];
  private readonly readyPromise: Promise<void>;
  private markReady: () => void = () => {};
  readonly appPath: string;
  readonly userData: string;

  constructor(appPath: string, userData: string) {
    super();
    this.appPath = appPath;
    this.userData = userData;
    this.readyPromise = new Promise((resolve) => { this.markReady = resolve; });
  }
  requestSingleInstanceLock(): boolean { return this.hasLock; }
  enableSandbox(): void { this.sandboxEnabled = true; this.calls.push('enableSandbox'); }
  whenReady(): Promise<void> { return this.readyPromise; }
  ready(): void { this.calls.push('ready'); this.markReady(); }
  quit(): void { this.quitCalls += 1; }
  getAppPath(): string { return this.appPath; }
  getPath(): string { return this.userData; }
  getVersion(): string { return '0.1.0'; }
  getLocale(): string { return this.locale; }
}

export class FakeProtocol {
  privileged: unknown[] = [];
  handler: ((request: Request) => Promise<Response>) | null = null;
  scheme = '';
  private readonly app: FakeApp;
  constructor(app: FakeApp) { this.app = app; }
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.app.calls.push('registerSchemesAsPrivileged');
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    this.scheme = scheme;
    this.handler = handler;
  }
}

export class FakeSession implements SessionLike {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: ((contents: unknown, permission: string) => boolean) | null = null;
  setPermissionRequestHandler(handler: NonNullable<FakeSession['requestHandler']>): void { this.requestHandler = handler; }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['checkHandler']>): void { this.checkHandler = handler; }
}

export class FakeIpcMain {
  readonly listeners = new Map<string, (event: PortEventLike) => void>();
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<UnlockResult>>();
  on(channel: string, listener: (event: PortEventLike) => void): void { this.listeners.set(channel, listener); }
  handle(channel: string, handler: (event: InvokeEventLike, ...args: unknown[]) => Promise<UnlockResult>): void {
    this.handlers.set(channel, handler);
  }
}

export interface FakeWindow {
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents: FakeWebContents;
  url: string;
  shown: boolean;
  closed: boolean;
  focused: boolean;
}

/** A BrowserWindow class whose instances announce their web contents like Electron does. */
export function fakeBrowserWindow(app: FakeApp) {
  const windows: FakeWindow[] = [];
  class FakeBrowserWindow extends Emitter implements FakeWindow {
    readonly options: BrowserWindowConstructorOptions;
    readonly webContents = new FakeWebContents();
    url = '';
    shown = false;
    closed = false;
    focused = false;
    constructor(options: BrowserWindowConstructorOptions) {
      super();
      this.options = options;
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string): Promise<void> { this.url = url; this.webContents.url = url; this.emit('ready-to-show'); }
    show(): void { this.shown = true; }
    focus(): void { this.focused = true; }
    close(): void { this.closed = true; }
    restore(): void {}
    isMinimized(): boolean { return false; }
    isDestroyed(): boolean { return this.closed; }
  }
  return { BrowserWindow: FakeBrowserWindow, windows };
}

export function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  const mask = (data: Buffer) => Buffer.from(data.map((byte) => byte ^ 0xa5));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => mask(Buffer.from(plain, 'utf8')),
    decryptString: (encrypted) => mask(encrypted).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}

export const pingRouter = { ping: os.handler(() => 'pong') };

/**
 * Electron's utility process, in this process: the real core protocol
 * (core-process.ts) runs on a pair of in-memory ports, so the shell's tests
 * go through everything main does except the process boundary itself.
 */
export function fakeForkCore(open: (options: WorkstationOptions) => CoreWorkstation): { forkCore: ForkCore; exited: () => number } {
  let exits = 0;
  const forkCore: ForkCore = () => {
    const toMain: Record<'message' | 'exit', ((value: never) => void)[]> = { message: [], exit: [] };
    const toCore: ((event: { data: unknown; ports: readonly CorePort[] }) => void)[] = [];
    serveCore({
      on: (_event, listener) => toCore.push(listener),
      postMessage: (message: FromCore) => { for (const l of toMain.message) (l as (m: FromCore) => void)(message); },
    }, open, () => { exits += 1; });
    const child: UtilityProcessLike = {
      postMessage: (message: ToCore, transfer = []) => { for (const l of toCore) l({ data: structuredClone(message), ports: transfer as CorePort[] }); },
      on: (event: 'message' | 'exit', listener: (value: never) => void) => { toMain[event].push(listener); return child; },
      kill: () => { for (const l of toMain.exit) (l as (code: number) => void)(0); return true; },
    } as UtilityProcessLike;
    return child;
  };
  return { forkCore, exited: () => exits };
}

/**
 * Behaves like the real core for keys: the first open creates the "book" with
 * that key, later opens fail with the core's wrong-key error unless the key fits.
 */
export function fakeOpenWorkstation() {
  const opened: Array<{ dbPath: string; key: Buffer; mode: string; migrationsFolder?: string; closed: boolean; meeting: boolean }> = [];
  const open = (options: WorkstationOptions): CoreWorkstation => {
    const fingerprint = createHash('sha256').update(options.key).digest('hex');
    if (existsSync(options.dbPath) && readFileSync(options.dbPath, 'utf8') !== fingerprint) {
      throw Object.assign(new Error('The local database cannot be read: the key does not fit or the file is damaged.'), {
        name: 'DatabaseOpenError', reason: 'wrong_key_or_corrupt',
      });
    }
    if (!existsSync(options.dbPath)) writeFileSync(options.dbPath, fingerprint);
    const record = { ...options, closed: false, meeting: false };
    opened.push(record);
    return { router: pingRouter, meetingRunning: () => record.meeting, close: () => { record.closed = true; } };
  };
  return { open, opened, ...fakeForkCore(open) };
}

/** electron-updater's autoUpdater as far as the shell uses it: the feed it would find, and what it was told to do. */
export class FakeUpdater implements UpdaterLike {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  allowPrerelease = true;
  feed: FeedInfo | null = null;
  /** Thrown by the next check (no network, the feed away). */
  failNext: Error | null = null;
  feedUrls: string[] = [];
  checks = 0;
  downloads: string[] = [];
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  setFeedURL(options: { provider: 'generic'; url: string }): void { this.feedUrls.push(`${options.provider} ${options.url}`); }
  async checkForUpdates(): Promise<{ updateInfo: FeedInfo } | null> {
    this.checks += 1;
    const failure = this.failNext;
    this.failNext = null;
    if (failure) throw failure;
    return this.feed && { updateInfo: this.feed };
  }
  async downloadUpdate(): Promise<unknown> { this.downloads.push(this.feed!.version); return []; }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void { this.installs.push([isSilent, isForceRunAfter]); }
}

/** A release as electron-builder's feed lists it. */
export function release(version: string, extra: Partial<FeedInfo> = {}): FeedInfo {
  return { version, files: [{ url: `Advisor-Workstation-${version}.AppImage`, sha512: 'c2hhNTEy', size: 1000 }], releaseNotes: `Neu in ${version}`, ...extra };
}
