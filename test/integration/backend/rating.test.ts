// The rating by data contribution (retail.md), from what the retailers'
// people pushed: twelve retailers of different activity, ten with at least
// 20 data points in the last 90 days and two below, get exactly retail.md's
// split: 2 gold, 3 silver, 5 bronze, 2 none. What does not count (an outcome
// without a reason, an answer from before the window, anyone's activity
// without a retailer, anything about a client who does not share their data
// with the manufacturer) does not count, and each retailer is sent only its own.
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '#backend/db/schema.ts';
import { latestRatings, rateAllRetailers } from '#backend/rating.ts';
import { ATTRIBUTE_IDS, MULTI_VALUE_ATTRIBUTES, PROFILE_ATTRIBUTES } from '#core/profile.ts';
import type { PushedMutation } from '#core/sync/protocol.ts';
import { DAY, newClient, workstation, type Workstation } from './sync-support.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
/** Points per retailer: r01 .. r10 rated (65 down to 20), r11 one short of a rating, r12 nothing at all. */
const POINTS = [65, 60, 55, 50, 45, 40, 35, 30, 25, 20, 19, 0];
const retailerId = (i: number) => `retailer_r${String(i + 1).padStart(2, '0')}`;
const shops: Workstation[] = [];

/** Every attribute answered for one client: a complete profile. */
const fullProfile = (clientId: string) => ATTRIBUTE_IDS.map((attribute) => {
  const first = PROFILE_ATTRIBUTES[attribute][0];
  return { clientId, attribute, value: MULTI_VALUE_ATTRIBUTES.has(attribute) ? [first] : first };
});
const outcome = (clientId: string, reasonCode: string | null) => ({
  id: uuidv7(), clientId, offerId: 'liability_private', offerKind: 'base', outcome: reasonCode ? 'rejected' : 'accepted', segment: null, summary: 'Privathaftpflicht',
  ...(reasonCode ? { reasonCode } : {}),
});

/** The client's consent to sharing with the manufacturer, as a device records it. */
const sharing = (w: Workstation, clientId: string, granted: boolean, options?: Parameters<Workstation['raw']>[2]) =>
  w.raw('consent.record', { id: uuidv7(), clientId, purpose: 'manufacturer_sharing', granted, method: 'written' }, options);

/** The client agreed to be contacted about offers: their outcomes may be recorded at all. */
const contact = (w: Workstation, clientId: string, options?: Parameters<Workstation['raw']>[2]) =>
  w.raw('consent.record', { id: uuidv7(), clientId, purpose: 'contact', granted: true, method: 'written' }, options);

async function push(w: Workstation, list: PushedMutation[]) {
  for (let i = 0; i < list.length; i += 200) await w.pushApplied(...list.slice(i, i + 200));
}

