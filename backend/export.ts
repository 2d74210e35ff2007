// POST /v1/clients/export: what the backend holds about one client, for the
// client's own export (access and portability), which the device reconciles
// with its copy. Access is decided exactly as for a pull: the person must have
// the client (owner or shared); an erased client, or one they may not see, is
// "No such client." whichever it is. It answers only what the person's devices
// pull anyway, plus what only the backend keeps about the client: the
// assistant's signals behind the alerts and who has access. Whether the client
// shares their data with the manufacturer changes nothing here: it is their own
// export (docs/sync.md).
import { eq, inArray } from 'drizzle-orm';
import { dataFields, personIds, type BackendExport } from '#core/export-records.ts';
import { ClientNotFoundError, requireClient } from './access.ts';
import type { BackendDb } from './db/connect.ts';
import { clientAccess, erasedClients, integrations, records, signals, users } from './db/schema.ts';

export async function clientExport(db: BackendDb, userId: string, clientId: string, now: Date): Promise<BackendExport> {
  await requireClient(db, userId, clientId, 'read');
  const [erased] = await db.select({ at: erasedClients.erasedAt }).from(erasedClients).where(eq(erasedClients.clientId, clientId));
  if (erased) throw new ClientNotFoundError();
  const rows = await db.select({ entity: records.entity, id: records.id, fields: records.fields }).from(records)
    .where(eq(records.clientId, clientId)).orderBy(records.entity, records.id);
  // A record taken back (an offer decision undone) is not held data any more.
  const held = rows.filter((r) => r.fields.deletedAt === undefined || r.fields.deletedAt === null);
  const kept = await db.select({
    alertId: signals.alertId, kind: signals.kind, observedAt: signals.observedAt, eventDate: signals.eventDate, confidence: signals.confidence,
    evidence: signals.evidence, receivedAt: signals.receivedAt, source: integrations.name,
  }).from(signals).innerJoin(integrations, eq(integrations.id, signals.integrationId))
    .where(eq(signals.clientId, clientId)).orderBy(signals.observedAt);
  const access = await db.select({ userId: clientAccess.userId, displayName: users.displayName, kind: clientAccess.kind })
    .from(clientAccess).innerJoin(users, eq(users.id, clientAccess.userId)).where(eq(clientAccess.clientId, clientId)).orderBy(clientAccess.kind, users.displayName);
  const ids = [...new Set(held.flatMap((r) => personIds(r.fields)))].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const named = ids.length ? await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids)) : [];
  return {
    clientId,
    records: held.map((r) => ({ entity: r.entity, id: r.id, fields: dataFields(r.fields) })),
    signals: kept.map((s) => ({ ...s, observedAt: s.observedAt.toISOString(), receivedAt: s.receivedAt.toISOString() })),
    access,
    people: Object.fromEntries([...named, ...access.map((a) => ({ id: a.userId, displayName: a.displayName }))].map((p) => [p.id, p.displayName])),
    serverTime: now.getTime(),
  };
}
