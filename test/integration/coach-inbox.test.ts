// The coach's inbox on the device: alerts as they arrive by sync, listed
// newest first by filter, urgent ones told by their event day, and what the
// coach does about one (snooze, dismiss, contact, propose, reject the
// conclusion) saved as synced changes. Bad input saves nothing.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, berlinDay } from '#core/dates.ts';
import { bulkLoad } from '#db/bulk.ts';
import { bookContents, settled } from '../support/book-contents.ts';
import { openTestRouter } from '../support/router.ts';

let t: ReturnType<typeof openTestRouter>['t'];
let rpc: ReturnType<typeof openTestRouter>['rpc'];
beforeEach(() => { ({ t, rpc } = openTestRouter()); });
afterEach(() => t.close());

const today = berlinDay(Date.now());
let clientId = '';

/** An alert as the backend makes it, pulled onto this device. */
function arrives(o: { event?: string; createdAt: number; eventDate?: string | null; coachId?: string | null; status?: string; snoozedUntil?: string | null }): string {
  const id = uuidv7();
  bulkLoad(t.store.sqlite, {
    alerts: [{
      id, updatedAt: o.createdAt, hlc: `${o.createdAt}`, clientId, coachId: o.coachId === undefined ? t.store.userId : o.coachId, event: o.event ?? 'moving', signal: `s-${id}`,
      signals: [{ id: `s-${id}`, evidence: 'drei Umzugsangebote im Postfach', observedAt: new Date(o.createdAt).toISOString(), eventDate: o.eventDate ?? null }],
      offers: ['bundle_moving', 'household_contents'], argumentStyle: 'convenience', reaction: 'propose', rulesVersion: '1',
      status: o.status ?? 'open', snoozedUntil: o.snoozedUntil ?? null, createdAt: o.createdAt,
    }],
  });
  return id;
}

beforeEach(async () => {
  clientId = uuidv7();
  await rpc.clients.create({ id: clientId, firstName: 'Petra', lastName: 'Weber' } as never);
  await rpc.consents.record({ clientId, purpose: 'contact', granted: true, method: 'written' } as never);
});

const inbox = (filter: 'open' | 'snoozed' | 'done' = 'open', urgentOnly = false) => rpc.alerts.inbox({ filter, urgentOnly, lang: 'de' });

describe('the inbox', () => {
  it('lists open alerts newest first, with the urgent ones told by their event day, and counts each filter', async () => {
    const old = arrives({ createdAt: Date.now() - 3 * 86_400_000, eventDate: addDays(today, 30) });
    const soon = arrives({ createdAt: Date.now() - 86_400_000, eventDate: addDays(today, 13), event: 'travel_planned' });
    arrives({ createdAt: Date.now() - 2 * 86_400_000, status: 'done' });
    // For another coach: not in this one's inbox.
    arrives({ createdAt: Date.now(), coachId: 'someone-else' });
    const page = await inbox();
    expect(page.alerts.map((a) => [a.id, a.urgent])).toEqual([[soon, true], [old, false]]);
    expect(page.counts).toEqual({ open: 2, snoozed: 0, done: 1, urgent: 1 });
    expect((await inbox('open', true)).alerts.map((a) => a.id)).toEqual([soon]);
    expect(page.alerts[1]).toMatchObject({ clientName: { lastName: 'Weber' }, contactConsent: true, offers: [{ id: 'bundle_moving', kind: 'bundle' }, { id: 'household_contents' }] });
    expect(page.alerts[1]!.argument?.text).toBeTruthy();
  });

  it('a snoozed alert leaves the open list and comes back on its day', async () => {
    const id = arrives({ createdAt: Date.now() - 86_400_000 });
    await rpc.alerts.snooze({ id, until: addDays(today, 3) });
    expect((await inbox()).alerts).toEqual([]);
    expect((await inbox('snoozed')).alerts).toMatchObject([{ id, snoozedUntil: addDays(today, 3) }]);
    // Snoozed until a day that has come (as synced from a device whose snooze ran out): open again.
    const due = arrives({ createdAt: Date.now() - 86_400_000, status: 'snoozed', snoozedUntil: today });
    expect((await inbox()).alerts.map((a) => a.id)).toEqual([due]);
  });

  it('dismissing with a reason, contacting, proposing and rejecting the conclusion each close an alert with what happened', async () => {
    const [a, b, c, d] = [1, 2, 3, 4].map((n) => arrives({ createdAt: Date.now() - n * 60_000 }));
    await rpc.alerts.dismiss({ id: a!, reason: 'already_handled' });
    await rpc.alerts.contact({ alertId: b!, touchpoint: { kind: 'call', channel: 'phone', occurredAt: Date.now(), summary: 'Umzug besprochen' } as never });
    await rpc.alerts.propose({ alertId: c!, outcome: { offerId: 'bundle_moving', offerKind: 'bundle', outcome: 'postponed', reasonCode: 'wrong_timing', summary: 'Umzugspaket später' } });
    await rpc.alerts.rejectConclusion({ alertId: d! });
    const done = (await inbox('done')).alerts;
    expect(Object.fromEntries(done.map((x) => [x.id, [x.outcome, x.dismissReason]]))).toEqual({
      [a!]: ['dismissed', 'already_handled'], [b!]: ['contacted', null], [c!]: ['proposed', null], [d!]: ['conclusion_rejected', null],
    });
    const timeline = (await rpc.clients.get({ id: clientId })).timeline;
    expect(timeline.map((e) => e.kind).sort()).toEqual(['call', 'offer']);
    expect(timeline.find((e) => e.kind === 'call')).toMatchObject({ refId: b });
  });

  it.each([
    ['snoozed to today', () => rpc.alerts.snooze({ id: alertId, until: today }), 'until'],
    ['dismissed as other without saying why', () => rpc.alerts.dismiss({ id: alertId, reason: 'other' }), 'note'],
    ['dismissed with an unknown reason', () => rpc.alerts.dismiss({ id: alertId, reason: 'bored' as never }), 'reason'],
    ['an alert that is not there', () => rpc.alerts.snooze({ id: uuidv7(), until: addDays(today, 2) }), 'alert'],
  ])('refuses an alert %s, naming the field, and saves nothing', async (_what, call, field) => {
    alertId = arrives({ createdAt: Date.now() });
    await settled(rpc);
    const before = bookContents(t.store.sqlite);
    const error = await call().then(() => null, (e: unknown) => e) as { data?: { problems?: { field: string }[] } } | null;
    expect(error?.data?.problems?.[0]?.field).toBe(field);
    expect(bookContents(t.store.sqlite)).toEqual(before);
  });
});
let alertId = '';
