// A tampered device: for every rule a planner or the merge checks
// (core/mutations/rules.ts), one push that a well-behaved workstation would
// never send, breaking exactly that rule. Each is refused with the rule's
// code and a message saying nothing changed, and the backend's whole state
// (every record, the change log, erased clients, client access, restricted
// advice records and their disclosures) is what it was.
import { asc, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CATALOGUE, publishCatalogue, readCatalogueFile, setRetailer } from '#backend/manufacturer.ts';
import { decideApproval } from '#backend/console/decide.ts';
import type { Issuer } from '#backend/mutate.ts';
import { adviceDisclosures, changeLog, clientAccess, erasedClients, records, restrictedAdviceRecords } from '#backend/db/schema.ts';
import { versionHash, type AdviceContent } from '#core/advice.ts';
import type { MutationName } from '#core/mutations/index.ts';
import { MUTATION_RULES, type MutationRule } from '#core/mutations/rules.ts';
import type { PushedMutation } from '#core/sync/protocol.ts';
import { DAY, newClient, workstation, type Workstation } from './sync-support.ts';
import { testBackend } from './support.ts';
import { insertAlert } from './alert-fixture.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
let w: Workstation;
/** A retailer of the demo's eco household shop, with clients of its own: the sales and requests are theirs. */
let r: Workstation;
/** A manufacturer's person: decisions are made in the console, never pushed. */
let maker: Issuer;

/** Everything the backend keeps about clients, in a fixed order: compared whole, not counted. */
async function everything() {
  return {
    records: await t.db.select().from(records).orderBy(asc(records.entity), asc(records.id)),
    changeLog: await t.db.select().from(changeLog).orderBy(asc(changeLog.seq)),
    erased: await t.db.select().from(erasedClients).orderBy(asc(erasedClients.clientId)),
    access: await t.db.select().from(clientAccess).orderBy(asc(clientAccess.clientId), asc(clientAccess.userId)),
    restricted: await t.db.select().from(restrictedAdviceRecords).orderBy(asc(restrictedAdviceRecords.id)),
    disclosures: await t.db.select().from(adviceDisclosures).orderBy(asc(adviceDisclosures.id)),
  };
}

const missing = '0190a000-0000-7000-8000-00000000dead';
const id = () => uuidv7();
/** The ids of what the setup made, so each case can point at the record its rule is about. */
const s = {} as Record<'client' | 'other' | 'deleted' | 'running' | 'ended' | 'othersMeeting' | 'task' | 'mandate' | 'revoked' | 'mergedCap' | 'mergedDates'
  | 'ruleConclusion' | 'advisorConclusion' | 'rejectedConclusion' | 'holding' | 'closedOutcome'
  | 'alert' | 'othersAlert' | 'spent' | 'future' | 'deletedMandate'
  | 'shop' | 'otherShop' | 'shopDeleted' | 'shopHolding' | 'pending' | 'declined' | 'expired' | 'approved' | 'otherProduct' | 'othersApproval'
  | 'erased' | 'appointment' | 'cancelledAppointment' | 'purchase', string>;
let endedStartedAt = 0;
/** A life coach to share with, and an advisor who is none. */
let coachId = '';
let advisorId = '';
let v1Hash = '';

function content(meetingId: string, startedAt: number, extra: Partial<AdviceContent> = {}): AdviceContent {
  return {
    language: 'de', client: { name: 'Erika Mustermann', birthDate: null, address: null }, advisor: 'Anna Berger',
    meeting: { id: meetingId, startedAt, endedAt: null }, reason: 'Umzug', wishes: null, riskSituation: null, offers: [], advice: null, decision: null, ...extra,
  };
}
function advice(recordVersion: number, previousHash: string | null, body: AdviceContent, meetingId = s.ended) {
  const v = { meetingId, recordVersion, previousHash, content: body };
  return { ...v, contentHash: versionHash(v) };
}

