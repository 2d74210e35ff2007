// Every mutation kind, pushed raw by every person of docs/rules.md against the
// real backend, with valid arguments about one client who has a meeting, a
// task, a mandate, a conclusion, a contract, an offer decision, an advice
// record and consent to profiling. Each must meet exactly the outcome the
// table gives; a refused one leaves the backend's records and change log as
// they were, row for row. Generated from the registry: a new kind without a
// row in the table, or without arguments here, fails.
import { asc } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantClientAccess } from '#backend/access.ts';
import { changeLog, records } from '#backend/db/schema.ts';
import { publishCatalogue, readCatalogueFile, SEED_CATALOGUE } from '#backend/manufacturer.ts';
import { revokeDevice } from '#backend/people.ts';
import type { BackendRole } from '#backend/roles.ts';
import { versionHash, type AdviceContent } from '#core/advice.ts';
import { MUTATION_NAMES, type MutationName } from '#core/mutations/registry.ts';
import { ACTOR_NAMES, ACTORS, readRulesTable, type ActorName } from '../../support/rules-table.ts';
import { workstation, type Workstation } from './sync-support.ts';
import { testBackend } from './support.ts';
import { insertAlert } from './alert-fixture.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
const table = readRulesTable();
const devices = {} as Record<Exclude<ActorName, 'unknown token'>, Workstation>;
let unknown: Workstation;
let started = 0;

async function deviceOf(name: string, roles: readonly BackendRole[]) {
  return workstation(t, await t.device(name, [...roles]));
}

beforeAll(async () => {
  started = performance.now();
  t = await testBackend();
  await publishCatalogue(t.db, readCatalogueFile(SEED_CATALOGUE), t.clock.now());
  for (const actor of ACTOR_NAMES) {
    const a = ACTORS[actor];
    if ('roles' in a) devices[actor as Exclude<ActorName, 'revoked device' | 'unknown token'>] = await deviceOf(actor, a.roles);
  }
  // A second device of the owner, revoked by the administrator.
  const revoked = await t.device('owner, revoked laptop', [...ACTORS.owner.roles]);
  await revokeDevice(t.db, revoked.deviceId, t.clock.now());
  devices['revoked device'] = workstation(t, revoked);
  unknown = workstation(t, { token: 'A'.repeat(43), deviceId: uuidv7(), user: { id: uuidv7() } });
}, 60_000);
afterAll(async () => {
  await t?.dispose();
  console.log(`rules matrix: ${MUTATION_NAMES.length} kinds x ${ACTOR_NAMES.length} people in ${Math.round(performance.now() - started)} ms`);
});

interface Fixture {
  clientId: string; meetingId: string; taskId: string; appointmentId: string; purchaseId: string; mandateId: string; conclusionId: string;
  holdingId: string; outcomeId: string; adviceHash: string; adviceContent: AdviceContent; alertId: string;
  /** A retailer's pending request for a price the range does not allow. */
  approvalId: string;
  /** A second client, shared alike, erased by the owner: their advice record is kept restricted. */
  erasedId: string; restrictedId: string;
}

