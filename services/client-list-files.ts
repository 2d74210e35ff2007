// Client lists as files: CSV and Excel (.xlsx) read into rows of cells, and
// written from the book. The formats are the libraries' business (csv-parse,
// csv-stringify, ExcelJS); here only what lists from other people's
// spreadsheets need: Windows-1252 text from older Excel, ";" as German Excel
// separates, progress while a large workbook is read, and dates as dates.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { LIST_FIELDS, LIST_HEADERS, type ListField } from '#core/client-list/columns.ts';
import type { Cell, ListRow } from '#core/client-list/rows.ts';
import { DomainError } from '#core/errors.ts';
import type { Language } from '#core/language.ts';

export type ListFormat = 'csv' | 'xlsx';
export interface ListFile { headers: string[]; rows: ListRow[] }

const refuse = (code: 'unsupported_file' | 'unreadable_file' | 'empty_file', detail?: string): never => {
  throw new DomainError([detail ? { field: 'file', code, params: { detail } } : { field: 'file', code }]);
};

/** Which format the bytes are: an Excel workbook is a ZIP file; anything else is read as CSV text. */
export function formatOf(bytes: Uint8Array, fileName: string): ListFormat {
  const name = fileName.toLowerCase();
  // The old binary Excel format (an OLE file): ExcelJS cannot read it.
  if (name.endsWith('.xls') || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) refuse('unsupported_file', 'xls');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (name.endsWith('.xlsx')) refuse('unreadable_file');
  return 'csv';
}

/** UTF-8 (with or without its mark), else Windows-1252, as older Excel saves CSV in Germany. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator the header line uses most: ";" (German Excel), "," or a tab. */
function separatorOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function readCsv(bytes: Uint8Array): ListFile {
  const text = decodeText(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: separatorOf(text), relax_column_count: true, skip_empty_lines: false, info: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    return refuse('unreadable_file', (error as Error).message);
  }
  const [head, ...body] = records;
  if (!head || head.record.every((c) => c.trim() === '')) return refuse('empty_file');
  return { headers: head.record.map((h) => h.trim()), rows: body.map(({ record, info }) => ({ line: info.lines, cells: record })) };
}

/** A cell as ExcelJS gives it: formulas by their result, rich text and links by their text. */
function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellOf(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellOf((value as { result?: ExcelJS.CellValue }).result ?? null);
  return null;
}

/** Reads the first worksheet, telling how much of the file is read as it goes (0 to 1). */
async function readXlsx(bytes: Uint8Array, progress: (fraction: number) => void): Promise<ListFile> {
  let fed = 0;
  const chunk = 256 * 1024;
  const source = Readable.from((function* () {
    for (let at = 0; at < bytes.length; at += chunk) {
      fed = Math.min(bytes.length, at + chunk);
      yield Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(chunk, bytes.length - at));
    }
  })());
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  let headers: string[] | null = null;
  const rows: ListRow[] = [];
  let reported = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        // ExcelJS counts columns from 1 and leaves a hole at 0.
        const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellOf);
        if (headers === null) headers = cells.map((c) => String(c ?? '').trim());
        else rows.push({ line: row.number, cells });
        if (fed / bytes.length - reported >= 0.02) { reported = fed / bytes.length; progress(reported); }
      }
      break;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    return refuse('unreadable_file', (error as Error).message);
  }
  if (!headers || headers.every((h) => h === '')) return refuse('empty_file');
  progress(1);
  return { headers, rows };
}

export async function readList(bytes: Uint8Array, fileName: string, progress: (fraction: number) => void = () => {}): Promise<ListFile> {
  if (bytes.length === 0) return refuse('empty_file');
  return formatOf(bytes, fileName) === 'xlsx' ? readXlsx(bytes, progress) : readCsv(bytes);
}

export type ListEntry = Record<ListField, string | null>;

/** German dates the way German spreadsheets show them; English lists keep the ISO day. */
const writtenDay = (day: string | null, language: Language) => (day && language === 'de' ? day.split('-').reverse().join('.') : day);

/** A list of clients as a file with the headers of the user's language, which the import reads back. */
export async function writeList(entries: readonly ListEntry[], format: ListFormat, language: Language): Promise<Uint8Array> {
  const headers = LIST_FIELDS.map((f) => LIST_HEADERS[language][f]);
  if (format === 'csv') {
    // German Excel opens ";"-separated files with a byte-order mark as UTF-8 in their columns.
    const text = stringify([headers, ...entries.map((e) => LIST_FIELDS.map((f) => (f === 'birthDate' ? writtenDay(e[f], language) : e[f]) ?? ''))],
      { delimiter: language === 'de' ? ';' : ',', bom: true, record_delimiter: 'windows' });
    return new TextEncoder().encode(text);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(language === 'de' ? 'Kunden' : 'Clients');
  sheet.columns = LIST_FIELDS.map((field, i) => ({
    header: headers[i], key: field, width: field === 'email' ? 30 : field === 'street' ? 26 : 16,
    // Postal codes and phone numbers are text, so Excel keeps their leading zeros.
    style: field === 'birthDate' ? { numFmt: language === 'de' ? 'dd.mm.yyyy' : 'yyyy-mm-dd' } : field === 'postalCode' || field === 'phone' ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const e of entries) {
    sheet.addRow({ ...e, birthDate: e.birthDate ? new Date(`${e.birthDate}T00:00:00Z`) : null });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
