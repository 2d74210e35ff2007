// A commit returns once its pages are in the -wal file (synchronous = NORMAL);
// the checkpoint thread (db/checkpoint.ts) then moves them into the book itself
// and syncs it. What the book file alone holds is what a power cut cannot take:
// every change reaches it within moments of the last keystroke.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, expect, it } from 'vitest';
import { DEFAULT_CHECKPOINT_TIMING, startCheckpoints, type Checkpoints } from '#db/checkpoint.ts';
import { openTestStore } from '../../support/book.ts';

let opened: { close(): void } | null = null;
let checkpoints: Checkpoints | null = null;
afterEach(() => { checkpoints?.stop(); checkpoints = null; opened?.close(); opened = null; });

function book() {
  const test = openTestStore();
  opened = test;
  // The empty book (its tables) into the book file, so that what follows is all that waits in the -wal.
  test.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return test;
}

/** Clients in a copy of the book file without its -wal: what survives when the -wal is lost. */
function clientsInBookFileOnly(path: string, key: Buffer, dir: string): number {
  const copy = join(dir, `alone-${uuidv7()}.db`);
  copyFileSync(path, copy);
  const db = new Database(copy);
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    return (db.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const addClients = (store: ReturnType<typeof openTestStore>['store'], n: number) => {
  for (let i = 0; i < n; i++) store.mutate('client.create', { id: uuidv7(), firstName: 'Ida', lastName: `Kunde ${i}` });
};

it('a commit leaves its pages in the -wal only; the checkpoint thread moves them into the book file soon after the last change', async () => {
  const { store, path, key, dir } = book();
  checkpoints = startCheckpoints(store.sqlite, { path, key });
  addClients(store, 30);
  // Just acknowledged: the book file alone does not hold them yet (a power cut now could take them back).
  expect(clientsInBookFileOnly(path, key, dir)).toBe(0);
  const written = Date.now();
  let synced = 0;
  while (Date.now() - written < 3_000) {
    await new Promise((r) => setTimeout(r, 25));
    synced = clientsInBookFileOnly(path, key, dir);
    if (synced === 30) break;
  }
  expect(synced).toBe(30);
  // Quiet for one look, or the longest wait: well within a second.
  expect(Date.now() - written).toBeLessThan(DEFAULT_CHECKPOINT_TIMING.maxWaitMs + 4 * DEFAULT_CHECKPOINT_TIMING.tickMs);
});

it('sync() resolves once everything committed before it is in the book file', async () => {
  const { store, path, key, dir } = book();
  checkpoints = startCheckpoints(store.sqlite, { path, key }, { tickMs: 60_000, maxWaitMs: 60_000 });
  addClients(store, 12);
  expect(clientsInBookFileOnly(path, key, dir)).toBe(0);
  await checkpoints.sync();
  expect(clientsInBookFileOnly(path, key, dir)).toBe(12);
});

it('when the checkpoint thread cannot open the book, the writer checkpoints itself and nothing is left unsynced', async () => {
  const { store, path, key, dir } = book();
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => { errors.push(args); };
  try {
    checkpoints = startCheckpoints(store.sqlite, { path: join(dir, 'missing.db'), key }, { tickMs: 60_000, maxWaitMs: 60_000 });
    addClients(store, 7);
    await checkpoints.sync();
  } finally {
    console.error = original;
  }
  expect(String(errors[0])).toContain('checkpoints continue on the writer');
  expect(clientsInBookFileOnly(path, key, dir)).toBe(7);
});
