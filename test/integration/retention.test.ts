// Advice records after erasure, on one device's real encrypted book: moved to
// the restricted store (content, chain and delivery intact), gone from every
// read of the product, shown only through a disclosure that names for whom and
// is logged and queued for the backend, and deleted once retention ends.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { RETENTION_YEARS } from '#core/retention.ts';
import { eraseClientLocally } from '#db/erase.ts';
import { disclosures, purgeRestricted } from '#db/retention.ts';
import type { openTestStore } from '../support/book.ts';
import { openTestRouter, type Workstation } from '../support/router.ts';

const DAY = 86_400_000;
let clock = Date.parse('2026-03-02T10:00:00Z');
let t: ReturnType<typeof openTestStore>;
let rpc: Workstation;
beforeEach(async () => {
  clock = Date.parse('2026-03-02T10:00:00Z');
  ({ t, rpc } = openTestRouter({ now: () => clock }));
  await rpc.session.setup({ displayName: 'Anna Berger', roles: ['advisor'], locale: 'de', demoBook: false });
});
afterEach(() => t.close());

const count = (table: string) => (t.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** A client with an ended meeting whose advice record was delivered, then corrected (two versions). */
async function clientWithRecord(firstName = 'Greta', lastName = 'Quandt', birthDate = '1961-04-12') {
  const { id: clientId } = await rpc.clients.create({ firstName, lastName, birthDate, city: 'Köln' });
  const { id: meetingId } = await rpc.meetings.start({ clientId, reason: 'Ruhestand planen' });
  await rpc.meetings.update({ id: meetingId, patch: { wishes: 'Einkommen im Alter sichern', decision: 'Nimmt die Rentenversicherung.' } });
  await rpc.meetings.end({ id: meetingId });
  await rpc.advice.deliver({ meetingId, recordVersion: 1, channel: 'handed_over' });
  await rpc.meetings.update({ id: meetingId, patch: { decision: 'Nimmt die Rentenversicherung, ab Mai.' } });
  const view = await rpc.advice.make({ meetingId, language: 'de' });
  return { clientId, meetingId, versions: view.versions };
}

it('erasing moves every advice record version out of the book, complete, and leaves nothing of the client anywhere the product reads', async () => {
  const { clientId, meetingId, versions } = await clientWithRecord();
  const kept = await rpc.clients.create({ firstName: 'Paul', lastName: 'Bauer' });
  expect(await rpc.retention.ofClient({ clientId })).toEqual({ count: 2, until: Date.parse('2036-03-02T10:00:00Z') });
  clock += DAY;
  await rpc.clients.erase({ id: clientId });

  expect(count('advice_records')).toBe(0);
  expect(count('meetings')).toBe(0);
  const rows = t.store.sqlite.prepare('SELECT * FROM restricted_advice_records ORDER BY record_version').all() as Record<string, unknown>[];
  expect(rows.map((r) => [r.id, r.client_id, r.record_version, r.content_hash, r.previous_hash, r.restricted_at])).toEqual(
    versions.map((v) => [`${meetingId}:v${v.recordVersion}`, clientId, v.recordVersion, v.contentHash, v.previousHash, clock]),
  );
  // Content as it was: it names the client, so it can be shown to them; the delivery stays proven.
  expect(JSON.parse(rows[0]!.content as string)).toEqual(versions[0]!.content);
  expect(rows[0]!.delivered_at).toBe(versions[0]!.deliveredAt);
  expect(rows[0]!.retain_until).toBe(Date.parse(`${2026 + RETENTION_YEARS}-03-02T10:00:00Z`));

  // Nowhere in the product: list, search, the client page, the meeting's record, the book picture.
  expect((await rpc.clients.list({})).items.map((c) => c.id)).toEqual([kept.id]);
  expect((await rpc.clients.list({ query: 'Quandt' })).items).toEqual([]);
  await expect(rpc.clients.get({ id: clientId })).rejects.toMatchObject({ data: { problems: [{ code: 'not_found' }] } });
  await expect(rpc.advice.get({ meetingId })).rejects.toMatchObject({ data: { problems: [{ code: 'not_found' }] } });
  await expect(rpc.advice.pdf({ meetingId, recordVersion: 1 })).rejects.toMatchObject({ data: { problems: [{ code: 'not_found' }] } });
  expect(JSON.stringify(await rpc.book.picture())).not.toContain(clientId);
  // The settings section counts them and names no one.
  const summary = await rpc.retention.summary();
  expect(summary).toEqual({ count: 2, firstEnds: rows[0]!.retain_until, lastEnds: rows[1]!.retain_until });
  expect(JSON.stringify(summary)).not.toMatch(/Quandt|Greta/);
});

it('finds a record by name (accents and case aside), birth date or printed checksum, without showing its content', async () => {
  const { clientId, versions } = await clientWithRecord('Jürgen', 'Müller', '1958-11-03');
  await rpc.clients.erase({ id: clientId });
  expect(await rpc.retention.find({ name: 'jurgen MÜLLER' })).toHaveLength(2);
  expect(await rpc.retention.find({ name: 'Müller', birthDate: '1958-11-03' })).toHaveLength(2);
  expect(await rpc.retention.find({ name: 'Müller', birthDate: '1958-11-04' })).toEqual([]);
  const byChecksum = await rpc.retention.find({ checksum: versions[1]!.contentHash.slice(0, 10).toUpperCase() });
  expect(byChecksum.map((h) => h.recordVersion)).toEqual([2]);
  expect(JSON.stringify(byChecksum)).not.toMatch(/Müller|Rentenversicherung/);
  // Bad input is said, and nothing is searched.
  await expect(rpc.retention.find({})).rejects.toMatchObject({ data: { problems: [{ field: 'name', code: 'required' }] } });
  await expect(rpc.retention.find({ checksum: 'abc' })).rejects.toMatchObject({ data: { problems: [{ field: 'checksum', code: 'invalid_value' }] } });
  await expect(rpc.retention.find({ name: 'Müller', birthDate: '1958-02-30' })).rejects.toMatchObject({ data: { problems: [{ code: 'invalid_date' }] } });
});

it('discloses a record only for a chosen "for whom", logs who, when, which, for whom and why, and queues it for the manufacturer', async () => {
  const { clientId, meetingId, versions } = await clientWithRecord();
  await rpc.clients.erase({ id: clientId });
  const [hit] = await rpc.retention.find({ name: 'Quandt' });
  const pendingBefore = t.store.pendingCount();

  // Without a choice: refused by name, nothing logged, nothing queued.
  await expect(rpc.retention.disclose({ recordId: hit!.id } as never)).rejects.toMatchObject({ data: { problems: [{ field: 'to', code: 'required' }] } });
  await expect(rpc.retention.disclose({ recordId: hit!.id, to: 'neighbour' } as never)).rejects.toMatchObject({ data: { problems: [{ field: 'to' }] } });
  // A record not kept here: not found, nothing logged.
  await expect(rpc.retention.disclose({ recordId: `${uuidv7()}:v1`, to: 'client' })).rejects.toMatchObject({ data: { problems: [{ code: 'not_found' }] } });
  expect(disclosures(t.store.db)).toEqual([]);
  expect(t.store.pendingCount()).toBe(pendingBefore);

  clock += 3 * DAY;
  const shown = await rpc.retention.disclose({ recordId: hit!.id, to: 'authority', note: 'LG Köln, Az. 4 O 12/26' });
  expect(shown.content).toEqual(versions.find((v) => `${meetingId}:v${v.recordVersion}` === hit!.id)!.content);
  expect(shown.content.client.name).toBe('Greta Quandt');
  expect(disclosures(t.store.db)).toEqual([{
    id: shown.disclosureId, recordId: hit!.id, clientId, disclosedBy: t.store.userId, disclosedByName: 'Anna Berger',
    disclosedTo: 'authority', note: 'LG Köln, Az. 4 O 12/26', disclosedAt: clock,
  }]);
  const queued = t.store.sqlite.prepare(`SELECT name, args, client_id AS clientId FROM outbox WHERE status = 'pending' ORDER BY seq DESC LIMIT 1`).get() as { name: string; args: string; clientId: string | null };
  expect(queued.name).toBe('advice.disclose');
  expect(JSON.parse(queued.args)).toEqual({ id: shown.disclosureId, recordId: hit!.id, clientId, to: 'authority', note: 'LG Köln, Az. 4 O 12/26' });
  // A tombstone of the client arriving later (another device's erasure) keeps it queued: the backend's log needs it.
  t.store.transaction(() => eraseClientLocally(t.store.db, clientId, { at: clock, restrict: true }));
  expect(t.store.sqlite.prepare(`SELECT name FROM outbox WHERE status = 'pending' ORDER BY seq DESC LIMIT 1`).get()).toEqual({ name: 'advice.disclose' });
  expect(count('restricted_advice_records')).toBe(2);

  const pdf = await rpc.retention.pdf({ disclosureId: shown.disclosureId });
  expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  // A PDF only under a disclosure that was logged.
  await expect(rpc.retention.pdf({ disclosureId: uuidv7() })).rejects.toMatchObject({ data: { problems: [{ code: 'not_found' }] } });
});

it('the purge deletes a record once its retention has ended and not a day before; the disclosure log keeps its entry', async () => {
  const { clientId } = await clientWithRecord();
  const other = await clientWithRecord('Otto', 'Späth', '1970-01-01');
  await rpc.clients.erase({ id: clientId });
  const [hit] = await rpc.retention.find({ name: 'Quandt' });
  await rpc.retention.disclose({ recordId: hit!.id, to: 'client' });
  const ends = (await rpc.retention.summary()).lastEnds!;

  expect(purgeRestricted(t.store.db, ends - 1)).toBe(0);
  expect(count('restricted_advice_records')).toBe(2);
  expect(purgeRestricted(t.store.db, ends + DAY)).toBe(2);
  expect(await rpc.retention.summary()).toEqual({ count: 0, firstEnds: null, lastEnds: null });
  expect(await rpc.retention.find({ name: 'Quandt' })).toEqual([]);
  // The log names the record by id, and stays.
  expect(disclosures(t.store.db).map((d) => d.recordId)).toEqual([hit!.id]);
  // The client who was not erased keeps their live records, whatever the date.
  expect((await rpc.advice.get({ meetingId: other.meetingId })).versions).toHaveLength(2);
});
