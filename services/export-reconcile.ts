// The device's copy and the backend's, side by side: each record of the
// client is on both (the same, or different: both are shown), only on this
// device (not sent yet), or only at the manufacturer (an alert not pulled yet,
// say). Offline there is nothing to compare with, and the export says so.
import type { BackendExport } from '#core/export-records.ts';
import { sameData } from '#core/export-records.ts';
import type { EntityName, Fields } from '#core/records.ts';
import type { HeldRecord } from './export-device.ts';

export type SyncState = 'same' | 'differs' | 'only_this_device' | 'only_manufacturer';

export interface ExportEntry {
  id: string;
  /** Absent when the backend's copy was not asked (offline). */
  sync?: SyncState;
  /** This device's copy, or the manufacturer's when only it has the record. */
  record: Fields;
  /** The manufacturer's copy, when it differs. */
  manufacturer?: Fields;
}

export function reconcile(device: HeldRecord[], backend: BackendExport | null): Map<EntityName, ExportEntry[]> {
  const out = new Map<EntityName, ExportEntry[]>();
  const add = (entity: EntityName, e: ExportEntry) => { const list = out.get(entity) ?? []; list.push(e); out.set(entity, list); };
  const key = (entity: string, id: string) => `${entity}\u0000${id}`;
  const theirs = new Map((backend?.records ?? []).map((r) => [key(r.entity, r.id), r]));
  for (const r of device) {
    if (!backend) { add(r.entity, { id: r.id, record: r.fields }); continue; }
    const other = theirs.get(key(r.entity, r.id));
    theirs.delete(key(r.entity, r.id));
    if (!other) add(r.entity, { id: r.id, sync: 'only_this_device', record: r.fields });
    else if (sameData(r.fields, other.fields)) add(r.entity, { id: r.id, sync: 'same', record: r.fields });
    else add(r.entity, { id: r.id, sync: 'differs', record: r.fields, manufacturer: other.fields });
  }
  for (const r of theirs.values()) add(r.entity, { id: r.id, sync: 'only_manufacturer', record: r.fields });
  return out;
}
