// The backend checks the client's consents for the kinds that need them, from
// the same registry as the device: a device that skipped its check (tampered,
// or an old build, or one that has not yet heard of a withdrawal) gets
// consent_missing and nothing is written. Profiling gates conclusions; contact
// gates offer outcomes and the alert reactions that approach the client.
import { asc } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantClientAccess } from '#backend/access.ts';
import { changeLog, records } from '#backend/db/schema.ts';
import { newClient, workstation } from './sync-support.ts';
import { testBackend } from './support.ts';
import { insertAlert } from './alert-fixture.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
beforeAll(async () => { t = await testBackend(); });
afterAll(async () => { await t?.dispose(); });

const contents = async () => ({
  records: await t.db.select().from(records).orderBy(asc(records.entity), asc(records.id)),
  changes: await t.db.select().from(changeLog).orderBy(asc(changeLog.seq)),
});

it('refuses a conclusion without the client’s consent to profiling in force, the newest record counting, and writes nothing', async () => {
  const laptop = workstation(t, await t.device('Anna Berger'));
  const client = newClient('Lea', 'Sommer');
  const conclusion = () => laptop.raw('conclusion.record', { id: uuidv7(), clientId: client.id, kind: 'segment', value: 'social_media_user', inputs: {}, source: 'rule', ruleSetVersion: 'segments.v1' });
  const consent = (granted: boolean) => laptop.mutation('consent.record', { id: uuidv7(), clientId: client.id, purpose: 'profiling', granted, method: 'written' });
  await laptop.pushApplied(laptop.mutation('client.create', client));

  const before = await contents();
  const refused = await laptop.push([conclusion()]);
  expect(refused.body.results[0]).toMatchObject({ status: 'rejected', code: 'consent_missing', message: expect.stringMatching(/profiling.*nothing was changed\.$/) });
  expect(await contents()).toEqual(before);

  const given = [consent(true), conclusion()];
  // A minute later, so that the withdrawal is the newer record.
  t.clock.advance(60_000);
  const { body } = await laptop.push([...given, consent(false), conclusion()]);
  expect(body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['applied', 'applied', 'applied', 'consent_missing']);
});

describe('consent to contact', () => {
  /** An outcome of an offer put to the client, as a device would push it. */
  const outcome = (clientId: string) => ({
    id: uuidv7(), clientId, offerId: 'legal_protection', offerKind: 'base', outcome: 'rejected', reasonCode: 'too_expensive', segment: null, summary: 'Rechtsschutz abgelehnt',
  });

  it('refuses an offer outcome and an alert closed as contacted or proposed without it, writing nothing; a purchase or a rejected conclusion needs none', async () => {
    const coach = workstation(t, await t.device('Clara Coach', ['advisor', 'life_coach']));
    const client = newClient('Jonas', 'Brandt');
    await coach.pushApplied(coach.mutation('client.create', client));
    const alert = () => insertAlert(t.db, { clientId: client.id, hlc: coach.stamp(), at: t.clock.now().getTime(), coachId: coach.user.id });
    const [a, b, c, d] = [await alert(), await alert(), await alert(), await alert()];

    const before = await contents();
    // A tampered device: it skipped its own check and pushes what the client never agreed to.
    const refused = await coach.push([
      coach.raw('offer.outcome', outcome(client.id)),
      coach.raw('alert.close', { id: a, outcome: 'contacted' }),
      coach.raw('alert.close', { id: b, outcome: 'proposed' }),
    ]);
    expect(refused.body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['consent_missing', 'consent_missing', 'consent_missing']);
    expect(refused.body.results[0]).toMatchObject({ message: expect.stringMatching(/contact.*nothing was changed\.$/) });
    expect(await contents()).toEqual(before);

    const { body } = await coach.push([
      coach.raw('alert.close', { id: c, outcome: 'bought' }),
      coach.raw('alert.close', { id: d, outcome: 'conclusion_rejected' }),
      coach.mutation('consent.record', { id: uuidv7(), clientId: client.id, purpose: 'contact', granted: true, method: 'verbal' }),
      coach.raw('offer.outcome', outcome(client.id)),
      coach.raw('alert.close', { id: a, outcome: 'contacted' }),
      coach.raw('alert.close', { id: b, outcome: 'proposed' }),
    ]);
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'applied']);
  });

  it('a withdrawal on one device stops a push from another that still holds the consent, judged on the merged result', async () => {
    const owner = workstation(t, await t.device('Anna Berger'));
    const colleague = workstation(t, await t.device('Ben Kolleg'));
    const client = newClient('Mira', 'Yilmaz');
    await owner.pushApplied(
      owner.mutation('client.create', client),
      owner.mutation('consent.record', { id: uuidv7(), clientId: client.id, purpose: 'contact', granted: true, method: 'written' }),
    );
    await grantClientAccess(t.db, { clientId: client.id, userId: colleague.user.id, kind: 'shared' });
    // The colleague's laptop saw the consent and records an outcome, offline: it will push it later.
    t.clock.advance(60_000);
    const stale = colleague.raw('offer.outcome', outcome(client.id), { at: t.clock.now().getTime() + 60_000 });
    // Meanwhile the client withdrew, told the owner, and the owner's device sent it at once.
    await owner.pushApplied(owner.mutation('consent.record', { id: uuidv7(), clientId: client.id, purpose: 'contact', granted: false, method: 'verbal' }));
    const before = await contents();
    t.clock.advance(120_000);
    const { body } = await colleague.push([stale]);
    expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'consent_missing' });
    expect(await contents()).toEqual(before);
  });
});
