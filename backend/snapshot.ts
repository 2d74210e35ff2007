// A book from the start, once the change log has been trimmed: every record
// the user may read, straight from `records`, parents before children, in
// pages; then the log from the position it had when the snapshot began.
// Records changed meanwhile come once more from the log; merging them twice
// does no harm.
import { and, eq, sql } from 'drizzle-orm';
import { ENTITIES } from '#core/records.ts';
import type { PullResponse } from '#core/sync/protocol.ts';
import type { Clock } from './clock.ts';
import type { BackendDb } from './db/connect.ts';
import { changeLogHorizon, clientAccess, records } from './db/schema.ts';
import { encodeCursor, serverStamp, type Position } from './pull.ts';

export interface SnapshotAt { head: Position; after: { rank: number; id: string } | null }

const SNAPSHOT = /^s1\.(\d{1,20})\.(\d{1,19})(?:\.(\d)\.([A-Za-z0-9_-]{1,200}))?$/;
const rank = sql<number>`array_position(${sql.raw(`ARRAY[${ENTITIES.map((e) => `'${e}'`).join(',')}]`)}, ${records.entity})`;

export function encodeSnapshotCursor(at: SnapshotAt): string {
  const base = `s1.${at.head.xid}.${at.head.seq}`;
  return at.after ? `${base}.${at.after.rank}.${Buffer.from(at.after.id).toString('base64url')}` : base;
}

export function decodeSnapshotCursor(cursor: string | null): SnapshotAt | null {
  const m = cursor === null ? null : SNAPSHOT.exec(cursor);
  if (!m) return null;
  return { head: { xid: m[1]!, seq: m[2]! }, after: m[3] ? { rank: Number(m[3]), id: Buffer.from(m[4]!, 'base64url').toString() } : null };
}

export async function readHorizon(db: BackendDb): Promise<Position | null> {
  const [row] = await db.select({ xid: sql<string>`${changeLogHorizon.xid}::text`, seq: sql<string>`${changeLogHorizon.seq}::text` }).from(changeLogHorizon);
  return row ?? null;
}

/** Whether changes after this position were trimmed away. */
export async function behindHorizon(db: BackendDb, p: Position): Promise<boolean> {
  const h = await readHorizon(db);
  return h !== null && (BigInt(p.xid) < BigInt(h.xid) || (p.xid === h.xid && BigInt(p.seq) < BigInt(h.seq)));
}

/** The newest position whose changes are all final now (below the oldest running transaction). */
export async function logHead(db: BackendDb, floor: Position): Promise<Position> {
  const rows = (await db.execute(sql`
    SELECT xid::text AS xid, seq::text AS seq FROM change_log
    WHERE xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY xid DESC, seq DESC LIMIT 1`) as unknown as { rows: Position[] }).rows;
  return rows[0] ?? floor;
}

export async function pullSnapshot(db: BackendDb, clock: Clock, userId: string, at: SnapshotAt, limit: number): Promise<PullResponse> {
  const rows = await db.select({ entity: records.entity, id: records.id, clientId: records.clientId, fields: records.fields, stamps: records.stamps, rank })
    .from(records)
    .innerJoin(clientAccess, and(eq(clientAccess.clientId, records.clientId), eq(clientAccess.userId, userId)))
    .where(at.after ? sql`(${rank}, ${records.id}) > (${at.after.rank}, ${at.after.id})` : sql`true`)
    .orderBy(rank, records.id)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const more = rows.length > page.length;
  return {
    records: page.map((r) => ({ entity: r.entity, id: r.id, clientId: r.clientId, state: { fields: r.fields, stamps: r.stamps } })),
    // The snapshot done, the log goes on from where it stood when the snapshot began.
    cursor: more && last ? encodeSnapshotCursor({ head: at.head, after: { rank: last.rank, id: last.id } }) : encodeCursor(at.head),
    more: true,
    hlc: serverStamp(clock),
    resync: false,
  };
}
