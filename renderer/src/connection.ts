// Whether the workstation core answers. Every call reports here; when calls
// fail for lack of a connection, a probe retries with growing pauses and tells
// waiting saves to go again once the core answers.
import { ORPCError } from '@orpc/client';

export type ConnectionStatus = 'online' | 'offline' | 'session_lost';

export interface ConnectionState {
  status: ConnectionStatus;
  /** When the next probe runs, while offline. */
  nextRetryAt: number | null;
}

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000];

let state: ConnectionState = { status: 'online', nextRetryAt: null };
const listeners = new Set<() => void>();
let waiting: (() => void)[] = [];
let probeTimer: ReturnType<typeof setTimeout> | null = null;
let attempt = 0;
let probe: () => Promise<unknown> = async () => undefined;

function set(next: ConnectionState): void {
  state = next;
  for (const l of listeners) l();
}

/** A failure that says nothing about the input: the core did not answer, or refused this page. */
export function connectionProblemOf(error: unknown): ConnectionStatus | null {
  if (error instanceof ORPCError) {
    if (error.status === 401 || error.status === 403) return 'session_lost';
    return null;
  }
  // A call the page cancelled itself (a refetch superseded by a newer one) says nothing about the core.
  if (isAbort(error)) return null;
  // fetch rejects with a TypeError when nothing listens; a body that is not ours means the same.
  return 'offline';
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function scheduleProbe(): void {
  if (probeTimer) return;
  const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!;
  attempt++;
  set({ status: state.status === 'online' ? 'offline' : state.status, nextRetryAt: Date.now() + delay });
  probeTimer = setTimeout(() => {
    probeTimer = null;
    probe().catch(() => undefined);
  }, delay);
}

export const connection = {
  get: (): ConnectionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** How the probe reaches the core; set once the client exists. */
  setProbe(fn: () => Promise<unknown>): void {
    probe = fn;
  },
  reportSuccess(): void {
    if (probeTimer) { clearTimeout(probeTimer); probeTimer = null; }
    attempt = 0;
    if (state.status !== 'online') set({ status: 'online', nextRetryAt: null });
    const go = waiting;
    waiting = [];
    for (const fn of go) fn();
  },
  reportFailure(error: unknown): void {
    const problem = connectionProblemOf(error);
    if (!problem) return;
    if (problem === 'session_lost') set({ status: 'session_lost', nextRetryAt: null });
    scheduleProbe();
  },
  /** Runs fn as soon as the core answers again. */
  whenOnline(fn: () => void): void {
    if (state.status === 'online') fn();
    else waiting.push(fn);
  },
  /** The user asked to try now. */
  retryNow(): void {
    if (probeTimer) { clearTimeout(probeTimer); probeTimer = null; }
    probe().catch(() => undefined);
  },
};
