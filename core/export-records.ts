// The client's export (access and portability) as device and backend both see
// it: which fields of a record are data about the client (not the sync's
// bookkeeping), which name a person, and when two copies of one record say the
// same. Pure, so the backend answers and the device compares with one rule.
import { z } from 'zod';
import { ENTITIES, type Fields } from './records.ts';

/** The sync's bookkeeping, not data about the client. */
const BOOKKEEPING = new Set(['version', 'hlc', 'stamps', 'deletedAt', 'updatedAt']);

/** Fields that hold a person's id: the export names the person beside it. */
export const PERSON_FIELDS = ['ownerId', 'advisorId', 'recordedBy', 'assigneeId', 'coachId', 'decidedBy', 'createdBy', 'doneBy', 'soldBy', 'requestedBy'] as const;

/** A record's fields about the client, every unset one as null, keys in order (so two copies compare and print alike). */
export function dataFields(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !BOOKKEEPING.has(k)).map(([k, v]) => [k, v ?? null] as const).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Whether two copies of a record hold the same data; a field one copy lacks counts as unset. */
export function sameData(a: Fields, b: Fields): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (BOOKKEEPING.has(k) || k === 'id') continue;
    if (JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null)) return false;
  }
  return true;
}

/** The ids of the people a record names (owner, advisor, who recorded it …) and the people a client record shares with. */
export function personIds(fields: Fields): string[] {
  const ids = PERSON_FIELDS.map((k) => fields[k]).filter((v): v is string => typeof v === 'string');
  if (Array.isArray(fields.sharedWith)) for (const s of fields.sharedWith) if (s && typeof (s as { userId?: unknown }).userId === 'string') ids.push((s as { userId: string }).userId);
  return ids;
}

/** POST /v1/clients/export: what the backend holds about one client the device's person may see. */
export const backendExportRequest = z.object({ clientId: z.uuid() }).strict();

export const backendExportResponse = z.object({
  clientId: z.string(),
  records: z.array(z.object({ entity: z.enum(ENTITIES), id: z.string().max(200), fields: z.record(z.string(), z.unknown()) })).max(200_000),
  /** The assistant's signals behind the client's alerts: only the backend keeps them. */
  signals: z.array(z.object({
    alertId: z.string(), kind: z.string(), observedAt: z.string(), eventDate: z.string().nullable(), confidence: z.number(), evidence: z.string(),
    receivedAt: z.string(), source: z.string(),
  })).max(100_000),
  /** Who may see the client at the manufacturer: the owner and those it is shared with. */
  access: z.array(z.object({ userId: z.string(), displayName: z.string(), kind: z.enum(['owner', 'shared']) })).max(10_000),
  /** The names of the people the records name. */
  people: z.record(z.string(), z.string()),
  serverTime: z.number(),
});
export type BackendExport = z.infer<typeof backendExportResponse>;
