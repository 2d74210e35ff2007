// The book the kill loop writes into, and what the writer says about each
// write (crash-writer.ts): set up once, then written by one process after another.
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '#db/open.ts';
import { Store } from '#db/store.ts';
import { takeResults } from '#db/sync.ts';
import { heldCatalogue } from '#services/catalogue.ts';
import { TEST_ROLES } from './book.ts';

/** A line the writer prints: an intent before a write, its acknowledgement after, a pause inside a transaction. */
export type CrashLine =
  | { t: 'ready' }
  | { t: 'in-tx' }
  | { t: 'intent' | 'ack'; k: string; v: string }
  | { t: 'pushed'; hlcs: string[] };

export const CRASH_BOOK = {
  userId: 'advisor-1',
  /** Clients this advisor works on: answers, cities, tasks. */
  local: ['019ab000-0000-7000-8000-00000000c001', '019ab000-0000-7000-8000-00000000c002', '019ab000-0000-7000-8000-00000000c003'],
  /** Clients whose changes arrive by pull: nothing of this device's is unsent for them. */
  remote: ['019ab000-0000-7000-8000-00000000d001', '019ab000-0000-7000-8000-00000000d002'],
} as const;

export function openCrashStore(path: string, key: Buffer): Store {
  const { sqlite, db } = openDatabase({ path, key });
  return new Store(sqlite, db, { userId: CRASH_BOOK.userId, person: () => ({ roles: TEST_ROLES, ids: [] }), catalogue: heldCatalogue });
}

/** The clients, with consent to profiling for the local ones (so answers owe conclusions); all of it already pushed: their stamps are returned. */
export function setUpCrashBook(path: string, key: Buffer): string[] {
  const store = openCrashStore(path, key);
  for (const id of CRASH_BOOK.local) {
    store.mutate('client.create', { id, firstName: 'Jonas', lastName: `Keller ${id.slice(-1)}` });
    store.mutate('consent.record', { id: uuidv7(), clientId: id, purpose: 'profiling', granted: true, method: 'written' });
  }
  for (const id of CRASH_BOOK.remote) store.mutate('client.create', { id, firstName: 'Lea', lastName: `Brandt ${id.slice(-1)}` });
  const sent = store.sqlite.prepare(`SELECT seq, hlc FROM outbox`).all() as { seq: number; hlc: string }[];
  takeResults(store, sent.map(({ seq }) => ({ seq, status: 'applied' as const })), Date.now());
  store.close();
  return sent.map((s) => s.hlc);
}
