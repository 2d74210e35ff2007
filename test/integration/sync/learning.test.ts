// Learning across advisors: many rejections of one offer in one segment, made
// on one advisor's laptop, lower that offer for a new client of that segment
// on another advisor's laptop once both have synced.
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { learnPropensities } from '#backend/learn.ts';
import type { PropensitiesDocument } from '#core/manufacturer.ts';
import { rankOffers } from '#core/offers/index.ts';
import type { Profile } from '#core/profile.ts';
import type { Store } from '#db/store.ts';
import { offerInputs } from '#services/offers.ts';
import { newClient } from './support.ts';
import { startWorld, syncUntilDone, type World } from './world.ts';

let w: World;
beforeEach(async () => { w = await startWorld(); });
afterEach(async () => { await w.close(); });

const SEGMENT = 'convenient_non_searcher';
const PROFILE: Profile = { purchase_driver: 'convenience', trust_anchor: 'technology', data_sharing: 'full', activity_level: 'very_low', tech_affinity: 'high', assistant_app: 'installed_self', life_events: ['moving'] };

/** The client agreed to be contacted about offers: offers are proposed and their outcomes recorded. */
function contactConsent(store: Store, clientId: string) {
  store.mutate('consent.record', { id: uuidv7(), clientId, purpose: 'contact', granted: true, method: 'written' });
}

/** Where an offer stands for a new client with this profile on this device, and the propensity it gets. */
function standing(store: Store, offer: string) {
  const clientId = newClient(store);
  store.mutate('consent.record', { id: uuidv7(), clientId, purpose: 'profiling', granted: true, method: 'written' });
  contactConsent(store, clientId);
  const i = offerInputs(store, clientId, '2026-11-30');
  const result = rankOffers({ ...i, profile: PROFILE, segment: SEGMENT, limit: 50 });
  const index = result.offers.findIndex((o) => o.offer === offer);
  return { rank: index + 1, propensity: result.offers[index]?.breakdown?.propensity ?? 0, learned: i.propensities?.version ?? null };
}

it('many rejections of one offer in one segment lower it for that segment on another advisor’s device after sync', async () => {
  const anna = await w.person('Anna Berger');
  const ben = await w.person('Ben Kaya');
  const annas = await w.device(anna.id, 'Annas Laptop');
  const bens = await w.device(ben.id, 'Bens Laptop');
  const offer = 'household_contents';
  const before = standing(bens.store, offer);
  expect(before.rank).toBeGreaterThan(0);

  for (let i = 0; i < 40; i++) {
    const clientId = newClient(annas.store, { lastName: `Kunde ${i}` });
    contactConsent(annas.store, clientId);
    annas.store.mutate('consent.record', { id: uuidv7(), clientId, purpose: 'manufacturer_sharing', granted: true, method: 'written' });
    annas.store.mutate('offer.outcome', {
      id: uuidv7(), clientId, offerId: offer, offerKind: 'base', outcome: 'rejected', reasonCode: 'not_relevant', segment: SEGMENT, summary: 'Hausrat abgelehnt',
    });
  }
  await syncUntilDone(annas);
  const learned = await learnPropensities(w.db, new Date());
  expect(learned.published).toBe(true);
  await syncUntilDone(bens);

  const after = standing(bens.store, offer);
  expect(after.learned).toBe(`propensities.v${learned.version}`);
  expect(after.propensity).toBeLessThan(before.propensity);
  expect(after.rank).toBeGreaterThan(before.rank);
  // Ben never saw Anna's clients: only what was learned from them reached him.
  expect((bens.store.sqlite.prepare('SELECT count(*) AS n FROM offer_outcomes').get() as { n: number }).n).toBe(0);
});

it('a decision taken back in its meeting reaches the backend as taken back, and nothing is learned from it', async () => {
  const anna = await w.person('Anna Berger');
  const annas = await w.device(anna.id, 'Annas Laptop');
  const offer = 'legal_protection';
  const undone: string[] = [];
  for (let i = 0; i < 12; i++) {
    const clientId = newClient(annas.store, { lastName: `Kunde ${i}` });
    contactConsent(annas.store, clientId);
    annas.store.mutate('consent.record', { id: uuidv7(), clientId, purpose: 'manufacturer_sharing', granted: true, method: 'written' });
    const meetingId = uuidv7();
    annas.store.mutate('meeting.start', { id: meetingId, clientId });
    const id = uuidv7();
    // Twelve rejections; the advisor took back all but two of them in the meeting.
    annas.store.mutate('offer.outcome', { id, clientId, meetingId, offerId: offer, offerKind: 'base', outcome: 'rejected', reasonCode: 'too_expensive', segment: SEGMENT, summary: 'Rechtsschutz abgelehnt' });
    if (i >= 2) { annas.store.mutate('offer.undo', { id, clientId, meetingId }); undone.push(id); }
  }
  await syncUntilDone(annas);
  expect(annas.engine.getStatus().phase).toBe('up_to_date');

  // Applied on the backend by the same plan: the outcome and its timeline entry are removed there too.
  const rows = await w.query<{ entity: string; id: string; deleted: string | null }>(sql`
    SELECT entity, id, fields->>'deletedAt' AS deleted FROM records WHERE id IN (${sql.join(undone.map((u) => sql`${u}`), sql`, `)})`);
  expect(rows).toHaveLength(undone.length * 2);
  expect(rows.every((r) => r.deleted !== null)).toBe(true);

  await learnPropensities(w.db, new Date());
  const [doc] = await w.query<{ body: PropensitiesDocument }>(sql`SELECT body FROM manufacturer_documents WHERE kind = 'propensities' ORDER BY version DESC LIMIT 1`);
  expect(doc!.body.outcomes[SEGMENT]![offer]).toBe(2);
});

it('outcomes of clients who do not share their data with the manufacturer teach it nothing', async () => {
  const anna = await w.person('Anna Berger');
  const annas = await w.device(anna.id, 'Annas Laptop');
  const offer = 'household_contents';
  for (let i = 0; i < 40; i++) {
    const clientId = newClient(annas.store, { lastName: `Kunde ${i}` });
    contactConsent(annas.store, clientId);
    // Half never agreed; the other half agreed and withdrew it again.
    if (i % 2 === 1) {
      annas.store.mutate('consent.record', { id: uuidv7(), clientId, purpose: 'manufacturer_sharing', granted: true, method: 'written' });
      annas.store.mutate('consent.record', { id: uuidv7(), clientId, purpose: 'manufacturer_sharing', granted: false, method: 'written' });
    }
    annas.store.mutate('offer.outcome', {
      id: uuidv7(), clientId, offerId: offer, offerKind: 'base', outcome: 'rejected', reasonCode: 'not_relevant', segment: SEGMENT, summary: 'Hausrat abgelehnt',
    });
  }
  await syncUntilDone(annas);
  // The outcomes reached the backend (the advisor's own devices need them), yet none is learned from.
  const held = await w.db.execute(sql`SELECT count(*)::int AS n FROM records WHERE entity = 'offerOutcomes'`);
  const rows = (held as unknown as { rows?: { n: number }[] }).rows ?? (held as unknown as { n: number }[]);
  expect(rows[0]!.n).toBe(40);
  const learned = await learnPropensities(w.db, new Date());
  expect(learned.published).toBe(false);
});
