// The client's export online, against a real backend (PostgreSQL): the
// device asks the backend what it holds about the client and reconciles it
// with its own copy. Each record says whether it is the same on both, differs
// (both shown), is only on this device (not sent yet) or only at the
// manufacturer (an alert not pulled yet, the signals behind it); counts match
// the backend's records. When the backend does not answer, the export says it
// is this device's copy and when it last synced. The endpoint refuses erased
// and foreign clients like pull does.
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createRouterClient } from '@orpc/server';
import { createIntegration } from '#backend/integrations.ts';
import { createRouter } from '#services/router.ts';
import { EXPORT_SECTIONS } from '#services/export.ts';
import { pdfTextOf } from '../../support/pdf-text.ts';
import { startWorld, syncUntilDone, type Device, type World } from './world.ts';

let w: World;
beforeEach(async () => { w = await startWorld(); });
afterEach(async () => { await w.close(); });

type Entry = { id: string; sync?: string; record: Record<string, unknown>; manufacturer?: Record<string, unknown> };
type Body = Record<string, unknown> & { source: string; client: Entry; signals: { alertId: string; evidence: string; source: string }[]; access: { name: string; kind: string }[] };

const rpcOf = (d: Device) => createRouterClient(createRouter({ store: d.store, mode: 'browser', loadDemoBook: () => undefined, sync: d.engine }));
const exported = async (d: Device, clientId: string) => JSON.parse((await rpcOf(d).clients.export({ clientId })).json) as Body;
const entries = (body: Body) => [body.client, ...EXPORT_SECTIONS.flatMap((s) => body[s] as Entry[])];

/** A client with a history across the kinds a device writes, synced; the assistant reports a move the device has not pulled yet. */
async function clientWithHistory(cut: { export: boolean } = { export: false }) {
  const anna = await w.person('Anna Berger', ['advisor', 'life_coach']);
  await w.person('Lena Hoffmann', ['life_coach']);
  const laptop = await w.device(anna.id, 'Laptop', { faults: (path) => (cut.export && path.startsWith('/v1/clients/export') ? { kind: 'drop_request' } : { kind: 'pass' }) });
  const rpc = rpcOf(laptop);
  const { id } = await rpc.clients.create({ firstName: 'Hanna', lastName: 'Vogt', email: 'hanna@example.de', city: 'Berlin' });
  // No consent to sharing with the manufacturer: it is still the client's own export of what the manufacturer holds.
  for (const purpose of ['profiling', 'contact', 'assistant_data'] as const) await rpc.consents.record({ clientId: id, purpose, granted: true, method: 'written' });
  const { id: meeting } = await rpc.meetings.start({ clientId: id, reason: 'Jahresgespräch' });
  await rpc.answers.set({ clientId: id, meetingId: meeting, attribute: 'purchase_driver', value: 'price_for_quality', answeredBy: 'client' });
  await rpc.meetings.end({ id: meeting });
  await rpc.advice.make({ meetingId: meeting, language: 'de' });
  await rpc.tasks.add({ clientId: id, title: 'Angebot schicken' });
  await rpc.holdings.add({ clientId: id, productId: 'liability_private', since: '2020-01-01', yearlyPremiumCents: 8280 });
  await rpc.mandates.grant({ id: uuidv7(), clientId: id, budgetCents: 50_000, period: 'month', areas: ['travel'], perPurchaseCapCents: 10_000, validFrom: '2026-01-01' });
  await rpc.clients.update({ id, patch: { email: 'hanna.vogt@example.de' }, correction: { before: { email: 'hanna@example.de' } } });
  await syncUntilDone(laptop);
  const coach = (await rpc.sharing.coaches()).people[0]!;
  await rpc.sharing.share({ id, userId: coach.id });
  await syncUntilDone(laptop);

  const { token } = await createIntegration(w.db, 'Assistenz-App Beispiel', new Date());
  const res = await fetch(`${w.url}/v1/signals`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ batch: [{ client: id, signals: [{ id: 's1', kind: 'moving', observed_at: new Date(Date.now() - 3_600_000).toISOString(), confidence: 0.9, evidence: 'drei Umzugsangebote im Postfach' }] }] }),
  });
  expect(res.status).toBe(200);
  return { laptop, rpc, id };
}