/** The client every cell is about, made by the owner and shared with the others; the coach grants the mandate. */
async function makeFixture(): Promise<Fixture> {
  const owner = devices.owner;
  const f: Fixture = {
    clientId: uuidv7(), meetingId: uuidv7(), taskId: uuidv7(), appointmentId: uuidv7(), purchaseId: uuidv7(), mandateId: uuidv7(), conclusionId: uuidv7(),
    holdingId: uuidv7(), outcomeId: uuidv7(), adviceHash: '', adviceContent: undefined as never, alertId: '', approvalId: uuidv7(),
    erasedId: uuidv7(), restrictedId: '',
  };
  f.adviceContent = {
    language: 'de', client: { name: 'Erika Mustermann', birthDate: null, address: null }, advisor: 'owner',
    meeting: { id: f.meetingId, startedAt: t.clock.now().getTime(), endedAt: null },
    reason: 'Jahresgespräch', wishes: null, riskSituation: null, offers: [], advice: null, decision: null,
  };
  f.adviceHash = versionHash({ meetingId: f.meetingId, recordVersion: 1, previousHash: null, content: f.adviceContent });
  await owner.pushApplied(
    owner.mutation('client.create', { id: f.clientId, firstName: 'Erika', lastName: 'Mustermann' }),
    owner.mutation('consent.record', { id: uuidv7(), clientId: f.clientId, purpose: 'profiling', granted: true, method: 'written' }),
    owner.mutation('consent.record', { id: uuidv7(), clientId: f.clientId, purpose: 'contact', granted: true, method: 'written' }),
    owner.mutation('meeting.start', { id: f.meetingId, clientId: f.clientId, reason: 'Jahresgespräch' }),
    owner.mutation('task.add', { id: f.taskId, clientId: f.clientId, title: 'Unterlagen schicken' }),
    owner.mutation('appointment.plan', { id: f.appointmentId, clientId: f.clientId, startsAt: Date.UTC(2026, 5, 1, 9), minutes: 45, purpose: 'Vertrag durchgehen' }),
    owner.mutation('conclusion.record', { id: f.conclusionId, clientId: f.clientId, kind: 'segment', value: 'social_media_user', inputs: {}, source: 'rule', ruleSetVersion: 'segments.v1' }),
    owner.mutation('holding.add', { id: f.holdingId, clientId: f.clientId, productId: 'liability_private', since: '2025-01-01', yearlyPremiumCents: 6_000 }),
    owner.mutation('offer.outcome', {
      id: f.outcomeId, clientId: f.clientId, meetingId: f.meetingId, offerId: 'legal_protection', offerKind: 'base', outcome: 'rejected',
      reasonCode: 'too_expensive', segment: null, summary: 'Rechtsschutz abgelehnt',
    }),
    owner.mutation('advice.create', { meetingId: f.meetingId, recordVersion: 1, previousHash: null, content: f.adviceContent, contentHash: f.adviceHash }),
  );
  for (const actor of ['shared', 'mandate coach', 'retailer-only'] as const) {
    await grantClientAccess(t.db, { clientId: f.clientId, userId: devices[actor].user.id, kind: 'shared' });
  }
  const erasedMeeting = uuidv7();
  const erasedContent = { ...f.adviceContent, client: { name: 'Ruth Vergessen', birthDate: null, address: null }, meeting: { ...f.adviceContent.meeting, id: erasedMeeting } };
  await owner.pushApplied(
    owner.mutation('client.create', { id: f.erasedId, firstName: 'Ruth', lastName: 'Vergessen' }),
    owner.mutation('meeting.start', { id: erasedMeeting, clientId: f.erasedId }),
    owner.mutation('advice.create', {
      meetingId: erasedMeeting, recordVersion: 1, previousHash: null, content: erasedContent,
      contentHash: versionHash({ meetingId: erasedMeeting, recordVersion: 1, previousHash: null, content: erasedContent }),
    }),
  );
  for (const actor of ['shared', 'mandate coach', 'retailer-only'] as const) {
    await grantClientAccess(t.db, { clientId: f.erasedId, userId: devices[actor].user.id, kind: 'shared' });
  }
  await owner.pushApplied(owner.mutation('client.erase', { id: f.erasedId }));
  f.restrictedId = `${erasedMeeting}:v1`;
  const coach = devices['mandate coach'];
  await coach.pushApplied(coach.mutation('mandate.grant', {
    id: f.mandateId, clientId: f.clientId, budgetCents: 20_000, period: 'month', areas: ['mobility'], perPurchaseCapCents: 5_000, validFrom: '2026-03-01',
  }));
  await coach.pushApplied(coach.mutation('purchase.make', { id: f.purchaseId, clientId: f.clientId, mandateId: f.mandateId, items: ['car_short_term'], holdingIds: [uuidv7()] }));
  const retailer = devices['retailer-only'];
  await retailer.pushApplied(retailer.mutation('approval.request', { id: f.approvalId, ...aboveListPrice(f.clientId) }));
  f.alertId = await insertAlert(t.db, { clientId: f.clientId, hlc: coach.stamp(), at: t.clock.now().getTime(), coachId: coach.user.id });
  return f;
}

