// The picture of the book: counted in SQL, yet by the same rules as
// core/conclusions.ts: the advisor's override wins, what the client rejected
// counts for nothing, deleted clients are gone, and a forecast move starts
// from the segment in force.
import { createRouterClient } from '@orpc/server';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectiveSegment } from '#core/conclusions.ts';
import { SEGMENT_IDS } from '#core/segments/index.ts';
import { bookPicture } from '#db/book.ts';
import { conclusionsOf } from '#db/profile.ts';
import { loadDemoBook } from '#demo/index.ts';
import { createRouter } from '#services/router.ts';
import { SyncEngine } from '#services/sync/engine.ts';
import { openTestStore } from '../support/book.ts';

let t: ReturnType<typeof openTestStore>;
/** A clock that moves a second per change, so "newest" is never a tie. */
let time: number;
beforeEach(() => {
  time = Date.UTC(2026, 10, 2, 9);
  t = openTestStore({ now: () => (time += 1000) });
});
afterEach(() => t.close());

/** A client who consented to profiling: conclusions are drawn only then. */
function newClient(): string {
  const id = t.store.mutate('client.create', { id: uuidv7(), firstName: 'Jonas', lastName: 'Brandt' }).id;
  t.store.mutate('consent.record', { id: uuidv7(), clientId: id, purpose: 'profiling', granted: true, method: 'written' });
  return id;
}
function conclude(clientId: string, kind: 'segment' | 'migration' | 'value_tier', value: string, source: 'rule' | 'advisor' = 'rule'): string {
  return t.store.mutate('conclusion.record', {
    id: uuidv7(), clientId, kind, value, inputs: {}, source,
    ruleSetVersion: source === 'rule' ? 'v1' : null, reason: source === 'advisor' ? 'Kenne die Kundin seit Jahren.' : undefined,
  }).id;
}
const reject = (id: string) => t.store.mutate('conclusion.review', { id, status: 'rejected' });
const countOf = (segment: string) => bookPicture(t.store.db).bySegment.find((s) => s.segment === segment)!.count;

