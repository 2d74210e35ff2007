// What importing a client list would do, decided before anything is written:
// each row becomes a new client, a likely duplicate of a client the book holds
// (for the advisor to merge or skip), or is refused with its line and reasons.
import type { FieldProblem } from '../errors.ts';
import type { ColumnMapping } from './columns.ts';
import { DuplicateIndex, type BookClient, type DuplicateMatch } from './duplicates.ts';
import { checkRow, isBlankRow, type ListClient, type ListRow } from './rows.ts';

export interface ListPlan {
  ready: { line: number; client: ListClient }[];
  duplicates: { line: number; client: ListClient; clientId: string; match: DuplicateMatch }[];
  refused: { line: number; problems: FieldProblem[] }[];
  /** Rows with nothing in them, passed over. */
  blank: number;
}

export function planList(rows: Iterable<ListRow>, mapping: ColumnMapping, book: Iterable<BookClient>, at: number): ListPlan {
  const inBook = new DuplicateIndex<string>();
  for (const client of book) inBook.add(client, client.id);
  const inList = new DuplicateIndex<number>();
  const plan: ListPlan = { ready: [], duplicates: [], refused: [], blank: 0 };
  for (const row of rows) {
    if (isBlankRow(row)) { plan.blank++; continue; }
    const checked = checkRow(row, mapping, at);
    if (!checked.ok) { plan.refused.push({ line: row.line, problems: checked.problems }); continue; }
    const { client } = checked;
    const earlier = inList.find(client);
    if (earlier) {
      plan.refused.push({ line: row.line, problems: [{ field: earlier.match === 'email' ? 'email' : 'lastName', code: 'duplicate_in_list', params: { line: earlier.value } }] });
      continue;
    }
    inList.add(client, row.line);
    const existing = inBook.find(client);
    if (existing) plan.duplicates.push({ line: row.line, client, clientId: existing.value, match: existing.match });
    else plan.ready.push({ line: row.line, client });
  }
  return plan;
}

/** Merging a row into the client it duplicates: the row's fields that say something the book does not. */
export function mergePatch(held: Record<string, unknown>, row: ListClient): Partial<ListClient> {
  const patch: Partial<ListClient> = {};
  for (const [field, value] of Object.entries(row) as [keyof ListClient, string | null | undefined][]) {
    if (value != null && value !== held[field]) (patch as Record<string, string>)[field] = value;
  }
  return patch;
}
