// Who may talk to the browser-mode server: requests on 127.0.0.1 with the
// per-launch secret, and for calls from the page its own Origin only.
// Pure functions, so each rule has a unit test.
import { timingSafeEqual } from 'node:crypto';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

export function cookieName(port: number): string {
  return `aw_session_${port}`;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Only our own address: a page on another site that resolves its name to 127.0.0.1 is refused. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export function hasSession(cookieHeader: string | undefined, port: number, token: string): boolean {
  const value = readCookie(cookieHeader, cookieName(port));
  return value !== undefined && sameSecret(value, token);
}

export function tokenFromUrl(url: URL, token: string): boolean {
  const t = url.searchParams.get('token');
  return t !== null && sameSecret(t, token);
}

/** Calls into the core must come from our own page: a browser always sends Origin on POST. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