const day = (offset: number) => new Date(t.clock.now().getTime() + offset * DAY).toISOString().slice(0, 10);
const mandateTerms = { budgetCents: 5000, period: 'month', areas: ['travel'], perPurchaseCapCents: 4000, validFrom: '2026-01-01' };
/** A stamp this many days ago: what a device whose clock was set back sends. */
const backDated = (days: number) => ({ hlc: w.stamp(t.clock.now().getTime() - days * DAY) });

/** Valid arguments of the mutations about a client, for the two cases every one of them has. */
const ABOUT_CLIENT: Partial<Record<MutationName, (clientId: string) => unknown>> = {
  'client.update': (c) => ({ id: c, patch: { notes: 'Rückruf erbeten' } }),
  'client.delete': (c) => ({ id: c }),
  'client.erase': (c) => ({ id: c }),
  'meeting.start': (c) => ({ id: id(), clientId: c }),
  'answer.set': (c) => ({ clientId: c, attribute: 'tech_affinity', value: 'high' }),
  'touchpoint.add': (c) => ({ id: id(), clientId: c, kind: 'call', channel: 'phone', occurredAt: t.clock.now().getTime() - 3_600_000, summary: 'Anruf' }),
  'task.add': (c) => ({ id: id(), clientId: c, title: 'Angebot schicken' }),
  'feedback.record': (c) => ({ id: id(), clientId: c, about: 'purchase', nps: 9, ces: 6 }),
  'appointment.plan': (c) => ({ id: id(), clientId: c, startsAt: Date.UTC(2027, 0, 15, 9), minutes: 60, place: 'Büro', purpose: 'Jahresgespräch' }),
  'consent.record': (c) => ({ id: id(), clientId: c, purpose: 'contact', granted: true, method: 'verbal' }),
  'mandate.grant': (c) => ({ id: id(), clientId: c, ...mandateTerms }),
  'conclusion.record': (c) => ({ id: id(), clientId: c, kind: 'segment', value: 'cautious_self_searcher', source: 'rule', ruleSetVersion: 'v1', inputs: {} }),
  'holding.add': (c) => ({ id: id(), clientId: c, productId: 'liability_private', since: '2020-01-01', yearlyPremiumCents: 8280 }),
  'offer.outcome': (c) => ({ id: id(), clientId: c, offerId: 'liability_private', offerKind: 'base', outcome: 'accepted', segment: null, summary: 'Privathaftpflicht angenommen' }),
  'client.share': (c) => ({ id: c, userId: coachId }),
  'client.unshare': (c) => ({ id: c, userId: coachId }),
};
const about = (name: MutationName, clientId: string) => w.raw(name, ABOUT_CLIENT[name]!(clientId));
const withArgs = (name: MutationName, extra: Record<string, unknown>) => w.raw(name, { ...(ABOUT_CLIENT[name]!(s.client) as object), ...extra });

type Case = () => PushedMutation;

/*
 * The retailer's shop sells green_household within 11.20 € .. 14.90 € (proposed 12.40 €) until 2027-06-30.
 * A sale or request of the shop's client at a price, with the reason it deviates.
 */
const priced = (chosenCents: number, extra: Record<string, unknown> = {}) =>
  ({ clientId: s.shop, productId: 'green_household', chosenCents, reason: 'client_value', ...extra });
const sale = (chosenCents: number, extra: Record<string, unknown> = {}) =>
  r.raw('sale.record', { id: id(), holdingId: id(), ...priced(chosenCents, extra) });
const request = (chosenCents: number, extra: Record<string, unknown> = {}) => r.raw('approval.request', { id: id(), ...priced(chosenCents, extra) });
const RETAIL_CLIENT_CASES = (make: (c: number, e: Record<string, unknown>) => PushedMutation) => ({
  client_missing: () => make(1600, { clientId: missing }),
  client_deleted: () => make(1600, { clientId: s.shopDeleted }),
});
/** A decision as the console makes it; the test applies it through the console's path, not a push. */
const decision = (approvalId: string): PushedMutation =>
  ({ seq: 0, mutationId: id(), name: 'approval.decide', args: { id: approvalId, decision: 'approved' }, hlc: r.stamp(), at: t.clock.now().getTime() });
