// The client's right of access and portability on a device that is not
// connected: a client with a full history exported as JSON holds every kind
// of record the book holds about them (counted against the database), says it
// is this device's copy, names people instead of ids; its PDF says every
// section and the key facts in German and English, without codes. And the
// right to rectification: a correction the client asked for is recorded with
// before, after, who and when, appears in the export, and bad input writes nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { de } from '../../renderer/src/i18n/de.ts';
import { en } from '../../renderer/src/i18n/en.ts';
import { EXPORT_SECTIONS } from '#services/export.ts';
import { fullBookTemplate } from '../support/full-book.ts';
import { pdfTextOf } from '../support/pdf-text.ts';

let template: Awaited<ReturnType<typeof fullBookTemplate>>;
let w: ReturnType<typeof template.open>;
beforeAll(async () => { template = await fullBookTemplate(); w = template.open(); }, 90_000);
afterAll(() => { w?.close(); template?.cleanup(); });

const tableOf = (entity: string) => entity.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const count = (entity: string, clientId: string) =>
  (w.store.sqlite.prepare(`SELECT count(*) AS n FROM ${tableOf(entity)} WHERE client_id = ? AND deleted_at IS NULL`).get(clientId) as { n: number }).n;

describe('the JSON export of a client with a full history, offline', () => {
  it('holds every kind of record the book holds about the client, as many as the database, and says it is this device’s copy', async () => {
    const { filename, json, source } = await w.rpc.clients.export({ clientId: template.book.target });
    expect(filename).toMatch(/^kundendaten-vogt-hanna-\d{4}-\d{2}-\d{2}\.json$/);
    expect(source).toBe('this_device');
    const body = JSON.parse(json) as Record<string, unknown> & { client: { record: Record<string, unknown> } };
    expect(body).toMatchObject({ source: 'this_device', deviceOnlyBecause: 'not_enrolled', lastSyncedAt: null });
    expect(body.client.record).toMatchObject({ firstName: 'Hanna', lastName: 'Vogt', email: 'kunde.neu@example.de', ownerName: 'Anna Berger' });
    for (const section of EXPORT_SECTIONS) {
      const entries = body[section] as unknown[];
      expect(entries.length, section).toBe(count(section, template.book.target));
      // A full history has every kind (the retailer's, the coach's and the advisor's alike).
      expect(entries.length, section).toBeGreaterThan(0);
    }
    // Nothing of the other client, and none of the sync's bookkeeping.
    expect(json).not.toContain(template.book.bystander);
    expect(json).not.toMatch(/"(hlc|stamps|version)"/);
  });

  it('gives who answered and who recorded each record by name, and the budget left under the mandate', async () => {
    const body = JSON.parse((await w.rpc.clients.export({ clientId: template.book.target })).json) as {
      answers: { record: { answeredBy: string; recordedByName: string; answeredAt: number } }[];
      budgets: { leftCents: number; budgetCents: number }[];
      corrections: { record: { changes: unknown[]; recordedByName: string; recordedAt: number } }[];
      access: { name: string; kind: string }[];
    };
    expect(body.answers.every((a) => a.record.recordedByName === 'Anna Berger' && a.record.answeredAt > 0)).toBe(true);
    expect(body.answers.some((a) => a.record.answeredBy === 'client')).toBe(true);
    expect(body.budgets).toEqual([expect.objectContaining({ budgetCents: 60_000, leftCents: expect.any(Number) })]);
    expect(body.budgets[0]!.leftCents).toBeLessThan(60_000);
    expect(body.corrections).toEqual([expect.objectContaining({
      record: expect.objectContaining({ changes: [{ field: 'email', before: 'kunde@example.de', after: 'kunde.neu@example.de' }], recordedByName: 'Anna Berger' }),
    })]);
    expect(body.access).toEqual([{ name: 'Anna Berger', kind: 'owner' }, { name: 'Lena Hoffmann', kind: 'shared' }]);
  });
});

