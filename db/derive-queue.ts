// The clients whose derived facts (conclusions, value tier) are owed: a mark
// written in the same transaction as the answer or consent that owes them.
import { eq, sql } from 'drizzle-orm';
import type { Db } from './open.ts';
import { deriveQueue } from './schema.ts';

// Marked with every answer: built once per book.
const marks = new WeakMap<Db, ReturnType<typeof buildMark>>();
const buildMark = (db: Db) => db.insert(deriveQueue).values({ clientId: sql.placeholder('clientId'), markedAt: sql.placeholder('at') }).onConflictDoNothing().prepare();

export function markDerive(db: Db, clientId: string, at: number): void {
  let mark = marks.get(db);
  if (!mark) marks.set(db, mark = buildMark(db));
  mark.run({ clientId, at });
}

export function clearDerive(db: Db, clientId: string): void {
  db.delete(deriveQueue).where(eq(deriveQueue.clientId, clientId)).run();
}

export function markedClients(db: Db): string[] {
  return db.select({ clientId: deriveQueue.clientId }).from(deriveQueue).all().map((r) => r.clientId);
}
