// One row of a client list, read as the client it describes, or refused with
// what is wrong in it. The same field rules as typing a client in
// (core/client.ts); only the shapes spreadsheets give are read first: numbers
// where text was meant (a postal code that lost its leading zero), dates as
// dates, as Excel day numbers or written the German way.
import { z } from 'zod';
import { birthDateProblem, clientFields } from '../client.ts';
import type { FieldProblem } from '../errors.ts';
import { problemsOf, unstorableText } from '../validate.ts';
import { LIST_FIELDS, type ColumnMapping, type ListField } from './columns.ts';

/** A cell as the file readers hand it over. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A row of the file with its line as a spreadsheet shows it (the header is line 1). */
export interface ListRow { line: number; cells: readonly Cell[] }

/** The client fields a list row gives. */
export type ListClient = { firstName: string; lastName: string } & Partial<Record<Exclude<ListField, 'firstName' | 'lastName'>, string | null>>;

const listClientSchema = z.object({
  firstName: clientFields.firstName,
  lastName: clientFields.lastName,
  street: clientFields.street,
  postalCode: clientFields.postalCode,
  city: clientFields.city,
  email: clientFields.email,
  phone: clientFields.phone,
  birthDate: clientFields.birthDate,
}).strict();

const pad = (n: number) => String(n).padStart(2, '0');
const dayOfDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
/** Excel counts days from 1899-12-30 (its 1900 leap-year slip included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A birth date as the book keeps it (YYYY-MM-DD); what cannot be read is passed on for the rules to refuse. */
export function readDay(cell: Cell): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'invalid' : dayOfDate(cell);
  if (typeof cell === 'number') return Number.isInteger(cell) && cell > 0 ? dayOfDate(new Date(EXCEL_EPOCH + cell * 86_400_000)) : String(cell);
  const text = String(cell ?? '').trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (german) return `${german[3]}-${pad(Number(german[2]))}-${pad(Number(german[1]))}`;
  return text;
}

/** A cell as the text the field rules read. */
function readText(field: ListField, cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (field === 'birthDate') return readDay(cell);
  // A spreadsheet keeps "01067" as the number 1067.
  if (field === 'postalCode' && typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 && cell < 100_000) return String(cell).padStart(5, '0');
  if (cell instanceof Date) return dayOfDate(cell);
  return String(cell).trim();
}

export type RowCheck = { ok: true; client: ListClient } | { ok: false; problems: FieldProblem[] };

/** Reads a row with the mapping: the client it describes, or every problem in it. */
export function checkRow(row: ListRow, mapping: ColumnMapping, at: number): RowCheck {
  const input: Record<string, string> = {};
  for (const field of LIST_FIELDS) {
    const column = mapping[field];
    if (column != null) input[field] = readText(field, row.cells[column]);
  }
  const parsed = listClientSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const problems: FieldProblem[] = [];
  const future = birthDateProblem(parsed.data.birthDate, at);
  if (future) problems.push(future);
  const unstorable = unstorableText(parsed.data);
  if (unstorable) problems.push({ field: unstorable, code: 'invalid_value', params: { detail: 'it contains a character that cannot be saved' } });
  if (problems.length > 0) return { ok: false, problems };
  const client: ListClient = { firstName: parsed.data.firstName, lastName: parsed.data.lastName };
  for (const field of LIST_FIELDS) if (field !== 'firstName' && field !== 'lastName' && mapping[field] != null) client[field] = parsed.data[field] ?? null;
  return { ok: true, client };
}

/** Whether a row holds nothing at all (trailing empty lines of a sheet are not rows to refuse). */
export function isBlankRow(row: ListRow): boolean {
  return row.cells.every((c) => c === null || c === undefined || String(c).trim() === '');
}
