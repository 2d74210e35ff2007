// Erasure on the device: a client and everything about them leave the book,
// and nothing about them is left waiting to be sent. Used when the advisor
// erases here and when the backend's tombstone arrives from elsewhere. Advice
// records are the exception the law makes: on erasure they are restricted
// (db/retention.ts), not deleted; when the client only left this person's
// book (a share taken back), they go with the rest, as the owner still has them.
import { and, eq, inArray } from 'drizzle-orm';
import { PURGED_MUTATION } from '#core/sync/protocol.ts';
import type { Db } from './open.ts';
import { restrictAdviceRecords } from './retention.ts';
import { adviceRecords, alerts, answers, appointments, clients, feedback, conclusions, consents, deriveQueue, holdings, offerOutcomes, mandates, meetings, outbox, purchases, syncDeferred, tasks, touchpoints } from './schema.ts';

/** Children before parents, so no foreign key is in the way. */
const OF_CLIENT = [answers, touchpoints, tasks, appointments, feedback, consents, purchases, mandates, alerts, conclusions, holdings, offerOutcomes, adviceRecords, meetings] as const;

export interface EraseOptions {
  /** When it happens: when the restriction began. */
  at: number;
  /** The client was erased at their request (not merely taken out of this book): advice records are kept restricted. */
  restrict: boolean;
  /** The erasure's own outbox entry, which must not be emptied. */
  except?: string;
}

/** Removes the client and all their records. Unsent changes about them keep their place in the queue, emptied. */
export function eraseClientLocally(db: Db, clientId: string, options: EraseOptions): void {
  if (options.restrict) restrictAdviceRecords(db, clientId, options.at);
  for (const table of OF_CLIENT) db.delete(table).where(eq(table.clientId, clientId)).run();
  db.delete(clients).where(eq(clients.id, clientId)).run();
  db.delete(syncDeferred).where(eq(syncDeferred.clientId, clientId)).run();
  db.delete(deriveQueue).where(eq(deriveQueue.clientId, clientId)).run();
  const about = db.select({ seq: outbox.seq, status: outbox.status, mutationId: outbox.mutationId, name: outbox.name }).from(outbox).where(eq(outbox.clientId, clientId)).all()
    // A disclosure is about the restricted record the erasure keeps: it still has to reach the backend's log.
    .filter((m) => m.mutationId !== options.except && m.name !== 'advice.disclose');
  // Refused changes stay listed for the user (what and why), with nothing of the client left in them.
  const refused = about.filter((m) => m.status !== 'pending').map((m) => m.seq);
  if (refused.length) db.update(outbox).set({ args: {}, undo: null, clientId: null }).where(inArray(outbox.seq, refused)).run();
  const pending = about.filter((m) => m.status === 'pending').map((m) => m.seq);
  if (pending.length) {
    db.update(outbox).set({ name: PURGED_MUTATION, args: {}, undo: null, clientId: null, error: null })
      .where(and(inArray(outbox.seq, pending), eq(outbox.status, 'pending'))).run();
  }
}
