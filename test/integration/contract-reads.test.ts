// The contract says of every procedure whether it changes anything, and the
// renderer refreshes after writes only. Here every procedure marked as a read
// is called on a full book (clients with meetings, advice records, holdings,
// conclusions) and every table is compared before and after: a read that
// writes, or a new read without a call here, fails.
import { isContractProcedure } from '@orpc/contract';
import { v7 as uuidv7 } from 'uuid';
import { bulkLoad } from '#db/bulk.ts';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { contract, procedureWrites } from '#contract/index.ts';
import { loadDemoBook } from '#demo/index.ts';
import type { openTestStore } from '../support/book.ts';
import { openTestRouter, type Workstation } from '../support/router.ts';

let t: ReturnType<typeof openTestStore>;
let rpc: Workstation;
beforeEach(() => {
  ({ t, rpc } = openTestRouter());
});
afterEach(() => t.close());

/** Every procedure's path, and whether the contract marks it as a write. */
function procedures(node: unknown = contract, path: string[] = []): { path: string[]; writes: unknown }[] {
  if (isContractProcedure(node)) return [{ path, writes: (node['~orpc'].meta as { writes?: unknown }).writes }];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) => procedures(child, [...path, key]));
}

/** Opens a small client list (a read: nothing is written until it is applied). */
async function openList() {
  const csv = 'Name;Vorname\nNeu;Nina\n';
  for await (const e of await rpc.lists.open({ fileName: 'liste.csv', base64: Buffer.from(csv).toString('base64') })) if (e.type === 'opened') return e.list;
  throw new Error('the list did not open');
}

/** Every row of every table, in a fixed order. */
function everything(): Record<string, unknown[]> {
  const tables = t.store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, t.store.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]));
}

it('every procedure says whether it writes; those the renderer used to guess wrong are reads', () => {
  const all = procedures();
  expect(all.length).toBeGreaterThan(40);
  for (const p of all) expect(typeof p.writes, p.path.join('.')).toBe('boolean');
  for (const path of [['tiers', 'get'], ['segments', 'state'], ['advice', 'pdf'], ['offers', 'inputs'], ['catalogue', 'products']]) {
    expect(procedureWrites(path), path.join('.')).toBe(false);
  }
  for (const path of [['sync', 'now'], ['advice', 'make'], ['segments', 'override'], ['sync', 'dismiss']]) expect(procedureWrites(path), path.join('.')).toBe(true);
  expect(procedureWrites(['clients', 'nonsense'])).toBe(true);
});

