// What the coach's screens read and write through the contract, over a real
// encrypted book: the client rejecting an alert's conclusion is kept as their
// word on that life event (what the backend's rule 2 reads), a purchase is on
// the timeline by product names and takes from the budget, bad input is
// refused by name, and a workstation enrolled before set-up keeps working in
// the backend's name.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '#core/hlc.ts';
import { berlinDay } from '#core/dates.ts';
import { writeSyncedState } from '#db/records.ts';
import { openTestRouter, type Workstation } from '../support/router.ts';

let t: ReturnType<typeof openTestRouter>['t'];
let rpc: Workstation;
let clientId: string;

beforeEach(async () => {
  ({ t, rpc } = openTestRouter());
  clientId = (await rpc.clients.create({ firstName: 'Anna', lastName: 'Weber' })).id;
});
afterEach(() => t.close());

const consent = (purpose: 'profiling' | 'contact', granted = true) => rpc.consents.record({ clientId, purpose, granted, method: 'verbal' });

/** An alert as sync brings it from the backend, for this test book's coach. */
function alertArrives(event = 'travel_planned'): string {
  const id = uuidv7();
  const now = Date.now();
  const fields = {
    clientId, coachId: t.store.userId, event, signal: `s-${id}`, signals: [{ id: `s-${id}`, evidence: 'Flugbuchung im Kalender', observedAt: new Date(now).toISOString(), eventDate: null }],
    offers: ['bundle_trip'], argumentStyle: 'convenience', reaction: 'buy_under_mandate', rulesVersion: '1', status: 'open', snoozedUntil: null,
    outcome: null, dismissReason: null, note: null, createdAt: now, doneAt: null, doneBy: null,
  };
  const hlc = formatHlc({ wall: now, counter: 0, node: 'backend' });
  writeSyncedState(t.store.db, 'alerts', id, { fields, stamps: Object.fromEntries(Object.keys(fields).map((k) => [k, hlc])) }, now);
  return id;
}

const lifeEvents = async () => (await rpc.segments.state({ clientId })).conclusions.filter((c) => c.kind === 'life_event');

describe('the client rejects an alert’s conclusion', () => {
  it('is kept as their word on that life event, once, and the alert is done', async () => {
    await consent('profiling');
    const first = alertArrives();
    await rpc.alerts.rejectConclusion({ alertId: first });
    expect(await lifeEvents()).toMatchObject([{ value: 'travel_planned', status: 'rejected', source: 'rule', ruleSetVersion: 'alert_rules.v1' }]);
    // Another alert about the same event, rejected too: the one rejection stands, no second record.
    await rpc.alerts.rejectConclusion({ alertId: alertArrives() });
    expect(await lifeEvents()).toHaveLength(1);
    const done = await rpc.alerts.inbox({ filter: 'done', lang: 'de' });
    expect(done.alerts.map((a) => a.outcome)).toEqual(['conclusion_rejected', 'conclusion_rejected']);
    expect(done.counts.open).toBe(0);
  });

  it('rejects a life event the client page already lists rather than recording it again', async () => {
    await consent('profiling');
    await rpc.alerts.rejectConclusion({ alertId: alertArrives('moving') });
    const [before] = await lifeEvents();
    await rpc.alerts.rejectConclusion({ alertId: alertArrives('moving') });
    expect((await lifeEvents()).map((c) => c.id)).toEqual([before!.id]);
  });

  it('still closes the alert without consent to profiling, recording no conclusion about the client', async () => {
    const id = alertArrives();
    await rpc.alerts.rejectConclusion({ alertId: id });
    expect(await lifeEvents()).toEqual([]);
    expect((await rpc.alerts.inbox({ filter: 'done', lang: 'en' })).alerts[0]).toMatchObject({ id, outcome: 'conclusion_rejected' });
  });

  it('refuses an alert that does not exist, by name', async () => {
    await expect(rpc.alerts.rejectConclusion({ alertId: uuidv7() })).rejects.toMatchObject({ data: { problems: [{ field: 'alert', code: 'not_found' }] } });
  });
});

