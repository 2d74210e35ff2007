// Importing and exporting client lists. Opening reads the file once and keeps
// its rows in memory (the few most recent lists), so the advisor can try
// mappings and see what each would do; nothing is written until apply, which
// decides every row again against the book as it is then, and writes all
// accepted rows in one transaction, so a failure leaves the book as it was.
import { v7 as uuidv7 } from 'uuid';
import { LIST_FIELDS, mappingProblems, suggestMapping, type ColumnMapping } from '#core/client-list/columns.ts';
import { ListPlanner, mergePatch, planList, type ListPlan } from '#core/client-list/plan.ts';
import type { Cell } from '#core/client-list/rows.ts';
import { DomainError } from '#core/errors.ts';
import type { Language } from '#core/language.ts';
import { bookForMatching, listedClients } from '#db/client-list.ts';
import type { Sqlite } from '#db/open.ts';
import { searchClients } from '#db/search.ts';
import type { Store } from '#db/store.ts';
import { formatOf, readList, writeList, type ListFile, type ListFormat } from './client-list-files.ts';

/** Lists kept open at once: enough to go back to the previous file, bounded in memory. */
const KEPT = 3;
const SAMPLE_ROWS = 5;
/** Rows checked between two progress reports (and turns of the event loop). */
const STEP = 2_000;

const cellText = (cell: Cell): string =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null || cell === undefined ? '' : String(cell);

export class ClientLists {
  private readonly open = new Map<string, { fileName: string; file: ListFile }>();
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  async *openFile(input: { fileName: string; base64: string }) {
    const bytes = Buffer.from(input.base64, 'base64');
    const format = formatOf(bytes, input.fileName);
    const fractions: number[] = [];
    let wake: (() => void) | null = null;
    let finished = false;
    let failure: unknown = null;
    let file: ListFile | null = null;
    readList(bytes, input.fileName, (fraction) => { fractions.push(fraction); wake?.(); })
      .then((read) => { file = read; }, (error: unknown) => { failure = error; })
      .finally(() => { finished = true; wake?.(); });
    // Progress as the reader reports it, until it is done.
    while (!finished || fractions.length > 0) {
      if (fractions.length === 0) { await new Promise<void>((resolve) => { wake = resolve; }); wake = null; continue; }
      yield { type: 'reading' as const, fraction: fractions.splice(0).at(-1)! };
    }
    if (failure) throw failure;
    const read = file as unknown as ListFile;
    const importId = uuidv7();
    this.open.set(importId, { fileName: input.fileName, file: read });
    while (this.open.size > KEPT) this.open.delete(this.open.keys().next().value!);
    yield {
      type: 'opened' as const,
      list: {
        importId, fileName: input.fileName, format, headers: read.headers, mapping: suggestMapping(read.headers), rows: read.rows.length,
        sample: read.rows.slice(0, SAMPLE_ROWS).map((r) => ({ line: r.line, cells: read.headers.map((_, i) => cellText(r.cells[i])) })),
      },
    };
  }

  private list(importId: string, mapping: ColumnMapping): ListFile {
    const open = this.open.get(importId);
    if (!open) throw new DomainError([{ field: 'importId', code: 'import_expired' }]);
    const problems = mappingProblems(mapping, open.file.headers.length);
    if (problems.length > 0) throw new DomainError(problems.map((p) => ({ field: `mapping.${p.field}`, code: p.code })));
    return open.file;
  }

  private plan(file: ListFile, mapping: ColumnMapping): ListPlan {
    return planList(file.rows, mapping, bookForMatching(this.store.db), this.store.now());
  }

  check(input: { importId: string; mapping: ColumnMapping }) {
    const plan = this.plan(this.list(input.importId, input.mapping), input.mapping);
    const held = new Map(listedClients(this.store.db, plan.duplicates.map((d) => d.clientId)).map((c) => [c.id, c]));
    return {
      ready: plan.ready.length,
      duplicates: plan.duplicates.map((d) => {
        const client = held.get(d.clientId)!;
        const { id: _, ...fields } = client;
        return { line: d.line, clientId: d.clientId, match: d.match, row: d.client, held: fields, changes: Object.keys(mergePatch(client, d.client)) as (typeof LIST_FIELDS)[number][] };
      }),
      refused: plan.refused,
      blank: plan.blank,
    };
  }

  async *apply(input: { importId: string; mapping: ColumnMapping; merge: number[] }) {
    const file = this.list(input.importId, input.mapping);
    const total = file.rows.length;
    // Checking only reads: the event loop turns between steps, so each step's progress reaches the screen.
    const planner = new ListPlanner(input.mapping, bookForMatching(this.store.db), this.store.now());
    for (let done = 0; done < total; done += STEP) {
      yield { type: 'progress' as const, phase: 'checking' as const, done, total };
      await new Promise((resolve) => setImmediate(resolve));
      for (const row of file.rows.slice(done, done + STEP)) planner.add(row);
    }
    const { plan } = planner;
    const merging = new Set(input.merge);
    const merges = plan.duplicates.filter((d) => merging.has(d.line));
    yield { type: 'progress' as const, phase: 'writing' as const, done: 0, total: plan.ready.length + merges.length };
    // The transaction holds the event loop: first let the event above leave for the screen.
    await new Promise((resolve) => setImmediate(resolve));
    // One transaction: every accepted row and its outbox entry, or nothing.
    const held = new Map(listedClients(this.store.db, merges.map((d) => d.clientId)).map((c) => [c.id, c]));
    this.store.batch(() => {
      for (const { client } of plan.ready) this.store.mutate('client.create', { ...client, id: uuidv7() });
      for (const d of merges) {
        const patch = mergePatch(held.get(d.clientId)!, d.client);
        if (Object.keys(patch).length > 0) this.store.mutate('client.update', { id: d.clientId, patch });
      }
    });
    yield { type: 'progress' as const, phase: 'writing' as const, done: plan.ready.length + merges.length, total: plan.ready.length + merges.length };
    this.open.delete(input.importId);
    yield { type: 'done' as const, created: plan.ready.length, merged: merges.length, skipped: plan.duplicates.length - merges.length, refused: plan.refused.length };
  }

  async exportList(sqlite: Sqlite, input: { format: ListFormat; query: string; language: Language }) {
    const found = input.query.trim() ? searchClients(sqlite, input.query, 0, 1_000_000) : null;
    const entries = listedClients(this.store.db, found ? found.items.map((c) => c.id) : undefined);
    const bytes = await writeList(entries, input.format, input.language);
    const day = new Date(this.store.now()).toISOString().slice(0, 10);
    const name = `${input.language === 'de' ? 'Kunden' : 'Clients'}-${day}${found ? `-${input.language === 'de' ? 'Suche' : 'search'}` : ''}.${input.format}`;
    return { fileName: name, base64: Buffer.from(bytes).toString('base64'), clients: entries.length };
  }
}
