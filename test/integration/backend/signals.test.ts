// Signals become alerts (coach.md): what an assistant posts to /v1/signals
// reaches the client's coach by sync as an alert with its evidence when the
// rules keep it, and leaves nothing but a count when they drop it.
import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantClientAccess } from '#backend/access.ts';
import { publishAlertRules } from '#backend/alert-rules.ts';
import { ALERT_RULES_V1 } from '#core/coach/alert-rules.ts';
import { manufacturerResponse } from '#core/manufacturer.ts';
import { records, signals } from '#backend/db/schema.ts';
import { assistant, alertsOf, changesOf, clientWith, countsOf, storedSignals } from './signals-support.ts';
import { DAY, fieldsOf, workstation, type Workstation } from './sync-support.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
let anna: Workstation;
let clara: Workstation;
beforeAll(async () => {
  t = await testBackend();
  anna = workstation(t, await t.device('Anna Berger', ['advisor']));
  clara = workstation(t, await t.device('Clara Coach', ['life_coach']));
});
afterAll(async () => { await t?.dispose(); });

describe('with the client’s consent', () => {
  it('makes an alert that reaches the coach’s device by pull, with its evidence, offers and reaction', async () => {
    const a = await assistant(t);
    const clientId = await clientWith(t, anna, ['assistant_data', 'contact'], [clara.user.id]);
    const s = a.signal('moving', { event_date: '2026-03-10' });
    const { status, body } = await a.send({ batch: [{ client: clientId, signals: [s] }] });
    expect(status).toBe(200);
    expect(body).toMatchObject({ kept: 1, merged: 0, resent: 0, dropped: {}, alerts: [expect.any(String)] });
    const alertId = body.alerts[0]!;
    // A UUIDv7 of now, like the ids devices make.
    expect(alertId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(alertId.replace(/-/g, '').slice(0, 12), 16)).toBe(t.clock.now().getTime());
    expect(body.signals).toEqual([{ client: clientId, signal: s.id, outcome: 'alert', alert: alertId }]);

    await clara.pullAll();
    const pulled = await clara.pull({ from: null });
    const alert = fieldsOf(pulled.body.records, 'alerts', alertId);
    expect(alert).toMatchObject({
      clientId, coachId: clara.user.id, event: 'moving', signal: s.id,
      signals: [{ id: s.id, evidence: s.evidence, observedAt: s.observed_at, eventDate: '2026-03-10' }],
      reaction: 'propose', rulesVersion: '1', status: 'open', snoozedUntil: null, outcome: null, dismissReason: null, note: null,
      createdAt: t.clock.now().getTime(), doneAt: null, doneBy: null, deletedAt: null,
    });
    // The event's bundle first, at most three, nothing for another event.
    expect((alert!.offers as string[])[0]).toBe('bundle_moving');
    expect((alert!.offers as string[]).length).toBeLessThanOrEqual(3);
    // Stamped by the backend, like every change it makes itself.
    const stamps = pulled.body.records.find((r) => r.id === alertId)!.state!.stamps;
    expect(Object.values(stamps).every((st) => st.endsWith(':backend'))).toBe(true);

    const kept = await storedSignals(t, clientId);
    expect(kept).toMatchObject([{ signalId: s.id, integrationId: a.id, kind: 'moving', eventDate: '2026-03-10', evidence: s.evidence, alertId, confidence: 0.8 }]);
    expect(await countsOf(t, a.id)).toEqual({ alert: 1 });
  });

  it('adds a later signal’s evidence to the open alert of that event instead of making a second one', async () => {
    const a = await assistant(t);
    const clientId = await clientWith(t, anna, ['assistant_data'], [clara.user.id]);
    const first = a.signal('moving');
    const made = await a.send({ batch: [{ client: clientId, signals: [first] }] });
    const alertId = made.body.alerts[0]!;
    const [before] = await alertsOf(t, clientId);

    t.clock.advance(3 * DAY);
    const second = a.signal('moving', { event_date: '2026-03-20' });
    const { body } = await a.send({ batch: [{ client: clientId, signals: [second] }] });
    expect(body).toMatchObject({ kept: 1, merged: 1, alerts: [], dropped: {} });
    expect(body.signals).toEqual([{ client: clientId, signal: second.id, outcome: 'merged', alert: alertId, merged_into: first.id }]);

    const [after, ...none] = await alertsOf(t, clientId);
    expect(none).toEqual([]);
    expect(after!.fields.signals).toEqual([
      { id: first.id, evidence: first.evidence, observedAt: first.observed_at, eventDate: null },
      { id: second.id, evidence: second.evidence, observedAt: second.observed_at, eventDate: '2026-03-20' },
    ]);
    // Only the evidence changed, with a newer stamp: a coach's edit of anything else merges untouched.
    const { signals: newStamp, ...rest } = after!.stamps;
    const { signals: oldStamp, ...restBefore } = before!.stamps;
    expect(rest).toEqual(restBefore);
    expect(newStamp! > oldStamp!).toBe(true);
    expect(await changesOf(t, alertId)).toHaveLength(2);
    expect((await storedSignals(t, clientId)).map((r) => [r.signalId, r.alertId])).toEqual([[first.id, alertId], [second.id, alertId]]);
    expect(await countsOf(t, a.id)).toEqual({ alert: 1, duplicate: 1 });
  });

  it('makes one alert from several signals of one event in a batch, the earliest observed first', async () => {
    const a = await assistant(t);
    const clientId = await clientWith(t, anna, ['assistant_data'], [clara.user.id]);
    const later = a.signal('new_job');
    const earlier = a.signal('new_job', { observed_at: new Date(t.clock.now().getTime() - 5 * DAY).toISOString() });
    const other = a.signal('travel_planned');
    const { body } = await a.send({ batch: [{ client: clientId, signals: [later, earlier, other] }] });
    expect(body).toMatchObject({ kept: 3, merged: 1, dropped: {} });
    expect(body.alerts).toHaveLength(2);
    const alerts = await alertsOf(t, clientId);
    const job = alerts.find((r) => r.fields.event === 'new_job')!;
    expect(job.fields.signal).toBe(earlier.id);
    expect((job.fields.signals as { id: string }[]).map((s) => s.id)).toEqual([earlier.id, later.id]);
    expect(body.signals[0]).toEqual({ client: clientId, signal: later.id, outcome: 'merged', alert: job.id, merged_into: earlier.id });
    expect(await countsOf(t, a.id)).toEqual({ alert: 2, duplicate: 1 });
  });

  it('makes one alert when three requests about one client and event arrive at once', async () => {
    const a = await assistant(t);
    const clientId = await clientWith(t, anna, ['assistant_data'], [clara.user.id]);
    for (let round = 0; round < 5; round++) {
      const event = (['moving', 'new_job', 'new_car', 'new_home', 'travel_planned'] as const)[round]!;
      const answers = await Promise.all([1, 2, 3].map(() => a.send({ batch: [{ client: clientId, signals: [a.signal(event)] }] })));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(answers.flatMap((r) => r.body.alerts)).toHaveLength(1);
      const made = (await alertsOf(t, clientId)).filter((r) => r.fields.event === event);
      expect(made).toHaveLength(1);
      expect(made[0]!.fields.signals).toHaveLength(3);
    }
  });

  it('recognises a signal sent again by the same integration: not stored twice, no second evidence', async () => {
    const a = await assistant(t);
    const clientId = await clientWith(t, anna, ['assistant_data'], [clara.user.id]);
    const s = a.signal('travel_planned');
    const first = await a.send({ batch: [{ client: clientId, signals: [s] }] });
    const again = await a.send({ batch: [{ client: clientId, signals: [s] }] });
    expect(again.body).toMatchObject({ kept: 0, alerts: [], merged: 0, resent: 1 });
    expect(again.body.signals).toEqual([{ client: clientId, signal: s.id, outcome: 'resent', alert: first.body.alerts[0] }]);
    const [alert, ...none] = await alertsOf(t, clientId);
    expect(none).toEqual([]);
    expect(alert!.fields.signals).toHaveLength(1);
    expect(await storedSignals(t, clientId)).toHaveLength(1);
    // Another assistant may use the same id for its own signal: it adds its evidence.
    const b = await assistant(t, 'Second assistant');
    expect((await b.send({ batch: [{ client: clientId, signals: [s] }] })).body).toMatchObject({ kept: 1, merged: 1 });
    expect(await countsOf(t, a.id)).toEqual({ alert: 1, resent: 1 });
  });

  it('makes the alert for the coach of the mandate in force, and suggests buying when the first offer fits it', async () => {
    const a = await assistant(t);
    const dora = workstation(t, await t.device('Dora Coach', ['life_coach']));
    const clientId = await clientWith(t, anna, ['assistant_data', 'contact'], [clara.user.id, dora.user.id]);
    await dora.pushApplied(dora.mutation('mandate.grant', {
      id: uuidv7(), clientId, budgetCents: 20_000, period: 'month', areas: ['travel'], perPurchaseCapCents: 10_000, validFrom: '2026-01-01',
    }));
    const { body } = await a.send({ batch: [{ client: clientId, signals: [a.signal('travel_planned')] }] });
    const [alert] = await alertsOf(t, clientId);
    expect(alert!.id).toBe(body.alerts[0]);
    expect(alert!.fields).toMatchObject({ coachId: dora.user.id, reaction: 'buy_under_mandate' });
    expect((alert!.fields.offers as string[])[0]).toBe('bundle_trip');
  });

  it('counts what the mandate has spent this period: with too little left, suggests proposing instead', async () => {
    const a = await assistant(t);
    const dora = workstation(t, await t.device('Dora Zweite', ['life_coach']));
    const clientId = await clientWith(t, anna, ['assistant_data', 'contact'], [dora.user.id]);
    const mandateId = uuidv7();
    await dora.pushApplied(dora.mutation('mandate.grant', {
      id: mandateId, clientId, budgetCents: 10_000, period: 'month', areas: ['travel'], perPurchaseCapCents: 6_000, validFrom: '2026-01-01',
    }));
    // Two package covers at 49 euros: 2 euros left this month, less than the trip bundle's 46.
    for (let i = 0; i < 2; i++) {
      await dora.pushApplied(dora.mutation('purchase.make', { id: uuidv7(), clientId, mandateId, items: ['travel_package_cover'], holdingIds: [uuidv7()] }));
    }
    await a.send({ batch: [{ client: clientId, signals: [a.signal('new_job'), a.signal('travel_planned')] }] });
    const trip = (await alertsOf(t, clientId)).find((r) => r.fields.event === 'travel_planned');
    expect(trip!.fields).toMatchObject({ coachId: dora.user.id, reaction: 'propose' });
  });

  it('without a mandate, is for the coach the client was shared with, before an owner who is a coach too', async () => {
    const a = await assistant(t);
    const both = workstation(t, await t.device('Ben Beides', ['advisor', 'life_coach']));
    const shared = await clientWith(t, both, ['assistant_data'], [clara.user.id]);
    const own = await clientWith(t, both, ['assistant_data']);
    await a.send({ batch: [{ client: shared, signals: [a.signal('moving')] }, { client: own, signals: [a.signal('moving')] }] });
    expect((await alertsOf(t, shared))[0]!.fields.coachId).toBe(clara.user.id);
    expect((await alertsOf(t, own))[0]!.fields.coachId).toBe(both.user.id);
  });

  it('without a coach among those with access, still makes the alert, for nobody in particular', async () => {
    const a = await assistant(t);
    const clientId = await clientWith(t, anna, ['assistant_data']);
    await a.send({ batch: [{ client: clientId, signals: [a.signal('moving')] }] });
    const [alert] = await alertsOf(t, clientId);
    expect(alert!.fields).toMatchObject({ coachId: null, reaction: 'note_only' });
  });
});

