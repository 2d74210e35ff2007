// Reading a client list (core/client-list): which column is which, what a row
// says, which rows are likely clients the book already holds, and what is
// refused with its line.
import { describe, expect, it } from 'vitest';
import { fieldOfHeader, mappingProblems, suggestMapping } from '#core/client-list/columns.ts';
import { mergePatch, planList } from '#core/client-list/plan.ts';
import { checkRow, readDay, type ListRow } from '#core/client-list/rows.ts';

const AT = Date.UTC(2026, 11, 4, 10);
const HEADERS = ['Name', 'Vorname', 'Straße', 'PLZ', 'Ort', 'E-Mail', 'Telefon', 'Geburtsdatum'];
const MAPPING = suggestMapping(HEADERS);
const row = (line: number, ...cells: ListRow['cells']): ListRow => ({ line, cells });

describe('headers', () => {
  it('recognises the German headers of a list, however they are spelt', () => {
    expect(MAPPING).toEqual({ lastName: 0, firstName: 1, street: 2, postalCode: 3, city: 4, email: 5, phone: 6, birthDate: 7 });
    expect(['STRASSE', 'Str.', 'Strasse ', 'e-mail', 'Email', 'Tel.', 'Geb.-Datum', 'Nachname', 'Postleitzahl', 'Wohnort'].map(fieldOfHeader))
      .toEqual(['street', 'street', 'street', 'email', 'email', 'phone', 'birthDate', 'lastName', 'postalCode', 'city']);
    expect(['Last name', 'First name', 'Date of birth'].map(fieldOfHeader)).toEqual(['lastName', 'firstName', 'birthDate']);
  });

  it('leaves columns it does not know unused, and reads each field from its first column only', () => {
    expect(suggestMapping(['Kundennummer', 'Vorname', 'Name', 'Telefon', 'Handy'])).toEqual({ firstName: 1, lastName: 2, phone: 3 });
  });

  it('says what a mapping lacks: both names, and columns that exist', () => {
    expect(mappingProblems({ lastName: 0 }, 3)).toEqual([{ field: 'firstName', code: 'required' }]);
    expect(mappingProblems({ lastName: 0, firstName: 1, city: 7 }, 3)).toEqual([{ field: 'city', code: 'invalid_value' }]);
    expect(mappingProblems(MAPPING, HEADERS.length)).toEqual([]);
  });
});

describe('a row', () => {
  it('reads birth dates as spreadsheets give them: a date, an Excel day number, German or ISO writing', () => {
    expect(readDay(new Date(Date.UTC(1980, 11, 31)))).toBe('1980-12-31');
    expect(readDay(29586)).toBe('1980-12-31');
    expect(readDay('31.12.1980')).toBe('1980-12-31');
    expect(readDay('1.2.1975')).toBe('1975-02-01');
    expect(readDay('1980-12-31')).toBe('1980-12-31');
  });

  it('gives a postal code back the leading zero a spreadsheet dropped', () => {
    const checked = checkRow(row(2, 'Berger', 'Anna', null, 1067, 'Dresden'), MAPPING, AT);
    expect(checked).toEqual({ ok: true, client: { lastName: 'Berger', firstName: 'Anna', street: null, postalCode: '01067', city: 'Dresden', email: null, phone: null, birthDate: null } });
  });

  it('refuses a row with every problem in it, field by field', () => {
    const checked = checkRow(row(5, '', 'Anna', 'Hauptstr. 1', '123', 'Köln', 'anna@', '12ab', '31.02.1980'), MAPPING, AT);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.problems.map((p) => `${p.field}:${p.code}`).sort())
      .toEqual(['birthDate:invalid_date', 'email:invalid_email', 'lastName:required', 'phone:invalid_phone', 'postalCode:invalid_postal_code']);
    const future = checkRow(row(6, 'Berger', 'Anna', null, null, null, null, null, '01.01.2090'), MAPPING, AT);
    expect(future).toEqual({ ok: false, problems: [{ field: 'birthDate', code: 'date_in_future' }] });
  });
});

describe('the plan', () => {
  const book = [
    { id: 'c-1', firstName: 'Jürgen', lastName: 'Müller', birthDate: '1970-05-01', email: null },
    { id: 'c-2', firstName: 'Eva', lastName: 'Schmidt', birthDate: null, email: 'eva@example.org' },
  ];

  it('sorts rows into new clients, likely duplicates of the book and refusals with their lines', () => {
    const plan = planList([
      row(2, 'Mueller', 'Juergen', null, null, null, null, null, '01.05.1970'),
      row(3, 'Schmidt-Meyer', 'Eva', null, null, null, 'EVA@example.org'),
      row(4, 'Neu', 'Nina', null, '50667', 'Köln'),
      row(5, 'Neu', 'Nina', null, null, null, 'nina@example.org'),
      row(6, 'Neu', 'Nina', null, null, null, null, null, '1990-01-01'),
      row(7, 'Anders', 'Nina', null, null, null, 'nina@example.org'),
      row(8, null, null, null, null, null),
      row(9, 'Kaputt', 'Karl', null, 'abc'),
    ], MAPPING, book, AT);
    expect(plan.duplicates.map((d) => [d.line, d.clientId, d.match])).toEqual([[2, 'c-1', 'name_and_birth_date'], [3, 'c-2', 'email']]);
    // Same names without a birth date or e-mail to tell them apart are different people; the same e-mail is the same person.
    expect(plan.ready.map((r) => r.line)).toEqual([4, 5, 6]);
    expect(plan.refused).toEqual([
      { line: 7, problems: [{ field: 'email', code: 'duplicate_in_list', params: { line: 5 } }] },
      { line: 9, problems: [{ field: 'postalCode', code: 'invalid_postal_code' }] },
    ]);
    expect(plan.blank).toBe(1);
  });

  it('merges only what the row says that the book does not', () => {
    const held = { firstName: 'Eva', lastName: 'Schmidt', email: 'eva@example.org', phone: '0171 1', city: 'Bonn', street: null };
    expect(mergePatch(held, { firstName: 'Eva', lastName: 'Schmidt-Meyer', email: 'eva@example.org', phone: null, city: 'Bonn', street: 'Neue Str. 2' }))
      .toEqual({ lastName: 'Schmidt-Meyer', street: 'Neue Str. 2' });
  });
});