/** A purchase under a mandate, one new holding per product. */
const purchase = (mandateId: string, items: string[], extra: Record<string, unknown> = {}) =>
  w.raw('purchase.make', { id: id(), clientId: mandateId === s.deletedMandate ? s.deleted : s.client, mandateId, items, holdingIds: items.map(() => id()), ...extra });
const CLIENT_CASES = (name: MutationName) => ({ client_missing: () => about(name, missing), client_deleted: () => about(name, s.deleted) });

/** One tampered push per rule; tsc insists on a case for every rule of every kind. */
const CASES: { [N in MutationName]: Record<MutationRule<N>, Case> } = {
  'client.create': { birth_date_in_future: () => w.raw('client.create', { ...newClient(), birthDate: day(40) }) },
  'client.update': {
    ...CLIENT_CASES('client.update'), birth_date_in_future: () => w.raw('client.update', { id: s.client, patch: { birthDate: day(40) } }),
    // A correction at the client's request must say truthfully what it replaced, and only what the change changes.
    correction_stale: () => w.raw('client.update', { id: s.client, patch: { lastName: 'Musterfrau' }, correction: { id: id(), before: { lastName: 'Schmidt' } } }),
    correction_other_fields: () => w.raw('client.update', { id: s.client, patch: { lastName: 'Musterfrau' }, correction: { id: id(), before: { firstName: 'Erika' } } }),
    correction_unchanged: () => w.raw('client.update', { id: s.client, patch: { lastName: 'Mustermann' }, correction: { id: id(), before: { lastName: 'Mustermann' } } }),
  },
  'client.delete': CLIENT_CASES('client.delete'),
  'client.erase': { client_missing: () => about('client.erase', missing) },
  'meeting.start': CLIENT_CASES('meeting.start'),
  'meeting.update': { meeting_missing: () => w.raw('meeting.update', { id: missing, patch: { notes: 'x' } }) },
  'meeting.end': { meeting_missing: () => w.raw('meeting.end', { id: missing }) },
  'answer.set': {
    ...CLIENT_CASES('answer.set'),
    unknown_attribute: () => withArgs('answer.set', { attribute: 'shoe_size', value: '42' }),
    unknown_answer: () => withArgs('answer.set', { value: 'extreme' }),
    answer_shape: () => withArgs('answer.set', { attribute: 'life_events', value: 'moving' }),
    meeting_missing: () => withArgs('answer.set', { meetingId: missing }),
    meeting_of_other_client: () => withArgs('answer.set', { meetingId: s.othersMeeting }),
    meeting_ended: () => withArgs('answer.set', { meetingId: s.ended }),
  },
  'touchpoint.add': { ...CLIENT_CASES('touchpoint.add'), contact_in_future: () => withArgs('touchpoint.add', { occurredAt: t.clock.now().getTime() + 5 * DAY }) },
  'task.add': CLIENT_CASES('task.add'),
  'task.update': { task_missing: () => w.raw('task.update', { id: missing, patch: { done: true } }) },
  'appointment.plan': CLIENT_CASES('appointment.plan'),
  'feedback.record': {
    ...CLIENT_CASES('feedback.record'),
    subject_missing: () => w.raw('feedback.record', { id: missing, clientId: s.client, about: 'purchase', nps: 9, ces: null }),
    subject_of_other_client: () => w.raw('feedback.record', { id: s.purchase, clientId: s.other, about: 'purchase', nps: 9, ces: null }),
  },
  'appointment.update': {
    appointment_missing: () => w.raw('appointment.update', { id: missing, patch: { minutes: 30 } }),
    appointment_cancelled: () => w.raw('appointment.update', { id: s.cancelledAppointment, patch: { minutes: 30 } }),
    meeting_missing: () => w.raw('appointment.update', { id: s.appointment, patch: { meetingId: missing } }),
    meeting_of_other_client: () => w.raw('appointment.update', { id: s.appointment, patch: { meetingId: s.othersMeeting } }),
  },
  'appointment.cancel': { appointment_missing: () => w.raw('appointment.cancel', { id: missing }) },
  'consent.record': CLIENT_CASES('consent.record'),
  'mandate.grant': {
    ...CLIENT_CASES('mandate.grant'),
    cap_above_budget: () => withArgs('mandate.grant', { perPurchaseCapCents: 6000 }),
    until_before_from: () => withArgs('mandate.grant', { validUntil: '2025-12-31' }),
    area_not_in_catalogue: () => withArgs('mandate.grant', { areas: ['travel', 'teleportation'] }),
  },
  'mandate.update': {
    mandate_missing: () => w.raw('mandate.update', { id: missing, patch: { period: 'year' } }),
    mandate_revoked: () => w.raw('mandate.update', { id: s.revoked, patch: { period: 'year' } }),
    money_conflict: () => w.raw('mandate.update', { id: s.mandate, patch: { budgetCents: 7000 }, expected: { budgetCents: 4500 } }),
    cap_above_budget: () => w.raw('mandate.update', { id: s.mandate, patch: { perPurchaseCapCents: 6000 }, expected: { perPurchaseCapCents: 4000 } }),
    until_before_from: () => w.raw('mandate.update', { id: s.mandate, patch: { validUntil: '2025-12-31' } }),
    area_not_in_catalogue: () => w.raw('mandate.update', { id: s.mandate, patch: { areas: ['teleportation'] } }),
    // The case of the issue: budget 1 € with a stamp older than the cap's last change; the cap (30 €) stays.
    merged_cap_above_budget: () => w.raw('mandate.update', {
      id: s.mergedCap, patch: { budgetCents: 100, perPurchaseCapCents: 100 }, expected: { budgetCents: 5000, perPurchaseCapCents: 3000 },
    }, backDated(2)),
    // The end wins (its stamp is older), the start does not (changed later): the mandate would end before it begins.
    merged_until_before_from: () => w.raw('mandate.update', { id: s.mergedDates, patch: { validFrom: '2026-01-01', validUntil: '2026-03-01' } }, backDated(2)),
  },
  'mandate.revoke': { mandate_missing: () => w.raw('mandate.revoke', { id: missing }) },
  'conclusion.record': {
    ...CLIENT_CASES('conclusion.record'),
    unknown_conclusion: () => withArgs('conclusion.record', { value: 'astronaut' }),
    unknown_input_attribute: () => withArgs('conclusion.record', { inputs: { shoe_size: '42' } }),
    unknown_input_value: () => withArgs('conclusion.record', { inputs: { tech_affinity: 'extreme' } }),
  },
  'conclusion.refresh': {
    conclusion_missing: () => w.raw('conclusion.refresh', { id: missing, inputs: {}, ruleSetVersion: 'v1' }),
    set_by_advisor: () => w.raw('conclusion.refresh', { id: s.advisorConclusion, inputs: {}, ruleSetVersion: 'v1' }),
    rejected_by_client: () => w.raw('conclusion.refresh', { id: s.rejectedConclusion, inputs: {}, ruleSetVersion: 'v1' }),
    unknown_input_value: () => w.raw('conclusion.refresh', { id: s.ruleConclusion, inputs: { tech_affinity: 'extreme' }, ruleSetVersion: 'v1' }),
  },
  'conclusion.review': { conclusion_missing: () => w.raw('conclusion.review', { id: missing, status: 'confirmed' }) },
  'holding.add': { ...CLIENT_CASES('holding.add'), product_not_in_catalogue: () => withArgs('holding.add', { productId: 'teleport_cover' }) },
  'holding.end': {
    holding_missing: () => w.raw('holding.end', { id: missing, endedOn: '2026-01-01' }),
    ended_before_since: () => w.raw('holding.end', { id: s.holding, endedOn: '2019-12-31' }),
  },
  'offer.outcome': {
    ...CLIENT_CASES('offer.outcome'),
    offer_not_in_catalogue: () => withArgs('offer.outcome', { offerId: 'teleport_cover' }),
    offer_of_other_kind: () => withArgs('offer.outcome', { offerKind: 'bundle' }),
    unknown_segment: () => withArgs('offer.outcome', { segment: 'astronaut' }),
    meeting_missing: () => withArgs('offer.outcome', { meetingId: missing }),
    meeting_ended: () => withArgs('offer.outcome', { meetingId: s.ended }),
  },
  'offer.undo': {
    outcome_missing: () => w.raw('offer.undo', { id: missing, clientId: s.client, meetingId: s.running }),
    undo_closed: () => w.raw('offer.undo', { id: s.closedOutcome, clientId: s.client, meetingId: s.ended }),
  },
  'advice.create': {
    meeting_missing: () => w.raw('advice.create', advice(1, null, content(missing, endedStartedAt), missing)),
    other_meeting: () => w.raw('advice.create', advice(2, v1Hash, content(s.running, endedStartedAt))),
    started_at_changed: () => w.raw('advice.create', advice(2, v1Hash, content(s.ended, endedStartedAt - DAY))),
    hash_mismatch: () => w.raw('advice.create', { ...advice(2, v1Hash, content(s.ended, endedStartedAt)), contentHash: 'f'.repeat(64) }),
    chain_broken: () => w.raw('advice.create', advice(2, 'e'.repeat(64), content(s.ended, endedStartedAt))),
    version_taken: () => w.raw('advice.create', advice(1, null, content(s.ended, endedStartedAt, { decision: 'Anders entschieden' }))),
  },
  'advice.deliver': { record_missing: () => w.raw('advice.deliver', { meetingId: s.ended, recordVersion: 5, channel: 'printed' }) },
  'alert.snooze': {
    alert_missing: () => w.raw('alert.snooze', { id: missing, until: day(7) }),
    snooze_not_after_today: () => w.raw('alert.snooze', { id: s.alert, until: day(-1) }),
  },
  'alert.dismiss': { alert_missing: () => w.raw('alert.dismiss', { id: missing, reason: 'not_relevant' }) },
  'alert.close': { alert_missing: () => w.raw('alert.close', { id: missing, outcome: 'contacted' }) },
  'purchase.make': {
    mandate_missing: () => purchase(missing, ['travel_cancellation']),
    mandate_of_other_client: () => purchase(s.mandate, ['travel_cancellation'], { clientId: s.other }),
    client_deleted: () => purchase(s.deletedMandate, ['travel_cancellation']),
    unknown_product: () => purchase(s.mandate, ['teleport_cover']),
    not_in_force: () => purchase(s.future, ['travel_cancellation']),
    revoked: () => purchase(s.revoked, ['travel_cancellation']),
    complex_product: () => purchase(s.mandate, ['pension_private']),
    outside_areas: () => purchase(s.mandate, ['car_short_term']),
    // 49 € for the booked trip's cover, above the cap of 40 €.
    over_cap: () => purchase(s.mandate, ['travel_package_cover']),
    // 34 € spent this month of 50 €: another 34 € would exceed it.
    over_budget: () => purchase(s.spent, ['travel_cancellation']),
    holdings_mismatch: () => w.raw('purchase.make', { id: id(), clientId: s.client, mandateId: s.mandate, items: ['travel_cancellation'], holdingIds: [id(), id()] }),
    alert_of_other_client: () => purchase(s.mandate, ['travel_cancellation'], { alertId: s.othersAlert }),
  },
  'sale.record': {
    ...RETAIL_CLIENT_CASES(sale),
    product_not_in_catalogue: () => sale(1300, { productId: 'teleport_cover' }),
    unknown_variant: () => sale(1300, { variant: 'B' }),
    reason_missing: () => sale(1300, { reason: null }),
    holding_exists: () => sale(1240, { reason: null, holdingId: s.shopHolding }),
    // 16 € is above the ceiling: without an approval the device should have asked for one.
    outside_range_unapproved: () => sale(1600),
    // Below the floor, with the approval of another client's request at that very price.
    approval_missing: () => sale(1000, { approvalId: s.othersApproval }),
    // Below the floor, with an approval granted for this client but another product at that price.
    approval_other_price: () => sale(800, { approvalId: s.otherProduct }),
    approval_pending: () => sale(1600, { approvalId: s.pending }),
    approval_declined: () => sale(1700, { approvalId: s.declined }),
    approval_expired: () => sale(1800, { approvalId: s.expired }),
  },
  'approval.request': {
    ...RETAIL_CLIENT_CASES(request),
    product_not_in_catalogue: () => request(1600, { productId: 'teleport_cover' }),
    unknown_variant: () => request(1600, { variant: 'C' }),
    reason_missing: () => request(1600, { reason: 'other' }),
    // 13 € is within the range: the retailer sells it, nobody needs to approve it.
    within_range: () => request(1300),
  },
  'approval.decide': {
    approval_missing: () => decision(missing),
    decided_already: () => decision(s.approved),
  },
  'client.share': {
    ...CLIENT_CASES('client.share'),
    share_with_self: () => withArgs('client.share', { userId: w.user.id }),
    person_unknown: () => withArgs('client.share', { userId: missing }),
    not_a_coach: () => withArgs('client.share', { userId: advisorId }),
  },
  'client.unshare': { ...CLIENT_CASES('client.unshare'), unshare_owner: () => withArgs('client.unshare', { userId: w.user.id }) },
  'advice.disclose': {
    // The live client's advice record is no restricted one: nothing to disclose, and nothing about it said.
    client_not_erased: () => w.raw('advice.disclose', { id: id(), recordId: `${s.ended}:v1`, clientId: s.client, to: 'client' }),
    record_missing: () => w.raw('advice.disclose', { id: id(), recordId: `${missing}:v1`, clientId: s.erased, to: 'authority' }),
  },
};