/**
 * The private liability cover at 8 € a month instead of its list price of
 * 6.90 € (the matrix's retailer is granted no range): only the manufacturer
 * may allow it.
 */
const aboveListPrice = (clientId: string) => ({ clientId, productId: 'liability_private', chosenCents: 800, reason: 'client_value' as const });

/** Valid arguments for each kind about the fixture's client (a record of its own where the kind makes one). */
const ARGS: { [N in MutationName]: (f: Fixture) => unknown } = {
  'client.create': () => ({ id: uuidv7(), firstName: 'Jonas', lastName: 'Brandt' }),
  'client.update': (f) => ({ id: f.clientId, patch: { city: 'Köln' } }),
  'client.delete': (f) => ({ id: f.clientId }),
  'client.erase': (f) => ({ id: f.clientId }),
  'meeting.start': (f) => ({ id: uuidv7(), clientId: f.clientId }),
  'meeting.update': (f) => ({ id: f.meetingId, patch: { wishes: 'Absicherung für die Familie' } }),
  'meeting.end': (f) => ({ id: f.meetingId }),
  'answer.set': (f) => ({ clientId: f.clientId, meetingId: f.meetingId, attribute: 'activity_level', value: 'low', answeredBy: 'client' }),
  'touchpoint.add': (f) => ({ id: uuidv7(), clientId: f.clientId, kind: 'call', channel: 'phone', occurredAt: t.clock.now().getTime(), summary: 'Rückruf' }),
  'task.add': (f) => ({ id: uuidv7(), clientId: f.clientId, title: 'Angebot nachreichen' }),
  'task.update': (f) => ({ id: f.taskId, patch: { done: true } }),
  'feedback.record': (f) => ({ id: f.purchaseId, clientId: f.clientId, about: 'purchase', nps: 9, ces: 6 }),
  'appointment.plan': (f) => ({ id: uuidv7(), clientId: f.clientId, startsAt: Date.UTC(2026, 6, 1, 14), minutes: 30, purpose: 'Rückfrage' }),
  'appointment.update': (f) => ({ id: f.appointmentId, patch: { place: 'Beim Kunden' } }),
  'appointment.cancel': (f) => ({ id: f.appointmentId }),
  'consent.record': (f) => ({ id: uuidv7(), clientId: f.clientId, purpose: 'contact', granted: true, method: 'verbal' }),
  'mandate.grant': (f) => ({ id: uuidv7(), clientId: f.clientId, budgetCents: 10_000, period: 'month', areas: ['travel'], perPurchaseCapCents: 2_000, validFrom: '2026-03-01' }),
  'mandate.update': (f) => ({ id: f.mandateId, patch: { areas: ['mobility', 'travel'] } }),
  'mandate.revoke': (f) => ({ id: f.mandateId }),
  'conclusion.record': (f) => ({ id: uuidv7(), clientId: f.clientId, kind: 'segment', value: 'convenient_non_searcher', inputs: {}, source: 'advisor', reason: 'Kenne die Familie seit Jahren.' }),
  'conclusion.refresh': (f) => ({ id: f.conclusionId, inputs: {}, ruleSetVersion: 'segments.v2' }),
  'conclusion.review': (f) => ({ id: f.conclusionId, status: 'confirmed' }),
  'holding.add': (f) => ({ id: uuidv7(), clientId: f.clientId, productId: 'legal_protection', since: '2026-01-01', yearlyPremiumCents: 24_000 }),
  'holding.end': (f) => ({ id: f.holdingId, endedOn: '2026-02-28' }),
  'offer.outcome': (f) => ({
    id: uuidv7(), clientId: f.clientId, meetingId: f.meetingId, offerId: 'legal_protection', offerKind: 'base', outcome: 'postponed',
    reasonCode: 'wrong_timing', segment: null, summary: 'Rechtsschutz später',
  }),
  'offer.undo': (f) => ({ id: f.outcomeId, clientId: f.clientId, meetingId: f.meetingId }),
  'advice.create': (f) => {
    const content = { ...f.adviceContent, decision: 'Entscheidet nach Rücksprache' };
    return { meetingId: f.meetingId, recordVersion: 2, previousHash: f.adviceHash, content, contentHash: versionHash({ meetingId: f.meetingId, recordVersion: 2, previousHash: f.adviceHash, content }) };
  },
  'advice.deliver': (f) => ({ meetingId: f.meetingId, recordVersion: 1, channel: 'printed' }),
  'alert.snooze': (f) => ({ id: f.alertId, until: new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10) }),
  'alert.dismiss': (f) => ({ id: f.alertId, reason: 'already_handled' }),
  'alert.close': (f) => ({ id: f.alertId, outcome: 'contacted' }),
  // A day of short-term car cover (9 €), within the mandate's areas, cap and budget.
  'purchase.make': (f) => ({ id: uuidv7(), clientId: f.clientId, mandateId: f.mandateId, items: ['car_short_term'], holdingIds: [uuidv7()] }),
  // At the list price, which needs no reason and no approval.
  'sale.record': (f) => ({ id: uuidv7(), clientId: f.clientId, productId: 'liability_private', chosenCents: 690, holdingId: uuidv7() }),
  'approval.request': (f) => ({ id: uuidv7(), ...aboveListPrice(f.clientId) }),
  // No device holds the manufacturer's role: whoever pushes it is refused by role, before the approval is looked at.
  'approval.decide': (f) => ({ id: f.approvalId, decision: 'approved' }),
  // The mandate coach is a life coach the fixture's client is shared with already: the owner adds them to the list, or takes them off it.
  'client.share': (f) => ({ id: f.clientId, userId: devices['mandate coach'].user.id }),
  'client.unshare': (f) => ({ id: f.clientId, userId: devices['mandate coach'].user.id }),
  // The erased client's restricted record, disclosed to an authority: logged, no record changes.
  'advice.disclose': (f) => ({ id: uuidv7(), recordId: f.restrictedId, clientId: f.erasedId, to: 'authority', note: 'Az. 4 O 12/31' }),
};