describe('the readable PDF', () => {
  for (const [language, words] of [['de', de], ['en', en]] as const) {
    it(`says every section and the key facts in ${language === 'de' ? 'German' : 'English'}, with no codes`, async () => {
      const { filename, base64 } = await w.rpc.clients.exportPdf({ clientId: template.book.target, language });
      expect(filename).toMatch(language === 'de' ? /^kundendaten-vogt-hanna-.*\.pdf$/ : /^client-data-vogt-hanna-.*\.pdf$/);
      const text = (await pdfTextOf(Buffer.from(base64, 'base64'))).replace(/\s+/g, ' ');
      for (const heading of Object.values(words.rights.doc.section)) expect(text, heading).toContain(heading);
      expect(text).toContain(words.rights.doc.sourceDeviceNever);
      // Key facts, in the language's words: the consent's purpose, the segment's name, the advice record, the correction, the mandate's coach.
      expect(text).toContain(words.consent.purposes.profiling);
      expect(text).toContain(language === 'de' ? 'Der bewusste Kaufinteressent' : 'conscious purchase seeker');
      expect(text).toContain(words.profile.purchase_driver.options.price_for_quality);
      expect(text).toContain('kunde.neu@example.de');
      expect(text).toContain('Lena Hoffmann');
      expect(text).toContain(language === 'de' ? '29. Februar 1980' : '29 February 1980');
      for (const code of ['price_for_quality', 'conscious_purchase_seeker', 'manufacturer_sharing', 'handed_over', 'in_person', 'travel_planned', 'bundle_moving', 'segments.v1', 'value_tiers', 'alert_rules', 'undefined', 'null']) {
        expect(text, code).not.toContain(code);
      }
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}/);
    });
  }
});

describe('a correction at the client’s request', () => {
  it('is recorded with what, before, after, who and when, and listed for the client page', async () => {
    const clientId = template.book.bystander;
    const before = Date.now();
    await w.rpc.clients.update({ id: clientId, patch: { city: 'Potsdam', phone: '0331 123456' }, correction: { before: { city: 'Berlin', phone: null } } });
    const [latest] = await w.rpc.clients.corrections({ clientId });
    expect(latest).toMatchObject({ recordedByName: 'Anna Berger', changes: expect.arrayContaining([
      { field: 'city', before: 'Berlin', after: 'Potsdam' }, { field: 'phone', before: null, after: '0331 123456' },
    ]) });
    expect(latest!.recordedAt).toBeGreaterThanOrEqual(before);
    expect((await w.rpc.clients.get({ id: clientId })).client).toMatchObject({ city: 'Potsdam', phone: '0331 123456' });
  });

  it('is refused, with nothing written, for a field a client has not, a value before that is not held, or fields the change does not change', async () => {
    const clientId = template.book.bystander;
    const state = () => ({
      client: w.store.sqlite.prepare('SELECT * FROM clients WHERE id = ?').get(clientId),
      corrections: w.store.db.all(sql`SELECT id FROM corrections`).length,
      outbox: w.store.pendingCount(),
    });
    const was = state();
    const refused = async (input: Parameters<typeof w.rpc.clients.update>[0], field: string, code: string) => {
      const error = await w.rpc.clients.update(input).then(() => null, (e: { data?: { problems?: { field: string; code: string }[] } }) => e);
      expect(error?.data?.problems).toContainEqual(expect.objectContaining({ field, code }));
      expect(state()).toEqual(was);
    };
    await refused({ id: clientId, patch: { city: 'Köln' }, correction: { before: { shoeSize: '42' } as never } }, 'correction.before', 'invalid_value');
    await refused({ id: clientId, patch: { city: 'Köln' }, correction: { before: { city: 'Hamburg' } } }, 'correction.before.city', 'correction_stale');
    await refused({ id: clientId, patch: { city: 'Köln' }, correction: { before: { email: 'kunde@example.de' } } }, 'correction', 'invalid_value');
    await refused({ id: clientId, patch: { city: 'Potsdam' }, correction: { before: { city: 'Potsdam' } } }, 'correction', 'invalid_value');
  });
});
