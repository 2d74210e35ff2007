// The client's data, everything held about them (the right of access and
// portability), as one model that the JSON file and the readable PDF are both
// made from. Online, the backend's copy is asked for (a short wait) and
// reconciled with this device's; offline, or when the backend does not answer,
// the export says plainly that it shows this device's copy and when it last
// synced.
import { and, eq, isNull } from 'drizzle-orm';
import { PERSON_FIELDS, type BackendExport } from '#core/export-records.ts';
import type { EntityName, Fields } from '#core/records.ts';
import { SYNCED_TABLES } from '#db/schema.ts';
import type { Store } from '#db/store.ts';
import { currentCatalogue } from './catalogue.ts';
import { budgetOf } from './coach.ts';
import { devicePeople, deviceRecords } from './export-device.ts';
import { reconcile, type ExportEntry } from './export-reconcile.ts';
import type { Language } from '#core/language.ts';

/** The kinds of record, in the order the export shows them (the client's master data comes first, on its own). */
export const EXPORT_SECTIONS = [
  'answers', 'conclusions', 'consents', 'touchpoints', 'tasks', 'appointments', 'meetings', 'adviceRecords', 'mandates', 'purchases', 'holdings', 'offerOutcomes',
  'alerts', 'corrections', 'sales', 'approvals', 'feedback',
] as const satisfies readonly Exclude<EntityName, 'clients'>[];
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

/** What the export can ask of sync: who is using the device, the backend's copy, the last sync. */
export interface ExportSync {
  backendExport(clientId: string): Promise<BackendExport | null>;
  lastSyncedAt(): number | null;
  enrolled(): boolean;
  me(): { ids: readonly (string | undefined)[]; displayName: string | undefined };
}

export interface ClientExportModel {
  exportedAt: number;
  /** Whose copy it shows: this device's alone, or reconciled with the manufacturer's. */
  source: 'this_device' | 'this_device_and_manufacturer';
  /** Why the manufacturer's copy is missing: the device is not connected, or the backend did not answer. */
  deviceOnlyBecause: 'not_enrolled' | 'unreachable' | null;
  lastSyncedAt: number | null;
  client: ExportEntry;
  sections: Record<ExportSection, ExportEntry[]>;
  /** The assistant's signals behind the alerts: only the manufacturer keeps them. */
  signals: BackendExport['signals'];
  /** Who has access: at the manufacturer when asked, else as the client record says. */
  access: { name: string; kind: 'owner' | 'shared' }[];
  /** Each mandate's budget in the current period, with what is left. */
  budgets: ReturnType<typeof budgetOf>[];
  people: Record<string, string>;
}

export async function buildClientExport(store: Store, sync: ExportSync, clientId: string, now = Date.now()): Promise<ClientExportModel> {
  const device = deviceRecords(store, clientId);
  let backend: BackendExport | null = null;
  let because: ClientExportModel['deviceOnlyBecause'] = sync.enrolled() ? null : 'not_enrolled';
  if (!because) {
    try {
      backend = await sync.backendExport(clientId);
    } catch {
      // Offline, slow, or the backend no longer has the client: this device's copy is still the client's data.
      because = 'unreachable';
    }
  }
  const merged = reconcile(device, backend);
  const client = merged.get('clients')![0]!;
  const people = { ...devicePeople(store, sync.me(), client.record), ...backend?.people };
  const sections = Object.fromEntries(EXPORT_SECTIONS.map((s) => [s, (merged.get(s) ?? []).sort(byTime)])) as ClientExportModel['sections'];
  const catalogue = currentCatalogue(store).body;
  const { mandates } = SYNCED_TABLES;
  const budgets = store.db.select().from(mandates).where(and(eq(mandates.clientId, clientId), isNull(mandates.deletedAt))).all()
    .filter((m) => m.revokedAt === null).map((m) => budgetOf(m, catalogue));
  return {
    exportedAt: now, source: backend ? 'this_device_and_manufacturer' : 'this_device', deviceOnlyBecause: because, lastSyncedAt: sync.lastSyncedAt(),
    client, sections, signals: backend?.signals ?? [], access: accessOf(client.record, backend, people), budgets, people,
  };
}

/** When a record happened, for ordering a section: the first time field it has. */
const TIME_FIELDS = ['answeredAt', 'decidedAt', 'recordedAt', 'occurredAt', 'startedAt', 'createdAt', 'requestedAt', 'since', 'on', 'validFrom'];
function timeOf(f: Fields): string {
  const k = TIME_FIELDS.find((t) => f[t] !== undefined && f[t] !== null);
  const v = k === undefined ? null : f[k];
  return typeof v === 'number' ? new Date(v).toISOString() : typeof v === 'string' ? v : '';
}
const byTime = (a: ExportEntry, b: ExportEntry) => (timeOf(a.record) < timeOf(b.record) ? -1 : timeOf(a.record) > timeOf(b.record) ? 1 : a.id < b.id ? -1 : 1);

function accessOf(client: Fields, backend: BackendExport | null, people: Record<string, string>): ClientExportModel['access'] {
  if (backend) return backend.access.map((a) => ({ name: a.displayName, kind: a.kind }));
  const owner = typeof client.ownerId === 'string' ? people[client.ownerId] : undefined;
  const shares = Array.isArray(client.sharedWith) ? (client.sharedWith as { displayName: string }[]).map((s) => ({ name: s.displayName, kind: 'shared' as const })) : [];
  return [...(owner ? [{ name: owner, kind: 'owner' as const }] : []), ...shares];
}

/** A record for the file: each person's id with their name beside it, where known. */
function named(f: Fields, people: Record<string, string>): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(f)) {
    out[k] = v;
    if ((PERSON_FIELDS as readonly string[]).includes(k) && typeof v === 'string') out[`${k.replace(/Id$/, '')}Name`] = people[v] ?? null;
  }
  return out;
}

const entryOut = (e: ExportEntry, people: Record<string, string>) => ({
  id: e.id, ...(e.sync ? { sync: e.sync } : {}), record: named(e.record, people), ...(e.manufacturer ? { manufacturer: named(e.manufacturer, people) } : {}),
});

/** The machine-readable file. */
export function exportJson(m: ClientExportModel): string {
  return JSON.stringify({
    format: 'advisor-workstation.client-export.v2',
    exportedAt: new Date(m.exportedAt).toISOString(),
    source: m.source,
    ...(m.deviceOnlyBecause ? { deviceOnlyBecause: m.deviceOnlyBecause } : {}),
    lastSyncedAt: m.lastSyncedAt === null ? null : new Date(m.lastSyncedAt).toISOString(),
    client: entryOut(m.client, m.people),
    ...Object.fromEntries(EXPORT_SECTIONS.map((s) => [s, m.sections[s].map((e) => entryOut(e, m.people))])),
    signals: m.signals,
    access: m.access,
    budgets: m.budgets,
  }, null, 2);
}

/** "kundendaten-vogt-hanna-2026-12-03.json": whose data, from when. */
export function exportFilename(m: ClientExportModel, ext: 'json' | 'pdf', language?: Language): string {
  const c = m.client.record;
  const stem = `${String(c.lastName ?? '')}-${String(c.firstName ?? '')}`.toLowerCase()
    .replace(/ß/g, 'ss').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')
    .normalize('NFKD').replace(/[^a-z0-9-]+/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
  const word = language === 'en' ? 'client-data' : 'kundendaten';
  return `${word}-${stem || 'kunde'}-${new Date(m.exportedAt).toISOString().slice(0, 10)}.${ext}`;
}
