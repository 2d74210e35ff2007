// Keeping the change log to a size: changes older than some days are dropped
// and the position of the last dropped one is kept as the horizon. A device
// whose cursor is behind it is told to download its book again (pull.ts).
import { sql } from 'drizzle-orm';
import type { BackendDb } from './db/connect.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function trimChangeLog(db: BackendDb, olderThan: Date, now: Date): Promise<{ removed: number }> {
  return db.transaction(async (tx) => {
    // Only below the oldest running transaction: a change still being written is never dropped unseen.
    const removed = rowsOf<{ xid: string; seq: string }>(await tx.execute(sql`
      DELETE FROM change_log
      WHERE at < ${olderThan.toISOString()}::timestamptz AND xid < pg_snapshot_xmin(pg_current_snapshot())
      RETURNING xid::text AS xid, seq::text AS seq`));
    if (removed.length === 0) return { removed: 0 };
    const last = removed.reduce((a, b) => (BigInt(b.xid) > BigInt(a.xid) || (b.xid === a.xid && BigInt(b.seq) > BigInt(a.seq)) ? b : a));
    await tx.execute(sql`
      INSERT INTO change_log_horizon (id, xid, seq, trimmed_at) VALUES (1, ${last.xid}::xid8, ${last.seq}::bigint, ${now.toISOString()}::timestamptz)
      ON CONFLICT (id) DO UPDATE SET
        xid = GREATEST(change_log_horizon.xid, excluded.xid),
        seq = CASE WHEN excluded.xid > change_log_horizon.xid OR (excluded.xid = change_log_horizon.xid AND excluded.seq > change_log_horizon.seq)
                   THEN excluded.seq ELSE change_log_horizon.seq END,
        trimmed_at = excluded.trimmed_at`);
    return { removed: removed.length };
  });
}
