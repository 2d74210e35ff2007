// The backend applies the forms' rules again, from the same core: a device
// that skipped them (tampered with, or an old build) gets its change refused
// with the same code, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newClient, workstation } from './sync-support.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
beforeAll(async () => { t = await testBackend(); });
afterAll(async () => { await t?.dispose(); });

describe('a pushed change that breaks a form rule', () => {
  it('is refused with the rule’s code; the good changes around it are applied', async () => {
    const laptop = workstation(t, await t.device('Anna Berger'));
    const client = newClient('Ida', 'Roth');
    const nextYear = `${new Date(t.clock.now()).getUTCFullYear() + 1}-01-01`;
    const { status, body } = await laptop.push([
      laptop.mutation('client.create', client),
      laptop.raw('client.update', { id: client.id, patch: { postalCode: '1011' } }),
      laptop.raw('task.add', { id: crypto.randomUUID(), clientId: client.id, title: 'Anrufen', dueDate: '2025-02-30' }),
      laptop.raw('client.update', { id: client.id, patch: { birthDate: nextYear } }),
      laptop.raw('client.update', { id: client.id, patch: { householdSize: 21 } }),
      laptop.mutation('client.update', { id: client.id, patch: { postalCode: '10115', birthDate: '1980-02-29' } }),
    ]);
    expect(status).toBe(200);
    expect(body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'applied', 'invalid_postal_code', 'invalid_date', 'date_in_future', 'out_of_range', 'applied',
    ]);
    expect(body.results[4]).toMatchObject({ message: expect.stringContaining('between 1 and 20') });
  });
});

describe('a pushed take-back of an offer decision', () => {
  it('is applied while its meeting runs and refused with undo_closed once the meeting has ended', async () => {
    const laptop = workstation(t, await t.device('Anna Berger'));
    const client = newClient('Jan', 'Vogt');
    const meetingId = crypto.randomUUID();
    const [early, late] = [crypto.randomUUID(), crypto.randomUUID()];
    const decision = (id: string) => laptop.mutation('offer.outcome', {
      id, clientId: client.id, meetingId, offerId: 'legal_protection', offerKind: 'base', outcome: 'rejected',
      reasonCode: 'too_expensive', segment: null, summary: 'Rechtsschutz abgelehnt',
    });
    const { body } = await laptop.push([
      laptop.mutation('client.create', client),
      laptop.mutation('meeting.start', { id: meetingId, clientId: client.id }),
      laptop.mutation('consent.record', { id: crypto.randomUUID(), clientId: client.id, purpose: 'contact', granted: true, method: 'verbal' }),
      decision(early),
      decision(late),
      laptop.mutation('offer.undo', { id: early, clientId: client.id, meetingId }),
      laptop.mutation('meeting.end', { id: meetingId }),
      // A device that skipped its own check: the meeting is over, its advice record holds the decision.
      laptop.raw('offer.undo', { id: late, clientId: client.id, meetingId }),
    ]);
    expect(body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'applied', 'applied', 'applied', 'applied', 'applied', 'applied', 'applied', 'undo_closed',
    ]);
  });
});
