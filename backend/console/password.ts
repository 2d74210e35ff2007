// The console's passwords: only the manufacturer's people have one
// (`set-password`). Kept as scrypt (node:crypto) with a random salt per
// person, so two people with the same password have different hashes and a
// stolen table must be attacked one password at a time.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { BackendDb } from '../db/connect.ts';
import { consoleLogins, type User } from '../db/schema.ts';
import { findUser, PeopleRuleError } from '../people.ts';
import { holdsManufacturer } from '../roles.ts';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 200;
/** 2^15 rounds: about 50 ms per check, which is what slows a guesser down. */
const COST = { N: 32768, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, o: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...o, maxmem: 256 * o.N * o.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (e, key) => (e ? reject(e) : resolve(key))));
}

/** `scrypt$N$r$p$salt$key`, salt and key base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** What is wrong with a new password, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password is too short: at least ${MIN_PASSWORD_LENGTH} characters, so it cannot be guessed.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password is too long: at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (password.trim() !== password) return 'The password may not start or end with a space: it would be lost when typed again.';
  return null;
}

/** Sets (or replaces) the console password of a manufacturer's person. */
export async function setConsolePassword(db: BackendDb, idOrName: string, password: string, now: Date): Promise<User> {
  const user = await findUser(db, idOrName);
  if (!holdsManufacturer(user.roles)) {
    throw new PeopleRuleError(`"${user.displayName}" does not hold the role manufacturer, and only the manufacturer's people sign in to the console. ` +
      'Create a person for the console with: create-user --name "…" --roles manufacturer');
  }
  const problem = passwordProblem(password);
  if (problem) throw new PeopleRuleError(problem);
  const passwordHash = await hashPassword(password);
  await db.insert(consoleLogins).values({ userId: user.id, passwordHash, setAt: now })
    .onConflictDoUpdate({ target: consoleLogins.userId, set: { passwordHash, setAt: now } });
  return user;
}

/** The stored hash compared against when the person is unknown, so a wrong name costs the same time as a wrong password. */
let decoy: Promise<string> | undefined;

/** The manufacturer's person with this id or name and password; null for anything else, all alike. */
export async function checkLogin(db: BackendDb, idOrName: string, password: string): Promise<User | null> {
  let user: User | null = null;
  try {
    user = await findUser(db, idOrName);
  } catch {
    user = null;
  }
  const [login] = user && holdsManufacturer(user.roles)
    ? await db.select().from(consoleLogins).where(eq(consoleLogins.userId, user.id)) : [];
  const ok = await verifyPassword(password, login?.passwordHash ?? await (decoy ??= hashPassword(randomBytes(16).toString('hex'))));
  return ok && login ? user : null;
}