describe('bookPicture', () => {
  it('lists all nine segments and three tiers, zeros included, on an empty book', () => {
    const picture = bookPicture(t.store.db);
    expect(picture.bySegment.map((s) => s.segment)).toEqual([...SEGMENT_IDS]);
    expect(picture.byTier).toEqual([{ tier: 'A', count: 0 }, { tier: 'B', count: 0 }, { tier: 'C', count: 0 }]);
    expect(picture).toMatchObject({ total: 0, unsegmented: 0, unassessed: 0, migrations: [] });
  });

  it("counts the advisor's override, not the rules, even when the rules speak again later", () => {
    const id = newClient();
    conclude(id, 'segment', 'social_media_user');
    conclude(id, 'segment', 'conscious_purchase_seeker', 'advisor');
    conclude(id, 'segment', 'cautious_self_searcher');
    expect(countOf('conscious_purchase_seeker')).toBe(1);
    expect(countOf('social_media_user')).toBe(0);
    expect(countOf('cautious_self_searcher')).toBe(0);
    expect(bookPicture(t.store.db)).toMatchObject({ total: 1, unsegmented: 0 });
  });

  it('counts a client who objected to profiling as unsegmented and unassessed: nothing concluded before is used, until they consent again', () => {
    const id = newClient();
    conclude(id, 'segment', 'social_media_user');
    conclude(id, 'value_tier', 'A');
    conclude(id, 'migration', 'conscious_purchase_seeker');
    const objects = (granted: boolean) => t.store.mutate('consent.record', { id: uuidv7(), clientId: id, purpose: 'profiling', granted, method: 'verbal' });
    objects(false);
    expect(bookPicture(t.store.db)).toMatchObject({ total: 1, unsegmented: 1, unassessed: 1, migrations: [] });
    expect(countOf('social_media_user')).toBe(0);
    objects(true);
    expect(countOf('social_media_user')).toBe(1);
    expect(bookPicture(t.store.db).migrations).toHaveLength(1);
  });

  it('does not count what the client rejected: no segment, an older tier, no move', () => {
    const id = newClient();
    reject(conclude(id, 'segment', 'passive_co_buyer'));
    conclude(id, 'value_tier', 'B');
    reject(conclude(id, 'value_tier', 'A'));
    const other = newClient();
    conclude(other, 'segment', 'social_media_user');
    reject(conclude(other, 'migration', 'convenient_non_searcher'));
    const picture = bookPicture(t.store.db);
    expect(countOf('passive_co_buyer')).toBe(0);
    expect(picture).toMatchObject({ total: 2, unsegmented: 1, unassessed: 1, migrations: [] });
    expect(picture.byTier).toEqual([{ tier: 'A', count: 0 }, { tier: 'B', count: 1 }, { tier: 'C', count: 0 }]);
  });

  it('leaves deleted clients out altogether', () => {
    const kept = newClient();
    conclude(kept, 'segment', 'brand_identity_seeker');
    const gone = newClient();
    conclude(gone, 'segment', 'brand_identity_seeker');
    conclude(gone, 'migration', 'community_identity_seeker');
    conclude(gone, 'value_tier', 'A');
    t.store.mutate('client.delete', { id: gone });
    const picture = bookPicture(t.store.db);
    expect(picture).toMatchObject({ total: 1, unsegmented: 0, unassessed: 1, migrations: [] });
    expect(countOf('brand_identity_seeker')).toBe(1);
  });

  it('counts a forecast move from the segment in force, from the newest forecast only', () => {
    const id = newClient();
    conclude(id, 'segment', 'cautious_self_searcher');
    conclude(id, 'migration', 'responsibility_delegator');
    conclude(id, 'migration', 'social_media_user');
    conclude(id, 'segment', 'entrepreneurial_identity_seeker', 'advisor');
    const picture = bookPicture(t.store.db);
    expect(picture.migrations).toEqual([{ from: 'entrepreneurial_identity_seeker', to: 'social_media_user', count: 1 }]);
    // A client without a segment in force has nowhere to move from.
    const unsure = newClient();
    reject(conclude(unsure, 'segment', 'social_media_user'));
    conclude(unsure, 'migration', 'convenient_non_searcher');
    expect(bookPicture(t.store.db).migrations).toEqual(picture.migrations);
  });

  it('agrees with effectiveSegment client by client on the demo book, and is served by book.picture', async () => {
    loadDemoBook(t.store.sqlite, { clients: 400, ownerId: 'advisor-1', now: time });
    // Some reviews and overrides on top of the demo's own.
    const ids = (t.store.sqlite.prepare(`SELECT id FROM conclusions WHERE kind = 'segment' ORDER BY id LIMIT 40`).all() as { id: string }[]).map((r) => r.id);
    ids.slice(0, 20).forEach(reject);
    const firstClients = t.store.sqlite.prepare('SELECT id FROM clients ORDER BY id LIMIT 5').all() as { id: string }[];
    for (const c of firstClients) t.store.mutate('client.delete', { id: c.id });
    // The same figures the slow way: every client's conclusions through core/.
    const segments = new Map<string, number>();
    const moves = new Map<string, number>();
    const clients = t.store.sqlite.prepare('SELECT id FROM clients WHERE deleted_at IS NULL').all() as { id: string }[];
    for (const c of clients) {
      const list = conclusionsOf(t.store.db, c.id);
      const e = effectiveSegment(list);
      if (!e) continue;
      segments.set(e.segment, (segments.get(e.segment) ?? 0) + 1);
      const forecasts = list.filter((x) => x.kind === 'migration' && x.status !== 'rejected');
      const newest = Math.max(...forecasts.map((x) => x.decidedAt));
      for (const to of new Set(forecasts.filter((x) => x.decidedAt === newest && x.value !== e.segment).map((x) => x.value))) {
        moves.set(`${e.segment}>${to}`, (moves.get(`${e.segment}>${to}`) ?? 0) + 1);
      }
    }
    const picture = bookPicture(t.store.db);
    expect(picture.total).toBe(395);
    for (const s of picture.bySegment) expect(s.count, s.segment).toBe(segments.get(s.segment) ?? 0);
    expect(new Map(picture.migrations.map((m) => [`${m.from}>${m.to}`, m.count]))).toEqual(moves);
    expect(picture.total - picture.unsegmented).toBeGreaterThan(250);
    expect(picture.migrations.length).toBeGreaterThan(0);

    const rpc = createRouterClient(createRouter({ store: t.store, mode: 'browser', loadDemoBook: () => undefined, sync: new SyncEngine(t.store) }));
    expect(await rpc.book.picture()).toEqual(picture);
  });
});