describe('a purchase under the mandate', () => {
  let mandateId: string;
  beforeEach(async () => {
    mandateId = (await rpc.mandates.grant({
      id: uuidv7(), clientId, budgetCents: 10_000, period: 'month', areas: ['travel', 'mobility'], perPurchaseCapCents: 6_000, validFrom: berlinDay(Date.now()), validUntil: null,
    })).id;
  });

  it('is on the timeline by its products’ names in both languages, with its price, and the budget left falls', async () => {
    const purchase = await rpc.purchases.make({ mandateId, items: ['bundle_trip'] });
    const { timeline } = await rpc.clients.get({ id: clientId });
    const entry = timeline.find((tp) => tp.id === purchase.id);
    expect(entry).toMatchObject({
      kind: 'purchase',
      purchase: { priceCents: 4_600, items: [{ id: 'travel_cancellation', name: { en: 'Trip cancellation' } }, { id: 'travel_health_abroad', name: { de: 'Auslandsreise-Krankenversicherung' } }] },
    });
    const { purchases, budgets } = await rpc.purchases.ofClient({ clientId });
    expect(purchases.map((p) => p.id)).toEqual([purchase.id]);
    expect(budgets).toMatchObject([{ mandateId, spentCents: 4_600, leftCents: 5_400 }]);
  });

  it('is refused above the cap with both figures, and nothing is bought', async () => {
    await expect(rpc.purchases.make({ mandateId, items: ['bundle_trip', 'car_short_term'], days: 3 }))
      .rejects.toMatchObject({ data: { problems: [{ code: 'over_cap', params: { price: 7_300, cap: 6_000 } }] } });
    expect((await rpc.purchases.ofClient({ clientId })).purchases).toEqual([]);
  });

  it('offers the trip bundle’s price for one period in the inbox: one-off, as its products', async () => {
    alertArrives();
    const [alert] = (await rpc.alerts.inbox({ lang: 'de' })).alerts;
    expect(alert!.offers[0]).toMatchObject({ id: 'bundle_trip', priceCents: 4_600, pricePeriod: 'once', withinMandate: true });
  });
});

describe('acting on an alert with bad input', () => {
  it('refuses a snooze to today or earlier and a dismissal for another reason without a note, naming the field', async () => {
    const id = alertArrives();
    await expect(rpc.alerts.snooze({ id, until: berlinDay(Date.now()) })).rejects.toMatchObject({ data: { problems: [{ field: 'until', code: 'date_too_early' }] } });
    await expect(rpc.alerts.dismiss({ id, reason: 'other' })).rejects.toMatchObject({ data: { problems: [{ field: 'note', code: 'required' }] } });
    await expect(rpc.alerts.contact({ alertId: id, touchpoint: { kind: 'call', channel: 'phone', occurredAt: Date.now(), summary: ' ' } }))
      .rejects.toMatchObject({ data: { problems: [{ code: 'required' }] } });
    expect((await rpc.alerts.inbox({ lang: 'de' })).counts).toMatchObject({ open: 1, snoozed: 0, done: 0 });
  });
});

describe('set-up on a workstation already enrolled', () => {
  it('keeps making changes in the name the backend knows the person by', async () => {
    const fresh = openTestRouter();
    try {
      fresh.t.store.writeState('backend_user_id', 'backend-user-1');
      fresh.t.store.writeState('device_token', 'token');
      fresh.t.store.userId = 'backend-user-1';
      await fresh.rpc.session.setup({ displayName: 'Clara Vogt', roles: ['life_coach'], locale: 'de', demoBook: false });
      expect(fresh.t.store.userId).toBe('backend-user-1');
    } finally {
      fresh.t.close();
    }
  });
});
