// Changes saved while this computer's clock ran ahead: the backend refused
// their stamps (core/sync/clock.ts) and they wait, unsent, in the outbox.
// Once the clock is right again they get new stamps, in one transaction with
// the record fields that carry those stamps, and the device's own clock goes
// back. It may go back because none of its stamps from the future was
// accepted anywhere: nothing anyone else holds sorts after the new stamps.
import { asc, eq } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { formatHlc, parseHlc, receive, tick, HLC_ZERO } from '#core/hlc.ts';
import type { EntityName } from '#core/records.ts';
import { CLOCK_AHEAD_LIMIT_MS, latestAcceptable } from '#core/sync/clock.ts';
import { readSyncedState, writeSyncedState } from './records.ts';
import { outbox, SYNCED_TABLES, type UndoEntry } from './schema.ts';
import type { Store } from './store.ts';

/**
 * Re-stamps every unsent change whose stamp is too far ahead of the backend's
 * time (`serverTime`), in their order, from the device's clock at `now`
 * (which the caller has found close to the backend's). A change made at a
 * time that was itself too far ahead is moved back by `offsetMs`, how far the
 * clock was ahead when it was refused, so a meeting keeps the hour it really
 * started. Returns how many changes were re-stamped.
 */
export function restampHeld(store: Store, serverTime: number, now: number, offsetMs: number): number {
  const limit = latestAcceptable(serverTime);
  return store.transaction(() => {
    const pending = store.db.select().from(outbox).where(eq(outbox.status, 'pending')).orderBy(asc(outbox.seq)).all();
    // The device's clock only ever moved forward, so the changes stamped too far ahead are the last ones in line.
    const held = pending.filter((m) => m.hlc > limit);
    if (held.length === 0) return 0;
    let clock = receive(HLC_ZERO, parseHlc(newestAcceptable(store, limit, serverTime)), now, store.deviceId);
    const renamed = new Map<string, string>();
    for (const m of held) {
      clock = tick(clock, now, store.deviceId);
      const hlc = formatHlc(clock);
      renamed.set(m.hlc, hlc);
      const at = m.createdAt > now + CLOCK_AHEAD_LIMIT_MS ? Math.min(now, Math.max(0, m.createdAt - offsetMs)) : m.createdAt;
      for (const entry of m.undo ?? []) restampRecord(store, entry, m.hlc, hlc, m.createdAt, at);
      store.db.update(outbox).set({ hlc, createdAt: at }).where(eq(outbox.seq, m.seq)).run();
    }
    // A later change's undo remembers the stamps it overwrote: those of the changes just re-stamped too.
    for (const m of pending) {
      if (!m.undo?.some((u) => Object.values(u.stamps).some((s) => renamed.has(s)))) continue;
      const undo = m.undo.map((u) => ({ ...u, stamps: Object.fromEntries(Object.entries(u.stamps).map(([k, s]) => [k, renamed.get(s) ?? s])) }));
      store.db.update(outbox).set({ undo }).where(eq(outbox.seq, m.seq)).run();
    }
    store.rewindClock(clock);
    return held.length;
  });
}

/** The fields a change wrote carry its new stamp; a field holding the change's own time gets the corrected time. */
function restampRecord(store: Store, entry: UndoEntry, from: string, to: string, atBefore: number, at: number): void {
  const entity = entry.entity as EntityName;
  const state = readSyncedState(store.db, entity, entry.id);
  if (!state) return;
  const fields = { ...state.fields };
  const stamps = { ...state.stamps };
  let changed = false;
  for (const [k, s] of Object.entries(stamps)) {
    if (s !== from) continue;
    stamps[k] = to;
    if (at !== atBefore && fields[k] === atBefore) fields[k] = at;
    changed = true;
  }
  if (changed) writeSyncedState(store.db, entity, entry.id, { fields, stamps }, at);
}

/**
 * The newest stamp this device holds that the backend could have accepted:
 * whatever it pulled, and its own changes sent before. The clock goes back no
 * further than this, so a change made next still sorts after all it has seen.
 */
function newestAcceptable(store: Store, limit: string, serverTime: number): string {
  let newest = formatHlc({ wall: serverTime, counter: 0, node: 'backend' });
  const consider = (s: string | null | undefined) => { if (s && s > newest && s <= limit) newest = s; };
  for (const table of Object.values(SYNCED_TABLES)) {
    const name = getTableConfig(table as unknown as SQLiteTable).name;
    for (const row of store.sqlite.prepare(`SELECT hlc, stamps FROM "${name}"`).all() as { hlc: string; stamps: string | null }[]) {
      if (row.stamps === null) consider(row.hlc);
      else for (const s of Object.values(JSON.parse(row.stamps) as Record<string, string>)) consider(s);
    }
  }
  for (const row of store.sqlite.prepare(`SELECT state FROM sync_deferred WHERE state IS NOT NULL`).all() as { state: string }[]) {
    for (const s of Object.values((JSON.parse(row.state) as { stamps: Record<string, string> }).stamps)) consider(s);
  }
  for (const row of store.sqlite.prepare(`SELECT hlc FROM outbox`).all() as { hlc: string }[]) consider(row.hlc);
  return newest;
}
