// The self-assessment form through the contract: made for a client in their
// language with nothing internal in it, filled in by pdf.js (as Firefox's
// reader fills and saves a form), read back beside what the profile holds,
// and taken as the client's own answers with a timeline entry, all or nothing.
// A form changed other than by filling it in, another client's, another
// workstation's, or a file that is no form is refused with nothing saved.
import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTRIBUTE_IDS } from '#core/profile.ts';
import { SEGMENT_IDS } from '#core/segments/index.ts';
import { fillForm } from '../support/fill-form.ts';
import { pdfTextOf } from '../support/pdf-text.ts';
import { openTestRouter } from '../support/router.ts';

let t: ReturnType<typeof openTestRouter>['t'];
let rpc: ReturnType<typeof openTestRouter>['rpc'];
const others: (() => void)[] = [];
beforeEach(async () => {
  ({ t, rpc } = openTestRouter());
  await rpc.session.setup({ displayName: 'Anna Berger', roles: ['advisor'], locale: 'de', demoBook: false });
});
afterEach(() => { t.close(); for (const close of others.splice(0)) close(); });

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const base64Of = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const problems = (e: unknown) => (e as { data?: { problems?: { field: string; code: string }[] } }).data?.problems?.map((p) => `${p.field}:${p.code}`);
const refusal = (p: Promise<unknown>) => p.then(() => 'taken', problems);

/** What the book holds that a form could have changed: answers, timeline, outbox. */
const held = () => ({
  answers: t.store.sqlite.prepare('SELECT attribute, value, answered_by FROM answers ORDER BY attribute').all(),
  touchpoints: t.store.sqlite.prepare('SELECT count(*) FROM touchpoints').pluck().get(),
  outbox: t.store.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get(),
});

async function client(lastName = 'Müller') {
  return (await rpc.clients.create({ firstName: 'Jörg', lastName, birthDate: '1971-03-08' })).id;
}

/** The client's form, filled in: 2nd choice of the first question, 4th of the third, two life events, the 2nd of the last. */
async function filledForm(clientId: string, language: 'de' | 'en' = 'de') {
  const made = await rpc.selfAssessment.make({ clientId, language });
  return { made, base64: base64Of(await fillForm(bytesOf(made.base64), { q01: 2, q03: 4, q09_o1: true, q09_o4: true, q11: 2 })) };
}

describe('a form made for a client', () => {
  it('asks every profile question in the client’s language, with every choice, and shows nothing internal', async () => {
    const clientId = await client();
    for (const language of ['de', 'en'] as const) {
      const made = await rpc.selfAssessment.make({ clientId, language });
      expect(made.fileName).toMatch(language === 'de' ? /^Selbstauskunft-Müller-\d{4}-\d{2}-\d{2}\.pdf$/ : /^Self-assessment-Müller-\d{4}-\d{2}-\d{2}\.pdf$/);
      const text = (await pdfTextOf(bytesOf(made.base64))).replace(/\s+/g, ' ');
      expect(text).toContain('Jörg Müller');
      expect(text).toContain('Anna Berger');
      expect(text).toContain(language === 'de' ? 'Wenn Sie etwas kaufen: Was gibt am Ende den Ausschlag?' : 'When you buy something, what tips the balance in the end?');
      expect(text).toContain(language === 'de' ? 'Ein Kind kommt in die Schule' : 'A child starting school');
      expect(text).not.toContain(language === 'de' ? 'When you buy' : 'Wenn Sie etwas kaufen');
      // No attribute, value or segment id, and no identity in the visible text.
      for (const id of [...ATTRIBUTE_IDS, ...SEGMENT_IDS, 'best_price', 'durable_good', clientId]) expect(text, id).not.toContain(id);
      // One field per question (a check box per life event), and the hidden identity.
      const form = (await PDFDocument.load(bytesOf(made.base64))).getForm();
      expect(form.getFields().length).toBe(1 + (ATTRIBUTE_IDS.length - 1) + 10);
    }
  });

  it('refuses a client it does not know, and a language it does not speak', async () => {
    expect(await refusal(rpc.selfAssessment.make({ clientId: '0190d8a0-0000-7000-8000-00000000abcd', language: 'de' }))).toEqual(['client:not_found']);
    expect(await refusal(rpc.selfAssessment.make({ clientId: await client(), language: 'fr' as 'de' }))).toEqual(['language:invalid_value']);
  });
});

