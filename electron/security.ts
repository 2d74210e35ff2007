// Every security decision of the desktop shell, as pure functions: main.ts and
// wiring.ts only attach them to Electron, so each one is unit-tested under Node.
import { extname, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'workstation';
/** The only origin whose pages may navigate, talk to main or load our files. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The unlock page lives in its own folder under the same origin. */
export const UNLOCK_MOUNT = '/unlock/';
export const UNLOCK_PAGE_PATH = `${UNLOCK_MOUNT}index.html`;

/**
 * Served with every response of our protocol. Nothing is loaded from elsewhere,
 * nothing inline runs, no form posts, no frames: the renderer is a bundle of
 * our own files and talks to main only through the MessagePort.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for app://workstation itself: no other host (not even
 * app://workstation.evil.com), no port, no user info.
 */
export function isTrustedUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return parsed !== null
    && parsed.protocol === `${APP_SCHEME}:`
    && parsed.host === APP_HOST
    && parsed.port === ''
    && parsed.username === ''
    && parsed.password === '';
}

/** Navigation and redirects stay inside our origin; everything else is stopped. */
export function navigationDecision(url: unknown): 'allow' | 'deny' {
  return isTrustedUrl(url) ? 'allow' : 'deny';
}

/**
 * No page may open windows. The app is offline-first and shows no external
 * links, so there is no allow-list for the system browser either.
 */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Camera, microphone, notifications, geolocation, clipboard, ...: the app needs none. */
export function permissionDecision(): false {
  return false;
}

function isUnlockPath(pathname: string): boolean {
  return pathname === UNLOCK_MOUNT || pathname.startsWith(UNLOCK_MOUNT);
}

/** May this frame receive the workstation port? Only the app's own pages, not the unlock page. */
export function isTrustedSender(frameUrl: unknown): boolean {
  if (!isTrustedUrl(frameUrl)) return false;
  return !isUnlockPath(new URL(frameUrl as string).pathname);
}

/** May this frame ask to unlock? Only the unlock page. */
export function isUnlockSender(frameUrl: unknown): boolean {
  if (!isTrustedUrl(frameUrl)) return false;
  return new URL(frameUrl as string).pathname === UNLOCK_PAGE_PATH;
}

const MAX_URL_LENGTH = 2048;

/**
 * Maps app://workstation<mount>a/b.js to <rootDir>/a/b.js. Returns null for
 * anything else: other schemes or hosts, ports, user info, dot segments (raw
 * or percent-encoded), backslashes, encoded slashes, NUL, drive letters and
 * hidden files. Chromium already removes plain dot segments before a request
 * reaches us; refusing them here as well keeps the function safe on its own.
 */
export function resolveAppPath(rootDir: string, requestUrl: unknown, mount = '/'): string | null {
  if (typeof requestUrl !== 'string' || requestUrl.length > MAX_URL_LENGTH) return null;
  const prefix = `${APP_ORIGIN}${mount}`;
  if (!requestUrl.startsWith(prefix)) return null;
  let rest = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  if (rest === '' || rest.endsWith('/')) rest += 'index.html';
  if (rest.includes('\\')) return null;

  const segments: string[] = [];
  for (const raw of rest.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment.startsWith('.')) return null;
    // Encoded separators, drive letters and control characters (NUL above all) never name one of our files.
    if (/[\\/:\u0000-\u001f]/.test(segment)) return null;
    segments.push(segment);
  }

  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  return file.startsWith(root + sep) ? file : null;
}

export interface AppRoots {
  /** The built renderer (Vite output). */
  renderer: string;
  /** The built unlock page. */
  unlock: string;
}

/** Routes a request of our protocol to a file: the unlock page or the renderer. */
export function resolveAppRequest(roots: AppRoots, requestUrl: unknown): string | null {
  if (typeof requestUrl === 'string' && requestUrl.startsWith(`${APP_ORIGIN}${UNLOCK_MOUNT}`)) {
    return resolveAppPath(roots.unlock, requestUrl, UNLOCK_MOUNT);
  }
  return resolveAppPath(roots.renderer, requestUrl);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers of every file our protocol serves. */
export function appFileHeaders(filePath: string): Record<string, string> {
  return {
    'content-type': contentTypeFor(filePath),
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    // The files are part of the installed app; an update replaces them all.
    'cache-control': 'no-cache',
  };
}
