// Signals become alerts (shared/domain/coach.md): each rule, their order, the
// edges of every window, one alert per event, urgency, the offers, the
// reaction, and the words a coach reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALERT_RULES_V1, alertRulesDocument, type AlertRules } from '#core/coach/alert-rules.ts';
import {
  mayActOn, alertArgument, alertConclusion, decideSignals, isUrgent, signalSchema, type AlertClient, type Signal,
} from '#core/coach/signals.ts';
import { addDays, berlinDay } from '#core/dates.ts';
import { PROFILE_ATTRIBUTES } from '#core/profile.ts';
import { DEMO } from './offers/fixtures.ts';

const NOW = '2027-03-01T09:00:00Z';

const client = (patch: Partial<AlertClient> = {}): AlertClient => ({
  name: 'Weber', profile: { purchase_driver: 'convenience' }, owned: ['liability_private'],
  consent: { assistant_data: true, contact: true, profiling: true },
  mandate: { budget_remaining: 60, areas: ['travel', 'mobility'], per_purchase_cap: 40 },
  rejectedEvents: [], openAlerts: [], ...patch,
});

let n = 0;
const signal = (patch: Partial<Signal> = {}): Signal => ({
  id: `s${++n}`, kind: 'moving', observed_at: '2027-02-27T18:00:00Z', confidence: 0.8, evidence: 'three removal quotes in the mailbox', ...patch,
});

function decide(signals: Signal[], c: AlertClient = client(), now = NOW, rules: AlertRules = ALERT_RULES_V1) {
  return decideSignals({ now, signals, client: c, rules, catalogue: DEMO });
}
/** The reason a single signal is dropped for, or 'kept'. */
const fate = (s: Partial<Signal>, c?: AlertClient, now?: string) => decide([signal(s)], c, now).dropped[0]?.reason ?? 'kept';