/** The backend's records and change log, whole, in a fixed order. */
async function contents() {
  return {
    records: await t.db.select().from(records).orderBy(asc(records.entity), asc(records.id)),
    changes: await t.db.select().from(changeLog).orderBy(asc(changeLog.seq)),
  };
}

/**
 * Applied, these leave the fixture unfit for the next person (the client gone,
 * the meeting over, the mandate revoked, the decision taken back, version 2 of
 * the advice record made, the coach's share taken back, the planned meeting called off): the next cell gets a fresh fixture. Every other
 * applied kind adds a record of its own or repeats the same change, and a
 * refused one changes nothing, so the fixture is reused.
 */
const SPOILS: ReadonlySet<MutationName> = new Set(['client.delete', 'client.erase', 'meeting.end', 'mandate.revoke', 'offer.undo', 'advice.create', 'client.unshare', 'appointment.cancel']);
let fixture: Fixture | null = null;

describe.each(MUTATION_NAMES)('%s', (name) => {
  const row = table.get(name);
  it('has a row in docs/rules.md', () => {
    expect(row, `docs/rules.md has no row for ${name}: add one, saying what each person may do`).toBeDefined();
  });
  for (const actor of ACTOR_NAMES) {
    it(`as ${actor}: ${row?.outcomes[actor] ?? 'no row'}`, async () => {
      const expected = row?.outcomes[actor];
      if (!expected) throw new Error(`docs/rules.md has no outcome of ${name} for ${actor}`);
      fixture ??= await makeFixture();
      const device = actor === 'unknown token' ? unknown : devices[actor];
      const before = expected === 'applied' ? null : await contents();
      const { status, body } = await device.push([device.raw(name, ARGS[name](fixture))]);
      if (/^\d{3}$/.test(expected)) {
        expect(status).toBe(Number(expected));
      } else {
        expect(status).toBe(200);
        const [result] = body.results;
        expect(result?.status === 'rejected' ? result.code : result?.status, JSON.stringify(result)).toBe(expected);
        if (result?.status === 'rejected') expect(result.message).toMatch(/\.$/);
      }
      if (before) expect(await contents()).toEqual(before);
      else if (SPOILS.has(name)) fixture = null;
    });
  }
});
