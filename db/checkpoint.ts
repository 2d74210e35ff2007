// Makes committed changes safe against a power cut, off the keystroke's path.
//
// The book runs in WAL mode with synchronous = NORMAL: a commit appends its
// pages to the -wal file and returns without waiting for the disk. A killed
// app loses nothing (the pages are in the operating system's hands; the kill
// loop proves it); a power cut or an operating-system crash could take back
// the transactions since the last checkpoint, whose first step syncs the -wal
// file. Checkpoints run on a second connection in a worker thread, so copying
// pages and waiting for the disk never delays an answer (SQLite lets a passive
// checkpoint run beside the writer): when the book has been quiet a moment
// (between two keystrokes), and at the latest a quarter of a second after the
// first change waiting. SQLite's own checkpoint on the writer stays as a
// backstop, should the worker not keep up.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Sqlite } from './open.ts';

export interface CheckpointTiming {
  /** How often the book is looked at: the smallest quiet that counts. */
  tickMs: number;
  /** Synced at the latest this long after the first change waiting. */
  maxWaitMs: number;
}

export const DEFAULT_CHECKPOINT_TIMING: CheckpointTiming = { tickMs: 100, maxWaitMs: 250 };

export interface CheckpointState {
  /** Changes seen at the last look (SQLite's total_changes() on the writer). */
  changes: number;
  /** When the first change not yet synced was seen, or null when all are. */
  waitingSince: number | null;
}

/**
 * The decision at one look: whether to checkpoint now, and what to remember.
 * Quiet since the last look with changes waiting, or waiting too long: now.
 */
export function checkpointStep(state: CheckpointState, changes: number, now: number, timing: CheckpointTiming): { run: boolean; next: CheckpointState } {
  const changed = changes !== state.changes;
  const waitingSince = state.waitingSince ?? (changed ? now : null);
  if (waitingSince === null) return { run: false, next: { changes, waitingSince: null } };
  const run = !changed || now - waitingSince >= timing.maxWaitMs;
  return { run, next: { changes, waitingSince: run ? null : waitingSince } };
}

// The worker's whole program. It is handed over as text, so it runs the same
// from the sources, from a bundle and from a packed app; the driver's path
// comes from here, where the bundle resolves it.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma("cipher='sqlcipher'");
db.pragma('legacy=4');
db.pragma('key="x\\'' + Buffer.from(workerData.key).toString('hex') + '\\'"');
db.pragma('busy_timeout = 1000');
parentPort.on('message', (message) => {
  if (message === 'close') { db.close(); process.exit(0); }
  try { parentPort.postMessage({ done: db.pragma('wal_checkpoint(PASSIVE)')[0] }); }
  catch (error) { parentPort.postMessage({ failed: String(error && error.message || error) }); }
});
`;

export interface Checkpoints {
  /** Resolves once every change committed before the call is synced to disk. */
  sync(): Promise<void>;
  /** Stops looking; the worker closes its connection after any checkpoint in flight (the last to close syncs). */
  stop(): void;
}

/** Starts checkpoints for an open book at `path`; stop them before closing the book. */
export function startCheckpoints(sqlite: Sqlite, book: { path: string; key: Buffer }, timing: CheckpointTiming = DEFAULT_CHECKPOINT_TIMING, now: () => number = Date.now): Checkpoints {
  const totalChanges = sqlite.prepare('SELECT total_changes() AS n').pluck();
  let state: CheckpointState = { changes: totalChanges.get() as number, waitingSince: null };
  const worker = new Worker(CHECKPOINTER, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), path: book.path, key: new Uint8Array(book.key) },
  });
  worker.unref();
  // Callers waiting for the checkpoint in flight, and for the one after it.
  let running: Array<() => void> | null = null;
  let queued: Array<() => void> = [];
  let inThread = false;
  const run = () => {
    if (running) return;
    running = queued;
    queued = [];
    if (inThread) return finish();
    worker.postMessage('checkpoint');
  };
  const finish = () => {
    // The worker could not start (or died): the writer checkpoints itself, which is slower but as safe.
    if (inThread && sqlite.open && !sqlite.inTransaction) sqlite.pragma('wal_checkpoint(PASSIVE)');
    const done = running ?? [];
    running = null;
    for (const resolve of done) resolve();
    if (queued.length > 0) run();
  };
  worker.on('message', (message: { failed?: string }) => {
    if (message.failed) console.error('syncing the book to disk:', message.failed);
    finish();
  });
  worker.on('error', (error) => {
    console.error('the book\'s checkpoint thread stopped; checkpoints continue on the writer:', error);
    inThread = true;
    if (running) finish();
  });
  const look = () => {
    if (!sqlite.open) return;
    const step = checkpointStep(state, totalChanges.get() as number, now(), timing);
    state = step.next;
    if (step.run) run();
  };
  const timer = setInterval(() => {
    try { look(); } catch (error) { console.error('syncing the book to disk:', error); }
  }, timing.tickMs);
  timer.unref();
  const sync = () => new Promise<void>((resolve) => { queued.push(resolve); run(); });
  return {
    sync,
    stop: () => {
      clearInterval(timer);
      if (!inThread) worker.postMessage('close');
    },
  };
}
