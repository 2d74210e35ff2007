// Restricted advice records, as the settings screen and the erase dialog use
// them (core/retention.ts, db/retention.ts). A record is shown only after its
// disclosure is logged and queued for the backend, in one transaction.
import { count, eq, max } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { AdviceContent } from '#core/advice.ts';
import { DomainError } from '#core/errors.ts';
import { retainUntil, type DisclosedTo } from '#core/retention.ts';
import { disclosures, findRestricted, restrictedRecord } from '#db/retention.ts';
import { adviceRecords } from '#db/schema.ts';
import type { Store } from '#db/store.ts';
import { renderAdvicePdf } from './advice-pdf.ts';
import type { Language } from '#core/language.ts';

/** The client's advice records an erasure would keep, and until when the last one is kept. */
export function clientRetention(store: Store, clientId: string): { count: number; until: number | null } {
  const row = store.db.select({ n: count(), newest: max(adviceRecords.createdAt) }).from(adviceRecords).where(eq(adviceRecords.clientId, clientId)).get();
  return { count: row?.n ?? 0, until: row?.newest == null ? null : retainUntil(row.newest) };
}

/** Restricted records matching the query; a query with neither a name nor a checksum is bad input, said so. */
export function findRestrictedRecords(store: Store, q: { name?: string | null; birthDate?: string | null; checksum?: string | null }) {
  if (!q.name && !q.checksum) throw new DomainError([{ field: 'name', code: 'required' }]);
  if (q.checksum && !/^[0-9a-f]{8,64}$/i.test(q.checksum)) {
    throw new DomainError([{ field: 'checksum', code: 'invalid_value', params: { detail: 'give at least its first 8 characters, as printed (0-9, a-f)' } }]);
  }
  return findRestricted(store.db, { name: q.name ?? undefined, birthDate: q.birthDate ?? undefined, checksum: q.checksum ?? undefined });
}

/** Logs the disclosure (and queues it for the backend), then returns the record. Nothing is logged for a record not kept here. */
export function discloseRecord(store: Store, input: { recordId: string; to: DisclosedTo; note?: string | null }) {
  const held = restrictedRecord(store.db, input.recordId);
  if (!held) throw new DomainError([{ field: 'recordId', code: 'not_found' }]);
  const disclosureId = uuidv7();
  store.mutate('advice.disclose', { id: disclosureId, recordId: held.id, clientId: held.clientId, to: input.to, note: input.note ?? null });
  return {
    disclosureId, clientId: held.clientId, id: held.id, recordVersion: held.recordVersion, contentHash: held.contentHash, previousHash: held.previousHash,
    deliveredAt: held.deliveredAt, deliveryChannel: held.deliveryChannel, retainUntil: held.retainUntil, content: held.content as AdviceContent,
  };
}

/** The PDF of a disclosed record: only under a disclosure logged on this device, and only while the record is kept. */
export async function disclosedPdf(store: Store, disclosureId: string, language?: Language) {
  const logged = disclosures(store.db).find((d) => d.id === disclosureId);
  const record = logged && restrictedRecord(store.db, logged.recordId);
  if (!record) throw new DomainError([{ field: 'disclosure', code: 'not_found' }]);
  const content = record.content as AdviceContent;
  const lang = language ?? content.language;
  const pdf = await renderAdvicePdf({ ...record, content }, { language: lang });
  const stem = lang === 'de' ? 'beratungsdokumentation' : 'advice-record';
  return { filename: `${stem}-${record.meetingId.slice(0, 8)}-v${record.recordVersion}-${lang}.pdf`, base64: pdf.toString('base64') };
}

