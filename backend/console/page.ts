// The console's web page, built by Vite into dist/console/ (index.html and
// assets/) and served here as files. A strict Content-Security-Policy: only
// this backend's own scripts, styles and API; nothing inline, no frames.
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import { HttpError } from '../http.ts';

/** Where `npm run build:renderer` puts the console's build. */
export const CONSOLE_PAGE_DIR = fileURLToPath(new URL('../../dist/console', import.meta.url));

export const CONSOLE_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.ico': 'image/x-icon', '.map': 'application/json',
};

/** A built asset's name: what Vite writes (name-hash.ext), nothing that climbs out of the folder. */
const ASSET = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

async function fileOrNull(path: string): Promise<Buffer | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
    return await readFile(path);
  } catch {
    return null;
  }
}

/** Serves index.html (`asset` undefined) or one file of assets/. */
export async function servePage(c: Context, dir: string, asset?: string): Promise<Response> {
  c.header('content-security-policy', CONSOLE_CSP);
  c.header('referrer-policy', 'no-referrer');
  c.header('x-frame-options', 'DENY');
  const index = await fileOrNull(join(dir, 'index.html'));
  if (!index) {
    throw new HttpError(503, 'console_not_built', "The manufacturer's console has not been built on this server: run npm run build:renderer, then reload.");
  }
  if (asset === undefined) return c.body(new Uint8Array(index), 200, { 'content-type': TYPES['.html']! });
  const body = ASSET.test(asset) ? await fileOrNull(join(dir, 'assets', asset)) : null;
  if (!body) throw new HttpError(404, 'not_found', `There is no console file ${asset.slice(0, 100)}.`);
  return c.body(new Uint8Array(body), 200, { 'content-type': TYPES[extname(asset)] ?? 'application/octet-stream' });
}
