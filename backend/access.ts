// Who may see which client: an advisor sees their own clients and clients
// shared with them, nothing else. The sync protocol asks these before it
// reads or writes a client's records. A refusal never says whether the client
// exists: "not yours" and "no such client" are the same ClientNotFoundError.
import { and, eq, sql } from 'drizzle-orm';
import type { BackendDb } from './db/connect.ts';
import { changeLog, clientAccess, records, revokedAccess, type AccessKind } from './db/schema.ts';
import { isUuid } from './ids.ts';

export type { AccessKind } from './db/schema.ts';

export async function accessOf(db: BackendDb, userId: string, clientId: string): Promise<AccessKind | null> {
  // Not an id at all: nobody's client (and no database error to tell apart).
  if (!isUuid(userId) || !isUuid(clientId)) return null;
  const [row] = await db.select({ kind: clientAccess.kind }).from(clientAccess)
    .where(and(eq(clientAccess.clientId, clientId), eq(clientAccess.userId, userId)));
  return row?.kind ?? null;
}

export async function canReadClient(db: BackendDb, userId: string, clientId: string): Promise<boolean> {
  return (await accessOf(db, userId, clientId)) !== null;
}

/** Owner or shared. Kept apart from reading so that a read-only share can come later without touching callers. */
export async function canWriteClient(db: BackendDb, userId: string, clientId: string): Promise<boolean> {
  const kind = await accessOf(db, userId, clientId);
  return kind === 'owner' || kind === 'shared';
}

/** The clients a user may see, with how: their own and those shared with them. */
export async function clientsOf(db: BackendDb, userId: string): Promise<{ clientId: string; kind: AccessKind }[]> {
  if (!isUuid(userId)) return [];
  return db.select({ clientId: clientAccess.clientId, kind: clientAccess.kind }).from(clientAccess)
    .where(eq(clientAccess.userId, userId)).orderBy(clientAccess.clientId);
}

/**
 * Records that a user owns a client or has it shared with them (owner wins
 * over shared). The client's records are logged as changed again, in the same
 * transaction, so a device whose cursor is already past them still pulls them.
 */
export async function grantClientAccess(db: BackendDb, grant: { clientId: string; userId: string; kind: AccessKind }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(revokedAccess).where(and(eq(revokedAccess.clientId, grant.clientId), eq(revokedAccess.userId, grant.userId)));
    await tx.insert(clientAccess).values(grant).onConflictDoUpdate({
      target: [clientAccess.clientId, clientAccess.userId],
      set: { kind: grant.kind === 'owner' ? 'owner' : clientAccess.kind },
    });
    await tx.execute(sql`INSERT INTO ${changeLog} (entity, id, client_id)
      SELECT entity, id, client_id FROM ${records} WHERE client_id = ${grant.clientId} ORDER BY entity, id`);
  });
}

/**
 * Takes a shared client away from a user. Their devices get a tombstone on
 * their next pull and drop everything about the client, unsent changes too.
 */
export async function revokeClientAccess(db: BackendDb, userId: string, clientId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const gone = await tx.delete(clientAccess).where(and(eq(clientAccess.clientId, clientId), eq(clientAccess.userId, userId))).returning();
    if (gone.length === 0) return;
    await tx.insert(revokedAccess).values({ clientId, userId, revokedAt: new Date() }).onConflictDoNothing();
    await tx.insert(changeLog).values({ entity: 'clients', id: clientId, clientId });
  });
}

/**
 * What a client.share or client.unshare does besides its list (core/mutations/share.ts),
 * inside the push's transaction: a new share is granted (and the client's
 * records logged again, so the coach's devices pull them); a share taken back
 * is revoked. An owner is never demoted nor taken off: only a share changes.
 */
export async function changeAccess(tx: BackendDb, clientId: string, change: { grant: string } | { revoke: string }): Promise<void> {
  if ('grant' in change) {
    if ((await accessOf(tx, change.grant, clientId)) === null) await grantClientAccess(tx, { clientId, userId: change.grant, kind: 'shared' });
  } else if ((await accessOf(tx, change.revoke, clientId)) === 'shared') {
    await revokeClientAccess(tx, change.revoke, clientId);
  }
}

/** The one refusal for a client the caller may not see, whether or not it exists. */
export class ClientNotFoundError extends Error {
  constructor() {
    super('No such client.');
    this.name = 'ClientNotFoundError';
  }
}

/** Throws ClientNotFoundError unless the user may read (or write) the client. */
export async function requireClient(db: BackendDb, userId: string, clientId: string, need: 'read' | 'write'): Promise<AccessKind> {
  const kind = await accessOf(db, userId, clientId);
  const allowed = need === 'read' ? kind !== null : kind === 'owner' || kind === 'shared';
  if (!allowed || !kind) throw new ClientNotFoundError();
  return kind;
}
