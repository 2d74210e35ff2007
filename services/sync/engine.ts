// Sync in the app: push the outbox in batches, then pull what changed, with
// progress; in the background when online, with exponential backoff when the
// backend cannot be reached, and at once when the user asks.
import { z } from 'zod';
import { backendUrlSchema } from '#core/sync/backend-url.ts';
import { CLOCK_AHEAD_LIMIT_MS, minutesOf } from '#core/sync/clock.ts';
import { parseOrThrow } from '#core/validate.ts';
import { manufacturerVersions, storeManufacturerData } from '#db/manufacturer.ts';
import { restampHeld } from '#db/restamp.ts';
import type { Store } from '#db/store.ts';
import { withBudgets } from '../coach.ts';
import { applyPulled, dismissRefused, finishResync, nextBatch, refused, resyncing, startResync, syncCursor, takeResults, type Refused } from '#db/sync.ts';
import { storeDirectory } from './directory.ts';
import type { BackendExport } from '#core/export-records.ts';
import { BackendLink, SyncError, type SyncErrorKind } from './link.ts';

/** clock_ahead: this computer's clock runs too far ahead; changes are kept and wait until it is right. */
export type SyncPhase = 'not_enrolled' | 'offline' | 'syncing' | 'up_to_date' | 'needs_attention' | 'clock_ahead' | 'revoked';

export interface SyncStatus {
  phase: SyncPhase;
  /** While syncing: how far it is. */
  progress: { pushed: number; toPush: number; pulled: number; fullResync: boolean } | null;
  lastSyncedAt: number | null;
  nextAttemptAt: number | null;
  /** What went wrong last, in an English sentence for logs and API callers. */
  message: string | null;
  /** What went wrong last, as a kind the UI says in its own language. */
  problem: SyncErrorKind | null;
  backendUrl: string | null;
  /** Changes saved on this device that wait to be sent. */
  pending: number;
  /** Changes the backend refused: listed with their reasons until dismissed. */
  refused: Refused[];
  /**
   * How many minutes this computer's clock ran ahead of the backend's at the
   * last answer, when that is more than the backend accepts; null otherwise
   * (a slow clock does no harm).
   */
  clockAheadMinutes: number | null;
}

export interface SyncOptions {
  now?: () => number;
  fetch?: typeof fetch;
  batchSize?: number;
  pullLimit?: number;
  /** Pause between syncs while everything is fine. */
  intervalMs?: number;
  /** Longest pause between attempts while the backend does not answer. */
  maxBackoffMs?: number;
  onStatus?: (status: SyncStatus) => void;
  /** How long a client's export waits for the backend's copy before it shows this device's alone. */
  exportTimeoutMs?: number;
}

const KEYS = {
  url: 'backend_url', token: 'device_token', device: 'backend_device_id', user: 'backend_user_id', roles: 'backend_user_roles', name: 'backend_user_name',
  lastSynced: 'last_synced_at',
} as const;
/** How far ahead the clock was when the backend last held changes back: their own times are moved back by it. */
const HELD_OFFSET_KEY = 'clock_ahead_ms';

export class SyncEngine {
  private status: SyncStatus;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private started = false;
  private readonly now: () => number;
  private readonly store: Store;
  private readonly options: SyncOptions;
  private readonly listeners = new Set<(status: SyncStatus) => void>();

  constructor(store: Store, options: SyncOptions = {}) {
    this.store = store;
    this.options = options;
    this.now = options.now ?? Date.now;
    this.status = {
      phase: this.enrolled() ? 'offline' : 'not_enrolled',
      progress: null, lastSyncedAt: null, nextAttemptAt: null, message: null, problem: null,
      backendUrl: store.readState(KEYS.url) ?? null, pending: store.pendingCount(), refused: withBudgets(store, refused(store)), clockAheadMinutes: null,
    };
    if (this.status.phase === 'offline') this.status.message = null;
  }

  enrolled(): boolean {
    return this.store.readState(KEYS.token) !== undefined;
  }

  /** The backend's id of the person on this device, once enrolled: changes are made in their name. */
  backendUserId(): string | undefined {
    return this.store.readState(KEYS.user);
  }

  /** Told at every change of phase, progress or message (pending counts change with the store's commits). */
  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The roles the backend gives this person (it decides them), as of the last pull; null before enrolment or for an older one. */
  backendRoles(): string[] | null {
    const raw = this.store.readState(KEYS.roles);
    return raw === undefined ? null : (JSON.parse(raw) as string[]);
  }

