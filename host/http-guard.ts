// Who may talk to the browser-mode server: requests on 127.0.0.1 with the
// per-launch secret, and for calls from the page its own Origin only.
// The secret never travels in a cookie: cookies are not scoped by port, so
// any other server on 127.0.0.1 would receive it with every request. The
// page's address carries it, and each call sends it in its Authorization header.
// Pure functions, so each rule has a unit test.
import { extname } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { MAX_LIST_BYTES } from '#contract/lists.ts';
import { MAX_FORM_BYTES } from '#contract/self-assessment.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

/** The largest request body read: a call into the core is a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Opening a client list carries the file (base64 in JSON): room for the largest list the contract takes. */
export const MAX_LIST_BODY_BYTES = Math.ceil(MAX_LIST_BYTES / 3) * 4 + 64 * 1024;

/** Reading or taking a returned self-assessment form carries the PDF. */
export const MAX_FORM_BODY_BYTES = Math.ceil(MAX_FORM_BYTES / 3) * 4 + 64 * 1024;

/** How much of a call's body is read: the calls that carry a file may be larger, every other is a few kilobytes. */
export function bodyLimitOf(pathname: string): number {
  if (pathname === '/rpc/lists/open') return MAX_LIST_BODY_BYTES;
  if (pathname === '/rpc/selfAssessment/read' || pathname === '/rpc/selfAssessment/take') return MAX_FORM_BODY_BYTES;
  return MAX_BODY_BYTES;
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

/** A call into the core carries the secret as `Authorization: Bearer <secret>`. */
export function hasSession(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  return match !== null && sameSecret(match[1]!, token);
}

export function tokenFromUrl(url: URL, token: string): boolean {
  const t = url.searchParams.get('token');
  return t !== null && sameSecret(t, token);
}

/**
 * The page itself (the app's document, and any address without a file
 * extension, which the app routes) is served only with the secret in its
 * address. Scripts, styles and fonts are the same for everyone who has the
 * app installed and hold no data, so they need none: a script tag cannot send a header.
 */
export function isDocument(pathname: string): boolean {
  const ext = extname(pathname);
  return ext === '' || ext === '.html';
}

/** A Content-Length over the limit: refused before a byte of the body is read. */
export function declaredTooLarge(contentLength: string | undefined, limit = MAX_BODY_BYTES): boolean {
  return contentLength !== undefined && Number(contentLength) > limit;
}

/** Calls into the core must come from our own page: a browser always sends Origin on POST. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
