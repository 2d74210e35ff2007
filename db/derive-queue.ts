// The clients whose derived facts (conclusions, value tier) are owed: a mark
// written in the same transaction as the answer or consent that owes them.
import { eq } from 'drizzle-orm';
import type { Db } from './open.ts';
import { deriveQueue } from './schema.ts';

export function markDerive(db: Db, clientId: string, at: number): void {
  db.insert(deriveQueue).values({ clientId, markedAt: at }).onConflictDoNothing().run();
}

export function clearDerive(db: Db, clientId: string): void {
  db.delete(deriveQueue).where(eq(deriveQueue.clientId, clientId)).run();
}

export function markedClients(db: Db): string[] {
  return db.select({ clientId: deriveQueue.clientId }).from(deriveQueue).all().map((r) => r.clientId);
}
