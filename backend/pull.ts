// POST /v1/pull: the records changed since the device's cursor, for the
// clients this user may see (docs/sync.md, Pull). The change log is read in
// (transaction, sequence) order and only below the oldest transaction still
// running, so a transaction that commits late can never land behind a cursor
// already handed out. Each change is answered with the record's current
// state: merging is idempotent, so a record seen twice does no harm.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { formatHlc } from '#core/hlc.ts';
import type { PulledRecord, PullResponse } from '#core/sync/protocol.ts';
import type { Clock } from './clock.ts';
import type { BackendDb } from './db/connect.ts';
import { changeLog, clientAccess, revokedAccess } from './db/schema.ts';
import { invalidInput } from './http.ts';
import { readRecords, recordKey } from './records.ts';
import { behindHorizon, decodeSnapshotCursor, logHead, pullSnapshot, readHorizon } from './snapshot.ts';

/** A position in the change log: the transaction id (xid8, as text) and the sequence number of the last change returned. */
export interface Position { xid: string; seq: string }

const START: Position = { xid: '0', seq: '0' };
const CURSOR = /^v1\.(\d{1,20})\.(\d{1,19})$/;

export function encodeCursor(p: Position): string {
  return `v1.${p.xid}.${p.seq}`;
}

/** The position a cursor names, or a 400: a cursor is only ever one this backend gave out. */
export function decodeCursor(cursor: string | null): Position {
  if (cursor === null) return START;
  const match = CURSOR.exec(cursor);
  if (!match || BigInt(match[1]!) > 2n ** 64n - 1n || BigInt(match[2]!) > 2n ** 63n - 1n) {
    throw invalidInput([{ path: 'cursor', message: 'is not a cursor this backend gave out: send back the cursor of your last pull unchanged, or null to start from the beginning' }]);
  }
  return { xid: match[1]!, seq: match[2]! };
}

export async function pullChanges(db: BackendDb, clock: Clock, userId: string, request: { cursor: string | null; limit: number }): Promise<PullResponse> {
  const snapshotAt = decodeSnapshotCursor(request.cursor);
  const horizon = snapshotAt || request.cursor === null ? await readHorizon(db) : null;
  if (snapshotAt) return pullSnapshot(db, clock, userId, snapshotAt, request.limit);
  // Once the log was trimmed, a book from the start comes from the records themselves.
  if (request.cursor === null && horizon) return pullSnapshot(db, clock, userId, { head: await logHead(db, horizon), after: null }, request.limit);
  const after = decodeCursor(request.cursor);
  if (request.cursor !== null && await behindHorizon(db, after)) {
    return { records: [], cursor: request.cursor, more: false, hlc: serverStamp(clock), resync: true };
  }
  const changes = await db.select({ xid: sql<string>`${changeLog.xid}::text`, seq: sql<string>`${changeLog.seq}::text`, entity: changeLog.entity, id: changeLog.id, clientId: changeLog.clientId })
    .from(changeLog)
    // The clients the user has, and those taken away from them: those arrive as tombstones.
    .where(and(
      sql`${changeLog.clientId} IN (SELECT ${clientAccess.clientId} FROM ${clientAccess} WHERE ${clientAccess.userId} = ${userId}
        UNION ALL SELECT ${revokedAccess.clientId} FROM ${revokedAccess} WHERE ${revokedAccess.userId} = ${userId})`,
      sql`(${changeLog.xid}, ${changeLog.seq}) > (${after.xid}::xid8, ${after.seq}::bigint)`,
      // Below every transaction still running: whatever is here now is all there will ever be.
      sql`${changeLog.xid} < pg_snapshot_xmin(pg_current_snapshot())`,
    ))
    .orderBy(changeLog.xid, changeLog.seq)
    .limit(request.limit + 1);
  const page = changes.slice(0, request.limit);

  const seen = new Map<string, { entity: PulledRecord['entity']; id: string; clientId: string }>();
  for (const c of page) seen.set(recordKey(c.entity, c.id), c);
  const states = await readRecords(db, [...seen.values()]);
  const clientIds = [...new Set(page.map((c) => c.clientId))];
  const revoked = new Set(clientIds.length === 0 ? [] : (await db.select({ clientId: revokedAccess.clientId }).from(revokedAccess)
    .where(and(eq(revokedAccess.userId, userId), inArray(revokedAccess.clientId, clientIds)))).map((r) => r.clientId));
  const records: PulledRecord[] = [...seen.entries()].map(([key, c]) => {
    const state = revoked.has(c.clientId) ? undefined : states.get(key);
    return { entity: c.entity, id: c.id, clientId: c.clientId, state: state ? { fields: state.fields, stamps: state.stamps } : null };
  });

  const last = page.at(-1);
  return {
    records,
    cursor: last ? encodeCursor(last) : (request.cursor ?? encodeCursor(START)),
    more: changes.length > page.length,
    hlc: serverStamp(clock),
    resync: false,
  };
}

export function serverStamp(clock: Clock): string {
  return formatHlc({ wall: clock.now().getTime(), counter: 0, node: 'backend' });
}