describe('the rules, each on its own', () => {
  it('keeps a signal that passes them all, as a new alert with its evidence', () => {
    const r = decide([signal({ id: 'a', event_date: '2027-03-10' })]);
    expect(r).toEqual({
      alerts: [{
        signal: 'a', event: 'moving', offers: expect.any(Array), argumentStyle: 'convenience', reaction: 'propose', conclude: true,
        signals: [{ id: 'a', evidence: 'three removal quotes in the mailbox', observed_at: '2027-02-27T18:00:00Z', event_date: '2027-03-10' }],
      }],
      merged: [], dropped: [],
    });
  });

  it('1: drops everything without consent for assistant data, a missing consent included', () => {
    expect(fate({}, client({ consent: { contact: true, profiling: true } }))).toBe('no_consent');
    expect(fate({}, client({ consent: { assistant_data: false, contact: true } }))).toBe('no_consent');
  });

  it('2: drops an event the client rejected on one of the last 180 days, today included; 181 days ago or in the future does not count', () => {
    const rejected = (at: string, event = 'moving') => client({ rejectedEvents: [{ event, at }] });
    expect(fate({}, rejected('2027-03-01'))).toBe('rejected_by_client');
    expect(fate({}, rejected('2026-09-02'))).toBe('rejected_by_client'); // 180 days before 1 March 2027
    expect(fate({}, rejected('2026-09-01'))).toBe('kept');
    expect(fate({}, rejected('2027-03-02'))).toBe('kept');
    expect(fate({}, rejected('2027-02-01', 'new_car'))).toBe('kept');
  });

  it('2: counts days in Germany: at 23:30 UTC it is already the next day in Berlin', () => {
    // 2 March in Berlin: 180 days back is 3 September, so a rejection on 2 September no longer counts.
    expect(fate({}, client({ rejectedEvents: [{ event: 'moving', at: '2026-09-02' }] }), '2027-03-01T23:30:00Z')).toBe('kept');
    expect(fate({}, client({ rejectedEvents: [{ event: 'moving', at: '2026-09-02' }] }), '2027-03-01T22:59:59Z')).toBe('rejected_by_client');
  });

  it('counts German days in summer time too, and across months and leap days', () => {
    expect(berlinDay(Date.parse('2027-07-01T21:59:59Z'))).toBe('2027-07-01');
    expect(berlinDay(Date.parse('2027-07-01T22:00:00Z'))).toBe('2027-07-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
  });

  it('3: keeps a confidence of exactly 0.6 and drops 0.59', () => {
    expect(fate({ confidence: 0.6 })).toBe('kept');
    expect(fate({ confidence: 0.59 })).toBe('low_confidence');
    expect(fate({ confidence: 0 })).toBe('low_confidence');
  });

  it('4: keeps a signal observed exactly 90 × 24 hours ago, drops one a second older, whatever its offset', () => {
    expect(fate({ observed_at: '2026-12-01T09:00:00Z' })).toBe('kept');
    expect(fate({ observed_at: '2026-12-01T08:59:59Z' })).toBe('stale');
    expect(fate({ observed_at: '2026-12-01T10:00:00+01:00' })).toBe('kept');
    expect(fate({ observed_at: '2026-12-01T09:59:59+01:00' })).toBe('stale');
  });

  it('5: drops a kind that is not a life event', () => {
    expect(fate({ kind: 'hobby_changed' })).toBe('unknown_kind');
    expect(fate({ kind: 'Moving' })).toBe('unknown_kind');
  });

  it('6: adds to an open alert of the same event, however old, naming its first signal', () => {
    const c = client({ openAlerts: [{ event: 'moving', createdAt: '2026-01-01', signal: 's0' }, { event: 'new_car', createdAt: '2027-02-28', signal: 'c0' }] });
    const r = decide([signal({ id: 'x' })], c);
    expect(r.alerts).toEqual([]);
    expect(r.dropped).toEqual([{ signal: 'x', reason: 'duplicate', merged_into: 's0' }]);
    expect(r.merged).toEqual([{ signal: 'x', into: 's0' }]);
  });

  it('6: a closed alert takes evidence when created 30 days ago, not 31', () => {
    const closed = (createdAt: string) => client({ openAlerts: [{ event: 'moving', createdAt, signal: 's0', open: false }] });
    expect(decide([signal({ id: 'x' })], closed('2027-01-30')).dropped).toEqual([{ signal: 'x', reason: 'duplicate', merged_into: 's0' }]);
    const r = decide([signal({ id: 'x' })], closed('2027-01-29'));
    expect(r.dropped).toEqual([]);
    expect(r.alerts.map((a) => a.signal)).toEqual(['x']);
  });

  it('6: with several alerts of one event, merges into the earliest created that still takes evidence', () => {
    const alerts = [
      { event: 'moving', createdAt: '2027-02-10', signal: 'later' },
      { event: 'moving', createdAt: '2027-01-10', signal: 'earliest' },
      { event: 'moving', createdAt: '2027-01-20', signal: 'middle' },
    ];
    expect(decide([signal()], client({ openAlerts: alerts })).merged[0]!.into).toBe('earliest');
    // Closed 50 days ago: out of the window, so the next one takes the evidence.
    const closed = alerts.map((a) => (a.signal === 'earliest' ? { ...a, open: false } : a));
    expect(decide([signal()], client({ openAlerts: closed })).merged[0]!.into).toBe('middle');
  });
});

describe('the order of the rules: the first that applies gives the reason', () => {
  const all = {
    consent: { contact: true },
    rejectedEvents: [{ event: 'moving', at: '2027-02-01' }],
    openAlerts: [{ event: 'moving', createdAt: '2027-02-01', signal: 's0' }],
  };
  const bad = { confidence: 0.1, observed_at: '2026-01-01T00:00:00Z' };
  it.each<[string, Partial<AlertClient>, Partial<Signal>, string]>([
    ['no consent before a rejection', all, bad, 'no_consent'],
    ['a rejection before low confidence', { ...all, consent: { assistant_data: true } }, bad, 'rejected_by_client'],
    ['low confidence before staleness', { openAlerts: all.openAlerts }, bad, 'low_confidence'],
    ['staleness before an unknown kind', {}, { observed_at: bad.observed_at, kind: 'hobby' }, 'stale'],
    ['an unknown kind before a duplicate', { openAlerts: [{ event: 'hobby', createdAt: '2027-02-01', signal: 's0' }] }, { kind: 'hobby' }, 'unknown_kind'],
    ['a rejection before a duplicate', { rejectedEvents: all.rejectedEvents, openAlerts: all.openAlerts }, {}, 'rejected_by_client'],
  ])('%s', (_, c, s, reason) => {
    expect(fate(s, client(c))).toBe(reason);
  });
});

describe('one alert per event within a batch', () => {
  it('the earliest observed makes the alert, whatever its place in the batch; the others add their evidence to it', () => {
    const late = signal({ id: 'late', observed_at: '2027-02-28T10:00:00Z', evidence: 'second quote' });
    const early = signal({ id: 'early', observed_at: '2027-02-26T10:00:00+01:00', evidence: 'first quote' });
    const middle = signal({ id: 'middle', observed_at: '2027-02-27T10:00:00Z', evidence: 'a moving box order' });
    const r = decide([late, early, middle]);
    expect(r.alerts).toHaveLength(1);
    expect(r.alerts[0]!.signal).toBe('early');
    expect(r.alerts[0]!.signals.map((s) => s.evidence)).toEqual(['first quote', 'a moving box order', 'second quote']);
    expect(r.dropped).toEqual([
      { signal: 'late', reason: 'duplicate', merged_into: 'early' },
      { signal: 'middle', reason: 'duplicate', merged_into: 'early' },
    ]);
    // Merges into a new alert are part of it, not merges into an existing one.
    expect(r.merged).toEqual([]);
  });

  it('at the same moment, the first in the input makes the alert, even when written with another offset', () => {
    const r = decide([signal({ id: 'b', observed_at: '2027-02-27T19:00:00+01:00' }), signal({ id: 'a', observed_at: '2027-02-27T18:00:00Z' })]);
    expect(r.alerts.map((a) => a.signal)).toEqual(['b']);
    expect(r.dropped).toEqual([{ signal: 'a', reason: 'duplicate', merged_into: 'b' }]);
  });

  it('a dropped signal does not make the alert: the earliest kept one does', () => {
    const r = decide([signal({ id: 'unsure', observed_at: '2027-02-20T00:00:00Z', confidence: 0.3 }), signal({ id: 'sure' })]);
    expect(r.alerts.map((a) => a.signal)).toEqual(['sure']);
    expect(r.dropped).toEqual([{ signal: 'unsure', reason: 'low_confidence' }]);
  });

  it('merges into an existing alert in the order observed, and lists the dropped in input order', () => {
    const c = client({ openAlerts: [{ event: 'moving', createdAt: '2027-02-01', signal: 's0' }] });
    const r = decide([signal({ id: 'y', observed_at: '2027-02-28T00:00:00Z' }), signal({ id: 'lo', confidence: 0.1 }), signal({ id: 'x', observed_at: '2027-02-27T00:00:00Z' })], c);
    expect(r.merged).toEqual([{ signal: 'x', into: 's0' }, { signal: 'y', into: 's0' }]);
    expect(r.dropped.map((d) => d.signal)).toEqual(['y', 'lo', 'x']);
  });

  it('gives each event its own alert, newest first by their first signal', () => {
    const r = decide([
      signal({ id: 'trip', kind: 'travel_planned', observed_at: '2027-02-20T08:00:00Z' }),
      signal({ id: 'car', kind: 'new_car', observed_at: '2027-02-28T08:00:00Z' }),
      signal({ id: 'move', kind: 'moving', observed_at: '2027-02-25T08:00:00Z' }),
      signal({ id: 'move2', kind: 'moving', observed_at: '2027-02-28T09:00:00Z' }),
    ]);
    expect(r.alerts.map((a) => [a.signal, a.event])).toEqual([['car', 'new_car'], ['move', 'moving'], ['trip', 'travel_planned']]);
  });

  it('orders alerts whose first signals were observed at the same moment by the input order of those signals', () => {
    const r = decide([
      signal({ id: 'move-late', kind: 'moving', observed_at: '2027-02-28T08:00:00Z' }),
      signal({ id: 'car', kind: 'new_car', observed_at: '2027-02-25T08:00:00Z' }),
      signal({ id: 'move', kind: 'moving', observed_at: '2027-02-25T08:00:00Z' }),
    ]);
    expect(r.alerts.map((a) => a.signal)).toEqual(['car', 'move']);
  });

  it('accounts for every signal exactly once, whatever the batch', () => {
    const kinds = [...PROFILE_ATTRIBUTES.life_events.slice(0, 3), 'hobby'];
    const arb = fc.array(fc.record({
      kind: fc.constantFrom(...kinds),
      confidence: fc.constantFrom(0.3, 0.6, 0.9),
      hours: fc.integer({ min: -2, max: 2200 }),
    }), { maxLength: 12 });
    fc.assert(fc.property(arb, fc.boolean(), (specs, open) => {
      const signals = specs.map((x, i) => signal({ id: `p${i}`, kind: x.kind, confidence: x.confidence, observed_at: new Date(Date.parse(NOW) - x.hours * 3_600_000).toISOString() }));
      const c = client({ openAlerts: open ? [{ event: 'moving', createdAt: '2027-02-01', signal: 's0' }] : [] });
      const r = decide(signals, c);
      const firsts = r.alerts.map((a) => a.signal);
      expect([...firsts, ...r.dropped.map((d) => d.signal)].sort()).toEqual(signals.map((s) => s.id).sort());
      expect(new Set(r.alerts.map((a) => a.event)).size).toBe(r.alerts.length);
      for (const d of r.dropped.filter((x) => x.reason === 'duplicate')) expect([...firsts, 's0']).toContain(d.merged_into);
    }), { numRuns: 200 });
  });
});

describe('urgency', () => {
  const rules = ALERT_RULES_V1;
  it('is urgent from today to 13 days after, not 14 days after nor in the past', () => {
    expect(isUrgent(['2027-03-01'], '2027-03-01', rules)).toBe(true);
    expect(isUrgent(['2027-03-14'], '2027-03-01', rules)).toBe(true);
    expect(isUrgent(['2027-03-15'], '2027-03-01', rules)).toBe(false);
    expect(isUrgent(['2027-02-28'], '2027-03-01', rules)).toBe(false);
    expect(isUrgent([undefined, null], '2027-03-01', rules)).toBe(false);
  });

  it('counts any of the merged signals, and changes as the days pass', () => {
    const dates = [undefined, '2027-04-30', '2027-03-05'];
    expect(isUrgent(dates, '2027-03-01', rules)).toBe(true);
    expect(isUrgent(dates, '2027-03-06', rules)).toBe(false);
    expect(isUrgent(dates, '2027-04-17', rules)).toBe(true);
  });
});

describe('the offers and the reaction', () => {
  const offersOf = (c: AlertClient, kind = 'moving') => decide([signal({ kind })], c).alerts[0]!;

  it('offers at most three, only for the event, the event\'s bundle first', () => {
    const a = offersOf(client());
    expect(a.offers).toHaveLength(3);
    expect(a.offers[0]).toBe('bundle_moving');
    for (const id of a.offers.slice(1)) expect(DEMO.products.find((p) => p.id === id)!.life_events).toContain('moving');
  });

  it('puts the bundle first also without profiling consent, when the engine knows nothing of the event', () => {
    const a = offersOf(client({ consent: { assistant_data: true, contact: true } }));
    expect(a.offers[0]).toBe('bundle_moving');
    expect(a.argumentStyle).toBe('price_performance');
  });

  it('never offers what the client owns', () => {
    const owned = ['liability_private', 'legal_protection', 'household_contents', 'car_short_term'];
    const a = offersOf(client({ owned }));
    for (const id of owned) expect(a.offers).not.toContain(id);
    expect(a.offers.length).toBeGreaterThan(0);
  });

  it('offers no bundle once the client holds all but one of its items', () => {
    const a = offersOf(client({ owned: ['partner_moving_company', 'furniture_transit'] }));
    expect(a.offers).not.toContain('bundle_moving');
    expect(a.offers).not.toContain('furniture_transit');
  });

  it('suggests buying under the mandate when the first offer fits it', () => {
    const mandate = { budget_remaining: 100, areas: ['travel'], per_purchase_cap: 60 };
    const a = offersOf(client({ mandate }), 'travel_planned');
    expect(a.offers[0]).toBe('bundle_trip');
    expect(a.reaction).toBe('buy_under_mandate');
    // One euro below the trip bundle's 46 euros, and it is no longer within the mandate.
    expect(offersOf(client({ mandate: { ...mandate, per_purchase_cap: 45 } }), 'travel_planned').reaction).toBe('propose');
  });

  it('suggests a proposal with contact consent, and only a note without it', () => {
    expect(offersOf(client()).reaction).toBe('propose');
    expect(offersOf(client({ consent: { assistant_data: true, profiling: true } })).reaction).toBe('note_only');
    expect(offersOf(client({ consent: { assistant_data: true, profiling: true, contact: false } })).reaction).toBe('note_only');
  });

  it('lets the coach act on an offer without contact consent only when the mandate covers it: buying under it contacts nobody', () => {
    expect(mayActOn({ within_mandate: false }, { consent: { contact: true } })).toBe(true);
    expect(mayActOn({ within_mandate: true }, { consent: { contact: true } })).toBe(true);
    expect(mayActOn({ within_mandate: true }, { consent: { contact: false } })).toBe(true);
    expect(mayActOn({ within_mandate: false }, { consent: { contact: false } })).toBe(false);
    expect(mayActOn({ within_mandate: false }, { consent: {} })).toBe(false);
  });

  it('offers nothing for an event the catalogue has nothing for, and still makes the alert', () => {
    const a = offersOf(client(), 'time_scarce');
    expect(a).toMatchObject({ offers: [], argumentStyle: null, reaction: 'propose' });
  });
});

describe('the words', () => {
  it('draws the conclusion in natural German and English', () => {
    expect(alertConclusion('moving', 'Weber', 'de')).toBe('Weber zieht wahrscheinlich um');
    expect(alertConclusion('moving', 'Weber', 'en')).toBe('Weber is probably moving');
    expect(alertConclusion('family_growing', 'Klaus', 'de')).toBe('Bei Klaus wächst wahrscheinlich die Familie');
    expect(alertConclusion('travel_planned', 'Anna Weiß', 'en')).toBe('Anna Weiß is probably planning a trip');
  });

  it('has a sentence for every life event in both languages, each naming the client and saying "probably"', () => {
    const seen = new Set<string>();
    for (const e of PROFILE_ATTRIBUTES.life_events) {
      const de = alertConclusion(e, 'Weber', 'de');
      const en = alertConclusion(e, 'Weber', 'en');
      expect(de).toMatch(/Weber.*wahrscheinlich|wahrscheinlich.*Weber/);
      expect(en).toMatch(/^Weber .*probably/);
      seen.add(de).add(en);
    }
    expect(seen.size).toBe(2 * PROFILE_ATTRIBUTES.life_events.length);
  });

  it('argues for the first offer in the segment\'s register, in the language asked for', () => {
    const c = client();
    const en = alertArgument({ event: 'moving', offer: 'bundle_moving', client: c, catalogue: DEMO }, 'en');
    const de = alertArgument({ event: 'moving', offer: 'bundle_moving', client: c, catalogue: DEMO }, 'de');
    expect(en).toEqual({ style: 'convenience', text: expect.stringMatching(/^Moving bundle for the move: .* one yes is all it takes\.$/) });
    expect(de).toEqual({ style: 'convenience', text: expect.stringMatching(/^Umzugspaket für den Umzug: .* Ein Ja genügt\.$/) });
  });

  it('has no argument for an offer the client has bought meanwhile', () => {
    expect(alertArgument({ event: 'moving', offer: 'car_short_term', client: client({ owned: ['car_short_term'] }), catalogue: DEMO }, 'en')).toBeNull();
  });
});

describe('what comes in is checked', () => {
  const problems = (x: unknown) => { const r = signalSchema.safeParse(x); return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`); };
  const ok = { id: 's1', kind: 'moving', observed_at: '2027-02-27T18:00:00Z', confidence: 0.8, evidence: 'quotes' };

  it('takes a signal with or without an event date', () => {
    expect(problems(ok)).toEqual([]);
    expect(problems({ ...ok, event_date: '2027-03-10', observed_at: '2027-02-27T19:00:00.250+01:00' })).toEqual([]);
    expect(problems({ ...ok, event_date: null })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a time without its offset', { observed_at: '2027-02-27T18:00:00' }, 'observed_at must be a date-time with its offset'],
    ['a day that does not exist', { event_date: '2027-02-30' }, 'event_date must be an existing day like 2027-03-10'],
    ['a confidence above 1', { confidence: 1.01 }, 'confidence must be from 0 to 1'],
    ['a confidence below 0', { confidence: -0.1 }, 'confidence must be from 0 to 1'],
    ['evidence of 501 characters', { evidence: 'x'.repeat(501) }, 'evidence is too long: at most 500 characters'],
    ['empty evidence', { evidence: '' }, 'evidence may not be empty'],
    ['an unknown field', { certainty: 1 }, 'Unrecognized key: "certainty"'],
  ])('refuses %s', (_, patch, message) => {
    expect(problems({ ...ok, ...patch })[0]).toContain(message);
  });

  it('takes the default rules and refuses a misspelt or impossible threshold by name', () => {
    expect(alertRulesDocument.parse(ALERT_RULES_V1)).toEqual(ALERT_RULES_V1);
    const issue = (patch: Record<string, unknown>) => {
      const r = alertRulesDocument.safeParse({ ...ALERT_RULES_V1, ...patch });
      return r.success ? null : `${r.error.issues[0]!.path.join('.') || r.error.issues[0]!.code} ${r.error.issues[0]!.message}`;
    };
    expect(issue({ min_confidence: 1.5 })).toBe('min_confidence must be from 0 to 1');
    expect(issue({ stale_hours: 0 })).toBe('stale_hours must be 1 or more hours');
    expect(issue({ dedupe_days: 2.5 })).toBe('dedupe_days must be a whole number of days');
    expect(issue({ urgent_day: 13 })).toMatch(/^unrecognized_keys /);
    expect(issue({ version: '' })).toBe('version may not be empty');
  });

  it('lets other rules change the windows', () => {
    const strict = { ...ALERT_RULES_V1, min_confidence: 0.9, urgent_days: 0 };
    expect(decide([signal({ confidence: 0.8 })], client(), NOW, strict).dropped[0]!.reason).toBe('low_confidence');
    expect(isUrgent(['2027-03-02'], '2027-03-01', strict)).toBe(false);
  });
});
