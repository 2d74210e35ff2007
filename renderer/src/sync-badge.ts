// What the header says about sync, from what is known this moment. It never
// says "synced" while changes wait or while the core does not answer: then
// nothing about sync is known, and the badge says so instead of repeating
// the last good news.
import type { SyncStatusView } from '#contract/views.ts';
import type { ConnectionStatus } from './connection.ts';

export type BadgeState =
  | 'checking' | 'core_unreachable' | 'not_enrolled' | 'offline' | 'syncing' | 'waiting' | 'up_to_date' | 'needs_attention' | 'clock_ahead' | 'revoked';

export interface Badge {
  state: BadgeState;
  /** Changes saved here that wait to be sent; null when it cannot be known. */
  pending: number | null;
}

export function syncBadge(core: ConnectionStatus, status: SyncStatusView | undefined): Badge {
  if (core !== 'online') return { state: 'core_unreachable', pending: null };
  if (!status) return { state: 'checking', pending: null };
  const { phase, pending } = status;
  // Done and nothing new since: only then is it synced.
  if (phase === 'up_to_date') return { state: pending > 0 ? 'waiting' : 'up_to_date', pending };
  return { state: phase, pending };
}
