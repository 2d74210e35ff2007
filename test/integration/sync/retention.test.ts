// Erasure against retention across the backend and two devices: a client's
// advice record survives the erasure restricted everywhere it was held, is
// found by nothing the product reads (list, search, contract reads, learning,
// rating, console, pull), can be disclosed on purpose (logged on the device
// and the backend), and is deleted everywhere once ten years and a day have
// passed, not before.
import { createRouterClient } from '@orpc/server';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Clock } from '#backend/clock.ts';
import { deviationsByRetailer, listApprovals } from '#backend/console/views.ts';
import { adviceDisclosures, manufacturerDocuments, records, restrictedAdviceRecords } from '#backend/db/schema.ts';
import { learnPropensities } from '#backend/learn.ts';
import { pullChanges } from '#backend/pull.ts';
import { rateAllRetailers } from '#backend/rating.ts';
import { discloseByCommand, DisclosureError, disclosureLog, purgeRestricted } from '#backend/retention.ts';
import { versionHash, type AdviceContent } from '#core/advice.ts';
import { RETENTION_YEARS } from '#core/retention.ts';
import { disclosures, purgeRestricted as purgeOnDevice } from '#db/retention.ts';
import { createRouter } from '#services/router.ts';
import { DAY, startWorld, syncUntilDone, type Device, type World } from './world.ts';

let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
let w: World;
beforeEach(async () => { offsetMs = 0; w = await startWorld({ clock }); });
afterEach(async () => { await w.close(); });