describe('a returned form', () => {
  it('is read beside what the profile holds, taken as the client’s own answers with a timeline entry, and taken once', async () => {
    const clientId = await client();
    // The advisor had put down the first answer from what they know; the client now gives it themselves.
    await rpc.answers.set({ clientId, attribute: 'purchase_driver', value: 'price_for_quality', answeredBy: 'advisor' });
    await rpc.answers.set({ clientId, attribute: 'trust_anchor', value: 'self', answeredBy: 'client' });
    const { base64 } = await filledForm(clientId);
    const before = held();

    const preview = await rpc.selfAssessment.read({ clientId, base64 });
    expect(held()).toEqual(before);
    expect(preview.takenBefore).toBeNull();
    expect(preview.language).toBe('de');
    expect(preview.answers).toEqual([
      { attribute: 'purchase_driver', value: 'price_for_quality', held: 'price_for_quality', heldBy: 'advisor', changes: true },
      { attribute: 'trust_anchor', value: 'personal_advisor', held: 'self', heldBy: 'client', changes: true },
      { attribute: 'life_events', value: ['income_rising', 'moving'], held: null, heldBy: null, changes: true },
      { attribute: 'product_complexity', value: 'complex', held: null, heldBy: null, changes: true },
    ]);

    const taken = await rpc.selfAssessment.take({ clientId, base64, language: 'de' });
    expect(taken.taken).toBe(4);
    const answers = (await rpc.clients.get({ id: clientId })).answers;
    const byAttribute = Object.fromEntries(answers.map((a) => [a.attribute, a]));
    for (const attribute of ['purchase_driver', 'trust_anchor', 'life_events', 'product_complexity']) {
      expect(byAttribute[attribute]).toMatchObject({ answeredBy: 'client', meetingId: null });
      // Given by the client with the day it was taken (each write's own clock, within moments of the timeline entry).
      expect(Math.abs(byAttribute[attribute]!.answeredAt - taken.at)).toBeLessThan(1_000);
    }
    expect(byAttribute.trust_anchor!.value).toBe('personal_advisor');
    expect(byAttribute.life_events!.value).toEqual(['income_rising', 'moving']);
    // The timeline says when and how many, in the advisor's language; each answer travels to the manufacturer.
    const entry = (await rpc.clients.get({ id: clientId })).timeline.find((e) => e.kind === 'other');
    expect(entry).toMatchObject({ direction: 'inbound', occurredAt: taken.at, summary: `Selbstauskunft vom ${new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(preview.issuedAt)} eingelesen: 4 Antworten übernommen` });
    expect(t.store.sqlite.prepare(`SELECT count(*) FROM outbox WHERE name = 'answer.set'`).pluck().get()).toBe(2 + 4);

    // Read again: nothing left to change, and it says when it was taken.
    const again = await rpc.selfAssessment.read({ clientId, base64 });
    expect(again.takenBefore).toBe(taken.at);
    expect(again.answers.every((a) => !a.changes)).toBe(true);
    const after = held();
    expect((await rpc.selfAssessment.take({ clientId, base64, language: 'de' })).taken).toBe(0);
    expect(held()).toEqual(after);
  });

  it('takes nothing from a form left blank', async () => {
    const clientId = await client();
    const made = await rpc.selfAssessment.make({ clientId, language: 'en' });
    const before = held();
    expect((await rpc.selfAssessment.read({ clientId, base64: made.base64 })).answers).toEqual([]);
    expect((await rpc.selfAssessment.take({ clientId, base64: made.base64, language: 'en' })).taken).toBe(0);
    expect(held()).toEqual(before);
  });

  it('leaves the book as it was when taking fails half-way', async () => {
    const clientId = await client();
    const { base64 } = await filledForm(clientId);
    const before = held();
    const mutate = t.store.mutate.bind(t.store);
    const spy = vi.spyOn(t.store, 'mutate').mockImplementation(((name: string, input: unknown) => {
      if (name === 'touchpoint.add') throw new Error('disk full');
      return mutate(name as never, input as never);
    }) as typeof t.store.mutate);
    await expect(rpc.selfAssessment.take({ clientId, base64, language: 'de' })).rejects.toThrow();
    spy.mockRestore();
    expect(held()).toEqual(before);
    // The same form is then taken.
    expect((await rpc.selfAssessment.take({ clientId, base64, language: 'de' })).taken).toBe(4);
  });
});

