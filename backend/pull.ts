// POST /v1/pull: the records changed since the device's cursor, for the
// clients this user may see (docs/sync.md, Pull). The change log is read in
// (transaction, sequence) order and only below the oldest transaction still
// running, so a transaction that commits late can never land behind a cursor
// already handed out. Each change is answered with the record's current
// state: merging is idempotent, so a record seen twice does no harm.
import { sql, type SQL } from 'drizzle-orm';
import type { Fields } from '#core/records.ts';
import type { PulledRecord, PullResponse } from '#core/sync/protocol.ts';
import type { Clock } from './clock.ts';
import type { BackendDb } from './db/connect.ts';
import { changeLog, changeLogHorizon, clientAccess, erasedClients, records, revokedAccess } from './db/schema.ts';
import { recordKey } from './records.ts';
import { decodeSnapshotCursor, logHead, pullSnapshot } from './snapshot.ts';
import { decodeCursor, encodeCursor, serverClock, START, type Position } from './cursor.ts';

/** A position in the change log: the transaction id (xid8, as text) and the sequence number of the last change returned. */

interface PageRow {
  behind: boolean; horizonXid: string | null; horizonSeq: string | null;
  xid: string | null; seq: string | null; entity: PulledRecord['entity']; id: string; clientId: string; fields: Fields | null; stamps: Record<string, string> | null;
  /** The client was erased at their request, and this user did not lose them before by a share taken back. */
  erased: boolean | null;
}

/**
 * One statement per page: the horizon check, the log rows and each record's
 * current state (null when it is gone or the share was taken back). The
 * access filter is two EXISTS probes per row rather than an IN list, so the
 * planner walks the (xid, seq) key in order and stops after `limit + 1` rows
 * instead of reading and sorting the user's whole log on every page.
 * Never no rows: a page that is empty, or not read because the cursor is
 * behind the horizon, comes back as one row of nulls carrying the horizon.
 */
async function readPage(db: BackendDb, userId: string, after: Position, fromStart: boolean, limit: number): Promise<PageRow[]> {
  const revoked = (clientId: SQL) => sql`EXISTS (SELECT 1 FROM ${revokedAccess} v WHERE v.user_id = ${userId} AND v.client_id = ${clientId})`;
  return (await db.execute(sql`
    SELECT b.behind, h.xid::text AS "horizonXid", h.seq::text AS "horizonSeq",
      p.xid::text AS xid, p.seq::text AS seq, p.entity, p.id, p.client_id AS "clientId", r.fields, r.stamps,
      (NOT p.revoked AND EXISTS (SELECT 1 FROM ${erasedClients} e WHERE e.client_id = p.client_id)) AS erased
    FROM (SELECT 1) one
    -- By its key: at most one row, which the planner knows even before the table has statistics.
    LEFT JOIN ${changeLogHorizon} h ON h.id = 1
    CROSS JOIN LATERAL (SELECT h.xid IS NOT NULL AND (${fromStart}::boolean OR (${after.xid}::xid8, ${after.seq}::bigint) < (h.xid, h.seq)) AS behind) b
    LEFT JOIN LATERAL (
      SELECT c.xid, c.seq, c.entity, c.id, c.client_id, ${revoked(sql`c.client_id`)} AS revoked
      FROM ${changeLog} c
      WHERE NOT b.behind
        AND (c.xid, c.seq) > (${after.xid}::xid8, ${after.seq}::bigint)
        -- Below every transaction still running: whatever is here now is all there will ever be.
        AND c.xid < pg_snapshot_xmin(pg_current_snapshot())
        -- The clients the user has, and those taken away from them: those arrive as tombstones.
        AND (EXISTS (SELECT 1 FROM ${clientAccess} a WHERE a.user_id = ${userId} AND a.client_id = c.client_id) OR ${revoked(sql`c.client_id`)})
      ORDER BY c.xid, c.seq
      LIMIT ${limit + 1}
    ) p ON true
    -- One primary-key probe per row (LIMIT 1 keeps the planner from hashing the whole table for a long page).
    LEFT JOIN LATERAL (SELECT s.fields, s.stamps FROM ${records} s WHERE s.entity = p.entity AND s.id = p.id AND NOT p.revoked LIMIT 1) r ON true
    `) as unknown as { rows: PageRow[] }).rows.sort(byPosition);
}

/** Log order, here rather than in SQL: sorting the rows there, fields and all, may spill a long page to disk. */
function byPosition(a: PageRow, b: PageRow): number {
  return compareNumbers(a.xid ?? '', b.xid ?? '') || compareNumbers(a.seq ?? '', b.seq ?? '');
}

/** Decimal strings without leading zeros (xid8 and bigint as text) compare by length, then digit by digit. */
const compareNumbers = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

export async function pullChanges(db: BackendDb, clock: Clock, userId: string, request: { cursor: string | null; limit: number }): Promise<PullResponse> {
  const snapshotAt = decodeSnapshotCursor(request.cursor);
  if (snapshotAt) return pullSnapshot(db, clock, userId, snapshotAt, request.limit);
  const after = decodeCursor(request.cursor);
  const rows = await readPage(db, userId, after, request.cursor === null, request.limit);
  const { behind, horizonXid, horizonSeq } = rows[0]!;
  if (behind) {
    // Once the log was trimmed, a book from the start comes from the records themselves.
    if (request.cursor === null) return pullSnapshot(db, clock, userId, { head: await logHead(db, { xid: horizonXid!, seq: horizonSeq! }), after: null }, request.limit);
    return { records: [], cursor: request.cursor, more: false, ...serverClock(clock), resync: true };
  }
  const changes = rows.filter((r) => r.xid !== null);
  const page = changes.slice(0, request.limit);

  // A record changed twice within the page is answered once, where it first appears.
  const seen = new Map<string, PageRow>();
  for (const c of page) seen.set(recordKey(c.entity, c.id), c);
  const pulled: PulledRecord[] = [...seen.values()].map((c) => ({
    entity: c.entity, id: c.id, clientId: c.clientId, state: c.fields && c.stamps ? { fields: c.fields, stamps: c.stamps } : null,
    // The device keeps an erased client's advice records restricted; a share taken back takes them with the rest.
    ...(c.erased && !c.fields ? { erased: true } : {}),
  }));

  const last = page.at(-1);
  return {
    records: pulled,
    cursor: last ? encodeCursor({ xid: last.xid!, seq: last.seq! }) : (request.cursor ?? encodeCursor(START)),
    more: changes.length > page.length,
    ...serverClock(clock),
    resync: false,
  };
}
