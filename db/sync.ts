// The device's side of sync (docs/sync.md), over the local book: which
// mutations to push next, what to do with the backend's verdicts, and how
// pulled records join the book. Each step is one SQLite transaction, so a
// crash at any point leaves the book and the outbox in step, and the next
// sync simply goes on (pushes are replay-safe, pulls merge idempotently).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { MANDATE_MONEY_FIELDS } from '#core/mandate.ts';
import { ENTITIES, type EntityName } from '#core/records.ts';
import { latestAcceptable, wallOf } from '#core/sync/clock.ts';
import type { MutationResult, PulledRecord, PushedMutation } from '#core/sync/protocol.ts';
import { eraseClientLocally } from './erase.ts';
import { mergePulled } from './merge-pulled.ts';
import { readSyncedState, tableOf, writeSyncedState } from './records.ts';
import { deviceState, outbox, resyncSeen, syncDeferred, type SYNCED_TABLES, type UndoEntry } from './schema.ts';
import type { Store } from './store.ts';
import { cached } from './synced-rows.ts';

/** A mutation the backend refused, kept for the user to see under "needs attention". */
export interface Refused {
  seq: number; name: string; clientId: string | null; code: string; message: string; at: number;
  /** For a mandate amount changed elsewhere meanwhile: what this user entered and what holds now, to decide between. */
  conflict: MoneyConflict | null;
  /** For a purchase another one beat to the budget: what it would take and what the period has left now (filled in by services). */
  budget: BudgetConflict | null;
  /** The refused change's arguments, for what the services work out from them. */
  args: unknown;
}
export interface BudgetConflict { mandateId: string; chargeCents: number | null; spentCents: number; leftCents: number; budgetCents: number }
export interface MoneyConflict { mandateId: string; fields: { field: string; yours: number; current: number | null }[] }

const CURSOR_KEY = 'sync_cursor';

/** Half the backend's body limit (1 MiB): a batch of long notes still fits, with room to spare. */
export const BATCH_MAX_BYTES = 512 * 1024;

/** The next mutations to push, oldest first: at most `limit` of them and about `maxBytes` of JSON. */
export function nextBatch(store: Store, limit: number, maxBytes = BATCH_MAX_BYTES): PushedMutation[] {
  const rows = store.db.select().from(outbox).where(eq(outbox.status, 'pending')).orderBy(asc(outbox.seq)).limit(limit).all();
  const batch: PushedMutation[] = [];
  let bytes = 0;
  for (const m of rows) {
    const pushed = { seq: m.seq, mutationId: m.mutationId, name: m.name, args: m.args, hlc: m.hlc, at: m.createdAt };
    bytes += Buffer.byteLength(JSON.stringify(pushed));
    // Always at least one: a single change is far below the limit (notes are bounded by the domain).
    if (batch.length > 0 && bytes > maxBytes) break;
    batch.push(pushed);
  }
  return batch;
}

/**
 * Takes the backend's verdicts: an applied mutation leaves the outbox; a
 * rejected one stays, marked with its reason, and its local effect is taken
 * back. Then pulled changes that waited for these clients are merged.
 */
export function takeResults(store: Store, results: MutationResult[], at: number): void {
  store.transaction(() => {
    const touched = new Set<string>();
    // Newest first: a rejected create is undone after the rejected changes that built on it.
    for (const r of [...results].sort((a, b) => b.seq - a.seq)) {
      const row = store.db.select().from(outbox).where(eq(outbox.seq, r.seq)).get();
      if (!row || row.status !== 'pending') continue;
      if (row.clientId) touched.add(row.clientId);
      // An erasure of a client the backend never had (made and erased before a sync): gone everywhere, nothing to report.
      if (r.status === 'applied' || (row.name === 'client.erase' && r.code === 'not_found')) {
        store.db.delete(outbox).where(eq(outbox.seq, r.seq)).run();
      } else {
        undo(store, row.undo ?? [], row.hlc, at);
        store.db.update(outbox).set({ status: 'rejected', error: JSON.stringify({ code: r.code, message: r.message, at }) }).where(eq(outbox.seq, r.seq)).run();
        // The client was erased elsewhere: whatever this device still holds about them goes too.
        if (r.code === 'client_erased' && row.clientId) eraseClientLocally(store.db, row.clientId, { at, restrict: true });
        // An erasure only the owner may make: this device already removed the client (a delete is undone above), so the book is fetched again and brings them back.
        if (r.code === 'owner_only' && row.name === 'client.erase') startResync(store);
      }
    }
    for (const clientId of touched) releaseDeferred(store, clientId, at);
  });
}

