// People and their devices: creating users, one-time enrolment codes, enrolling
// a device (which yields its bearer token), revoking it, and resolving a token
// back to its device and user. Every function takes the database and the time
// it should consider "now"; nothing is kept in memory between calls.
import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { BackendDb } from './db/connect.ts';
import { devices, enrolmentCodes, users, type Device, type User } from './db/schema.ts';
import { isUuid } from './ids.ts';
import { deviceRoles, holdsManufacturer, type BackendRole } from './roles.ts';
import { hashSecret, newDeviceToken, newEnrolmentCode, normaliseEnrolmentCode, sameHash } from './secrets.ts';

export const ENROLMENT_CODE_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often per device, so reads do not all become writes. */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

export async function createUser(db: BackendDb, input: { displayName: string; roles: BackendRole[] }, now: Date): Promise<User> {
  const roles = [...new Set(input.roles)];
  checkRoleMix(roles);
  const [user] = await db.insert(users).values({ displayName: input.displayName.trim(), roles, createdAt: now }).returning();
  return user!;
}

export class LookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LookupError';
  }
}

/** A request about people the backend refuses for what it is, not for a typo: a manufacturer's device, say. */
export class PeopleRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PeopleRuleError';
  }
}

/**
 * The manufacturer's people decide approvals in the console and never work on
 * a device: a device of theirs could push the manufacturer's decisions as if
 * made in the console. So the role is held apart from the device roles.
 */
function checkRoleMix(roles: readonly string[]): void {
  if (holdsManufacturer(roles) && deviceRoles(roles)) {
    throw new PeopleRuleError('The role manufacturer cannot be held together with advisor, life_coach or retailer: ' +
      "the manufacturer's people work in the console, never on a device. Create a separate person for the console.");
  }
}

const NO_DEVICE_FOR_MANUFACTURER = "is one of the manufacturer's people, who work in the console and never enrol a device. " +
  'Give them a console password instead: set-password --user ID_OR_NAME.';

/** A user by id or, for the CLI, by exact display name (refused when the name is ambiguous). */
export async function findUser(db: BackendDb, idOrName: string): Promise<User> {
  const wanted = idOrName.trim();
  if (isUuid(wanted)) {
    const [byId] = await db.select().from(users).where(eq(users.id, wanted.toLowerCase()));
    if (byId) return byId;
  }
  const byName = await db.select().from(users).where(eq(users.displayName, wanted)).orderBy(users.createdAt);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new LookupError(`${byName.length} users are called "${wanted}": use the id instead (${byName.map((u) => u.id).join(', ')}).`);
  }
  throw new LookupError(`No user with the id or name "${wanted}". Create one with: create-user --name "…" --roles advisor`);
}

/** Gives a person new roles (`set-roles`): their devices take them with their next pull. */
export async function setUserRoles(db: BackendDb, idOrName: string, roles: BackendRole[]): Promise<User> {
  const user = await findUser(db, idOrName);
  checkRoleMix(roles);
  if (holdsManufacturer(roles)) {
    const [active] = await db.select({ id: devices.id }).from(devices).where(and(eq(devices.userId, user.id), isNull(devices.revokedAt))).limit(1);
    if (active) throw new PeopleRuleError(`"${user.displayName}" has an enrolled device (${active.id}): revoke it before giving them the role manufacturer.`);
  }
  const [updated] = await db.update(users).set({ roles: [...new Set(roles)] }).where(eq(users.id, user.id)).returning();
  return updated!;
}

/** The people holding a role, by name: their id and name, nothing else about them (GET /v1/people). */
export async function peopleWithRole(db: BackendDb, role: BackendRole): Promise<{ id: string; displayName: string }[]> {
  return db.select({ id: users.id, displayName: users.displayName }).from(users)
    .where(sql`${role} = ANY(${users.roles})`).orderBy(asc(users.displayName), asc(users.id));
}

/** Users by id, for a change that names people (client.share); ids that are not UUIDs are nobody. */
export async function usersById(db: BackendDb, ids: readonly string[]): Promise<Map<string, User>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select().from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((u) => [u.id, u]));
}

