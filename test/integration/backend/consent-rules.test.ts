// The backend checks the client's consents for the kinds that need them, from
// the same registry as the device: a device that skipped its check (tampered,
// or an old build) gets consent_missing and nothing is written.
import { asc } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { changeLog, records } from '#backend/db/schema.ts';
import { newClient, workstation } from './sync-support.ts';
import { testBackend } from './support.ts';

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