beforeAll(async () => {
  t = await testBackend();
  // A life coach too, so mandates can be granted; refusals by role are the matrix's (matrix.test.ts).
  w = workstation(t, await t.device('Anna Berger', ['advisor', 'life_coach']));
  coachId = (await t.person('Lena Hoffmann', ['life_coach'])).id;
  advisorId = (await t.person('Ben Fischer', ['advisor'])).id;
  // Two published versions: a product only the first had is still known (a device may not have synced since).
  const seed = readCatalogueFile(SEED_CATALOGUE);
  const retired = { ...seed.products[0]!, id: 'retired_cover' };
  await publishCatalogue(t.db, { ...seed, products: [...seed.products, retired] }, t.clock.now());
  await publishCatalogue(t.db, seed, t.clock.now());

  const make = async (name: string, args: Record<string, unknown>, extra: Partial<PushedMutation> = {}) => {
    const m = w.raw(name, args, extra);
    await w.pushApplied(m);
    return { id: args.id as string, at: m.at };
  };
  for (const k of ['client', 'other', 'deleted'] as const) {
    s[k] = (await make('client.create', newClient())).id;
    // With consent to profiling, so a conclusion's own rules are what refuses it (consent is consent-rules.test.ts's).
    await make('consent.record', { id: id(), clientId: s[k], purpose: 'profiling', granted: true, method: 'written' });
    // And to contact, so an offer outcome's own rules are what refuses it.
    await make('consent.record', { id: id(), clientId: s[k], purpose: 'contact', granted: true, method: 'written' });
  }
  s.deletedMandate = (await make('mandate.grant', { id: id(), clientId: s.deleted, ...mandateTerms })).id;
  await make('client.delete', { id: s.deleted });
  s.running = (await make('meeting.start', { id: id(), clientId: s.client })).id;
  s.othersMeeting = (await make('meeting.start', { id: id(), clientId: s.other })).id;
  const ended = await make('meeting.start', { id: id(), clientId: s.client });
  s.ended = ended.id;
  endedStartedAt = ended.at;
  s.closedOutcome = id();
  await make('offer.outcome', { ...(ABOUT_CLIENT['offer.outcome']!(s.client) as object), id: s.closedOutcome, meetingId: s.ended });
  await make('meeting.end', { id: s.ended });
  const v1 = advice(1, null, content(s.ended, endedStartedAt));
  v1Hash = v1.contentHash;
  await make('advice.create', v1);
  s.task = (await make('task.add', ABOUT_CLIENT['task.add']!(s.client) as Record<string, unknown>)).id;
  s.appointment = (await make('appointment.plan', ABOUT_CLIENT['appointment.plan']!(s.client) as Record<string, unknown>)).id;
  s.cancelledAppointment = (await make('appointment.plan', ABOUT_CLIENT['appointment.plan']!(s.client) as Record<string, unknown>)).id;
  await make('appointment.cancel', { id: s.cancelledAppointment });
  for (const k of ['mandate', 'revoked', 'mergedCap', 'mergedDates'] as const) {
    s[k] = (await make('mandate.grant', { id: id(), clientId: s.client, ...mandateTerms }, backDated(3))).id;
  }
  await make('mandate.revoke', { id: s.revoked });
  s.future = (await make('mandate.grant', { id: id(), clientId: s.client, ...mandateTerms, validFrom: day(30) })).id;
  s.spent = (await make('mandate.grant', { id: id(), clientId: s.client, ...mandateTerms })).id;
  const spent = purchase(s.spent, ['travel_cancellation']);
  s.purchase = (spent.args as { id: string }).id;
  await w.pushApplied(spent);
  s.alert = await insertAlert(t.db, { clientId: s.client, hlc: w.stamp(), at: t.clock.now().getTime() });
  s.othersAlert = await insertAlert(t.db, { clientId: s.other, hlc: w.stamp(), at: t.clock.now().getTime() });
  // Changed a day ago, after the tampered push's back-dated stamp: these fields keep their values in a merge.
  await make('mandate.update', { id: s.mergedCap, patch: { perPurchaseCapCents: 3000 }, expected: { perPurchaseCapCents: 4000 } }, backDated(1));
  await make('mandate.update', { id: s.mergedDates, patch: { validFrom: '2026-06-01' } }, backDated(1));
  const conclusion = (source: 'rule' | 'advisor') => ({
    ...(ABOUT_CLIENT['conclusion.record']!(s.client) as object), id: id(), source, ...(source === 'advisor' ? { reason: 'Kennt die Kundin gut' } : {}),
  });
  s.ruleConclusion = (await make('conclusion.record', conclusion('rule'))).id;
  s.advisorConclusion = (await make('conclusion.record', conclusion('advisor'))).id;
  s.rejectedConclusion = (await make('conclusion.record', conclusion('rule'))).id;
  await make('conclusion.review', { id: s.rejectedConclusion, status: 'rejected' });
  s.holding = (await make('holding.add', ABOUT_CLIENT['holding.add']!(s.client) as Record<string, unknown>)).id;
  // An erased client whose advice record is kept restricted: what a disclosure may name.
  s.erased = (await make('client.create', newClient())).id;
  const erasedMeeting = await make('meeting.start', { id: id(), clientId: s.erased });
  await make('advice.create', advice(1, null, content(erasedMeeting.id, erasedMeeting.at), erasedMeeting.id));
  await make('client.erase', { id: s.erased });
  await retailSetup();
});