/** Makes a one-time code for the user; only its hash is stored. The code itself is returned once. */
export async function issueEnrolmentCode(db: BackendDb, userId: string, now: Date): Promise<{ code: string; expiresAt: Date }> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (user && holdsManufacturer(user.roles)) throw new PeopleRuleError(`"${user.displayName}" ${NO_DEVICE_FOR_MANUFACTURER}`);
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_VALIDITY_MS);
  await db.insert(enrolmentCodes).values({ codeHash: hashSecret(normaliseEnrolmentCode(code)), userId, createdAt: now, expiresAt });
  return { code, expiresAt };
}

export interface Enrolment { device: Device; user: User; token: string }

/**
 * Redeems a code for a new device. The code is claimed by one conditional
 * UPDATE (unused and not expired), so two devices racing with the same code
 * (even on different instances) cannot both win. Unknown, used and expired
 * codes all give null, in the same way.
 */
export async function enrolDevice(db: BackendDb, input: { code: string; deviceName: string }, now: Date): Promise<Enrolment | null> {
  const codeHash = hashSecret(normaliseEnrolmentCode(input.code));
  return db.transaction(async (tx) => {
    const [claimed] = await tx.update(enrolmentCodes)
      .set({ usedAt: now })
      .where(and(eq(enrolmentCodes.codeHash, codeHash), isNull(enrolmentCodes.usedAt), gt(enrolmentCodes.expiresAt, now)))
      .returning({ userId: enrolmentCodes.userId });
    if (!claimed) return null;
    const [user] = await tx.select().from(users).where(eq(users.id, claimed.userId));
    // Made the manufacturer's after the code was issued: the code no longer enrols anything.
    if (!user || holdsManufacturer(user.roles)) return null;
    const token = newDeviceToken();
    const [device] = await tx.insert(devices)
      .values({ userId: user.id, name: input.deviceName.trim(), tokenHash: hashSecret(token), createdAt: now })
      .returning();
    await tx.update(enrolmentCodes).set({ deviceId: device!.id }).where(eq(enrolmentCodes.codeHash, codeHash));
    return { device: device!, user, token };
  });
}

/** Revokes a device: its token stops working at once, on every instance. Returns false for an unknown id. */
export async function revokeDevice(db: BackendDb, deviceId: string, now: Date): Promise<Device | null> {
  if (!isUuid(deviceId)) return null;
  const [updated] = await db.update(devices).set({ revokedAt: now })
    .where(and(eq(devices.id, deviceId.toLowerCase()), isNull(devices.revokedAt))).returning();
  if (updated) return updated;
  const [already] = await db.select().from(devices).where(eq(devices.id, deviceId.toLowerCase()));
  return already ?? null;
}

export type Authentication =
  | { ok: true; device: Device; user: User }
  | { ok: false; reason: 'unknown' | 'revoked'; deviceId?: string };

/** Resolves a bearer token to its device and user, and notes that the device was seen. */
export async function authenticate(db: BackendDb, token: string, now: Date): Promise<Authentication> {
  const tokenHash = hashSecret(token);
  const [row] = await db.select({ device: devices, user: users }).from(devices)
    .innerJoin(users, eq(users.id, devices.userId))
    .where(eq(devices.tokenHash, tokenHash));
  // The index found the row; the comparison that decides is constant-time.
  if (!row || !sameHash(row.device.tokenHash, tokenHash)) return { ok: false, reason: 'unknown' };
  if (row.device.revokedAt) return { ok: false, reason: 'revoked', deviceId: row.device.id };
  const stale = new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS);
  // Seen within the last minute: skip the write and its round trip (most requests, as a device syncs in bursts).
  if (row.device.lastSeenAt && row.device.lastSeenAt >= stale) return { ok: true, device: row.device, user: row.user };
  // Guarded again in SQL: another request or instance may have written it since the read.
  const [seen] = await db.update(devices).set({ lastSeenAt: now })
    .where(and(eq(devices.id, row.device.id), or(isNull(devices.lastSeenAt), lt(devices.lastSeenAt, stale))))
    .returning({ lastSeenAt: devices.lastSeenAt });
  return { ok: true, device: seen ? { ...row.device, lastSeenAt: seen.lastSeenAt } : row.device, user: row.user };
}