  /** The person's name as the backend knows it, as of enrolment or the last pull. */
  backendUserName(): string | undefined {
    return this.store.readState(KEYS.name);
  }

  getStatus(): SyncStatus {
    return { ...this.status, pending: this.store.pendingCount(), refused: withBudgets(this.store, refused(this.store)) };
  }

  /** Enrols this device with a one-time code; the token is kept in the encrypted book. */
  async enrol(url: string, code: string, deviceName: string): Promise<void> {
    // The contract checks this too; the engine is also called by tests and tools.
    const address = new URL(parseOrThrow(z.object({ url: backendUrlSchema }), { url }).url).toString();
    const answer = await new BackendLink({ url: address, fetch: this.options.fetch }).enrol(code, deviceName);
    this.store.transaction(() => {
      this.store.writeState(KEYS.url, address);
      this.store.writeState(KEYS.token, answer.token);
      this.store.writeState(KEYS.device, answer.deviceId);
      this.store.writeState(KEYS.user, answer.user.id);
      this.store.writeState(KEYS.roles, JSON.stringify(answer.user.roles));
      this.store.writeState(KEYS.name, answer.user.displayName);
    });
    this.store.userId = answer.user.id;
    this.set({ phase: 'offline', backendUrl: address, message: null });
    if (this.started) this.schedule(0);
  }

  /** One full round: push everything, then pull everything. Resolves when done or failed. */
  syncOnce(): Promise<void> {
    if (this.running) { this.again = true; return this.running; }
    this.running = this.round().finally(() => {
      this.running = null;
      if (this.again) { this.again = false; void this.syncOnce(); }
    });
    return this.running;
  }

  /** Starts background sync. */
  start(): void {
    this.started = true;
    this.schedule(0);
  }

