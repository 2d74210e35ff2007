// What the client's consent gates, on the device and offline: without consent
// to contact no offer is proposed, no outcome of a proposal and no contacting
// reaction to an alert is kept; without consent to profiling no conclusion is
// drawn and none drawn before is used. A withdrawal takes effect with the very
// next call; nothing here syncs. The backend's side: backend/consent-rules.test.ts.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rankOffersExplained, type OfferRequest } from '#core/offers/index.ts';
import type { ConsentPurpose } from '#core/consent.ts';
import type { SegmentId } from '#core/segments/index.ts';
import { bulkLoad } from '#db/bulk.ts';
import { openTestRouter } from '../support/router.ts';

let t: ReturnType<typeof openTestRouter>['t'];
let rpc: ReturnType<typeof openTestRouter>['rpc'];
let clientId = '';
let meetingId = '';
beforeEach(async () => {
  ({ t, rpc } = openTestRouter());
  clientId = (await rpc.clients.create({ firstName: 'Petra', lastName: 'Weber' })).id;
  meetingId = (await rpc.meetings.start({ clientId })).id;
});
afterEach(() => t.close());

const consent = (purpose: ConsentPurpose, granted: boolean) => rpc.consents.record({ clientId, purpose, granted, method: 'verbal' });
const count = (table: string) => (t.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const saved = () => ({ outcomes: count('offer_outcomes'), touchpoints: count('touchpoints'), outbox: count('outbox'), alertsDone: count("alerts WHERE status = 'done'") });

/** The offers panel's ranking, as the renderer runs it from what the device hands over. */
async function panel(segment?: SegmentId) {
  const i = await rpc.offers.inputs({ clientId, meetingId });
  return rankOffersExplained({
    profile: { purchase_driver: 'convenience', life_events: ['moving'] }, owned: i.owned, consent: i.consent, mandate: i.mandate,
    catalogue: i.catalogue, ruleSet: i.ruleSet, propensities: i.propensities as OfferRequest['propensities'], lang: 'de',
    ...(segment ? { segment } : {}),
  });
}

const outcome = () => rpc.offers.outcome({
  id: uuidv7(), clientId, meetingId, offerId: 'household_contents', offerKind: 'base', outcome: 'postponed', reasonCode: 'wrong_timing', segment: null, summary: 'Hausrat später',
});

/** An alert as the backend makes it, pulled onto this device, for this device's coach. */
function arrives(offers = ['bundle_moving', 'household_contents']): string {
  const id = uuidv7();
  const at = Date.now();
  bulkLoad(t.store.sqlite, {
    alerts: [{
      id, updatedAt: at, hlc: `${at}`, clientId, coachId: t.store.userId, event: 'moving', signal: `s-${id}`,
      signals: [{ id: `s-${id}`, evidence: 'drei Umzugsangebote im Postfach', observedAt: new Date(at).toISOString(), eventDate: null }],
      offers, argumentStyle: 'convenience', reaction: 'propose', rulesVersion: '1', status: 'open', snoozedUntil: null, createdAt: at,
    }],
  });
  return id;
}
const inboxAlert = async (id: string) => (await rpc.alerts.inbox({ filter: 'open', urgentOnly: false, lang: 'de' })).alerts.find((a) => a.id === id)!;

describe('consent to contact', () => {
  it('without it the meeting proposes no offer and says why; with it, it does', async () => {
    const none = await panel();
    expect(none.offers).toEqual([]);
    expect(none.notice).toMatch(/^Keine Einwilligung zur Kontaktaufnahme: keine Angebote/);
    await consent('contact', true);
    const some = await panel();
    expect(some.offers.length).toBeGreaterThan(0);
    expect(some.notice ?? '').not.toMatch(/Kontaktaufnahme/);
  });

  it('without it an offer outcome is refused and nothing is kept; with it, it is saved', async () => {
    const before = saved();
    await expect(outcome()).rejects.toMatchObject({ data: { problems: [{ field: 'contact', code: 'consent_missing' }] } });
    expect(saved()).toEqual(before);
    await consent('contact', true);
    await outcome();
    expect(count('offer_outcomes')).toBe(before.outcomes + 1);
  });

  it('without it the coach can neither contact the client nor propose about an alert, keeps no touchpoint of it, and sees no offer to propose', async () => {
    const id = arrives();
    const view = await inboxAlert(id);
    expect(view).toMatchObject({ contactConsent: false, offers: [], argument: null });
    const before = saved();
    await expect(rpc.alerts.contact({ alertId: id, touchpoint: { kind: 'call', channel: 'phone', occurredAt: Date.now(), summary: 'Umzug besprochen' } as never }))
      .rejects.toMatchObject({ data: { problems: [{ code: 'consent_missing' }] } });
    await expect(rpc.alerts.propose({ alertId: id, outcome: { offerId: 'bundle_moving', offerKind: 'bundle', outcome: 'postponed', reasonCode: 'wrong_timing', summary: 'Umzugspaket später' } }))
      .rejects.toMatchObject({ data: { problems: [{ code: 'consent_missing' }] } });
    expect(saved()).toEqual(before);
    // The client's word on the conclusion reaches nobody: it needs no consent to contact.
    await rpc.alerts.rejectConclusion({ alertId: id });
    expect(count("alerts WHERE status = 'done'")).toBe(before.alertsDone + 1);
  });

  it('with it the coach contacts the client; withdrawn, the next call is refused at once, offline, and the offers go', async () => {
    await consent('contact', true);
    const [first, second] = [arrives(), arrives()];
    expect((await inboxAlert(second)).offers.map((o) => o.id)).toEqual(['bundle_moving', 'household_contents']);
    await rpc.alerts.contact({ alertId: first, touchpoint: { kind: 'call', channel: 'phone', occurredAt: Date.now(), summary: 'Umzug besprochen' } as never });
    expect((await panel()).offers.length).toBeGreaterThan(0);

    await consent('contact', false);
    expect((await panel()).offers).toEqual([]);
    expect((await inboxAlert(second)).offers).toEqual([]);
    const before = saved();
    await expect(outcome()).rejects.toMatchObject({ data: { problems: [{ code: 'consent_missing' }] } });
    await expect(rpc.alerts.contact({ alertId: second, touchpoint: { kind: 'call', channel: 'phone', occurredAt: Date.now(), summary: 'Noch einmal' } as never }))
      .rejects.toMatchObject({ data: { problems: [{ code: 'consent_missing' }] } });
    expect(saved()).toEqual(before);
  });

  it('without it an alert still offers what the mandate covers: buying under it contacts nobody', async () => {
    await t.store.mutate('mandate.grant', { id: uuidv7(), clientId, budgetCents: 50_000, period: 'month', areas: ['household'], perPurchaseCapCents: 20_000, validFrom: '2020-01-01' });
    const id = arrives();
    const view = await inboxAlert(id);
    expect(view.offers.map((o) => [o.id, o.withinMandate])).toEqual([['household_contents', true]]);
  });
});

describe('objection to profiling', () => {
  it('no conclusion is drawn, and none drawn before is used by the offers, even the advisor\'s own', async () => {
    await consent('contact', true);
    await consent('profiling', true);
    await rpc.segments.override({ clientId, segment: 'brand_identity_seeker', reason: 'Kenne die Familie seit Jahren.' });
    expect((await panel('brand_identity_seeker')).segment).toBe('brand_identity_seeker');
    const drawn = count('conclusions');

    await consent('profiling', false);
    expect((await rpc.segments.state({ clientId })).profiling).toBe(false);
    const ranked = await panel('brand_identity_seeker');
    expect(ranked.segment).toBeNull();
    expect(ranked.profiling).toBe(false);
    expect(ranked.offers.flatMap((o) => o.why).some((r) => r.code === 'life_event' || r.code.startsWith('segment'))).toBe(false);
    // Answers keep being saved, but draw nothing.
    await rpc.answers.set({ clientId, meetingId, attribute: 'purchase_driver', value: 'identity', answeredBy: 'client' });
    await rpc.answers.set({ clientId, meetingId, attribute: 'identity_expression', value: 'brand', answeredBy: 'client' });
    await new Promise((r) => setTimeout(r, 50));
    expect(count('conclusions')).toBe(drawn);
  });
});

describe('the consent history', () => {
  it('says who recorded each consent by name, never by id: this device\'s person, a colleague it knows, or someone it does not', async () => {
    await consent('contact', true);
    const at = Date.now() + 1000;
    // Recorded on other devices and pulled: by the coach the client is shared with, and by someone this device has no name for.
    t.store.sqlite.prepare("UPDATE clients SET shared_with = ? WHERE id = ?").run(JSON.stringify([{ userId: 'coach-1', displayName: 'Clara Coach' }]), clientId);
    bulkLoad(t.store.sqlite, {
      consents: [
        { id: uuidv7(), updatedAt: at, hlc: `${at}`, clientId, purpose: 'contact', granted: false, method: 'written', note: null, recordedAt: at, recordedBy: 'coach-1' },
        { id: uuidv7(), updatedAt: at, hlc: `${at}`, clientId, purpose: 'assistant_data', granted: true, method: 'app', note: null, recordedAt: at - 500, recordedBy: 'stranger' },
      ],
    } as never);
    const { consentHistory, consent: inForce } = await rpc.clients.get({ id: clientId });
    expect(inForce.contact).toBe(false);
    expect(consentHistory.map((h) => [h.purpose, h.granted, h.recordedByMe, h.recordedByName])).toEqual([
      ['contact', false, false, 'Clara Coach'],
      ['assistant_data', true, false, null],
      ['contact', true, true, null],
    ]);
  });
});