beforeAll(async () => {
  t = await testBackend();
  for (const [i, points] of POINTS.entries()) {
    const w = workstation(t, await t.device(`Händler ${i + 1}`, ['retailer']));
    await t.db.update(users).set({ retailerId: retailerId(i) }).where(eq(users.id, w.user.id));
    shops.push(w);
    const client = newClient();
    const list = [w.raw('client.create', client), sharing(w, client.id, true), contact(w, client.id)];
    let left = points;
    // The busiest brings one profile to completeness: 11 answers and the completed profile count 12.
    if (i === 0) {
      list.push(...fullProfile(client.id).map((a) => w.raw('answer.set', a)));
      left -= ATTRIBUTE_IDS.length + 1;
    } else if (left >= 2) {
      list.push(w.raw('answer.set', { clientId: client.id, attribute: 'tech_affinity', value: 'high' }), w.raw('answer.set', { clientId: client.id, attribute: 'activity_level', value: 'low' }));
      left -= 2;
    }
    for (let n = 0; n < left; n++) list.push(w.raw('offer.outcome', outcome(client.id, 'too_expensive')));
    // Accepted without a reason: no data point.
    list.push(w.raw('offer.outcome', outcome(client.id, null)));
    await push(w, list);
  }
  // Before the window: 100 days ago, r12 answered a whole profile; it counts nothing now.
  const now = t.clock.now().getTime();
  t.clock.set(now - 100 * DAY);
  const old = newClient();
  const then = () => ({ at: t.clock.now().getTime(), hlc: shops[11]!.stamp(t.clock.now().getTime()) });
  await shops[11]!.pushApplied(shops[11]!.raw('client.create', old, then()), sharing(shops[11]!, old.id, true, then()));
  await push(shops[11]!, fullProfile(old.id).map((a) => shops[11]!.raw('answer.set', a, { at: t.clock.now().getTime(), hlc: shops[11]!.stamp(t.clock.now().getTime()) })));
  t.clock.set(now);
  // Within the window, r12 answered a whole profile of a client who never agreed to share, and recorded 30
  // outcomes for one who withdrew the agreement a minute after giving it: neither counts.
  const r12 = shops[11]!;
  const unshared = newClient();
  const withdrawn = newClient();
  const later = () => ({ at: t.clock.now().getTime(), hlc: r12.stamp(t.clock.now().getTime()) });
  await push(r12, [r12.raw('client.create', unshared), ...fullProfile(unshared.id).map((a) => r12.raw('answer.set', a))]);
  await push(r12, [r12.raw('client.create', withdrawn), sharing(r12, withdrawn.id, true, later()), contact(r12, withdrawn.id, later())]);
  t.clock.advance(60_000);
  await push(r12, [sharing(r12, withdrawn.id, false, later()), ...Array.from({ length: 30 }, () => r12.raw('offer.outcome', outcome(withdrawn.id, 'too_expensive'), later()))]);
  // An advisor without a retailer: busy, but nobody's rating.
  const anna = workstation(t, await t.device('Anna Berger', ['advisor']));
  const hers = newClient();
  await push(anna, [anna.raw('client.create', hers), contact(anna, hers.id), ...Array.from({ length: 30 }, () => anna.raw('offer.outcome', outcome(hers.id, 'too_expensive')))]);
}, 120_000);
afterAll(async () => { await t?.dispose(); });

describe('the rating over all retailers', () => {
  it('10 rated and 2 below 20 points: 2 gold, 3 silver, 5 bronze, 2 none, in order of their points', async () => {
    const run = await rateAllRetailers(t.db, t.clock.now());
    const byId = new Map(run.ratings.map((r) => [r.retailerId, r]));
    expect(POINTS.map((_, i) => byId.get(retailerId(i))!.rating)).toEqual([
      'gold', 'gold', 'silver', 'silver', 'silver', 'bronze', 'bronze', 'bronze', 'bronze', 'bronze', 'none', 'none',
    ]);
    expect(POINTS.map((_, i) => byId.get(retailerId(i))!.points)).toEqual(POINTS);
    expect(run.ratings).toHaveLength(12);
  });

  it('the figures behind each: answers one per client and attribute, outcomes with a reason, profiles completed', async () => {
    const run = (await latestRatings(t.db))!;
    const [top, second, , , , , , , , , short, idle] = POINTS.map((_, i) => run.ratings.find((r) => r.retailerId === retailerId(i))!);
    expect(top).toMatchObject({ figures: { answers: 11, outcomes: 53, completeProfiles: 1 }, place: 1, of: 10, next: null, until: '2026-03-02', from: '2025-12-03' });
    expect(second).toMatchObject({ figures: { answers: 2, outcomes: 58, completeProfiles: 0 }, place: 2, next: null });
    // One point short of a rating, and what would raise it.
    expect(short).toMatchObject({ rating: 'none', points: 19, place: null, next: { rating: 'bronze', points: 1 } });
    // A whole profile answered 100 days ago is outside the window; the clients who do not share count nothing.
    expect(idle).toMatchObject({ rating: 'none', points: 0, figures: { answers: 0, outcomes: 0, completeProfiles: 0 } });
  });

  it('is sent to each retailer\'s devices as their own rating only; nobody else gets one', async () => {
    const rating = async (w: Workstation) => ((await (await t.post('/v1/manufacturer', { have: {} }, w.token)).json()) as { rating?: unknown }).rating;
    expect(await rating(shops[2]!)).toMatchObject({ retailerId: 'retailer_r03', rating: 'silver', points: 55 });
    expect(await rating(shops[11]!)).toMatchObject({ retailerId: 'retailer_r12', rating: 'none' });
    const anna = await t.device('Ben Fischer', ['advisor']);
    expect(await rating(workstation(t, anna))).toBeUndefined();
  });
});
