// The sync status as a stream for the header: a new status whenever sync's
// phase or progress moves or a change is saved, so what the header says is
// true at every moment, and a heartbeat, so a page whose core has gone away
// finds out at once (the stream breaks) rather than at its next poll.
import type { Store } from '#db/store.ts';
import type { SyncEngine, SyncStatus } from './engine.ts';

export interface WatchOptions {
  /** A status at least this often, changed or not. */
  heartbeatMs?: number;
  /** A burst of saves (typing) is told once, this long after it started. */
  settleMs?: number;
}

export async function* watchSyncStatus(sync: SyncEngine, store: Store, signal?: AbortSignal, options: WatchOptions = {}): AsyncGenerator<SyncStatus> {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const settleMs = options.settleMs ?? 150;
  let wake: (() => void) | null = null;
  // Set by every poke, so one that comes while the consumer holds the last status is not lost.
  let dirty = false;
  const poke = () => { dirty = true; wake?.(); };
  const offSync = sync.subscribe(poke);
  const offCommit = store.onCommit(poke);
  signal?.addEventListener('abort', poke);
  try {
    while (!signal?.aborted) {
      dirty = false;
      yield sync.getStatus();
      if (!dirty) {
        await new Promise<void>((resolve) => {
          const done = () => { clearTimeout(timer); wake = null; resolve(); };
          const timer = setTimeout(done, heartbeatMs);
          wake = done;
        });
      }
      if (signal?.aborted) break;
      await new Promise((resolve) => setTimeout(resolve, settleMs));
    }
  } finally {
    offSync();
    offCommit();
    signal?.removeEventListener('abort', poke);
  }
}