  stop(): void {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The user asked: try now, whatever the backoff says. */
  syncNow(): Promise<void> {
    this.failures = 0;
    return this.syncOnce();
  }

  /** A local change was saved: send it soon, without a sync per keystroke. */
  nudge(): void {
    // The running round may have read its batch before this change: one more round right after it, not one at the next interval.
    if (this.started && this.running) { this.again = true; return; }
    if (this.started && this.status.phase !== 'syncing' && this.timer && (this.status.nextAttemptAt ?? 0) - this.now() > 1000 && this.failures === 0) this.schedule(1000);
  }

  dismiss(seqs: number[]): void {
    dismissRefused(this.store, seqs);
    if (this.status.phase === 'needs_attention' && refused(this.store).length === 0) this.set({ phase: 'up_to_date' });
  }

  private link(timeoutMs?: number): BackendLink {
    return new BackendLink({ url: this.store.readState(KEYS.url)!, token: this.store.readState(KEYS.token)!, fetch: this.options.fetch, timeoutMs });
  }

  /** When a sync round last completed, kept in the book so an export made offline after a restart can still say it. */
  lastSyncedAt(): number | null {
    const raw = this.store.readState(KEYS.lastSynced);
    return raw === undefined ? null : Number(raw);
  }

  /**
   * What the backend holds about a client, for the client's export; null when
   * this device is not enrolled. A short wait: offline the export says it is
   * this device's copy rather than keep the advisor and the client waiting.
   */
  async backendExport(clientId: string): Promise<BackendExport | null> {
    if (!this.enrolled()) return null;
    return this.link(this.options.exportTimeoutMs ?? 4_000).clientExport(clientId);
  }

  private async round(): Promise<void> {
    if (!this.enrolled()) { this.set({ phase: 'not_enrolled' }); return; }
    const link = this.link();
    const batchSize = this.options.batchSize ?? 200;
    const progress = { pushed: 0, toPush: this.store.pendingCount(), pulled: 0, fullResync: resyncing(this.store) };
    this.set({ phase: 'syncing', progress: { ...progress }, message: null, nextAttemptAt: null });
    let restamped = false;
    try {
      for (let batch = nextBatch(this.store, batchSize); batch.length > 0; batch = nextBatch(this.store, batchSize)) {
        const answer = await link.push(batch);
        const offset = this.sawServerTime(answer.serverTime);
        takeResults(this.store, answer.results, this.now());
        progress.pushed += answer.results.length;
        this.set({ progress: { ...progress } });
        if (answer.held) {
          if (offset > CLOCK_AHEAD_LIMIT_MS) {
            // Still ahead: the changes stay as they are, unsent, and pulling goes on.
            this.store.writeState(HELD_OFFSET_KEY, String(offset));
            break;
          }
          // The clock is right again: what was stamped while it ran ahead is stamped anew, then sent.
          if (restamped) throw new SyncError('protocol', 'The backend still finds changes stamped too far ahead after they were stamped anew; sync stops until it answers properly.');
          this.store.transaction(() => {
            restampHeld(this.store, answer.serverTime, this.now(), Number(this.store.readState(HELD_OFFSET_KEY) ?? 0));
            this.store.deleteState(HELD_OFFSET_KEY);
          });
          restamped = true;
          continue;
        }
        // A backend that answers without taking anything would loop forever.
        if (answer.results.length === 0) throw new SyncError('protocol', 'The backend took none of the changes sent; sync stops until it does.');
      }
      for (let more = true; more;) {
        const cursor = syncCursor(this.store);
        const page = await link.pull(cursor, this.options.pullLimit ?? 1000);
        if (page.resync) {
          if (cursor === null) throw new SyncError('protocol', 'The backend asked for a full download while one was under way; sync stops until it answers properly.');
          startResync(this.store);
          progress.pulled = 0;
          continue;
        }
        progress.fullResync = resyncing(this.store);
        this.sawServerTime(page.serverTime);
        applyPulled(this.store, page.records, page, this.now());
        if (page.user) this.tookPerson(page.user);
        progress.pulled += page.records.length;
        this.set({ progress: { ...progress } });
        more = page.more;
      }
      if (resyncing(this.store)) finishResync(this.store, this.now());
      // Catalogue, value tiers, price ranges: only what is newer than this device has.
      storeManufacturerData(this.store, await link.manufacturer(manufacturerVersions(this.store)), this.now());
      // Whom a client can be shared with, kept for the share dialog offline.
      storeDirectory(this.store, (await link.coaches()).people, this.now());
      this.failures = 0;
      const attention = refused(this.store).length > 0;
      const phase = this.status.clockAheadMinutes !== null ? 'clock_ahead' : attention ? 'needs_attention' : 'up_to_date';
      this.store.writeState(KEYS.lastSynced, String(this.now()));
      this.set({ phase, progress: null, lastSyncedAt: this.now(), message: null });
      this.schedule(this.options.intervalMs ?? 30_000);
    } catch (error) {
      this.fail(error);
    }
  }

  /** The person as the backend holds them now: roles the manufacturer changed count from here on, for every change made on this device. */
  private tookPerson(user: { displayName: string; roles: string[] }): void {
    const roles = JSON.stringify(user.roles);
    if (this.store.readState(KEYS.roles) !== roles) this.store.writeState(KEYS.roles, roles);
    if (this.store.readState(KEYS.name) !== user.displayName) this.store.writeState(KEYS.name, user.displayName);
  }

  /** Notes how far this computer's clock is ahead of the backend's (negative: behind); returns it. */
  private sawServerTime(serverTime: number): number {
    const offset = this.now() - serverTime;
    const minutes = offset > CLOCK_AHEAD_LIMIT_MS ? minutesOf(offset) : null;
    if (minutes !== this.status.clockAheadMinutes) this.set({ clockAheadMinutes: minutes });
    return offset;
  }

  private fail(error: unknown): void {
    const e = error instanceof SyncError ? error : new SyncError('offline', `Sync failed: ${(error as Error).message}`);
    if (e.kind === 'revoked' || e.kind === 'unauthorized') {
      this.set({ phase: 'revoked', progress: null, message: e.message, problem: e.kind, nextAttemptAt: null });
      this.stop();
      return;
    }
    this.failures++;
    const base = Math.min(this.options.maxBackoffMs ?? 300_000, 1000 * 2 ** (this.failures - 1));
    const delay = Math.round(base * (0.75 + Math.random() * 0.5));
    const phase = e.kind === 'offline' ? 'offline' : 'needs_attention';
    this.set({ phase, progress: null, message: e.message, problem: e.kind, nextAttemptAt: this.started ? this.now() + delay : null });
    this.schedule(delay);
  }

  private schedule(delay: number): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = null; void this.syncOnce(); }, delay);
    this.timer.unref?.();
    if (delay > 0 && this.status.phase !== 'offline') this.status.nextAttemptAt = this.now() + delay;
  }

  private set(patch: Partial<SyncStatus>): void {
    // A message cleared clears its kind too.
    const cleared = 'message' in patch && patch.message === null ? { problem: null } : {};
    this.status = { ...this.status, ...cleared, ...patch };
    if (!this.options.onStatus && this.listeners.size === 0) return;
    const status = this.getStatus();
    this.options.onStatus?.(status);
    for (const l of this.listeners) l(status);
  }
}
