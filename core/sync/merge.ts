// The one merge rule, applied by the device and by the backend alike: each
// field of a record keeps the value with the newest hybrid-logical-clock stamp.
// Because the rule only ever compares stamps, merging is idempotent, commutative
// and associative: a change applied twice, late or out of order gives the same
// record, which is what makes replays and deferred pulls harmless.
import type { Fields } from '../records.ts';

/** A record as it travels: its fields and, per field, the stamp of the change that wrote it. */
export interface SyncedState {
  fields: Fields;
  /** Field name to HLC stamp (core/hlc.ts format, so plain string order is causal order). */
  stamps: Record<string, string>;
}

/** The stamp of a record: the newest of its fields' stamps. */
export function recordStamp(stamps: Record<string, string>): string {
  let newest = '';
  for (const s of Object.values(stamps)) if (s > newest) newest = s;
  return newest;
}

/** Stamps every written field with the change's stamp. */
export function stampFields(fields: Fields, hlc: string): Record<string, string> {
  return Object.fromEntries(Object.keys(fields).map((k) => [k, hlc]));
}

/**
 * Merges incoming field values into a record. `base` is null when the record
 * is new here. Returns the merged state and the names of the fields that
 * changed, so a caller can skip writes that change nothing.
 */
export function mergeFields(
  base: SyncedState | null,
  incoming: SyncedState,
  { authoritative = false }: { authoritative?: boolean } = {},
): { state: SyncedState; changed: string[] } {
  const fields: Fields = { ...(base?.fields ?? {}) };
  const stamps: Record<string, string> = { ...(base?.stamps ?? {}) };
  const changed: string[] = [];
  for (const [name, value] of Object.entries(incoming.fields)) {
    const theirs = incoming.stamps[name] ?? '';
    const ours = stamps[name];
    // Equal stamps mean the same change seen twice (a stamp ends with the id of
    // the device that made it). The backend's copy of that change is the truth:
    // it planned it against the shared state, so a device adopts its values.
    if (ours !== undefined && (ours > theirs || (ours === theirs && !(authoritative && !sameValue(fields[name], value))))) continue;
    fields[name] = value;
    stamps[name] = theirs;
    changed.push(name);
  }
  return { state: { fields, stamps }, changed };
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
