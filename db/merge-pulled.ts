// Pulled records joining the book (db/sync.ts decides which may join now).
// A first sync merges a hundred thousand records, so the hot path reads and
// writes through prepared statements (synced-rows.ts) instead of drizzle.
import { ENTITIES, type EntityName } from '#core/records.ts';
import { mergeFields } from '#core/sync/merge.ts';
import type { PulledRecord } from '#core/sync/protocol.ts';
import { eraseClientLocally } from './erase.ts';
import { readRow, readRows, syncedStateOf, writeSyncedState, type Row } from './records.ts';
import type { Store } from './store.ts';
import { PendingInserts } from './synced-rows.ts';

/**
 * Merges a page's records, each read once: the rows of one table are read
 * together, and what the merge read is what the write goes by. New rows are
 * inserted many per statement, a table's before the next table's, so a
 * parent is in before its children (ENTITIES order) whatever order the page came in.
 */
export function mergePulled(store: Store, records: PulledRecord[], at: number): void {
  const order = (e: EntityName) => ENTITIES.indexOf(e);
  const live = records.filter((r) => r.state !== null).sort((a, b) => order(a.entity) - order(b.entity));
  // Tombstones last and children first, so no foreign key is in the way.
  const gone = records.filter((r) => r.state === null).sort((a, b) => order(b.entity) - order(a.entity));
  const inserts = new PendingInserts(store.sqlite);
  const merged = new Set<string>();
  let rows = new Map<string, Row>();
  for (let i = 0; i < live.length; i++) {
    const r = live[i]!;
    if (i === 0 || r.entity !== live[i - 1]!.entity) {
      inserts.flush();
      const ids: string[] = [];
      for (let j = i; j < live.length && live[j]!.entity === r.entity; j++) ids.push(live[j]!.id);
      rows = readRows(store.db, r.entity, ids);
    }
    const key = `${r.entity}\u0000${r.id}`;
    // The same record twice in a page: the second merges with what the first wrote.
    const twice = merged.has(key);
    if (twice) inserts.flush();
    merged.add(key);
    const before = twice ? readRow(store.db, r.entity, r.id) : rows.get(r.id) ?? null;
    const result = mergeFields(before ? syncedStateOf(before) : null, r.state!, { authoritative: true });
    if (result.changed.length > 0) writeSyncedState(store.db, r.entity, r.id, result.state, at, { before, inserts });
  }
  inserts.flush();
  for (const r of gone) {
    // A client's tombstone means erasure (or access taken away): nothing about them may stay.
    // Erased at their request: advice records are kept restricted. Access taken back: they go, the owner has them.
    if (r.entity === 'clients') eraseClientLocally(store.db, r.id, { at, restrict: r.erased === true });
    else writeSyncedState(store.db, r.entity, r.id, null, at);
  }
}
