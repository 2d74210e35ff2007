// The keystroke first: an answer is acknowledged once its row and outbox entry
// are committed; the segment conclusion and value tier it leads to follow
// without delaying it, and are never lost, even when the app dies between the two.
import { createRouterClient } from '@orpc/server';
import { afterEach, describe, expect, it } from 'vitest';
import { eraseClientLocally } from '#db/erase.ts';
import { openDatabase } from '#db/open.ts';
import { Store } from '#db/store.ts';
import { createRouter } from '#services/router.ts';
import { heldCatalogue } from '#services/catalogue.ts';
import { SyncEngine } from '#services/sync/engine.ts';
import { openTestStore, TEST_ROLES } from '../support/book.ts';
import { openTestRouter, type Workstation } from '../support/router.ts';

const CONSCIOUS = { purchase_driver: 'price_for_quality', trust_anchor: 'personal_advisor', data_sharing: 'on_request', activity_level: 'high', preferred_channel: 'advisor_meeting' } as const;

let t: ReturnType<typeof openTestStore>;
afterEach(() => t.close());

const count = (sql: string, ...args: unknown[]) => (t.store.sqlite.prepare(sql).get(...args) as { n: number }).n;
const conclusions = (clientId: string) => count(`SELECT count(*) AS n FROM conclusions WHERE client_id = ?`, clientId);
const marked = (clientId: string) => count(`SELECT count(*) AS n FROM derive_queue WHERE client_id = ?`, clientId);
const outboxOf = (name: string) => count(`SELECT count(*) AS n FROM outbox WHERE name = ?`, name);

async function answeredClient(rpc: Workstation): Promise<string> {
  const { id } = await rpc.clients.create({ firstName: 'Sabine', lastName: 'Lorenz' });
  await rpc.consents.record({ clientId: id, purpose: 'profiling', granted: true, method: 'written' });
  for (const [attribute, value] of Object.entries(CONSCIOUS)) await rpc.answers.set({ clientId: id, attribute, value, answeredBy: 'client' });
  return id;
}

describe('an answer and what follows from it', () => {
  it('is acknowledged with its row, outbox entry and the owed mark committed, before any conclusion is drawn', async () => {
    t = openTestStore();
    // Drawn by itself only after a minute here, so the test can look between the answer and its conclusions.
    const rpc = createRouterClient(createRouter({ store: t.store, mode: 'browser', loadDemoBook: () => undefined, sync: new SyncEngine(t.store), deriveTiming: { quietMs: 60_000, maxWaitMs: 60_000 } }));
    const id = await answeredClient(rpc);
    // Five answers acknowledged: each with its outbox entry, none waited for a conclusion.
    expect(outboxOf('answer.set')).toBe(5);
    expect(conclusions(id)).toBe(0);
    expect(marked(id)).toBe(1);
    // Any later call draws what is owed first: the conclusions panel never shows less than the answers beside it.
    const state = await rpc.segments.state({ clientId: id });
    expect(state.conclusions.map((c) => c.kind).sort()).toEqual(['segment', 'value_tier']);
    expect(state.effective).toMatchObject({ segment: 'conscious_purchase_seeker', source: 'rule' });
    expect(marked(id)).toBe(0);
    expect(outboxOf('conclusion.record')).toBe(2);
  });

  it('draws the conclusions by itself a moment later, once for a run of answers', async () => {
    let rpc: Workstation;
    ({ t, rpc } = openTestRouter());
    const id = await answeredClient(rpc);
    await expect.poll(() => conclusions(id), { timeout: 2_000, interval: 20 }).toBe(2);
    expect(marked(id)).toBe(0);
    // One segment conclusion resting on all five answers, not one per keystroke.
    const segment = t.store.sqlite.prepare(`SELECT inputs FROM conclusions WHERE client_id = ? AND kind = 'segment'`).all(id) as { inputs: string }[];
    expect(segment.map((s) => JSON.parse(s.inputs))).toEqual([CONSCIOUS]);
  });

  it('a book closed between an answer and its conclusions draws them when it opens again', async () => {
    let rpc: Workstation;
    ({ t, rpc } = openTestRouter());
    const id = await answeredClient(rpc);
    // Closed the way a killed app leaves it: the answers committed, the conclusions not drawn.
    t.store.close();
    const { sqlite, db } = openDatabase({ path: t.path, key: t.key });
    const store = new Store(sqlite, db, { userId: 'advisor-1', person: () => ({ roles: TEST_ROLES, ids: [] }), catalogue: heldCatalogue });
    t = { ...t, store, close: () => { store.close(); t.cleanup(); } };
    expect(conclusions(id)).toBe(0);
    expect(marked(id)).toBe(1);
    createRouterClient(createRouter({ store, mode: 'browser', loadDemoBook: () => undefined, sync: new SyncEngine(store) }));
    expect(conclusions(id)).toBe(2);
    expect(marked(id)).toBe(0);
  });

  it('an answer the rules refuse is not acknowledged, marks nothing and loses nothing already saved', async () => {
    let rpc: Workstation;
    ({ t, rpc } = openTestRouter());
    const id = await answeredClient(rpc);
    await rpc.segments.state({ clientId: id });
    await expect(rpc.answers.set({ clientId: id, attribute: 'activity_level', value: 'sometimes', answeredBy: 'client' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(rpc.answers.set({ clientId: '019ab000-0000-7000-8000-000000000009', attribute: 'activity_level', value: 'high', answeredBy: 'client' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(count(`SELECT count(*) AS n FROM derive_queue`)).toBe(0);
    expect(outboxOf('answer.set')).toBe(5);
    const detail = await rpc.clients.get({ id });
    expect(detail.answers.find((a) => a.attribute === 'activity_level')).toMatchObject({ value: 'high' });
  });

  it('an erasure that arrives by sync takes the client\'s mark with it', async () => {
    let rpc: Workstation;
    ({ t, rpc } = openTestRouter());
    const id = await answeredClient(rpc);
    expect(marked(id)).toBe(1);
    // As a tombstone from the backend is applied: no call of the contract, so nothing was drawn first.
    eraseClientLocally(t.store.db, id, { at: Date.now(), restrict: true });
    expect(count(`SELECT count(*) AS n FROM derive_queue`)).toBe(0);
    expect(conclusions(id)).toBe(0);
  });
});