describe('dropped by the rules: no alert, nothing stored, counted per reason', () => {
  /** Posts and checks that nothing of the client was stored; returns the answer. */
  async function dropped(clientId: string, signal: Record<string, unknown>, a: Awaited<ReturnType<typeof assistant>>) {
    const alertsBefore = await alertsOf(t, clientId);
    const { status, body } = await a.send({ batch: [{ client: clientId, signals: [signal] }] });
    expect(status).toBe(200);
    expect(body).toMatchObject({ kept: 0, alerts: [], merged: 0 });
    expect(await alertsOf(t, clientId)).toEqual(alertsBefore);
    expect(await t.db.select().from(signals).where(eq(signals.signalId, String(signal.id)))).toEqual([]);
    return body;
  }

  it('without the consent for assistant data in force (also once withdrawn)', async () => {
    const a = await assistant(t);
    const none = await clientWith(t, anna, ['contact', 'profiling'], [clara.user.id]);
    const s = a.signal('moving');
    expect((await dropped(none, s, a)).signals).toEqual([{ client: none, signal: s.id, outcome: 'dropped', reason: 'no_consent' }]);
    const withdrawn = await clientWith(t, anna, ['assistant_data'], [clara.user.id]);
    t.clock.advance(60_000);
    await anna.pushApplied(anna.mutation('consent.record', { id: uuidv7(), clientId: withdrawn, purpose: 'assistant_data', granted: false, method: 'verbal' }));
    expect((await dropped(withdrawn, a.signal('moving'), a)).dropped).toEqual({ no_consent: 1 });
    expect(await countsOf(t, a.id)).toEqual({ no_consent: 2 });
  });

  it('after the client rejected the conclusion of that life event within the last 180 days', async () => {
    const a = await assistant(t);
    const clientId = await clientWith(t, anna, ['assistant_data', 'profiling'], [clara.user.id]);
    /** The client says no to "this life event", as a device records it: a conclusion, then the client's word on it. */
    const reject = async (event: string) => {
      const id = uuidv7();
      await clara.pushApplied(
        clara.mutation('conclusion.record', { id, clientId, kind: 'life_event', value: event, inputs: {}, source: 'advisor', reason: 'from the assistant' }),
        clara.mutation('conclusion.review', { id, status: 'rejected' }),
      );
    };
    await reject('moving');
    t.clock.advance(181 * DAY);
    // Rejected longer ago than the window: a new signal counts again.
    expect((await a.send({ batch: [{ client: clientId, signals: [a.signal('moving')] }] })).body.alerts).toHaveLength(1);
    await reject('new_car');
    t.clock.advance(10 * DAY);
    expect((await dropped(clientId, a.signal('new_car'), a)).dropped).toEqual({ rejected_by_client: 1 });
  });

  it('after the coach closed an alert of that event because the client rejected it, also without consent to profiling', async () => {
    const a = await assistant(t);
    const clientId = await clientWith(t, anna, ['assistant_data'], [clara.user.id]);
    const first = await a.send({ batch: [{ client: clientId, signals: [a.signal('travel_planned')] }] });
    const [alertId] = first.body.alerts as string[];
    // Stamped by the backend's (test) clock, which earlier tests moved on: the coach's change is the newer one.
    await clara.pushApplied(clara.raw('alert.close', { id: alertId, outcome: 'conclusion_rejected' }, { hlc: clara.stamp(t.clock.now().getTime() + 1000) }));
    expect((await alertsOf(t, clientId))[0]!.fields).toMatchObject({ outcome: 'conclusion_rejected' });
    t.clock.advance(40 * DAY);
    expect((await dropped(clientId, a.signal('travel_planned'), a)).dropped).toEqual({ rejected_by_client: 1 });
  });

  it('too unsure, too old, or of a kind the product does not know', async () => {
    const a = await assistant(t);
    const clientId = await clientWith(t, anna, ['assistant_data'], [clara.user.id]);
    expect((await dropped(clientId, a.signal('moving', { confidence: 0.59 }), a)).dropped).toEqual({ low_confidence: 1 });
    const old = new Date(t.clock.now().getTime() - 90 * DAY - 60_000).toISOString();
    expect((await dropped(clientId, a.signal('moving', { observed_at: old }), a)).dropped).toEqual({ stale: 1 });
    expect((await dropped(clientId, a.signal('won_the_lottery'), a)).dropped).toEqual({ unknown_kind: 1 });
    expect(await countsOf(t, a.id)).toEqual({ low_confidence: 1, stale: 1, unknown_kind: 1 });
  });

  it('about a client the backend does not have, or erased: the same answer either way', async () => {
    const a = await assistant(t);
    const erased = await clientWith(t, anna, ['assistant_data'], [clara.user.id]);
    await a.send({ batch: [{ client: erased, signals: [a.signal('moving')] }] });
    expect(await storedSignals(t, erased)).toHaveLength(1);
    await anna.pushApplied(anna.mutation('client.erase', { id: erased }));
    expect(await storedSignals(t, erased)).toEqual([]);
    const unknown = uuidv7();
    const s1 = a.signal('moving');
    const s2 = a.signal('moving');
    const { body } = await a.send({ batch: [{ client: unknown, signals: [s1] }, { client: erased, signals: [s2] }] });
    expect(body).toMatchObject({ kept: 0, alerts: [], dropped: { unknown_client: 2 } });
    expect(body.signals).toEqual([
      { client: unknown, signal: s1.id, outcome: 'dropped', reason: 'unknown_client' },
      { client: erased, signal: s2.id, outcome: 'dropped', reason: 'unknown_client' },
    ]);
    expect(await alertsOf(t, erased)).toEqual([]);
    expect(await alertsOf(t, unknown)).toEqual([]);
  });

  it('answers a mixed batch per signal in the order sent, and counts each reason', async () => {
    const a = await assistant(t);
    const withConsent = await clientWith(t, anna, ['assistant_data'], [clara.user.id]);
    const without = await clientWith(t, anna, [], [clara.user.id]);
    const batch = [
      { client: withConsent, signals: [a.signal('moving'), a.signal('moving', { confidence: 0.1 }), a.signal('moving')] },
      { client: without, signals: [a.signal('moving')] },
    ];
    const { body } = await a.send({ batch });
    expect(body.signals.map((r) => (r.outcome === 'dropped' ? r.reason : r.outcome))).toEqual(['alert', 'low_confidence', 'merged', 'no_consent']);
    expect(body).toMatchObject({ kept: 2, merged: 1, dropped: { low_confidence: 1, no_consent: 1 } });
    expect(await countsOf(t, a.id)).toEqual({ alert: 1, duplicate: 1, low_confidence: 1, no_consent: 1 });
    // A new share of the client brings the alert to that coach too, with everything else of the client.
    const eve = workstation(t, await t.device('Eve Coach', ['life_coach']));
    await grantClientAccess(t.db, { clientId: withConsent, userId: eve.user.id, kind: 'shared' });
    const pulled = await eve.pullAll();
    expect(pulled.filter((r) => r.entity === 'alerts').map((r) => r.id)).toEqual(body.alerts);
  });
});

