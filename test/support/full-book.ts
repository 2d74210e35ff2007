// A book with something of every kind in it, made through the contract as the
// UI makes it: two clients with consent, meetings (one ended, with its advice
// record delivered, one running), answers that drew a segment, a task, a
// touchpoint, holdings, mandates, offer decisions. Every call is recorded, so
// a fuzz test starts each procedure from an input that was just accepted, and
// the outbox holds a real mutation of (nearly) every kind for the backend.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRouterClient } from '@orpc/server';
import { getLocalUser } from '#db/queries.ts';
import { bulkLoad } from '#db/bulk.ts';
import type { Sqlite } from '#db/open.ts';
import { openDatabase } from '#db/open.ts';
import { Store } from '#db/store.ts';
import { heldCatalogue } from '#services/catalogue.ts';
import { createRouter } from '#services/router.ts';
import { peopleLookup, storeDirectory } from '#services/sync/directory.ts';
import { SyncEngine } from '#services/sync/engine.ts';
import { tempDir, TEST_ROLES } from './book.ts';
import { fillForm } from './fill-form.ts';
import { openTestRouter, type Workstation } from './router.ts';

export interface FullBook {
  /** The client most inputs are about. */
  target: string;
  /** A client nothing is done to: anything of theirs that changes is a leak. */
  bystander: string;
  /** The last input each procedure accepted (or, for sync, answered without a broken form). */
  inputs: Map<string, unknown>;
  /** The alerts that arrived as if by sync, so a backend can be given them too: id, client, coach. */
  alerts: { id: string; clientId: string; coachId: string }[];
}

/** The life coach the book's clients are shared with: in the book's directory, and a user of the backend a fuzz test pushes the book to. */
export const FULL_BOOK_COACH = { id: '0190a000-0000-7000-8000-00000000c0ac', displayName: 'Lena Hoffmann' };

const CONSCIOUS = { purchase_driver: 'price_for_quality', trust_anchor: 'personal_advisor', data_sharing: 'on_request', activity_level: 'high', preferred_channel: 'advisor_meeting' } as const;

/** Alerts arrive by sync from the backend: written into the book as a pull would, one per action a coach takes. */
function alertsArrive(sqlite: Sqlite, clientId: string, coachId: string): string[] {
  const ids = Array.from({ length: 5 }, () => crypto.randomUUID());
  bulkLoad(sqlite, {
    alerts: ids.map((id, i) => ({
      id, updatedAt: Date.now(), hlc: `${Date.now()}`, clientId, coachId, event: i % 2 ? 'travel_planned' : 'moving', signal: `s-${id}`,
      signals: [{ id: `s-${id}`, evidence: 'Hinweis aus der Assistenz-App', observedAt: new Date().toISOString(), eventDate: null }],
      offers: i % 2 ? ['bundle_trip'] : ['bundle_moving', 'household_contents'], argumentStyle: 'convenience', reaction: 'propose', rulesVersion: '1', status: 'open', createdAt: Date.now() - i * 60_000,
    })),
  });
  return ids;
}