const rpcOf = (d: Device) => createRouterClient(createRouter({ store: d.store, mode: 'browser', loadDemoBook: () => undefined, sync: d.engine }));
const countOn = (d: Device, table: string) => (d.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const SEGMENT = 'convenient_non_searcher';

/** Anna's client with a meeting, an offer decided in it (shared with the manufacturer, consenting to contact) and version 1 of its advice record, on both her devices. */
async function setUp() {
  const anna = await w.person('Anna Berger');
  const laptop = await w.device(anna.id, 'Annas Laptop');
  const tablet = await w.device(anna.id, 'Annas Tablet');
  const clientId = uuidv7();
  const meetingId = uuidv7();
  const s = laptop.store;
  s.mutate('client.create', { id: clientId, firstName: 'Greta', lastName: 'Quandt', birthDate: '1961-04-12' });
  s.mutate('consent.record', { id: uuidv7(), clientId, purpose: 'manufacturer_sharing', granted: true, method: 'written' });
  s.mutate('consent.record', { id: uuidv7(), clientId, purpose: 'contact', granted: true, method: 'written' });
  s.mutate('meeting.start', { id: meetingId, clientId, reason: 'Ruhestand' });
  s.mutate('offer.outcome', { id: uuidv7(), clientId, meetingId, offerId: 'household_contents', offerKind: 'base', outcome: 'accepted', segment: SEGMENT, summary: 'Hausrat angenommen' });
  s.mutate('meeting.end', { id: meetingId });
  const startedAt = (s.sqlite.prepare('SELECT started_at AS at FROM meetings WHERE id = ?').get(meetingId) as { at: number }).at;
  const content: AdviceContent = {
    language: 'de', client: { name: 'Greta Quandt', birthDate: '1961-04-12', address: null }, advisor: 'Anna Berger',
    meeting: { id: meetingId, startedAt, endedAt: null }, reason: 'Ruhestand', wishes: 'Einkommen im Alter', riskSituation: null,
    offers: [], advice: 'Rentenversicherung', decision: 'Nimmt sie.',
  };
  const v1 = { meetingId, recordVersion: 1, previousHash: null, content };
  s.mutate('advice.create', { ...v1, contentHash: versionHash(v1) });
  await syncUntilDone(laptop);
  await syncUntilDone(tablet);
  expect(countOn(tablet, 'advice_records')).toBe(1);
  return { anna, laptop, tablet, clientId, meetingId, recordId: `${meetingId}:v1`, contentHash: versionHash(v1) };
}

async function latestPropensities() {
  const [row] = await w.db.select({ body: manufacturerDocuments.body }).from(manufacturerDocuments)
    .where(eq(manufacturerDocuments.kind, 'propensities')).orderBy(desc(manufacturerDocuments.version)).limit(1);
  return row?.body as { outcomes: Record<string, Record<string, number>> } | undefined;
}

it('erased on one device: restricted on the backend and both devices, seen by nothing, purged everywhere ten years and a day later', async () => {
  const { anna, laptop, tablet, clientId, recordId, contentHash } = await setUp();
  await learnPropensities(w.db, clock.now());
  expect((await latestPropensities())!.outcomes[SEGMENT]).toEqual({ household_contents: 1 });

  await rpcOf(laptop).clients.erase({ id: clientId });
  await syncUntilDone(laptop);
  await syncUntilDone(tablet);

  // The backend: no live record of the client, the advice record restricted with its content.
  expect(await w.db.select().from(records).where(eq(records.clientId, clientId))).toEqual([]);
  const [held] = await w.db.select().from(restrictedAdviceRecords);
  expect(held).toMatchObject({ id: recordId, clientId, contentHash, recordVersion: 1 });
  expect((held!.content as AdviceContent).client.name).toBe('Greta Quandt');
  const retainUntil = held!.retainUntil.getTime();
  expect(new Date(retainUntil).getUTCFullYear()).toBe(held!.createdAt.getUTCFullYear() + RETENTION_YEARS);

  // Both devices: restricted, the live tables empty, nothing of her in any read.
  for (const d of [laptop, tablet]) {
    for (const table of ['clients', 'meetings', 'advice_records', 'offer_outcomes', 'consents']) expect(countOn(d, table), `${d.name} ${table}`).toBe(0);
    const row = d.store.sqlite.prepare('SELECT id, content_hash AS hash, retain_until AS until FROM restricted_advice_records').get();
    expect(row, d.name).toEqual({ id: recordId, hash: contentHash, until: retainUntil });
    const rpc = rpcOf(d);
    expect((await rpc.clients.list({})).items).toEqual([]);
    expect((await rpc.clients.list({ query: 'Quandt' })).items).toEqual([]);
    await expect(rpc.clients.get({ id: clientId })).rejects.toMatchObject({ data: { problems: [{ code: 'not_found' }] } });
    await expect(rpc.advice.get({ meetingId: recordId.split(':')[0]! })).rejects.toMatchObject({ data: { problems: [{ code: 'not_found' }] } });
    expect(JSON.stringify(await rpc.book.picture())).not.toContain(clientId);
    expect(await rpc.retention.summary()).toMatchObject({ count: 1, lastEnds: retainUntil });
  }
  // Learning no longer counts her outcome; rating and the console's reads never name her.
  await learnPropensities(w.db, clock.now());
  expect((await latestPropensities())!.outcomes[SEGMENT]).toBeUndefined();
  const manufacturerReads = JSON.stringify([await rateAllRetailers(w.db, clock.now()), await listApprovals(w.db, 'all'), await deviationsByRetailer(w.db)]);
  expect(manufacturerReads).not.toContain(clientId);
  expect(manufacturerReads).not.toContain('Quandt');
  // A pull from the start, for any device of hers: tombstones at most, never the record's content.
  const pulled = await pullChanges(w.db, clock, anna.id, { cursor: null, limit: 5000 });
  expect(pulled.records.filter((r) => r.clientId === clientId && r.state !== null)).toEqual([]);
  expect(JSON.stringify(pulled)).not.toContain('Quandt');
  const fresh = await w.device(anna.id, 'Annas neuer Laptop');
  await syncUntilDone(fresh);
  expect(countOn(fresh, 'restricted_advice_records') + countOn(fresh, 'advice_records') + countOn(fresh, 'clients')).toBe(0);

  // A day before retention ends: kept on all three.
  offsetMs = retainUntil - Date.now() - DAY;
  for (const d of [laptop, tablet]) d.setClockOffset(offsetMs);
  expect(await purgeRestricted(w.db, clock.now())).toBe(0);
  for (const d of [laptop, tablet]) expect(purgeOnDevice(d.store.db, d.store.now())).toBe(0);
  expect(await w.db.select().from(restrictedAdviceRecords)).toHaveLength(1);

  // Ten years and a day after the record: gone on all three.
  offsetMs = retainUntil - Date.now() + DAY;
  for (const d of [laptop, tablet]) d.setClockOffset(offsetMs);
  expect(await purgeRestricted(w.db, clock.now())).toBe(1);
  for (const d of [laptop, tablet]) {
    expect(purgeOnDevice(d.store.db, d.store.now())).toBe(1);
    expect(countOn(d, 'restricted_advice_records')).toBe(0);
    expect(await rpcOf(d).retention.summary()).toEqual({ count: 0, firstEnds: null, lastEnds: null });
  }
  expect(await w.db.select().from(restrictedAdviceRecords)).toEqual([]);
});

it('a device offline at the erasure, with unsent changes about the client, loses them and keeps the record restricted', async () => {
  const { laptop, tablet, clientId, recordId } = await setUp();
  tablet.store.mutate('client.update', { id: clientId, patch: { city: 'Bonn' } });
  await rpcOf(laptop).clients.erase({ id: clientId });
  await syncUntilDone(laptop);
  await syncUntilDone(tablet);
  expect(countOn(tablet, 'clients')).toBe(0);
  expect(tablet.store.sqlite.prepare('SELECT id FROM restricted_advice_records').all()).toEqual([{ id: recordId }]);
  // The refused change is listed, emptied of her.
  const refused = tablet.engine.getStatus().refused;
  expect(refused.map((r) => r.code)).toEqual(['client_erased']);
  expect(JSON.stringify(tablet.store.sqlite.prepare('SELECT args FROM outbox').all())).not.toContain('Bonn');
});

it('a disclosure on a device is logged there and at the backend; the command discloses for an authority; bad input writes nothing', async () => {
  const { anna, laptop, tablet, clientId, recordId, contentHash } = await setUp();
  await rpcOf(laptop).clients.erase({ id: clientId });
  await syncUntilDone(laptop);
  await syncUntilDone(tablet);

  const shown = await rpcOf(tablet).retention.disclose({ recordId, to: 'client', note: 'Auf Wunsch der Kundin' });
  expect(shown.content.client.name).toBe('Greta Quandt');
  await syncUntilDone(tablet);
  expect(tablet.engine.getStatus().refused).toEqual([]);
  expect(disclosures(tablet.store.db)).toHaveLength(1);
  const log = await disclosureLog(w.db);
  expect(log).toEqual([expect.objectContaining({
    id: shown.disclosureId, recordId, clientId, userId: anna.id, disclosedByName: 'Anna Berger', disclosedTo: 'client', note: 'Auf Wunsch der Kundin', via: 'device',
  })]);

  // The manufacturer, asked by an authority: by the printed checksum.
  const byCommand = await discloseByCommand(w.db, { record: contentHash.slice(0, 10), to: 'authority', by: 'Hanna Hersteller', note: 'BaFin 2026/17' }, clock.now());
  expect(byCommand.record.id).toBe(recordId);
  // Refused, each saying what to do, and nothing logged.
  await expect(discloseByCommand(w.db, { record: recordId, to: 'neighbour', by: 'Hanna Hersteller' }, clock.now())).rejects.toThrow(/--for must say for whom.*client or authority/);
  await expect(discloseByCommand(w.db, { record: 'deadbeef00', to: 'authority', by: 'Hanna Hersteller' }, clock.now())).rejects.toBeInstanceOf(DisclosureError);
  await expect(discloseByCommand(w.db, { record: recordId, to: 'authority', by: '  ' }, clock.now())).rejects.toThrow(/--by must name who/);
  const after = await w.db.select().from(adviceDisclosures).orderBy(asc(adviceDisclosures.disclosedAt));
  expect(after.map((d) => [d.via, d.disclosedTo, d.disclosedByName])).toEqual([['device', 'client', 'Anna Berger'], ['command', 'authority', 'Hanna Hersteller']]);

  // Someone who never had the client: refused like any stranger, nothing logged.
  const ben = await w.person('Ben Kaya');
  const bens = await w.device(ben.id, 'Bens Laptop');
  // A tampered book: Anna's restricted record copied into Ben's, so his device sends the disclosure.
  const row = tablet.store.sqlite.prepare('SELECT * FROM restricted_advice_records').get() as Record<string, unknown>;
  bens.store.sqlite.prepare(`INSERT INTO restricted_advice_records (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`)
    .run(...Object.values(row));
  await rpcOf(bens).retention.disclose({ recordId, to: 'authority' });
  await syncUntilDone(bens);
  expect(bens.engine.getStatus().refused.map((r) => r.code)).toEqual(['not_found']);
  expect(await w.db.execute(sql`SELECT count(*)::int AS n FROM advice_disclosures`).then((r) => (r as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(2);

  // A person whose roles include no client work: refused on the device already, by role, and nothing logged or queued.
  const admin = await w.person('Max Verwaltung', ['admin']);
  const admins = await w.device(admin.id, 'Verwaltungs-PC');
  admins.store.sqlite.prepare(`INSERT INTO restricted_advice_records (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`)
    .run(...Object.values(row));
  await expect(rpcOf(admins).retention.disclose({ recordId, to: 'authority' })).rejects.toMatchObject({ data: { problems: [{ code: 'role_not_allowed' }] } });
  expect(disclosures(admins.store.db)).toEqual([]);
  expect(admins.store.pendingCount()).toBe(0);
});