/** The retailer's clients, a sale, and requests in every state a sale can meet. */
async function retailSetup() {
  r = workstation(t, await t.device('Rita Reiter', ['retailer']));
  await setRetailer(t.db, r.user.id, 'retailer_oeko_haus', t.clock.now());
  const maker_ = await t.person('Hanna Hersteller', ['manufacturer']);
  maker = { id: maker_.id, roles: maker_.roles };
  const make = async (m: PushedMutation) => { await r.pushApplied(m); return (m.args as { id: string }).id; };
  for (const k of ['shop', 'otherShop', 'shopDeleted'] as const) s[k] = await make(r.raw('client.create', newClient('Jonas', 'Brandt')));
  await make(r.raw('client.delete', { id: s.shopDeleted }));
  const proposed = sale(1240, { reason: null });
  await r.pushApplied(proposed);
  s.shopHolding = (proposed.args as { holdingId: string }).holdingId;
  const decide = async (approvalId: string, verdict: 'approved' | 'declined', at = t.clock.now()) => {
    expect(await decideApproval(t.db, maker, { id: approvalId, decision: verdict, note: verdict === 'declined' ? 'Zu weit über der Spanne.' : null }, at))
      .toEqual({ status: 'applied' });
  };
  s.pending = await make(request(1600));
  s.declined = await make(request(1700));
  await decide(s.declined, 'declined');
  // Asked and approved 20 days ago: the approval ran out 6 days ago.
  const past = t.clock.now().getTime() - 20 * DAY;
  s.expired = await make(r.raw('approval.request', { id: id(), ...priced(1800) }, { at: past, hlc: r.stamp(past) }));
  await decide(s.expired, 'approved', new Date(past));
  s.approved = await make(request(1900));
  await decide(s.approved, 'approved');
  // 8 € for the household contents cover, below its floor of 9.30 €, approved for the shop's client.
  s.otherProduct = await make(request(800, { productId: 'household_contents' }));
  await decide(s.otherProduct, 'approved');
  s.othersApproval = await make(request(1000, { clientId: s.otherShop }));
  await decide(s.othersApproval, 'approved');
}
afterAll(async () => { await t?.dispose(); });