/** Restores what a mutation overwrote, where nothing later has changed it since. */
function undo(store: Store, entries: UndoEntry[], hlc: string, at: number): void {
  for (const entry of [...entries].reverse()) {
    const entity = entry.entity as EntityName;
    const now = readSyncedState(store.db, entity, entry.id);
    if (!now) continue;
    if (entry.created) {
      writeSyncedState(store.db, entity, entry.id, null, at);
      continue;
    }
    const fields = { ...now.fields };
    const stamps = { ...now.stamps };
    for (const [k, v] of Object.entries(entry.fields)) {
      if (stamps[k] !== hlc) continue;
      fields[k] = v;
      stamps[k] = entry.stamps[k]!;
    }
    writeSyncedState(store.db, entity, entry.id, { fields, stamps }, at);
  }
}

// Asked per client of every pulled page and per row at the end of a resync: prepared once, not built per call.
function hasPending(store: Store, clientId: string): boolean {
  return cached(store.sqlite, `SELECT 1 FROM outbox WHERE client_id = ? AND status = 'pending' LIMIT 1`).get(clientId) !== undefined;
}

/** Merges a client's waiting pulled changes once none of its own changes are unsent. */
function releaseDeferred(store: Store, clientId: string, at: number): void {
  if (hasPending(store, clientId)) return;
  const waiting = store.db.select().from(syncDeferred).where(eq(syncDeferred.clientId, clientId)).all();
  if (waiting.length === 0) return;
  store.db.delete(syncDeferred).where(eq(syncDeferred.clientId, clientId)).run();
  mergePulled(store, waiting.map((w) => ({ entity: w.entity as EntityName, id: w.id, clientId: w.clientId, state: w.state })), at);
}

/**
 * Pulled records join the book: merged field by field with the backend's
 * values winning ties, or removed for a tombstone. A record of a client with
 * unsent local changes waits instead, so the advisor's own writes stay in view.
 */
export function applyPulled(store: Store, records: PulledRecord[], page: { cursor: string; hlc: string }, at: number): void {
  store.transaction(() => {
    // Every stamp seen counts, not only the backend's clock: a change from a
    // laptop whose clock runs fast must still sort before what is made after it here.
    // Except one from further ahead than the backend accepts: it must not carry a wrong
    // date into this device's clock (the backend refuses such stamps; this is the second guard).
    const limit = latestAcceptable(wallOf(page.hlc));
    let newest = page.hlc;
    for (const r of records) if (r.state) for (const s of Object.values(r.state.stamps)) if (s > newest && s <= limit) newest = s;
    store.observe(newest);
    const now: PulledRecord[] = [];
    const pendingOf = new Map<string, boolean>();
    // An erased client goes at once, unsent changes or not, and nothing else about them is kept.
    const erased = new Set(records.filter((r) => r.entity === 'clients' && r.state === null).map((r) => r.id));
    for (const r of records) {
      // A record of a client erased at their request: the client's own tombstone follows (the erasure logged it last) and
      // restricts the advice records; deleted one by one before it, they could not be.
      if (r.erased && r.entity !== 'clients') continue;
      if (erased.has(r.clientId)) { if (r.entity === 'clients' && r.id === r.clientId) now.push(r); continue; }
      if (!pendingOf.has(r.clientId)) pendingOf.set(r.clientId, hasPending(store, r.clientId));
      if (pendingOf.get(r.clientId)) {
        cached(store.sqlite, `INSERT INTO sync_deferred (entity, id, client_id, state) VALUES (?, ?, ?, ?)
          ON CONFLICT (entity, id) DO UPDATE SET state = excluded.state`)
          .run(r.entity, r.id, r.clientId, r.state === null ? null : syncDeferred.state.mapToDriverValue(r.state));
      } else now.push(r);
    }
    mergePulled(store, now, at);
    if (resyncing(store)) {
      const seen = cached(store.sqlite, `INSERT INTO resync_seen (entity, id) VALUES (?, ?) ON CONFLICT DO NOTHING`);
      for (const r of records) if (r.state !== null) seen.run(r.entity, r.id);
    }
    store.writeState(CURSOR_KEY, page.cursor);
  });
}

