// Erasure at the client's request, on the backend: every record about the
// client is deleted (not blanked), the change log gets one entry per deleted
// record so that every device with access receives a tombstone, and the
// client id is kept, with nothing else, so later pushes about them are dropped.
// The assistant's signals about the client go too: their evidence is about them.
// Advice records are the exception the law makes: each version is moved to the
// restricted store first (backend/retention.ts), out of every read but a disclosure.
import { eq } from 'drizzle-orm';
import { lockClient } from './client-locks.ts';
import type { BackendDb } from './db/connect.ts';
import { changeLog, erasedClients, records, signals } from './db/schema.ts';
import { restrictAdviceRecords } from './retention.ts';

export async function eraseClient(tx: BackendDb, clientId: string, now: Date): Promise<{ records: number; restricted: number }> {
  // A request of signals about the client finishes first, or sees the client gone.
  await lockClient(tx, clientId);
  const restricted = await restrictAdviceRecords(tx, clientId, now);
  const gone = await tx.delete(records).where(eq(records.clientId, clientId)).returning({ entity: records.entity, id: records.id });
  if (gone.length > 0) await tx.insert(changeLog).values(gone.map((r) => ({ entity: r.entity, id: r.id, clientId })));
  await tx.delete(signals).where(eq(signals.clientId, clientId));
  await tx.insert(erasedClients).values({ clientId, erasedAt: now }).onConflictDoNothing();
  return { records: gone.length, restricted };
}