/** The kinds the retailer's device pushes. */
const RETAIL: ReadonlySet<string> = new Set(['sale.record', 'approval.request']);
const RULES = Object.entries(MUTATION_RULES).flatMap(([name, rules]) => Object.entries(rules).map(([rule, code]) => [name as MutationName, rule, code] as const));

describe('a tampered device', () => {
  it('every rule of every mutation has a tampered case here', () => {
    const cases = CASES as Record<string, Record<string, Case>>;
    expect(RULES.filter(([name, rule]) => !cases[name]?.[rule]).map(([name, rule]) => `${name}: ${rule}`)).toEqual([]);
    expect(RULES.length).toBeGreaterThan(70);
  });

  it.each(RULES)('%s breaking %s: refused with %s, and nothing on the backend changed', async (name, rule, code) => {
    const before = await everything();
    const m = (CASES as Record<string, Record<string, Case>>)[name]![rule]!();
    expect(m.name).toBe(name);
    const refused = { status: 'rejected', code, message: expect.stringMatching(/\. Nothing was changed\.$|^No such client\.$/) };
    if (name === 'approval.decide') {
      // Only the console decides, as a manufacturer's person: its path meets the same rules.
      expect(await decideApproval(t.db, maker, m.args as never, t.clock.now())).toEqual(refused);
    } else {
      const device = RETAIL.has(name) ? r : w;
      const { status, body } = await device.push([m]);
      expect(status).toBe(200);
      expect(body.results).toEqual([{ seq: m.seq, ...refused }]);
    }
    expect(await everything()).toEqual(before);
  });
});