it('no procedure marked as a read changes anything in a full book', async () => {
  const user = await rpc.session.setup({ displayName: 'Anna Berger', roles: ['advisor'], locale: 'de', demoBook: false });
  loadDemoBook(t.store.sqlite, { clients: 30, ownerId: user.id, advisorName: user.displayName });
  // A client with everything a read may look at: a meeting with an advice record, a holding, a conclusion.
  const meeting = t.store.sqlite.prepare(`SELECT m.id, m.client_id AS clientId FROM meetings m
    JOIN advice_records a ON a.meeting_id = m.id WHERE m.ended_at IS NOT NULL ORDER BY m.id LIMIT 1`).get() as { id: string; clientId: string };
  expect(meeting).toBeDefined();
  const { id: meetingId, clientId } = meeting;
  // And a mandate for the user as coach, with an assistant's alert about the client.
  const mandateId = uuidv7();
  bulkLoad(t.store.sqlite, {
    mandates: [{ id: mandateId, updatedAt: 1, hlc: '1', clientId, coachId: user.id, budgetCents: 10_000, period: 'month', areas: ['travel'], perPurchaseCapCents: 5_000, validFrom: '2026-01-01' }],
    alerts: [{ id: uuidv7(), updatedAt: 1, hlc: '1', clientId, coachId: user.id, event: 'travel_planned', signal: 's1', signals: [{ id: 's1', evidence: 'Flug gebucht', observedAt: '2026-11-30T10:00:00Z', eventDate: null }], offers: ['bundle_trip'], reaction: 'buy_under_mandate', rulesVersion: '1', status: 'open', createdAt: 1 }],
  });
  const { id: gone } = await rpc.clients.create({ firstName: 'Vergessen', lastName: 'Weg' });
  const { id: goneMeeting } = await rpc.meetings.start({ clientId: gone });
  await rpc.meetings.end({ id: goneMeeting });
  await rpc.clients.erase({ id: gone });
  const { disclosureId } = await rpc.retention.disclose({ recordId: `${goneMeeting}:v1`, to: 'client' });
  const calls: Record<string, () => Promise<unknown>> = {
    'session.status': () => rpc.session.status(),
    'session.about': () => rpc.session.about(),
    'clients.list': () => rpc.clients.list({ query: 'a' }),
    'clients.get': () => rpc.clients.get({ id: clientId }),
    'meetings.get': () => rpc.meetings.get({ id: meetingId }),
    'tasks.open': () => rpc.tasks.open(),
    'segments.ruleSet': () => rpc.segments.ruleSet(),
    'segments.state': () => rpc.segments.state({ clientId }),
    'book.picture': () => rpc.book.picture(),
    'offers.inputs': () => rpc.offers.inputs({ clientId, meetingId }),
    'advice.get': () => rpc.advice.get({ meetingId }),
    'advice.pdf': () => rpc.advice.pdf({ meetingId, recordVersion: 1, language: 'en' }),
    'catalogue.areas': () => rpc.catalogue.areas(),
    'catalogue.products': () => rpc.catalogue.products(),
    'tiers.get': () => rpc.tiers.get({ clientId }),
    'sharing.coaches': () => rpc.sharing.coaches(),
    'sync.status': () => rpc.sync.status(),
    'clients.export': () => rpc.clients.export({ clientId }),
    'clients.exportPdf': () => rpc.clients.exportPdf({ clientId, language: 'en' }),
    'clients.corrections': () => rpc.clients.corrections({ clientId }),
    'alerts.inbox': () => rpc.alerts.inbox({ filter: 'open', urgentOnly: false, lang: 'de' }),
    'purchases.check': () => rpc.purchases.check({ mandateId, items: ['bundle_trip'] }),
    'purchases.ofClient': () => rpc.purchases.ofClient({ clientId }),
    'coach.clients': () => rpc.coach.clients(),
    'retail.products': () => rpc.retail.products(),
    'appointments.ofClient': () => rpc.appointments.ofClient({ clientId, from: 0 }),
    'appointments.calendar': () => rpc.appointments.calendar({ from: 0, to: Date.UTC(2100, 0, 1), language: 'de' }),
    'day.view': () => rpc.day.view({ from: Date.now() - 86_400_000, to: Date.now() + 86_400_000, day: new Date().toISOString().slice(0, 10) }),
    'feedback.ofClient': () => rpc.feedback.ofClient({ clientId }),
    'book.satisfaction': () => rpc.book.satisfaction({ months: 6 }),
    'lists.open': async () => (await openList()).importId,
    'lists.check': async () => rpc.lists.check({ importId: (await openList()).importId, mapping: { lastName: 0, firstName: 1 } }),
    'lists.export': () => rpc.lists.export({ format: 'csv', query: '', language: 'de' }),
    'selfAssessment.make': () => rpc.selfAssessment.make({ clientId, language: 'de' }),
    'selfAssessment.read': async () => rpc.selfAssessment.read({ clientId, base64: (await rpc.selfAssessment.make({ clientId, language: 'en' })).base64 }),
    'retail.quote': () => rpc.retail.quote({ clientId, productId: 'green_household', chosenCents: 1600, reason: 'client_value' }),
    'retail.sales': () => rpc.retail.sales({}),
    'retail.approvals': () => rpc.retail.approvals({ clientId }),
    'retail.rating': () => rpc.retail.rating(),
    // A restricted record and its disclosure, made before the reads below: the reads must not log another.
    'retention.summary': () => rpc.retention.summary(),
    'retention.ofClient': () => rpc.retention.ofClient({ clientId }),
    'retention.find': () => rpc.retention.find({ name: 'Vergessen' }),
    'retention.pdf': () => rpc.retention.pdf({ disclosureId }),
    'sync.watch': async () => {
      const stream = await rpc.sync.watch();
      const first = await stream.next();
      await stream.return(undefined);
      return first.value;
    },
  };
  const reads = procedures().filter((p) => p.writes === false).map((p) => p.path.join('.'));
  expect(Object.keys(calls).sort()).toEqual(reads.sort());

  const before = everything();
  expect(before.clients!.length).toBe(30);
  for (const name of reads) expect(await calls[name]!(), name).toBeDefined();
  expect(everything()).toEqual(before);
});