describe('who receives an alert', () => {
  it('only those with access to the client: another coach’s device pulls none of it', async () => {
    const a = await assistant(t);
    const clientId = await clientWith(t, anna, ['assistant_data'], [clara.user.id]);
    await a.send({ batch: [{ client: clientId, signals: [a.signal('moving')] }] });
    const stranger = workstation(t, await t.device('Sven Stranger', ['life_coach']));
    expect(await alertsOf(t, clientId)).toHaveLength(1);
    expect((await stranger.pullAll()).filter((r) => r.clientId === clientId)).toEqual([]);
  });
});

describe('published alert rules', () => {
  it('decide from the newest version on, are stored with each alert, and reach devices with the manufacturer data', async () => {
    const a = await assistant(t);
    const clientId = await clientWith(t, anna, ['assistant_data'], [clara.user.id]);
    const version = await publishAlertRules(t.db, { ...ALERT_RULES_V1, version: '2', min_confidence: 0.85 }, t.clock.now());
    const { body } = await a.send({ batch: [{ client: clientId, signals: [a.signal('moving', { confidence: 0.8 }), a.signal('new_job', { confidence: 0.9 })] }] });
    expect(body.dropped).toEqual({ low_confidence: 1 });
    expect((await alertsOf(t, clientId)).map((r) => [r.fields.event, r.fields.rulesVersion])).toEqual([['new_job', '2']]);

    const res = await t.post('/v1/manufacturer', { have: {} }, clara.token);
    const { documents } = manufacturerResponse.parse(await res.json());
    expect(documents.find((d) => d.kind === 'alert_rules')).toEqual({ kind: 'alert_rules', version, body: { ...ALERT_RULES_V1, version: '2', min_confidence: 0.85 } });
    // A device that has it is not sent it again.
    const again = manufacturerResponse.parse(await (await t.post('/v1/manufacturer', { have: { alert_rules: version } }, clara.token)).json());
    expect(again.documents.map((d) => d.kind)).not.toContain('alert_rules');
    await publishAlertRules(t.db, ALERT_RULES_V1, t.clock.now());
  });
});

