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

/** Plans a list row by row, so a long list can report how far it got. */
export class ListPlanner {
  readonly plan: ListPlan = { ready: [], duplicates: [], refused: [], blank: 0 };
  private readonly inBook = new DuplicateIndex<string>();
  private readonly inList = new DuplicateIndex<number>();
  private readonly mapping: ColumnMapping;
  private readonly at: number;

  constructor(mapping: ColumnMapping, book: Iterable<BookClient>, at: number) {
    this.mapping = mapping;
    this.at = at;
    for (const client of book) this.inBook.add(client, client.id);
  }

  add(row: ListRow): void {
    const plan = this.plan;
    if (isBlankRow(row)) { plan.blank++; return; }
    const checked = checkRow(row, this.mapping, this.at);
    if (!checked.ok) { plan.refused.push({ line: row.line, problems: checked.problems }); return; }
    const { client } = checked;
    const earlier = this.inList.find(client);
    if (earlier) {
      plan.refused.push({ line: row.line, problems: [{ field: earlier.match === 'email' ? 'email' : 'lastName', code: 'duplicate_in_list', params: { line: earlier.value } }] });
      return;
    }
    this.inList.add(client, row.line);
    const existing = this.inBook.find(client);
    if (existing) plan.duplicates.push({ line: row.line, client, clientId: existing.value, match: existing.match });
    else plan.ready.push({ line: row.line, client });
  }
}

export function planList(rows: Iterable<ListRow>, mapping: ColumnMapping, book: Iterable<BookClient>, at: number): ListPlan {
  const planner = new ListPlanner(mapping, book, at);
  for (const row of rows) planner.add(row);
  return planner.plan;
}

/** Merging a row into the client it duplicates: the row's fields that say something the book does not. */
export function mergePatch(held: Record<string, unknown>, row: ListClient): Partial<ListClient> {
  const patch: Partial<ListClient> = {};
  for (const [field, value] of Object.entries(row) as [keyof ListClient, string | null | undefined][]) {
    if (value != null && value !== held[field]) (patch as Record<string, string>)[field] = value;
  }
  return patch;
}
