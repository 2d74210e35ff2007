// Client list files as advisors bring them: an Excel workbook with German
// headers, some rows wrong in the ways lists go wrong, some clients the book
// already holds; and the calls that take one through open, check and apply.
import ExcelJS from 'exceljs';
import type { Workstation } from './router.ts';
import type { WorkstationClient } from './rpc.ts';

export const GERMAN_HEADERS = ['Name', 'Vorname', 'Straße', 'PLZ', 'Ort', 'E-Mail', 'Telefon', 'Geburtsdatum'];

export interface ListRowSpec { lastName: string; firstName: string; street?: string; postalCode?: string | number; city?: string; email?: string; phone?: string; birthDate?: Date | string }

/** A workbook with the headers on line 1 and a row per spec from line 2, dates as real date cells. */
export async function workbook(rows: readonly ListRowSpec[], headers = GERMAN_HEADERS): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Kunden');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow([r.lastName, r.firstName, r.street ?? null, r.postalCode ?? null, r.city ?? null, r.email ?? null, r.phone ?? null, r.birthDate ?? null]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const CITIES = [['10115', 'Berlin'], ['01067', 'Dresden'], ['50667', 'Köln'], ['80331', 'München'], ['20095', 'Hamburg']] as const;
const FIRST = ['Anna', 'Jürgen', 'Eva', 'Lukas', 'Sophie', 'Mehmet', 'Greta', 'Paul', 'Ida', 'Jonas'];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann'];

/** The i-th of a list of distinct, valid clients. */
export function listClient(i: number): ListRowSpec {
  const [postalCode, city] = CITIES[i % CITIES.length]!;
  return {
    lastName: `${LAST[i % LAST.length]}${i >= LAST.length ? `-${Math.floor(i / LAST.length)}` : ''}`,
    firstName: FIRST[(i * 7) % FIRST.length]!,
    street: `Lindenstraße ${(i % 120) + 1}`,
    // Half as numbers, as a spreadsheet keeps a postal code typed into it (Dresden's leading zero lost).
    postalCode: i % 2 ? Number(postalCode) : postalCode,
    city,
    email: `kunde${i}@example.de`,
    phone: `0171 ${String(1_000_000 + i)}`,
    birthDate: new Date(Date.UTC(1950 + (i % 50), i % 12, (i % 28) + 1)),
  };
}

/** Rows wrong in twelve different ways, with what each is refused for. */
export const BAD_ROWS: { spec: ListRowSpec; field: string; code: string }[] = [
  { spec: { lastName: '', firstName: 'Ohne' }, field: 'lastName', code: 'required' },
  { spec: { lastName: 'Ohne', firstName: '' }, field: 'firstName', code: 'required' },
  { spec: { lastName: 'Post', firstName: 'Falsch', postalCode: '1234' }, field: 'postalCode', code: 'invalid_postal_code' },
  { spec: { lastName: 'Post', firstName: 'Buchstaben', postalCode: 'ABCDE' }, field: 'postalCode', code: 'invalid_postal_code' },
  { spec: { lastName: 'Mail', firstName: 'Kaputt', email: 'kein-at-zeichen' }, field: 'email', code: 'invalid_email' },
  { spec: { lastName: 'Mail', firstName: 'Halb', email: 'halb@' }, field: 'email', code: 'invalid_email' },
  { spec: { lastName: 'Tel', firstName: 'Wort', phone: 'ruf an' }, field: 'phone', code: 'invalid_phone' },
  { spec: { lastName: 'Datum', firstName: 'Unmöglich', birthDate: '31.02.1980' }, field: 'birthDate', code: 'invalid_date' },
  { spec: { lastName: 'Datum', firstName: 'Text', birthDate: 'irgendwann' }, field: 'birthDate', code: 'invalid_date' },
  { spec: { lastName: 'Datum', firstName: 'Zukunft', birthDate: '01.01.2090' }, field: 'birthDate', code: 'date_in_future' },
  { spec: { lastName: 'Lang'.repeat(30), firstName: 'Name' }, field: 'lastName', code: 'too_long' },
  { spec: { lastName: 'Ort', firstName: 'Zulang', city: 'x'.repeat(101) }, field: 'city', code: 'too_long' },
];

type Rpc = Workstation | WorkstationClient;

/** Opens a list, collecting the reading progress; resolves with what the preview shows. */
export async function openList(rpc: Rpc, fileName: string, bytes: Buffer) {
  const fractions: number[] = [];
  for await (const e of await rpc.lists.open({ fileName, base64: bytes.toString('base64') })) {
    if (e.type === 'reading') fractions.push(e.fraction);
    else return { list: e.list, fractions };
  }
  throw new Error('the list ended without opening');
}

/** Applies, collecting the progress; resolves with the outcome. */
export async function applyList(rpc: Rpc, input: Parameters<Rpc['lists']['apply']>[0]) {
  const progress: { phase: string; done: number; total: number }[] = [];
  for await (const e of await rpc.lists.apply(input)) {
    if (e.type === 'progress') progress.push(e);
    else return { done: e, progress };
  }
  throw new Error('the import ended without a result');
}

/** A large list written to a file as it goes (ExcelJS's streaming writer): `count` rows of listClient. */
export async function writeLargeWorkbook(path: string, count: number, progress: (done: number) => void = () => {}): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const sheet = writer.addWorksheet('Kunden');
  sheet.addRow(GERMAN_HEADERS).commit();
  for (let i = 0; i < count; i++) {
    const c = listClient(i);
    sheet.addRow([c.lastName, c.firstName, c.street, c.postalCode, c.city, c.email, c.phone, c.birthDate]).commit();
    progress(i + 1);
  }
  await writer.commit();
}
