// Saves one field as it changes: debounced, one call in flight at a time (so
// saves land in order), the newest value wins, and a failed save keeps the
// value and tries again with growing pauses. Unsaved text can be kept in
// localStorage so a reload of the window does not lose it either.
import { connection, connectionProblemOf } from './connection.ts';
import { isRetryable } from './problems.ts';

export type SaveState = 'saving' | 'saved' | 'error';

/** What a screen needs to wait for pending saves before it moves on. */
export interface Flushable { flush(): Promise<boolean> }

export interface AutosaverOptions<T> {
  save: (value: T) => Promise<{ savedAt: number }>;
  /** What the core will store for a value (e.g. trimmed text); compared, sent and reported. */
  normalize?: (value: T) => T;
  equals?: (a: T, b: T) => boolean;
  debounceMs?: number;
  draftKey?: string;
}

export interface AutosaverSnapshot<T> {
  value: T;
  /** The value the core acknowledged last. */
  saved: T;
  savedAt: number | null;
  state: SaveState;
  error: unknown;
}

const RETRY_MS = [1000, 2000, 4000, 8000, 15000];

export class Autosaver<T> implements Flushable {
  options: AutosaverOptions<T>;
  private snap: AutosaverSnapshot<T>;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private attempt = 0;
  private settled: ((ok: boolean) => void)[] = [];

  constructor(initial: T, options: AutosaverOptions<T>) {
    this.options = options;
    this.snap = { value: initial, saved: this.norm(initial), savedAt: null, state: 'saved', error: null };
    const draft = this.readDraft();
    if (draft !== undefined && !this.eq(this.norm(draft), this.snap.saved)) {
      this.snap = { ...this.snap, value: draft, state: 'saving' };
      queueMicrotask(() => void this.pump());
    }
  }

  snapshot = (): AutosaverSnapshot<T> => this.snap;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The user changed the value. */
  set(value: T, immediate = false): void {
    const dirty = !this.eq(this.norm(value), this.snap.saved);
    const keepError = this.snap.state === 'error' && isRetryable(this.snap.error);
    this.update({
      value,
      state: dirty || this.inFlight ? (keepError ? 'error' : 'saving') : 'saved',
      error: dirty && keepError ? this.snap.error : null,
    });
    this.writeDraft(dirty ? value : undefined);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pump(), immediate ? 0 : (this.options.debounceMs ?? 300));
  }

  /**
   * The user is part-way through a value that cannot be judged yet (a date
   * typed up to "24.12."): kept and shown as unsaved, sent when the field is
   * left (flush) or completed (set).
   */
  hold(value: T): void {
    this.set(value);
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
  }

  /** Saves now what is pending; resolves true once the core holds the current value. */
  flush(): Promise<boolean> {
    if (!this.inFlight && this.eq(this.norm(this.snap.value), this.snap.saved)) return Promise.resolve(true);
    const settled = new Promise<boolean>((resolve) => this.settled.push(resolve));
    void this.pump();
    return settled;
  }

  /** The field goes off screen: what is still waiting for its pause is sent now, not dropped. */
  leave(): void {
    if (this.timer) void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    if (this.retryTimer) { clearTimeout(this.retryTimer); this.retryTimer = null; }
    if (this.inFlight) return;
    const target = this.norm(this.snap.value);
    if (this.eq(target, this.snap.saved)) {
      this.update({ state: 'saved', error: null });
      this.settle(true);
      return;
    }
    this.inFlight = true;
    if (this.snap.state !== 'error') this.update({ state: 'saving' });
    try {
      const { savedAt } = await this.options.save(target);
      this.inFlight = false;
      this.attempt = 0;
      const done = this.eq(this.norm(this.snap.value), target);
      this.update({ saved: target, savedAt, state: done ? 'saved' : 'saving', error: null });
      if (done) { this.writeDraft(undefined); this.settle(true); } else void this.pump();
    } catch (error) {
      this.inFlight = false;
      this.update({ state: 'error', error });
      this.settle(false);
      if (isRetryable(error)) this.retryLater(error);
    }
  }

  private retryLater(error: unknown): void {
    const delay = RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)]!;
    this.attempt++;
    this.retryTimer = setTimeout(() => void this.pump(), delay);
    // When the connection watcher sees the core again, go at once rather than wait out the pause.
    if (connectionProblemOf(error)) connection.whenOnline(() => void this.pump());
  }

  private settle(ok: boolean): void {
    const waiting = this.settled;
    this.settled = [];
    for (const resolve of waiting) resolve(ok);
  }

  private update(patch: Partial<AutosaverSnapshot<T>>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  private norm(value: T): T {
    return this.options.normalize ? this.options.normalize(value) : value;
  }

  private eq(a: T, b: T): boolean {
    return this.options.equals ? this.options.equals(a, b) : Object.is(a, b);
  }

  private readDraft(): T | undefined {
    if (!this.options.draftKey) return undefined;
    try {
      const raw = localStorage.getItem(this.options.draftKey);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    } catch {
      return undefined;
    }
  }

  private writeDraft(value: T | undefined): void {
    if (!this.options.draftKey) return;
    try {
      if (value === undefined) localStorage.removeItem(this.options.draftKey);
      else localStorage.setItem(this.options.draftKey, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the value still sits in the field and the save still retries.
    }
  }
}
