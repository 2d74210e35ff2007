// Erasure on the device: a client and everything about them leave the book,
// and nothing about them is left waiting to be sent. Used when the advisor
// erases here and when the backend's tombstone arrives from elsewhere.
import { and, eq, inArray } from 'drizzle-orm';
import { PURGED_MUTATION } from '#core/sync/protocol.ts';
import type { Db } from './open.ts';
import { adviceRecords, alerts, answers, clients, conclusions, consents, holdings, offerOutcomes, mandates, meetings, outbox, purchases, syncDeferred, tasks, touchpoints } from './schema.ts';

/** Children before parents, so no foreign key is in the way. */
const OF_CLIENT = [answers, touchpoints, tasks, consents, purchases, mandates, alerts, conclusions, holdings, offerOutcomes,
  // Advice records must be kept by law (restricted, not deleted); none are made yet, and the advice-record work changes this.
  adviceRecords, meetings] as const;

/** Removes the client and all their records. Unsent changes about them keep their place in the queue, emptied. */
export function eraseClientLocally(db: Db, clientId: string, except?: string): void {
  for (const table of OF_CLIENT) db.delete(table).where(eq(table.clientId, clientId)).run();
  db.delete(clients).where(eq(clients.id, clientId)).run();
  db.delete(syncDeferred).where(eq(syncDeferred.clientId, clientId)).run();
  const about = db.select({ seq: outbox.seq, status: outbox.status, mutationId: outbox.mutationId }).from(outbox).where(eq(outbox.clientId, clientId)).all()
    .filter((m) => m.mutationId !== except);
  // Refused changes stay listed for the user (what and why), with nothing of the client left in them.
  const refused = about.filter((m) => m.status !== 'pending').map((m) => m.seq);
  if (refused.length) db.update(outbox).set({ args: {}, undo: null, clientId: null }).where(inArray(outbox.seq, refused)).run();
  const pending = about.filter((m) => m.status === 'pending').map((m) => m.seq);
  if (pending.length) {
    db.update(outbox).set({ name: PURGED_MUTATION, args: {}, undo: null, clientId: null, error: null })
      .where(and(inArray(outbox.seq, pending), eq(outbox.status, 'pending'))).run();
  }
}
