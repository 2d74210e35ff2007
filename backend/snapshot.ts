// A book from the start, once the change log has been trimmed: every record
// the user may read, straight from `records`, parents before children, in
// pages; then the log from the position it had when the snapshot began.
// Records changed meanwhile come once more from the log; merging them twice
// does no harm.
import { sql } from 'drizzle-orm';
import { ENTITIES, type EntityName, type Fields } from '#core/records.ts';
import type { PullResponse } from '#core/sync/protocol.ts';
import type { Clock } from './clock.ts';
import type { BackendDb } from './db/connect.ts';
import { clientAccess, records } from './db/schema.ts';
import { encodeCursor, serverClock, type Position } from './cursor.ts';

export interface SnapshotAt { head: Position; after: { rank: number; id: string } | null }

const SNAPSHOT = /^s1\.(\d{1,20})\.(\d{1,19})(?:\.(\d{1,2})\.([A-Za-z0-9_-]{1,200}))?$/;

export function encodeSnapshotCursor(at: SnapshotAt): string {
  const base = `s1.${at.head.xid}.${at.head.seq}`;
  return at.after ? `${base}.${at.after.rank}.${Buffer.from(at.after.id).toString('base64url')}` : base;
}

export function decodeSnapshotCursor(cursor: string | null): SnapshotAt | null {
  const m = cursor === null ? null : SNAPSHOT.exec(cursor);
  if (!m) return null;
  return { head: { xid: m[1]!, seq: m[2]! }, after: m[3] ? { rank: Number(m[3]), id: Buffer.from(m[4]!, 'base64url').toString() } : null };
}

/** The newest position whose changes are all final now (below the oldest running transaction). */
export async function logHead(db: BackendDb, floor: Position): Promise<Position> {
  const rows = (await db.execute(sql`
    SELECT xid::text AS xid, seq::text AS seq FROM change_log
    WHERE xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY xid DESC, seq DESC LIMIT 1`) as unknown as { rows: Position[] }).rows;
  return rows[0] ?? floor;
}

export async function pullSnapshot(db: BackendDb, clock: Clock, userId: string, at: SnapshotAt, limit: number): Promise<PullResponse> {
  // One index walk per entity, in rank order, each at most a page long: sorting the
  // user's whole book by (rank, id) on every page made a full download quadratic.
  const walks = ENTITIES.map((entity, i) => ({ entity, rank: i + 1 })).filter((e) => !at.after || e.rank >= at.after.rank).map((e) => sql`(
    SELECT r.entity, r.id, r.client_id AS "clientId", r.fields, r.stamps, ${e.rank}::int AS rank FROM ${records} r
    WHERE r.entity = ${e.entity} AND ${at.after?.rank === e.rank ? sql`r.id > ${at.after.id}` : sql`true`}
      AND EXISTS (SELECT 1 FROM ${clientAccess} a WHERE a.user_id = ${userId} AND a.client_id = r.client_id)
    ORDER BY r.id LIMIT ${limit + 1})`);
  const rows = walks.length === 0 ? [] : (await db.execute(sql`${sql.join(walks, sql` UNION ALL `)} ORDER BY rank, id LIMIT ${limit + 1}`) as unknown as {
    rows: { entity: EntityName; id: string; clientId: string; fields: Fields; stamps: Record<string, string>; rank: number }[];
  }).rows;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const more = rows.length > page.length;
  return {
    records: page.map((r) => ({ entity: r.entity, id: r.id, clientId: r.clientId, state: { fields: r.fields, stamps: r.stamps } })),
    // The snapshot done, the log goes on from where it stood when the snapshot began.
    cursor: more && last ? encodeSnapshotCursor({ head: at.head, after: { rank: last.rank, id: last.id } }) : encodeCursor(at.head),
    more: true,
    ...serverClock(clock),
    resync: false,
  };
}