describe('the manufacturer\'s decision, pushed by a device', () => {
  it('a retailer pushing approval.decide on its own request is refused by role, and the request stays pending', async () => {
    const before = await everything();
    const m = r.raw('approval.decide', { id: s.pending, decision: 'approved' });
    const { body } = await r.push([m]);
    expect(body.results).toEqual([{ seq: m.seq, status: 'rejected', code: 'role_not_allowed', message: expect.stringContaining('manufacturer') }]);
    expect(await everything()).toEqual(before);
  });
});

describe('what the same rules let through', () => {
  it('a sale at the price the manufacturer approved, for that client and product, within 14 days', async () => {
    await r.pushApplied(sale(1900, { approvalId: s.approved }));
  });

  it('a product only an older published catalogue had is still recorded, and a current one in a running meeting', async () => {
    await w.pushApplied(
      withArgs('holding.add', { productId: 'retired_cover' }),
      withArgs('offer.outcome', { meetingId: s.running, segment: 'cautious_self_searcher' }),
    );
  });

  it('the back-dated mandate change with amounts that fit the merged terms is applied', async () => {
    await w.pushApplied(w.raw('mandate.update', {
      id: s.mergedCap, patch: { budgetCents: 3000, perPurchaseCapCents: 3000 }, expected: { budgetCents: 5000, perPurchaseCapCents: 3000 },
    }, backDated(2)));
    const [row] = await t.db.select().from(records).where(sql`${records.id} = ${s.mergedCap}`);
    expect(row!.fields).toMatchObject({ budgetCents: 3000, perPurchaseCapCents: 3000 });
  });
});
