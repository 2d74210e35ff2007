// The header's sync badge: "synced" only when it is true this moment.
import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '#contract/views.ts';
import { syncBadge } from '../../../renderer/src/sync-badge.ts';

const status = (patch: Partial<SyncStatusView>): SyncStatusView => ({
  phase: 'up_to_date', progress: null, lastSyncedAt: 1, nextAttemptAt: null, message: null, backendUrl: 'http://127.0.0.1:1', pending: 0, refused: [], problem: null, clockAheadMinutes: null, ...patch,
});

describe('syncBadge', () => {
  it('says synced when the last round succeeded and nothing was saved since', () => {
    expect(syncBadge('online', status({}))).toEqual({ state: 'up_to_date', pending: 0 });
  });
  it('says changes wait, not synced, when a change was saved after the last round', () => {
    expect(syncBadge('online', status({ pending: 14 }))).toEqual({ state: 'waiting', pending: 14 });
  });
  it('claims nothing about sync while the core does not answer, whatever it said before', () => {
    expect(syncBadge('offline', status({}))).toEqual({ state: 'core_unreachable', pending: null });
    expect(syncBadge('session_lost', status({ pending: 3 }))).toEqual({ state: 'core_unreachable', pending: null });
  });
  it('says it is still finding out before the first status arrives', () => {
    expect(syncBadge('online', undefined)).toEqual({ state: 'checking', pending: null });
  });
  it.each(['not_enrolled', 'offline', 'syncing', 'needs_attention', 'clock_ahead', 'revoked'] as const)('passes the phase %s through with its pending count', (phase) => {
    expect(syncBadge('online', status({ phase, pending: 2 }))).toEqual({ state: phase, pending: 2 });
  });
});
