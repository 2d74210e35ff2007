// A client list brought in and taken out through the contract, on a real
// encrypted book: an Excel file with German headers, bad rows reported by
// line, likely duplicates merged or skipped as chosen; a CSV as older German
// Excel saves it; files that are no list refused with what to do; a failure
// while writing leaves the book as it was; an export read back gives the
// same clients.
import { ORPCError } from '@orpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { suggestMapping } from '#core/client-list/columns.ts';
import { readList } from '#services/client-list-files.ts';
import { applyList, BAD_ROWS, listClient, openList, workbook } from '../support/client-lists.ts';
import { openTestRouter, type Workstation } from '../support/router.ts';
import type { openTestStore } from '../support/book.ts';

let t: ReturnType<typeof openTestStore>;
let rpc: Workstation;
beforeEach(async () => {
  ({ t, rpc } = openTestRouter({ roles: () => ['advisor'] }));
  await rpc.session.setup({ displayName: 'Anna Berger', roles: ['advisor'], locale: 'de', demoBook: false });
});
afterEach(() => t.close());

const count = (sql: string) => (t.store.sqlite.prepare(sql).get() as { n: number }).n;
const problemsOf = (error: unknown) => (error instanceof ORPCError ? (error.data as { problems: { field: string; code: string }[] }).problems : error);

