// The advice record from a real book: made when the meeting ends, with the
// rejected alternatives and why; delivered and frozen; a correction is the
// next version, chained; a stored version changed behind the app's back is found.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { openTestStore } from '../support/book.ts';
import { openTestRouter, type Workstation } from '../support/router.ts';
import { pdfTextOf } from '../support/pdf-text.ts';
import { de } from '../../renderer/src/i18n/de.ts';
import { en } from '../../renderer/src/i18n/en.ts';

let t: ReturnType<typeof openTestStore>;
let rpc: Workstation;
beforeEach(async () => {
  ({ t, rpc } = openTestRouter());
  await rpc.session.setup({ displayName: 'Anna Berger', roles: ['advisor'], locale: 'de', demoBook: false });
});
afterEach(() => t.close());

async function meetingWithOffers() {
  const { id: clientId } = await rpc.clients.create({ firstName: 'Sabine', lastName: 'Lorenz', city: 'Köln' });
  // Offers are put to a client who agreed to be contacted about them.
  await rpc.consents.record({ clientId, purpose: 'contact', granted: true, method: 'verbal' });
  const { id: meetingId } = await rpc.meetings.start({ clientId, reason: 'Umzug nach Köln' });
  await rpc.meetings.update({ id: meetingId, patch: { wishes: 'Hausrat absichern', decision: 'Nimmt die Hausratversicherung.' } });
  const outcome = (offerId: string, outcome: 'accepted' | 'rejected', reasonCode: 'too_expensive' | null, note?: string) =>
    t.store.mutate('offer.outcome', { id: uuidv7(), clientId, meetingId, offerId, offerKind: 'base', outcome, reasonCode, note, segment: null, reasons: ['Umzug'], summary: offerId });
  outcome('household_contents', 'accepted', null);
  outcome('building', 'rejected', 'too_expensive', 'Mietwohnung, kein Eigentum');
  await rpc.meetings.end({ id: meetingId });
  return { clientId, meetingId };
}

it('ending a meeting makes version 1, with the rejected alternative and the client’s reason', async () => {
  const { meetingId } = await meetingWithOffers();
  const view = await rpc.advice.get({ meetingId });
  expect(view.versions).toHaveLength(1);
  const content = view.versions[0]!.content;
  expect(content).toMatchObject({ language: 'de', reason: 'Umzug nach Köln', wishes: 'Hausrat absichern', decision: 'Nimmt die Hausratversicherung.', advisor: 'Anna Berger' });
  expect(content.offers).toEqual([
    expect.objectContaining({ offer: 'household_contents', name: 'Hausratversicherung', outcome: 'accepted' }),
    expect.objectContaining({ offer: 'building', outcome: 'rejected', reasonCode: 'too_expensive', note: 'Mietwohnung, kein Eigentum' }),
  ]);
  expect(view.chain).toEqual({ ok: true });
});

it('after delivery a correction is version 2, chained to version 1, and version 1 stays as delivered', async () => {
  const { meetingId } = await meetingWithOffers();
  await rpc.advice.deliver({ meetingId, recordVersion: 1, channel: 'handed_over' });
  const v1 = (await rpc.advice.get({ meetingId })).versions[0]!;
  expect(v1.deliveredAt).not.toBeNull();
  await rpc.meetings.update({ id: meetingId, patch: { decision: 'Nimmt Hausrat, überlegt noch Rechtsschutz.' } });
  const view = await rpc.advice.make({ meetingId, language: 'de' });
  expect(view.versions.map((v) => v.recordVersion)).toEqual([1, 2]);
  expect(view.versions[1]!.previousHash).toBe(v1.contentHash);
  expect(view.versions[0]).toEqual(v1);
  expect(view.chain).toEqual({ ok: true });
  // Nothing changed since: no version 3.
  expect((await rpc.advice.make({ meetingId, language: 'de' })).versions).toHaveLength(2);
  // Delivering again changes nothing: the first delivery is what can be proven.
  await rpc.advice.deliver({ meetingId, recordVersion: 1, channel: 'email' });
  expect((await rpc.advice.get({ meetingId })).versions[0]).toEqual(v1);
});

it('a stored version changed behind the app’s back fails verification, naming the version', async () => {
  const { meetingId } = await meetingWithOffers();
  await rpc.meetings.update({ id: meetingId, patch: { decision: 'Korrigiert.' } });
  await rpc.advice.make({ meetingId, language: 'de' });
  t.store.sqlite.prepare(`UPDATE advice_records SET content = json_set(content, '$.decision', 'Nimmt alles.') WHERE record_version = 1`).run();
  expect((await rpc.advice.get({ meetingId })).chain).toEqual({ ok: false, version: 1, problem: 'content' });
});

