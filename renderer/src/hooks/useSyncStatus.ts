// The sync status, kept current by the core's stream (sync.watch) rather than
// by polling: each change arrives as it happens, and a broken stream tells
// the connection watcher at once that the core has gone away.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SyncStatusView } from '#contract/views.ts';
import { connection } from '../connection.ts';
import { client, orpc } from '../rpc.ts';

/** Follows the stream while mounted; mount it once (the header does). */
export function useSyncWatch(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const controller = new AbortController();
    const key = orpc.sync.status.queryOptions().queryKey;
    let lastSynced: number | null | undefined;
    void (async () => {
      while (!controller.signal.aborted) {
        try {
          const stream = await client.sync.watch(undefined, { signal: controller.signal });
          for await (const status of stream) {
            queryClient.setQueryData(key, status);
            // A finished sync may bring roles the manufacturer changed and a newer directory of coaches.
            if (lastSynced !== undefined && status.lastSyncedAt !== lastSynced) {
              void queryClient.invalidateQueries({ queryKey: orpc.session.key() });
              void queryClient.invalidateQueries({ queryKey: orpc.sharing.key() });
              // Alerts arrive by sync: the inbox and its count in the header follow at once.
              void queryClient.invalidateQueries({ queryKey: orpc.alerts.key() });
            }
            lastSynced = status.lastSyncedAt;
            connection.reportSuccess();
          }
          // The core ended the stream: it is shutting down.
          throw new TypeError('the core closed the status stream');
        } catch (error) {
          if (controller.signal.aborted) return;
          connection.reportFailure(error);
        }
        // Follow again once the core answers (the connection watcher probes with backoff), never in a tight loop.
        await new Promise<void>((resolve) => connection.whenOnline(resolve));
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    })();
    return () => controller.abort();
  }, [queryClient]);
}

/** The last status the core told (also fetched once, and now and then, in case the stream is slow to start). */
export function useSyncStatus(): SyncStatusView | undefined {
  return useQuery({ ...orpc.sync.status.queryOptions(), refetchInterval: 30_000 }).data;
}
