// The workstation's contract served in-process over a real encrypted book:
// for integration tests of the services without a transport.
import { createRouterClient, type RouterClient } from '@orpc/server';
import { createRouter } from '#services/router.ts';
import { SyncEngine } from '#services/sync/engine.ts';
import { openTestStore } from './book.ts';

export type Workstation = RouterClient<ReturnType<typeof createRouter>>;

/** A book's options as openTestStore takes them: a retailer's roles, a clock a test moves. */
export function openTestRouter(options: Parameters<typeof openTestStore>[0] = {}): { t: ReturnType<typeof openTestStore>; rpc: Workstation } {
  const t = openTestStore(options);
  const rpc = createRouterClient(createRouter({ store: t.store, mode: 'browser', loadDemoBook: () => undefined, sync: new SyncEngine(t.store) }));
  return { t, rpc };
}
