// The server's copy of the synced records. A push locks what a mutation may
// read, the mutation merges in memory (core/sync/apply.ts), and the records
// that changed are written back with one change-log row each, all in the
// push's transaction. A pull reads them in its page query (pull.ts).
import { inArray, sql, type SQL } from 'drizzle-orm';
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
 * The parts of one statement that write the records a mutation changed and
 * note each in the change log: a push pays per mutation, so round trips count.
 * A new record is inserted, never upserted: if another transaction created it
 * meanwhile, this one fails (and is retried) rather than overwriting it unmerged.
 */
export function recordWrites(writes: MergedWrite[], now: Date): SQL[] {
  // A plan may write one record twice; its last merged state holds both.
  const last = new Map(writes.filter((w) => w.changed.length > 0).map((w) => [recordKey(w.entity, w.id), w]));
  if (last.size === 0) return [];
  const created = new Set(writes.filter((w) => w.created).map((w) => recordKey(w.entity, w.id)));
  const all = [...last.entries()];
  const row = (w: MergedWrite) => sql`(${w.entity}, ${w.id}, ${w.clientId}::uuid, ${JSON.stringify(w.state.fields)}::jsonb, ${JSON.stringify(w.state.stamps)}::jsonb)`;
  const inserts = all.filter(([k]) => created.has(k)).map(([, w]) => row(w));
  const updates = all.filter(([k]) => !created.has(k)).map(([, w]) => row(w));
  const parts: SQL[] = [];
  if (inserts.length > 0) {
    parts.push(sql`ins AS (INSERT INTO ${records} (entity, id, client_id, fields, stamps, created_at, updated_at)
      SELECT v.entity, v.id, v.client_id, v.fields, v.stamps, ${now}::timestamptz, ${now}::timestamptz FROM (VALUES ${sql.join(inserts, sql`, `)}) AS v(entity, id, client_id, fields, stamps))`);
  }
  if (updates.length > 0) {
    parts.push(sql`upd AS (UPDATE ${records} r SET fields = v.fields, stamps = v.stamps, updated_at = ${now}::timestamptz
      FROM (VALUES ${sql.join(updates, sql`, `)}) AS v(entity, id, client_id, fields, stamps) WHERE r.entity = v.entity AND r.id = v.id)`);
  }
  const logged = all.map(([, w]) => sql`(${w.entity}, ${w.id}, ${w.clientId}::uuid)`);
  parts.push(sql`log AS (INSERT INTO ${changeLog} (entity, id, client_id) VALUES ${sql.join(logged, sql`, `)})`);
  return parts;
}

/** Runs data-modifying parts (named CTEs) and a final statement as one statement. */
export async function inOneStatement(tx: BackendDb, parts: SQL[], final: SQL = sql`SELECT 1`): Promise<void> {
  await tx.execute(parts.length ? sql`WITH ${sql.join(parts, sql`, `)} ${final}` : final);
}

export async function writeRecords(tx: BackendDb, writes: MergedWrite[], now: Date): Promise<void> {
  const parts = recordWrites(writes, now);
  if (parts.length > 0) await inOneStatement(tx, parts);
}