describe('a form that is refused, with nothing saved', () => {
  /** Rewrites the hidden identity field as someone editing the file would. */
  async function withIdentity(base64: string, change: (sealed: string) => string) {
    const doc = await PDFDocument.load(bytesOf(base64));
    const field = doc.getForm().getTextField('form');
    field.acroField.dict.set(PDFName.of('V'), PDFString.of(change(field.getText()!)));
    return base64Of(await doc.save());
  }

  it('says a changed identity, a changed seal or a choice the form never offered is tampering', async () => {
    const clientId = await client();
    const other = await client('Weber');
    const { base64 } = await filledForm(clientId);
    const before = held();
    // Another client's id put into the identity: the seal no longer fits.
    const swapped = await withIdentity(base64, (s) => s.replace(clientId, other));
    expect(await refusal(rpc.selfAssessment.read({ clientId: other, base64: swapped }))).toEqual(['file:form_tampered']);
    expect(await refusal(rpc.selfAssessment.take({ clientId: other, base64: swapped, language: 'de' }))).toEqual(['file:form_tampered']);
    const resealed = await withIdentity(base64, (s) => `${s.slice(0, -4)}0000`);
    expect(await refusal(rpc.selfAssessment.read({ clientId, base64: resealed }))).toEqual(['file:form_tampered']);
    const unsealed = await withIdentity(base64, (s) => s.slice(0, s.lastIndexOf('.')));
    expect(await refusal(rpc.selfAssessment.read({ clientId, base64: unsealed }))).toEqual(['file:form_tampered']);
    // A radio group set to a choice it does not have.
    const doc = await PDFDocument.load(bytesOf(base64));
    doc.getForm().getRadioGroup('q02').acroField.dict.set(PDFName.of('V'), PDFName.of('o9'));
    expect(await refusal(rpc.selfAssessment.take({ clientId, base64: base64Of(await doc.save()), language: 'de' }))).toEqual(['file:form_tampered']);
    expect(held()).toEqual(before);
  });

  it('says whose it is when read for another client, and where to read it when another workstation made it', async () => {
    const clientId = await client();
    const other = await client('Weber');
    const { base64 } = await filledForm(clientId);
    const before = held();
    expect(await refusal(rpc.selfAssessment.take({ clientId: other, base64, language: 'de' }))).toEqual(['file:form_other_client']);

    const second = openTestRouter();
    others.push(() => second.t.close());
    await second.rpc.session.setup({ displayName: 'Anna Berger', roles: ['advisor'], locale: 'de', demoBook: false });
    await second.rpc.clients.create({ id: clientId, firstName: 'Jörg', lastName: 'Müller' });
    expect(await refusal(second.rpc.selfAssessment.read({ clientId, base64 }))).toEqual(['file:form_other_device']);
    expect(held()).toEqual(before);
  });

  it('says a file that is no form is none: another PDF, not a PDF, nothing', async () => {
    const clientId = await client();
    const plain = await PDFDocument.create();
    plain.addPage();
    expect(await refusal(rpc.selfAssessment.read({ clientId, base64: base64Of(await plain.save()) }))).toEqual(['file:not_a_form']);
    expect(await refusal(rpc.selfAssessment.read({ clientId, base64: Buffer.from('Name;Vorname\nMüller;Jörg\n').toString('base64') }))).toEqual(['file:not_a_form']);
    expect(await refusal(rpc.selfAssessment.read({ clientId, base64: '' }))).toEqual(['base64:required']);
  });
});