export async function fillBook(rpc: Workstation, sqlite?: Sqlite): Promise<FullBook> {
  const inputs = new Map<string, unknown>();
  const alerts: FullBook['alerts'] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- called by name, as the fuzz test calls every procedure
  const call = async (path: string, input: unknown): Promise<any> => {
    inputs.set(path, structuredClone(input));
    const [ns, name] = path.split('.') as [string, string];
    return (rpc as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[ns]![name]!(input);
  };
  await call('session.setup', { displayName: 'Anna Berger', roles: ['advisor', 'life_coach', 'retailer'], locale: 'de', demoBook: false });
  await call('session.setLocale', { locale: 'de' });
  await call('session.setRoles', { roles: ['advisor', 'life_coach', 'retailer'] });
  const products = await rpc.catalogue.products();

  async function clientWithEverything(firstName: string, lastName: string): Promise<string> {
    const { id: clientId } = await call('clients.create', { firstName, lastName, email: 'kunde@example.de', postalCode: '10115', householdSize: 2 });
    await call('clients.update', { id: clientId, patch: { city: 'Berlin', birthDate: '1980-02-29' } });
    await call('consents.record', { clientId, purpose: 'profiling', granted: true, method: 'written' });
    // Offers are put to the client, and the coach contacts them about alerts: only with consent to contact.
    await call('consents.record', { clientId, purpose: 'contact', granted: true, method: 'written' });
    const { id: ended } = await call('meetings.start', { clientId, reason: 'Jahresgespräch' });
    await call('meetings.update', { id: ended, patch: { wishes: 'Mehr Schutz für die Familie', nps: 9, ces: 6 } });
    for (const [attribute, value] of Object.entries(CONSCIOUS)) await call('answers.set', { clientId, meetingId: ended, attribute, value, answeredBy: 'client' });
    // The conclusion is drawn before the next call (services/derive.ts); more answers then draw the same segment
    // again and refresh it.
    await rpc.segments.state({ clientId });
    await call('answers.set', { clientId, meetingId: ended, attribute: 'tech_affinity', value: 'medium' });
    await call('touchpoints.add', { clientId, kind: 'call', channel: 'phone', occurredAt: Date.now() - 60_000, summary: 'Rückruf wegen Hausrat' });
    // A meeting planned, moved, held from the plan; another planned and called off; the day and the calendar read.
    const day = Date.UTC(2026, 11, 3, 8);
    const { id: planned } = await call('appointments.plan', { clientId, startsAt: day, minutes: 60, place: 'Büro', purpose: 'Jahresgespräch' });
    await call('appointments.update', { id: planned, patch: { minutes: 45 } });
    await call('appointments.start', { id: planned });
    const { id: offPlan } = await call('appointments.plan', { clientId, startsAt: day + 86_400_000, minutes: 30, purpose: 'Rückfrage' });
    await call('appointments.cancel', { id: offPlan });
    await call('appointments.ofClient', { clientId, from: day - 86_400_000 });
    await call('appointments.calendar', { from: day - 86_400_000, to: day + 7 * 86_400_000, language: 'de' });
    await call('day.view', { from: day - 8 * 3_600_000, to: day + 16 * 3_600_000, day: '2026-12-03' });
    const { id: task } = await call('tasks.add', { clientId, title: 'Angebot schicken', dueDate: '2026-12-24', notes: 'mit Rabatt' });
    await call('tasks.update', { id: task, patch: { done: true } });
    const product = products[0]!;
    const { id: ending } = await call('holdings.add', { clientId, productId: products[1]!.id, since: '2019-05-01', yearlyPremiumCents: 9_000 });
    await call('holdings.end', { id: ending, endedOn: '2024-05-01' });
    await call('holdings.add', { clientId, productId: product.id, since: '2020-01-01', yearlyPremiumCents: 12_000 });
    const revoked = crypto.randomUUID();
    await call('mandates.grant', { id: revoked, clientId, budgetCents: 10_000, period: 'month', areas: ['travel'], perPurchaseCapCents: 1_000, validFrom: '2026-01-01' });
    await call('mandates.revoke', { id: revoked });
    const mandate = crypto.randomUUID();
    await call('mandates.grant', { id: mandate, clientId, budgetCents: 50_000, period: 'month', areas: ['travel', 'household'], perPurchaseCapCents: 10_000, validFrom: '2026-01-01', validUntil: '2027-12-31' });
    await call('mandates.update', { id: mandate, patch: { budgetCents: 60_000, areas: ['travel'] }, expected: { budgetCents: 50_000, perPurchaseCapCents: 10_000 } });
    if (sqlite) {
      const me = (await rpc.session.status()).user!.id;
      const arrived = alertsArrive(sqlite, clientId, me);
      alerts.push(...arrived.map((id) => ({ id, clientId, coachId: me })));
      const [snoozed, dismissed, contacted, proposed, rejected] = arrived;
      await call('alerts.inbox', { filter: 'open', urgentOnly: false, lang: 'de', limit: 50, offset: 0 });
      await call('alerts.snooze', { id: snoozed, until: '2099-12-31' });
      await call('alerts.dismiss', { id: dismissed, reason: 'other', note: 'Kunde hat schon abgeschlossen' });
      await call('alerts.contact', { alertId: contacted, touchpoint: { kind: 'call', channel: 'phone', occurredAt: Date.now() - 60_000, summary: 'Umzug besprochen' } });
      await call('alerts.propose', { alertId: proposed, outcome: { offerId: 'bundle_moving', offerKind: 'bundle', outcome: 'postponed', reasonCode: 'wrong_timing', summary: 'Umzugspaket später' } });
      await call('alerts.rejectConclusion', { alertId: rejected });
      await call('purchases.check', { mandateId: mandate, items: ['travel_cancellation'], days: 1, singleConsent: false });
      await call('purchases.make', { mandateId: mandate, items: ['travel_cancellation'], days: 1, singleConsent: false });
      await call('purchases.ofClient', { clientId });
      const [bought] = (await rpc.purchases.ofClient({ clientId })).purchases;
      await call('feedback.record', { id: bought!.id, clientId, about: 'purchase', nps: 9, ces: 6 });
      await call('feedback.ofClient', { clientId });
    }
    await call('segments.state', { clientId });
    const { id: conclusion } = await call('segments.override', { clientId, segment: 'conscious_purchase_seeker', reason: 'Kennt die Familie seit Jahren' });
    await call('conclusions.review', { id: conclusion, status: 'confirmed', note: 'am Telefon bestätigt' });
    await call('offers.inputs', { clientId, meetingId: ended });
    await call('offers.outcome', { id: crypto.randomUUID(), clientId, meetingId: ended, offerId: 'household_contents', offerKind: 'base', outcome: 'accepted', segment: 'conscious_purchase_seeker', reasons: [{ code: 'life_event', event: 'family_growing' }], summary: 'Angebot Hausrat: angenommen' });
    const takenBack = crypto.randomUUID();
    await call('offers.outcome', { id: takenBack, clientId, meetingId: ended, offerId: 'ebike', offerKind: 'base', outcome: 'rejected', reasonCode: 'not_relevant', segment: null, summary: 'Angebot E-Bike: abgelehnt' });
    await call('offers.undo', { id: takenBack, clientId, meetingId: ended });
    await call('meetings.end', { id: ended });
    await call('advice.get', { meetingId: ended });
    await call('meetings.update', { id: ended, patch: { advice: 'Hausrat erhöhen' } });
    await call('advice.make', { meetingId: ended, language: 'de' });
    await call('advice.deliver', { meetingId: ended, recordVersion: 1, channel: 'handed_over' });
    await call('advice.pdf', { meetingId: ended, recordVersion: 1, language: 'en' });
    // A running meeting with a decision in it, which may still be taken back.
    const { id: running } = await call('meetings.start', { clientId, reason: 'Nachfrage' });
    await call('meetings.update', { id: running, patch: { notes: 'läuft' } });
    const open = crypto.randomUUID();
    await call('offers.outcome', { id: open, clientId, meetingId: running, offerId: 'ebike', offerKind: 'base', outcome: 'postponed', reasonCode: 'wrong_timing', segment: null, summary: 'Angebot E-Bike: später' });
    await call('offers.inputs', { clientId, meetingId: running });
    await call('offers.undo', { id: open, clientId, meetingId: running });
    await call('offers.outcome', { id: open, clientId, meetingId: running, offerId: 'ebike', offerKind: 'base', outcome: 'postponed', reasonCode: 'wrong_timing', segment: null, summary: 'Angebot E-Bike: später' });
    await call('meetings.get', { id: running });
    await call('tiers.get', { clientId });
    // A sale at the proposed price and a request above it: the same on a device granted no ranges and a backend that grants none.
    const green = { clientId, productId: 'green_household', variant: null };
    await call('retail.quote', { ...green, chosenCents: 1300, reason: 'client_value', reasonText: null });
    await call('retail.recordSale', { ...green, chosenCents: 1240, reason: null, reasonText: null, approvalId: null });
    await call('retail.requestApproval', { ...green, chosenCents: 1600, reason: 'other', reasonText: 'Sonderanfertigung gewünscht' });
    await call('retail.sales', { clientId, limit: 100 });
    await call('book.satisfaction', { months: 6 });
    await call('retail.approvals', { clientId, status: 'pending', limit: 100 });
    // Shared with a coach, taken back, shared again: the coach has the client.
    await call('sharing.coaches', undefined);
    await call('sharing.share', { id: clientId, userId: FULL_BOOK_COACH.id });
    await call('sharing.unshare', { id: clientId, userId: FULL_BOOK_COACH.id });
    await call('sharing.share', { id: clientId, userId: FULL_BOOK_COACH.id });
    await call('clients.get', { id: clientId });
    // The client asks for their email to be corrected: recorded as a correction, and in the export.
    await call('clients.update', { id: clientId, patch: { email: 'kunde.neu@example.de' }, correction: { before: { email: 'kunde@example.de' } } });
    await call('clients.corrections', { clientId });
    await call('clients.export', { clientId });
    await call('clients.exportPdf', { clientId, language: 'en' });
    return clientId;
  }

  const bystander = await clientWithEverything('Jonas', 'Keller');
  const target = await clientWithEverything('Hanna', 'Vogt');
  await call('clients.list', { query: 'Vogt', offset: 0, limit: 50 });
  // A client list in and out: opened, checked, imported (a new client; a likely duplicate of the target, merged), exported.
  const list = 'Name;Vorname;PLZ;E-Mail\r\nVogt;Hanna;10117;kunde.neu@example.de\r\nBrandt;Lena;50667;lena@example.de\r\n';
  let importId = '';
  for await (const e of await call('lists.open', { fileName: 'liste.csv', base64: Buffer.from(list).toString('base64') })) if (e.type === 'opened') importId = e.list.importId;
  const mapping = { lastName: 0, firstName: 1, postalCode: 2, email: 3 };
  await call('lists.check', { importId, mapping });
  for await (const _ of await call('lists.apply', { importId, mapping, merge: [2] })) { /* to its end */ }
  await call('lists.export', { format: 'xlsx', query: 'Vogt', language: 'de' });
  // The self-assessment form: made, filled in as a reader does, read back and taken.
  const form = await call('selfAssessment.make', { clientId: target, language: 'de' });
  const filled = Buffer.from(await fillForm(Buffer.from(form.base64, 'base64'), { q01: 2, q09_o1: true })).toString('base64');
  await call('selfAssessment.read', { clientId: target, base64: filled });
  await call('selfAssessment.take', { clientId: target, base64: filled, language: 'de' });
  // Clients made only to be deleted and erased: those inputs are then about clients gone.
  const { id: deleted } = await rpc.clients.create({ firstName: 'Gelöscht', lastName: 'Weg' });
  await call('clients.delete', { id: deleted });
  const { id: erased } = await rpc.clients.create({ firstName: 'Vergessen', lastName: 'Weg' });
  await rpc.consents.record({ clientId: erased, purpose: 'contact', granted: true, method: 'verbal' });
  // With an advice record, which the erasure keeps restricted: then found and disclosed.
  const { id: erasedMeeting } = await rpc.meetings.start({ clientId: erased, reason: 'Erstgespräch' });
  await rpc.meetings.end({ id: erasedMeeting });
  await call('retention.ofClient', { clientId: erased });
  await call('clients.erase', { id: erased });
  await call('retention.summary', undefined);
  const [restricted] = await call('retention.find', { name: 'Vergessen Weg' });
  const { disclosureId } = await call('retention.disclose', { recordId: restricted.id, to: 'client', note: 'Auskunft an den Kunden' });
  await call('retention.pdf', { disclosureId, language: 'de' });
  // Sync calls whose input is right but whose subject is not there: answered with a reason, nothing changes.
  await call('sync.dismiss', { seqs: [1] });
  await call('sync.resolve', { seq: 1, keep: 'current' }).catch(() => undefined);
  await call('sync.enrol', { url: 'http://127.0.0.1:9/', code: 'ABCD-EFGH-JKMN', deviceName: 'Laptop' }).catch(() => undefined);
  return { target, bystander, inputs, alerts };
}

/** The book's person sells too: a retailer's sale and request are in it. */
const FULL_BOOK_ROLES = [...TEST_ROLES, 'retailer'] as const;

/** A full book made once and kept as a file: each test opens its own copy, which is much quicker than filling it again. */
export async function fullBookTemplate() {
  const w = openTestRouter({ roles: () => FULL_BOOK_ROLES });
  storeDirectory(w.t.store, [FULL_BOOK_COACH], Date.now());
  const book = await fillBook(w.rpc, w.t.store.sqlite);
  w.t.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const outbox = w.t.store.sqlite.prepare('SELECT name, args, created_at AS at FROM outbox ORDER BY seq').all() as { name: string; args: string; at: number }[];
  const { key, path } = w.t;
  const { dir, cleanup } = tempDir('aw-template-');
  const template = join(dir, 'book.db');
  w.t.store.close();
  copyFileSync(path, template);
  w.t.cleanup();
  return {
    book,
    /** The mutations the book's outbox holds, in order, with when they were made: a real one of nearly every kind. */
    outbox: outbox.map((o) => ({ name: o.name, args: JSON.parse(o.args) as unknown, at: o.at })),
    /** A copy of the book, open with the contract served over it. */
    open() {
      const copy = tempDir();
      const file = join(copy.dir, 'book.db');
      copyFileSync(template, file);
      const { sqlite, db } = openDatabase({ path: file, key });
      const userId = getLocalUser(db)!.id;
      const person = () => ({ roles: FULL_BOOK_ROLES, ids: [userId] });
      const people = (s: Store) => peopleLookup(s, () => ({ ...person(), displayName: 'Anna Berger' }));
      const store = new Store(sqlite, db, { userId, person, catalogue: heldCatalogue, people });
      const rpc: Workstation = createRouterClient(createRouter({ store, mode: 'browser', loadDemoBook: () => undefined, sync: new SyncEngine(store) }));
      return { store, rpc, close: () => { store.close(); copy.cleanup(); } };
    },
    cleanup,
  };
}