it('renders each version as a PDF', async () => {
  const { meetingId } = await meetingWithOffers();
  const pdf = await rpc.advice.pdf({ meetingId, recordVersion: 1 });
  const bytes = Buffer.from(pdf.base64, 'base64');
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(1500);
  expect(pdf.filename).toMatch(/^beratungsdokumentation-.+-v1-de\.pdf$/);
  await expect(rpc.advice.pdf({ meetingId, recordVersion: 9 })).rejects.toMatchObject({ data: { problems: [{ code: 'not_found' }] } });
});

it('the printed record uses the screen\'s own words, in German and in English', async () => {
  const { meetingId } = await meetingWithOffers();
  for (const [language, ui] of [['de', de], ['en', en]] as const) {
    const pdf = await rpc.advice.pdf({ meetingId, recordVersion: 1, language });
    const text = (await pdfTextOf(Buffer.from(pdf.base64, 'base64'))).replace(/\s+/g, ' ');
    const words: string[] = [ui.advice.title, ...Object.values(ui.advice.section), ui.advice.pdf.client, ui.advice.pdf.advisor, ui.advice.pdf.thisHash,
      ui.advice.pdf.notDelivered, ui.offers.outcome.accepted!, ui.offers.reason.too_expensive!];
    expect(words.filter((w) => !text.includes(w)), `${language}: words of the screen missing from the PDF`).toEqual([]);
  }
});

it('the record speaks its own language, gives only reasons a client may read, and leaves out what was taken back', async () => {
  const { id: clientId } = await rpc.clients.create({ firstName: 'Mira', lastName: 'Yilmaz' });
  await rpc.consents.record({ clientId, purpose: 'contact', granted: true, method: 'verbal' });
  const { id: meetingId } = await rpc.meetings.start({ clientId, reason: 'Familienzuwachs' });
  const kept = uuidv7();
  const takenBack = uuidv7();
  // Decided in the German UI: reasons as codes, one drawn from the segment.
  await rpc.offers.outcome({
    id: kept, clientId, meetingId, offerId: 'bundle_new_family', offerKind: 'bundle', outcome: 'accepted', segment: 'conscious_purchase_seeker',
    reasons: [{ code: 'life_event', event: 'family_growing' }, { code: 'segment_fit', fit: 'standard', segment: 'conscious_purchase_seeker' }, { code: 'base_in_bundle', base: 'liability_private' }],
    summary: 'Angebot Familienstart: angenommen',
  });
  await rpc.offers.outcome({ id: takenBack, clientId, meetingId, offerId: 'ebike', offerKind: 'base', outcome: 'rejected', reasonCode: 'not_relevant', segment: null, summary: 'Angebot E-Bike: abgelehnt' });
  await rpc.offers.undo({ id: takenBack, clientId, meetingId });
  expect((await rpc.offers.inputs({ clientId, meetingId })).decided.map((d) => d.id)).toEqual([kept]);
  // An outcome stored before reasons were codes: the words shown then.
  t.store.mutate('offer.outcome', {
    id: uuidv7(), clientId, meetingId, offerId: 'accident', offerKind: 'base', outcome: 'postponed', reasonCode: 'wrong_timing', segment: 'conscious_purchase_seeker',
    reasons: ['noch kein Schutz im Bereich Gesundheit und Unfall', 'Segment passt: einfaches Standardprodukt für „Der bewusste Kaufinteressent“', 'gelernt: in diesem Segment zu 40 % angenommen'],
    summary: 'Angebot Unfallversicherung: zurückgestellt',
  });
  await rpc.meetings.end({ id: meetingId });

  const en = (await rpc.advice.make({ meetingId, language: 'en' })).versions.at(-1)!.content;
  expect(en.offers.map((o) => o.offer)).toEqual(['bundle_new_family', 'accident']);
  expect(en.offers[0]).toMatchObject({ name: 'New family', reasons: ['life event: growing family', 'Personal liability comes in the bundle'] });
  // Old words stay as they were written, minus what came from the segment or from learning.
  expect(en.offers[1]!.reasons).toEqual(['noch kein Schutz im Bereich Gesundheit und Unfall']);

  const de = (await rpc.advice.make({ meetingId, language: 'de' })).versions.at(-1)!.content;
  expect(de.offers[0]).toMatchObject({ name: 'Familienstart', reasons: ['Lebensereignis: Familienzuwachs', 'Privathaftpflicht ist im Paket enthalten'] });
  const everything = JSON.stringify([en, de]);
  expect(everything).not.toMatch(/Kaufinteressent|purchase seeker|Segment|gelernt/i);
  // Taken back: not on the timeline either.
  expect((await rpc.clients.get({ id: clientId })).timeline.map((x) => x.id)).not.toContain(takenBack);
});