describe('the life event as a conclusion the client confirms or rejects', () => {
  const lifeEvents = async (clientId: string) => (await t.db.select().from(records)
    .where(sql`${records.entity} = 'conclusions' AND ${records.clientId} = ${clientId}`)).map((r) => r.fields);

  it('is concluded with the alert under consent to profiling, reaches the coach by pull, and a rejection of it stops the next alerts for that event', async () => {
    const a = await assistant(t);
    const clientId = await clientWith(t, anna, ['assistant_data', 'profiling'], [clara.user.id]);
    await a.send({ batch: [{ client: clientId, signals: [a.signal('new_job')] }] });
    const [concluded] = await lifeEvents(clientId);
    expect(concluded).toMatchObject({ kind: 'life_event', value: 'new_job', source: 'rule', status: 'unconfirmed', ruleSetVersion: 'alert_rules.v1' });
    const pulled = await clara.pullAll();
    const record = pulled.find((r) => r.entity === 'conclusions' && r.state?.fields.value === 'new_job')!;
    expect(record).toBeDefined();
    // A second signal of the event goes to the alert; the event is not concluded twice.
    await a.send({ batch: [{ client: clientId, signals: [a.signal('new_job')] }] });
    expect(await lifeEvents(clientId)).toHaveLength(1);

    // The client rejects it on the client page: the coach's device records their word.
    await clara.pushApplied(clara.mutation('conclusion.review', { id: record.id, status: 'rejected' }));
    t.clock.advance(40 * DAY);
    const { body } = await a.send({ batch: [{ client: clientId, signals: [a.signal('new_job')] }] });
    expect(body).toMatchObject({ kept: 0, alerts: [], dropped: { rejected_by_client: 1 } });
  });

  it('is not concluded without consent to profiling: the alert alone comes', async () => {
    const a = await assistant(t);
    const clientId = await clientWith(t, anna, ['assistant_data'], [clara.user.id]);
    const { body } = await a.send({ batch: [{ client: clientId, signals: [a.signal('new_job')] }] });
    expect(body.alerts).toHaveLength(1);
    expect(await lifeEvents(clientId)).toEqual([]);
  });
});