const RESYNC_KEY = 'resync';

export function resyncing(store: Store): boolean {
  return store.readState(RESYNC_KEY) === '1';
}

/**
 * The backend no longer keeps changes as far back as this device's cursor:
 * the book is downloaded again from the start. Until that is done, every
 * record that arrives is noted; a crash meanwhile starts the download over.
 */
export function startResync(store: Store): void {
  store.transaction(() => {
    store.db.delete(resyncSeen).run();
    store.db.delete(deviceState).where(eq(deviceState.key, CURSOR_KEY)).run();
    store.writeState(RESYNC_KEY, '1');
  });
}

/**
 * The whole book has arrived again: what the device still holds beyond it is
 * gone on the backend (erased or no longer shared while its tombstone was
 * trimmed away), unless it has changes not yet sent.
 */
export function finishResync(store: Store, at: number): number {
  return store.transaction(() => {
    let removed = 0;
    const seen = (entity: string, id: string) =>
      cached(store.sqlite, `SELECT 1 FROM resync_seen WHERE entity = ? AND id = ?`).get(entity, id) !== undefined;
    for (const entity of [...ENTITIES].reverse()) {
      const table = tableOf(entity) as typeof SYNCED_TABLES.clients;
      const rows = store.db.select({ id: table.id }).from(table).all() as { id: string }[];
      for (const { id } of rows) {
        if (seen(entity, id)) continue;
        const clientId = entity === 'clients' ? id : (readSyncedState(store.db, entity, id)?.fields.clientId as string);
        if (hasPending(store, clientId)) continue;
        // Erased or unshared, the device cannot tell any more: the backend keeps an erased client's advice records restricted.
        if (entity === 'clients') eraseClientLocally(store.db, id, { at, restrict: false });
        else writeSyncedState(store.db, entity, id, null, at);
        removed++;
      }
    }
    store.db.delete(resyncSeen).run();
    store.db.delete(deviceState).where(eq(deviceState.key, RESYNC_KEY)).run();
    return removed;
  });
}

export function syncCursor(store: Store): string | null {
  return store.readState(CURSOR_KEY) ?? null;
}

/** The mutations the backend refused, newest first, for "needs attention". */
export function refused(store: Store): Refused[] {
  return store.db.select().from(outbox).where(eq(outbox.status, 'rejected')).orderBy(sql`${outbox.seq} DESC`).all().map((m) => {
    const e = JSON.parse(m.error ?? '{}') as { code?: string; message?: string; at?: number };
    const code = e.code ?? 'rejected';
    const conflict = code === 'money_conflict' && m.name === 'mandate.update' ? moneyConflict(store, m.args) : null;
    return { seq: m.seq, name: m.name, clientId: m.clientId, code, message: e.message ?? '', at: e.at ?? m.createdAt, conflict, budget: null, args: m.args };
  });
}

/** The amounts a refused mandate change wanted, beside the amounts the book holds now (pulled from the other device). */
function moneyConflict(store: Store, args: unknown): MoneyConflict | null {
  const a = args as { id?: string; patch?: Record<string, unknown> } | null;
  if (!a?.id || !a.patch) return null;
  const now = readSyncedState(store.db, 'mandates', a.id);
  const fields = MANDATE_MONEY_FIELDS.filter((f) => typeof a.patch![f] === 'number')
    .map((f) => ({ field: f, yours: a.patch![f] as number, current: (now?.fields[f] as number | undefined) ?? null }));
  return { mandateId: a.id, fields };
}

/** The original arguments of a refused change, so the user can make it again on purpose. */
export function refusedArgs(store: Store, seq: number): { name: string; args: unknown } | null {
  const row = store.db.select().from(outbox).where(and(eq(outbox.seq, seq), eq(outbox.status, 'rejected'))).get();
  return row ? { name: row.name, args: row.args } : null;
}

/** The user has seen a refusal and lets it go. */
export function dismissRefused(store: Store, seqs: number[]): void {
  store.db.delete(outbox).where(and(eq(outbox.status, 'rejected'), inArray(outbox.seq, seqs))).run();
}
