// The server's copy of the synced records. A push locks what a mutation may
// read, the mutation merges in memory (core/sync/apply.ts), and the records
// that changed are written back with one change-log row each, all in the
// push's transaction. A pull reads records back by (entity, id).
import { and, eq, inArray } from 'drizzle-orm';
import type { EntityName } from '#core/records.ts';
import type { MergedWrite } from '#core/sync/apply.ts';
import type { SyncedState } from '#core/sync/merge.ts';
import type { BackendDb } from './db/connect.ts';
import { changeLog, records } from './db/schema.ts';

export type StoredState = SyncedState & { clientId: string };

export const recordKey = (entity: string, id: string) => `${entity}\u0000${id}`;

/**
 * Every record with one of these ids (of any entity), keyed by recordKey, and
 * locked until the transaction ends: two mutations of one record merge one
 * after the other, never both against the same old state. Locked in key
 * order, so two pushes cannot deadlock.
 */
export async function lockRecords(tx: BackendDb, ids: string[]): Promise<Map<string, StoredState>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ entity: records.entity, id: records.id, clientId: records.clientId, fields: records.fields, stamps: records.stamps })
    .from(records).where(inArray(records.id, ids)).orderBy(records.entity, records.id).for('update');
  return new Map(rows.map((r) => [recordKey(r.entity, r.id), { clientId: r.clientId, fields: r.fields, stamps: r.stamps }]));
}

/**
 * Writes the records a mutation changed and notes each in the change log.
 * A new record is inserted, never upserted: if another transaction created it
 * meanwhile, this one fails (and is retried) rather than overwriting it unmerged.
 */
export async function writeRecords(tx: BackendDb, writes: MergedWrite[], now: Date): Promise<void> {
  // A plan may write one record twice; its last merged state holds both.
  const last = new Map(writes.filter((w) => w.changed.length > 0).map((w) => [recordKey(w.entity, w.id), w]));
  const created = new Set(writes.filter((w) => w.created).map((w) => recordKey(w.entity, w.id)));
  for (const [key, w] of last) {
    const { fields, stamps } = w.state;
    if (created.has(key)) {
      await tx.insert(records).values({ entity: w.entity, id: w.id, clientId: w.clientId, fields, stamps, createdAt: now, updatedAt: now });
    } else {
      await tx.update(records).set({ fields, stamps, updatedAt: now }).where(and(eq(records.entity, w.entity), eq(records.id, w.id)));
    }
  }
  if (last.size > 0) await tx.insert(changeLog).values([...last.values()].map((w) => ({ entity: w.entity, id: w.id, clientId: w.clientId })));
}

/** The current state of these records, keyed by recordKey; a record not there is missing from the map. */
export async function readRecords(db: BackendDb, wanted: { entity: EntityName; id: string }[]): Promise<Map<string, StoredState>> {
  if (wanted.length === 0) return new Map();
  const keys = new Set(wanted.map((w) => recordKey(w.entity, w.id)));
  const rows = await db.select({ entity: records.entity, id: records.id, clientId: records.clientId, fields: records.fields, stamps: records.stamps })
    .from(records).where(inArray(records.id, [...new Set(wanted.map((w) => w.id))]));
  return new Map(rows.filter((r) => keys.has(recordKey(r.entity, r.id)))
    .map((r) => [recordKey(r.entity, r.id), { clientId: r.clientId, fields: r.fields, stamps: r.stamps }]));
}