it('online, every record says where it is held: the same, different (both shown), only on this device, or only at the manufacturer; counts match the backend', async () => {
  const { laptop, rpc, id } = await clientWithHistory();
  // Not sent yet: a new contact and a changed city.
  await rpc.touchpoints.add({ clientId: id, kind: 'call', channel: 'phone', occurredAt: Date.now() - 60_000, summary: 'Rückruf' });
  await rpc.clients.update({ id, patch: { city: 'Potsdam' } });

  const body = await exported(laptop, id);
  expect(body.source).toBe('this_device_and_manufacturer');
  expect(body.client).toMatchObject({ sync: 'differs', record: { city: 'Potsdam' }, manufacturer: { city: 'Berlin' } });
  expect((body.touchpoints as Entry[]).filter((e) => e.sync === 'only_this_device').map((e) => e.record.summary)).toEqual(['Rückruf']);
  const [alert] = body.alerts as Entry[];
  expect(alert).toMatchObject({ sync: 'only_manufacturer', record: { event: 'moving' } });
  // The signal behind it, which only the backend keeps, with the assistant that reported it.
  expect(body.signals).toEqual([expect.objectContaining({ alertId: alert!.id, evidence: 'drei Umzugsangebote im Postfach', source: 'Assistenz-App Beispiel' })]);
  expect(body.access).toEqual([{ name: 'Anna Berger', kind: 'owner' }, { name: 'Lena Hoffmann', kind: 'shared' }]);
  expect(body.corrections as Entry[]).toEqual([expect.objectContaining({ sync: 'same', record: expect.objectContaining({ recordedByName: 'Anna Berger' }) })]);

  // Every record the backend holds about the client is in the export, once, per kind.
  const held = await w.query<{ entity: string; n: number }>(sql`SELECT entity, count(*)::int AS n FROM records WHERE client_id = ${id} AND fields->>'deletedAt' IS NULL GROUP BY entity`);
  for (const { entity, n } of held) {
    const list = entity === 'clients' ? [body.client] : (body[entity] as Entry[]);
    expect(list.filter((e) => e.sync !== 'only_this_device').length, entity).toBe(n);
  }
  expect(held.map((h) => h.entity).sort()).toEqual(['adviceRecords', 'alerts', 'answers', 'clients', 'conclusions', 'consents', 'corrections', 'holdings', 'mandates', 'meetings', 'tasks', 'touchpoints']);
  const [{ n: signals }] = await w.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM signals WHERE client_id = ${id}`) as [{ n: number }];
  expect(body.signals.length).toBe(signals);

  // The readable PDF says the manufacturer's copy is included and shows both versions of what differs.
  const text = (await pdfTextOf(Buffer.from((await rpc.clients.exportPdf({ clientId: id, language: 'de' })).base64, 'base64'))).replace(/\s+/g, ' ');
  expect(text).toContain('Diese Auskunft zeigt, was auf diesem Gerät und beim Hersteller gespeichert ist.');
  expect(text).toContain('Beim Hersteller abweichend gespeichert: Vorname: Hanna');
  expect(text).toContain('Nur beim Hersteller gespeichert.');
  expect(text).toContain('gemeldet von Assistenz-App Beispiel');

  // Once everything is sent and pulled, both copies agree on every record.
  await syncUntilDone(laptop);
  expect(entries(await exported(laptop, id)).filter((e) => e.sync !== 'same').map((e) => [e.id, e.sync, e.record, e.manufacturer])).toEqual([]);
});

it('when the backend does not answer, the export is this device’s copy and says when it last synced', async () => {
  const cut = { export: false };
  const { laptop, rpc, id } = await clientWithHistory(cut);
  cut.export = true;
  const before = laptop.engine.lastSyncedAt();
  expect(before).toBeGreaterThan(0);
  const body = await exported(laptop, id);
  expect(body).toMatchObject({ source: 'this_device', deviceOnlyBecause: 'unreachable', lastSyncedAt: new Date(before!).toISOString(), signals: [] });
  expect(entries(body).every((e) => e.sync === undefined)).toBe(true);
  const text = (await pdfTextOf(Buffer.from((await rpc.clients.exportPdf({ clientId: id, language: 'en' })).base64, 'base64'))).replace(/\s+/g, ' ');
  expect(text).toMatch(/This shows only what is held on this device; the manufacturer’s copy could not be reached\. Last synced: \d+ \w+ \d{4} at \d{2}:\d{2}\./);
});

it('the backend answers only about clients the person may see, and not about an erased one', async () => {
  const { laptop, id } = await clientWithHistory();
  const other = await w.person('Ben Fischer', ['advisor']);
  const desk = await w.device(other.id, 'Desk');
  const theirs = uuidv7();
  desk.store.mutate('client.create', { id: theirs, firstName: 'Tom', lastName: 'Kern' });
  await syncUntilDone(desk);
  const ask = (d: Device, clientId: string) => fetch(`${w.url}/v1/clients/export`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${d.store.readState('device_token')}` }, body: JSON.stringify({ clientId }),
  });
  expect((await ask(laptop, id)).status).toBe(200);
  expect(await (await ask(laptop, theirs)).json()).toMatchObject({ error: 'not_found', message: 'No such client.' });
  expect((await ask(desk, id)).status).toBe(404);
  expect((await ask(laptop, 'not-an-id')).status).toBe(400);
  expect((await fetch(`${w.url}/v1/clients/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: id }) })).status).toBe(401);
  laptop.store.mutate('client.erase', { id });
  await syncUntilDone(laptop);
  expect((await ask(laptop, id)).status).toBe(404);
});