describe('an Excel list with German headers', () => {
  it('is imported row by row: bad rows reported with their lines, duplicates merged or skipped as chosen, the rest new', async () => {
    // Three clients the book holds already, two of which the list has again (by name and birth date, by e-mail).
    const held = [listClient(0), listClient(1), listClient(2)];
    for (const c of held) {
      await rpc.clients.create({ firstName: c.firstName, lastName: c.lastName, email: c.email, birthDate: (c.birthDate as Date).toISOString().slice(0, 10) });
    }
    const good = Array.from({ length: 300 }, (_, i) => listClient(i + 3));
    // Line 2 is the first row: header on line 1.
    const rows = [
      ...good.slice(0, 100),
      { ...listClient(0), email: 'neu@example.de', phone: '0228 123' }, // the same name and birth date as a held client
      { ...listClient(1), lastName: 'Anders', firstName: 'Neu', birthDate: undefined }, // the same e-mail
      ...BAD_ROWS.map((b) => b.spec),
      ...good.slice(100),
    ];
    const { list, fractions } = await openList(rpc, 'Kundenliste.xlsx', await workbook(rows));
    expect(list.format).toBe('xlsx');
    expect(list.rows).toBe(rows.length);
    expect(list.mapping).toEqual({ lastName: 0, firstName: 1, street: 2, postalCode: 3, city: 4, email: 5, phone: 6, birthDate: 7 });
    expect(list.sample[1]).toEqual({ line: 3, cells: [good[1]!.lastName, good[1]!.firstName, good[1]!.street, String(good[1]!.postalCode), good[1]!.city, good[1]!.email, good[1]!.phone, (good[1]!.birthDate as Date).toISOString().slice(0, 10)] });
    expect(fractions.at(-1)).toBe(1);

    const check = await rpc.lists.check({ importId: list.importId, mapping: list.mapping });
    expect(check.ready).toBe(300);
    expect(check.duplicates.map((d) => [d.line, d.match])).toEqual([[102, 'name_and_birth_date'], [103, 'email']]);
    expect(check.duplicates[0]!.changes.sort()).toEqual(['email', 'phone', 'postalCode', 'street', 'city'].sort());
    expect(check.refused.map((r) => [r.line, r.problems.map((p) => `${p.field}:${p.code}`).join()]))
      .toEqual(BAD_ROWS.map((b, i) => [104 + i, `${b.field}:${b.code}`]));
    // Checking wrote nothing.
    expect(count('SELECT count(*) AS n FROM clients')).toBe(3);

    const outboxBefore = count('SELECT count(*) AS n FROM outbox');
    const { done, progress } = await applyList(rpc, { importId: list.importId, mapping: list.mapping, merge: [102] });
    expect(done).toEqual({ type: 'done', created: 300, merged: 1, skipped: 1, refused: 12 });
    expect(progress.at(-1)).toEqual({ type: 'progress', phase: 'writing', done: 301, total: 301 });
    expect(count('SELECT count(*) AS n FROM clients')).toBe(303);
    // Every new client and the merge went to the outbox, to reach the backend.
    expect(count('SELECT count(*) AS n FROM outbox') - outboxBefore).toBe(301);
    const merged = await rpc.clients.list({ query: held[0]!.lastName, offset: 0, limit: 5 });
    const mergedClient = (await rpc.clients.get({ id: merged.items[0]!.id })).client;
    expect(mergedClient).toMatchObject({ email: 'neu@example.de', phone: '0228 123', postalCode: '10115', city: 'Berlin' });
    // The skipped duplicate kept what the book had; the last row of the list arrived whole, its postal code with its zero.
    const skipped = (await rpc.clients.get({ id: check.duplicates[1]!.clientId })).client;
    expect(skipped).toMatchObject({ lastName: held[1]!.lastName, phone: null });
    const last = good.at(-1)!;
    const found = await rpc.clients.list({ query: last.lastName, offset: 0, limit: 5 });
    expect((await rpc.clients.get({ id: found.items[0]!.id })).client).toMatchObject({
      firstName: last.firstName, postalCode: String(last.postalCode).padStart(5, '0'), email: last.email, birthDate: (last.birthDate as Date).toISOString().slice(0, 10),
    });
  });

  it('a failure while writing leaves the book as it was, with nothing half-written and nothing queued', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => listClient(i));
    // The disk fails at the 40th client, after 39 were written in the transaction.
    t.store.sqlite.exec(`CREATE TRIGGER fail_at_40 AFTER INSERT ON clients WHEN (SELECT count(*) FROM clients) >= 40 BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const { list } = await openList(rpc, 'liste.xlsx', await workbook(rows));
    const outbox = count('SELECT count(*) AS n FROM outbox');
    await expect(applyList(rpc, { importId: list.importId, mapping: list.mapping, merge: [] })).rejects.toThrow();
    expect(count('SELECT count(*) AS n FROM clients')).toBe(0);
    expect(count('SELECT count(*) AS n FROM outbox')).toBe(outbox);
    // The list is still open: once the disk is fine again, the same import goes through.
    t.store.sqlite.exec('DROP TRIGGER fail_at_40');
    expect((await applyList(rpc, { importId: list.importId, mapping: list.mapping, merge: [] })).done.created).toBe(50);
  });

  it('needs first and last name mapped to columns that exist, and the list still open', async () => {
    const { list } = await openList(rpc, 'liste.xlsx', await workbook([listClient(0)]));
    await expect(rpc.lists.check({ importId: list.importId, mapping: { lastName: 0 } }).catch(problemsOf)).resolves.toEqual([{ field: 'mapping.firstName', code: 'required' }]);
    await expect(rpc.lists.check({ importId: list.importId, mapping: { lastName: 0, firstName: 12 } }).catch(problemsOf)).resolves.toEqual([{ field: 'mapping.firstName', code: 'invalid_value' }]);
    await expect(rpc.lists.check({ importId: 'vergessen', mapping: list.mapping }).catch(problemsOf)).resolves.toEqual([{ field: 'importId', code: 'import_expired' }]);
    expect(count('SELECT count(*) AS n FROM clients')).toBe(0);
  });
});

describe('CSV and files that are no list', () => {
  it('reads a CSV as older German Excel saves it: Windows-1252, ";" between the columns', async () => {
    const text = 'Name;Vorname;Straße;PLZ;Ort\r\nMüller;Jürgen;Königsallee 1;40212;Düsseldorf\r\nGroß;Änne;;01067;Dresden\r\n';
    const latin1 = Buffer.from(text, 'latin1');
    const { list } = await openList(rpc, 'export.csv', latin1);
    expect(list.format).toBe('csv');
    expect(list.headers).toEqual(['Name', 'Vorname', 'Straße', 'PLZ', 'Ort']);
    const { done } = await applyList(rpc, { importId: list.importId, mapping: list.mapping, merge: [] });
    expect(done.created).toBe(2);
    const gross = (await rpc.clients.list({ query: 'Groß', offset: 0, limit: 5 })).items[0]!;
    expect((await rpc.clients.get({ id: gross.id })).client).toMatchObject({ firstName: 'Änne', lastName: 'Groß', postalCode: '01067', street: null });
  });

  it('refuses the old Excel format, an empty file and a damaged workbook with what to do, and writes nothing', async () => {
    const refusal = (fileName: string, bytes: Buffer) => openList(rpc, fileName, bytes).catch(problemsOf);
    await expect(refusal('alt.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]))).resolves.toEqual([{ field: 'file', code: 'unsupported_file', params: { detail: 'xls' } }]);
    await expect(refusal('leer.csv', Buffer.alloc(0))).resolves.toEqual([{ field: 'file', code: 'empty_file' }]);
    const cut = (await workbook([listClient(0)])).subarray(0, 300);
    await expect(refusal('kaputt.xlsx', cut)).resolves.toMatchObject([{ field: 'file', code: 'unreadable_file' }]);
    expect(count('SELECT count(*) AS n FROM clients')).toBe(0);
  });
});

describe('export', () => {
  it('writes a search result as .xlsx and as CSV that read back to the same clients, in the headers an import recognises', async () => {
    for (const c of Array.from({ length: 12 }, (_, i) => listClient(i))) {
      await rpc.clients.create({ firstName: c.firstName, lastName: c.lastName, postalCode: String(c.postalCode).padStart(5, '0'), city: c.city, email: c.email, birthDate: (c.birthDate as Date).toISOString().slice(0, 10) });
    }
    const search = await rpc.clients.list({ query: 'Dresden', offset: 0, limit: 50 });
    expect(search.total).toBeGreaterThan(0);
    expect(search.total).toBeLessThan(12);
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await rpc.lists.export({ format, query: 'Dresden', language: 'de' });
      expect(file.fileName).toMatch(new RegExp(`^Kunden-\\d{4}-\\d{2}-\\d{2}-Suche\\.${format}$`));
      expect(file.clients).toBe(search.total);
      const read = await readList(Buffer.from(file.base64, 'base64'), file.fileName);
      expect(read.headers).toEqual(['Name', 'Vorname', 'Straße', 'PLZ', 'Ort', 'E-Mail', 'Telefon', 'Geburtsdatum']);
      expect(suggestMapping(read.headers)).toEqual({ lastName: 0, firstName: 1, street: 2, postalCode: 3, city: 4, email: 5, phone: 6, birthDate: 7 });
      const names = read.rows.map((r) => `${String(r.cells[1])} ${String(r.cells[0])} ${String(r.cells[3])}`).sort();
      expect(names).toEqual(search.items.map((c) => `${c.firstName} ${c.lastName} ${c.postalCode}`).sort());
    }
    const whole = await rpc.lists.export({ format: 'csv', query: '', language: 'en' });
    expect(whole).toMatchObject({ clients: 12, fileName: expect.stringMatching(/^Clients-.*\.csv$/) });
    expect(Buffer.from(whole.base64, 'base64').toString('utf8')).toMatch(/^\uFEFFLast name,First name,Street,Postal code,City,Email,Phone,Date of birth\r\n/);
  });
});
