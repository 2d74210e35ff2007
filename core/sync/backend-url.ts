// Where a device may send its enrolment code and, later, its device token.
// Over plain http:// both would travel in clear, so http:// is accepted only
// for a backend on this very computer (a demo or a test); anything else must
// be https://.
import { z } from 'zod';

/** 127.0.0.0/8, ::1 and localhost: traffic to them never leaves the computer. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host === '::1') return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && Number(octets[1]) === 127 && octets.slice(2).every((o) => Number(o) <= 255);
}

/** Whether a backend address keeps the code and token secret on the way: https://, or http:// to this computer. */
export function isSafeBackendUrl(url: string): boolean {
  let parsed: URL;
  try { parsed = new URL(url); } catch { return false; }
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname);
}

/** The backend address a device enrols with: a URL of at most 500 characters that keeps secrets secret. */
export const backendUrlSchema = z.url({ protocol: /^https?$/, error: 'invalid_value' })
  .max(500, { error: 'too_long' })
  // Another protocol, or no URL at all, has its own problem already.
  .refine((url) => !URL.canParse(url) || new URL(url).protocol !== 'http:' || isSafeBackendUrl(url), { error: 'insecure_url' });
