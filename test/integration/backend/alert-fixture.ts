// An alert as the backend makes it from an assistant's signals, written
// straight into the server's records (with its change-log row, so devices
// pull it): for tests of what coaches do with alerts, apart from the signals.
import { v7 as uuidv7 } from 'uuid';
import type { BackendDb } from '#backend/db/connect.ts';
import { changeLog, records } from '#backend/db/schema.ts';

export async function insertAlert(db: BackendDb, o: { id?: string; clientId: string; hlc: string; event?: string; coachId?: string | null; at: number; fields?: Record<string, unknown> }): Promise<string> {
  const id = o.id ?? uuidv7();
  const fields: Record<string, unknown> = {
    clientId: o.clientId, coachId: o.coachId ?? null, event: o.event ?? 'travel_planned', signal: `s-${id}`,
    signals: [{ id: `s-${id}`, evidence: 'Flugbuchung im Kalender', observedAt: new Date(o.at).toISOString(), eventDate: null }],
    offers: ['bundle_trip'], argumentStyle: 'convenience', reaction: 'buy_under_mandate', rulesVersion: '1', status: 'open', snoozedUntil: null,
    outcome: null, dismissReason: null, note: null, createdAt: o.at, doneAt: null, doneBy: null, ...o.fields,
  };
  const stamps = Object.fromEntries(Object.keys(fields).map((k) => [k, o.hlc]));
  await db.insert(records).values({ entity: 'alerts', id, clientId: o.clientId, fields, stamps });
  await db.insert(changeLog).values({ entity: 'alerts', id, clientId: o.clientId });
  return id;
}
