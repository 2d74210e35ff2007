// Signals posted by an assistant integration reach the coach's workstation by
// sync: a real device (encrypted book, SyncEngine) pulls the alert the backend
// made into its inbox, with its evidence; a coach's snooze on the device and
// evidence the backend adds later both stand after the next sync.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createIntegration } from '#backend/integrations.ts';
import { addDays, berlinDay } from '#core/dates.ts';
import { inbox } from '#services/coach.ts';
import { newClient } from './support.ts';
import { startWorld, syncUntilDone, type World } from './world.ts';

let w: World;
beforeEach(async () => { w = await startWorld(); });
afterEach(async () => { await w.close(); });

const page = (store: Parameters<typeof inbox>[0], filter: 'open' | 'snoozed' = 'open') =>
  inbox(store, { filter, urgentOnly: false, lang: 'de', limit: 20, offset: 0 });

it('an alert from the assistant arrives in the coach’s inbox with its evidence; a later signal adds to it without undoing the coach’s snooze', async () => {
  const coach = await w.person('Clara Vogt', ['advisor', 'life_coach']);
  const laptop = await w.device(coach.id, 'Laptop');
  const withConsent = newClient(laptop.store, { firstName: 'Lea', lastName: 'Weber' });
  const without = newClient(laptop.store, { firstName: 'Tom', lastName: 'Kern' });
  laptop.store.mutate('consent.record', { id: uuidv7(), clientId: withConsent, purpose: 'assistant_data', granted: true, method: 'app' });
  laptop.store.mutate('consent.record', { id: uuidv7(), clientId: withConsent, purpose: 'contact', granted: true, method: 'written' });
  await syncUntilDone(laptop);

  const { token } = await createIntegration(w.db, 'Assistant app', new Date());
  const post = async (batch: unknown) => {
    const res = await fetch(`${w.url}/v1/signals`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ batch }) });
    expect(res.status).toBe(200);
    return res.json() as Promise<{ alerts: string[]; dropped: Record<string, number> }>;
  };
  const soon = addDays(berlinDay(Date.now()), 5);
  const observed = new Date(Date.now() - 3_600_000).toISOString();
  const first = await post([
    { client: withConsent, signals: [{ id: 's1', kind: 'moving', observed_at: observed, event_date: soon, confidence: 0.9, evidence: 'drei Umzugsangebote im Postfach' }] },
    { client: without, signals: [{ id: 's2', kind: 'moving', observed_at: observed, confidence: 0.9, evidence: 'Adressänderung im Kalender' }] },
  ]);
  expect(first.dropped).toEqual({ no_consent: 1 });
  await syncUntilDone(laptop);

  const [alert, ...none] = page(laptop.store).alerts;
  expect(none).toEqual([]);
  expect(alert).toMatchObject({
    id: first.alerts[0], clientId: withConsent, clientName: { firstName: 'Lea', lastName: 'Weber' }, event: 'moving', urgent: true, reaction: 'propose',
    signals: [{ id: 's1', evidence: 'drei Umzugsangebote im Postfach', observedAt: observed, eventDate: soon }],
  });
  expect(alert!.offers[0]!.id).toBe('bundle_moving');

  // The coach snoozes it on the laptop; meanwhile the assistant reports more about the same move.
  const until = addDays(berlinDay(Date.now()), 3);
  laptop.store.mutate('alert.snooze', { id: alert!.id, until });
  await post([{ client: withConsent, signals: [{ id: 's3', kind: 'moving', observed_at: new Date().toISOString(), confidence: 0.8, evidence: 'Kündigung des Mietvertrags' }] }]);
  await syncUntilDone(laptop);
  await syncUntilDone(laptop);

  expect(page(laptop.store).alerts).toEqual([]);
  const [snoozed] = page(laptop.store, 'snoozed').alerts;
  expect(snoozed).toMatchObject({ id: alert!.id, status: 'snoozed', snoozedUntil: until });
  expect(snoozed!.signals.map((s) => s.evidence)).toEqual(['drei Umzugsangebote im Postfach', 'Kündigung des Mietvertrags']);
});
