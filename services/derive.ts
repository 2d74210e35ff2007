// The keystroke first: an answer (or a consent) is acknowledged once its row
// and outbox entry are committed; the conclusions and the value tier it leads
// to are drawn just after, without delaying it. The meeting's live hint does
// not wait for them either: the renderer ranks the answers on screen itself.
//
// Nothing is lost between the two: the change's own transaction marks the
// client (db/derive-queue.ts); the mark goes only with the conclusions drawn.
// Marks a closed or killed app left behind are worked off at open, and any
// call but the next keystroke first draws what is owed, so no screen shows conclusions older than
// the answers beside them.
import { clearDerive, markDerive, markedClients } from '#db/derive-queue.ts';
import type { Store } from '#db/store.ts';

export interface DeriveTiming {
  /** Drawn once the client has been quiet this long (keystrokes in a row are drawn once). */
  quietMs: number;
  /** ...but never later than this after the first change waiting. */
  maxWaitMs: number;
}

const DEFAULT_TIMING: DeriveTiming = { quietMs: 300, maxWaitMs: 2_000 };

export class Deriver {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private firstWaiting = 0;
  private closed = false;

  private readonly store: Store;
  private readonly draw: (clientId: string) => void;
  private readonly timing: DeriveTiming;

  constructor(store: Store, draw: (clientId: string) => void, timing: DeriveTiming | undefined = DEFAULT_TIMING) {
    this.store = store;
    this.draw = draw;
    this.timing = timing;
  }

  /**
   * Saves a change and marks its client in one transaction; what follows from
   * it is drawn after the caller has had its reply.
   */
  save<T>(clientId: string, change: () => T): T {
    const saved = this.store.batch(() => {
      const result = change();
      markDerive(this.store.db, clientId, this.store.now());
      return result;
    });
    this.schedule(clientId);
    return saved;
  }

  /** Draws everything owed now: before a read, at open, before closing. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const clients = [...this.pending];
    this.pending.clear();
    for (const clientId of clients) this.drawFor(clientId);
  }

  /** At open: the marks a closed or killed app left behind. */
  resume(): number {
    const marked = markedClients(this.store.db);
    for (const clientId of marked) this.pending.add(clientId);
    this.flush();
    return marked.length;
  }

  /** Whether anything is still owed (for tests and the shell's shutdown). */
  get waiting(): number {
    return this.pending.size;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(clientId: string): void {
    if (this.closed) return;
    if (this.pending.size === 0) this.firstWaiting = Date.now();
    this.pending.add(clientId);
    if (this.timer) clearTimeout(this.timer);
    const waited = Date.now() - this.firstWaiting;
    this.timer = setTimeout(() => this.flush(), Math.max(0, Math.min(this.timing.quietMs, this.timing.maxWaitMs - waited)));
    // A pending draw never keeps a closing process alive: the mark stays and is drawn at the next open.
    this.timer.unref();
  }

  private drawFor(clientId: string): void {
    // Closed under a pending draw (the app quits, a test ends): the mark stays for the next open.
    if (!this.store.sqlite.open) return;
    try {
      this.store.batch(() => {
        this.draw(clientId);
        clearDerive(this.store.db, clientId);
      });
    } catch (error) {
      // The answer is safe; a conclusion that cannot be drawn must not come back at every read.
      console.error('drawing conclusions after a saved change:', error);
      if (this.store.sqlite.open) clearDerive(this.store.db, clientId);
    }
  }
}
