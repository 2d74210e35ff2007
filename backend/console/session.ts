// Signing in to the manufacturer's console: POST /console/session with
// { user, password } sets the cookie `aw_console` (a random token, stored only
// as its hash); DELETE signs out. A session ends after CONSOLE_IDLE_MS without
// a request. Only the cookie opens the console: a device's bearer token opens
// none of it, and a browser page of another site cannot call it (Origin, and
// SameSite=Strict on the cookie).
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { and, eq, gt, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { BackendDb } from '../db/connect.ts';
import { consoleSessions, users, type User } from '../db/schema.ts';
import { HttpError } from '../http.ts';
import { holdsManufacturer } from '../roles.ts';
import { hashSecret, newDeviceToken } from '../secrets.ts';

export const CONSOLE_COOKIE = 'aw_console';
export const CONSOLE_PATH = '/console';
/** A signed-in console stays open this long without a request. */
export const CONSOLE_IDLE_MS = 12 * 60 * 60 * 1000;
/** last_used_at is written at most this often, so reading the console does not write on every call. */
const TOUCH_EVERY_MS = 60_000;

export const loginBody = z.strictObject({
  user: z.string({ error: 'is missing: send your name or user id' }).trim().min(1, { error: 'may not be empty: send your name or user id' }).max(200),
  password: z.string({ error: 'is missing: send your password' }).min(1, { error: 'may not be empty' }).max(200, { error: 'is too long' }),
}, { error: (issue) => (issue.code === 'unrecognized_keys'
  ? `has unknown fields (${issue.keys.join(', ')}): send only user and password`
  : 'must be a JSON object like {"user": "Demo-Hersteller", "password": "…"}') });

/** The request came through TLS (directly; a proxy in front terminates it and should set Secure itself). */
const isHttps = (c: Context) => new URL(c.req.url).protocol === 'https:';

/**
 * Refuses a request a page of another site sent: its Origin is not this
 * backend's own. Requests without Origin (scripts, curl) carry no browser's
 * cookie by accident, and SameSite=Strict keeps it from cross-site requests anyway.
 */
export function checkOrigin(c: Context): void {
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== new URL(c.req.url).origin) {
    throw new HttpError(403, 'forbidden_origin', 'The console answers only its own page: open it from this backend\'s /console.');
  }
}

export async function startSession(db: BackendDb, c: Context, user: User, now: Date): Promise<void> {
  const token = newDeviceToken();
  await db.insert(consoleSessions).values({ tokenHash: hashSecret(token), userId: user.id, createdAt: now, lastUsedAt: now });
  setCookie(c, CONSOLE_COOKIE, token, { path: CONSOLE_PATH, httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
  // Sessions idle for longer are of no use to anyone: removed as others start.
  await db.delete(consoleSessions).where(lt(consoleSessions.lastUsedAt, new Date(now.getTime() - CONSOLE_IDLE_MS)));
}

export async function endSession(db: BackendDb, c: Context): Promise<void> {
  const token = getCookie(c, CONSOLE_COOKIE);
  if (token) await db.delete(consoleSessions).where(eq(consoleSessions.tokenHash, hashSecret(token)));
  deleteCookie(c, CONSOLE_COOKIE, { path: CONSOLE_PATH, httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
}

/** The manufacturer's person signed in by the request's cookie, or null (none, unknown, idle too long, role taken away). */
export async function sessionUser(deps: { db: BackendDb; clock: Clock }, c: Context): Promise<User | null> {
  const token = getCookie(c, CONSOLE_COOKIE);
  if (!token || token.length > 100) return null;
  const now = deps.clock.now();
  const tokenHash = hashSecret(token);
  const [row] = await deps.db.select({ user: users, lastUsedAt: consoleSessions.lastUsedAt }).from(consoleSessions)
    .innerJoin(users, eq(users.id, consoleSessions.userId))
    .where(and(eq(consoleSessions.tokenHash, tokenHash), gt(consoleSessions.lastUsedAt, new Date(now.getTime() - CONSOLE_IDLE_MS))));
  if (!row || !holdsManufacturer(row.user.roles)) return null;
  if (now.getTime() - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    await deps.db.update(consoleSessions).set({ lastUsedAt: now }).where(eq(consoleSessions.tokenHash, tokenHash));
  }
  return row.user;
}
