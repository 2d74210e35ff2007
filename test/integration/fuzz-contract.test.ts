// Every contract procedure that takes input, fed bad and borderline values
// field by field (generated from its zod schema, so a new procedure or field
// is covered without being listed here), against a book with something of
// every kind in it. A bad value is refused with BAD_REQUEST naming the field,
// and the book is the same afterwards, table by table, row by row. A value the
// schema accepts may be saved; then only rows about that client may change.
// FUZZ_RUNS (default 30 per procedure) and FUZZ_SEED search deeper or elsewhere.
import { ORPCError } from '@orpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '#contract/index.ts';
import { bookContents, changedRows, settled, type Contents } from '../support/book-contents.ts';
import { fullBookTemplate, type FullBook } from '../support/full-book.ts';
import { FUZZ_RUNS, FUZZ_SEED, namesField, pathText, probes, shown, withProbe, type Probe } from '../support/fuzz.ts';

type Procedure = { '~orpc': { inputSchema?: z.ZodType } };
const procedures = Object.entries(contract).flatMap(([ns, procs]) => Object.entries(procs as Record<string, Procedure>)
  .flatMap(([name, p]) => (p['~orpc'].inputSchema ? [{ path: `${ns}.${name}`, schema: p['~orpc'].inputSchema }] : [])));

/** Procedures without input: nothing to fuzz. A new one lands here or among the fuzzed, never unnoticed. */
const WITHOUT_INPUT = ['session.status', 'session.about', 'tasks.open', 'segments.ruleSet', 'book.picture', 'catalogue.areas', 'catalogue.products', 'sharing.coaches', 'sync.status', 'sync.watch', 'sync.now', 'coach.clients', 'retail.products', 'retail.rating', 'retention.summary'];

/** Tables whose rows are not about one client: what an accepted call may touch besides its client's rows. */
const BOOKKEEPING = new Set(['device_state']);
/** The search index (words, names, blocks), derived from the clients' rows and rewritten with them. */
const SEARCH_INDEX = /^client_search_/;
const SESSION_TABLES = new Set(['local_user']);

type Problem = { field: string; code: string };

/** Why an outcome is wrong, or null; `valid` is the schema's own verdict on the input. */
function judge(path: string, probe: Probe, valid: boolean, outcome: { result?: unknown; error?: unknown }, before: Contents, after: Contents, book: FullBook): string | null {
  const { error } = outcome;
  const changed = changedRows(before, after);
  if (error !== undefined) {
    if (!(error instanceof ORPCError)) return `threw ${String(error)}`;
    if (error.code === 'INTERNAL_SERVER_ERROR') return `failed inside: ${error.message} ${String(error.cause)}`;
    if (changed.length) return `refused (${error.code}) but changed ${changed.map((c) => c.table).join(', ')}`;
    if (error.code !== 'BAD_REQUEST') return valid ? null : `a bad ${pathText(probe.path)} was answered ${error.code}, not BAD_REQUEST`;
    const problems = (error.data as { problems?: Problem[] } | undefined)?.problems ?? [];
    if (problems.length === 0 || problems.some((p) => !p.field || p.field === 'input')) return `a refusal without a field: ${JSON.stringify(problems)}`;
    if (!valid && !namesField(problems.map((p) => p.field), probe.path)) return `refusal names ${problems.map((p) => p.field).join(', ')}, not ${pathText(probe.path)}`;
    const named = problems.find((p) => namesField([p.field], probe.path)) ?? problems[0]!;
    if (!valid && !error.message.includes(named.field)) return `message "${error.message}" does not name ${named.field}`;
    return null;
  }
  if (!valid) return `a bad ${pathText(probe.path)} was accepted`;
  // Accepted: only rows about the client it concerns (or this user's own settings) may change.
  const result = outcome.result as { clientId?: unknown } | undefined;
  const subjects = new Set([book.target, ...(typeof result?.clientId === 'string' ? [result.clientId] : [])]);
  const stray = changed.filter(({ table, row }) => {
    if (BOOKKEEPING.has(table) || SEARCH_INDEX.test(table) || (path.startsWith('session.') && SESSION_TABLES.has(table))) return false;
    if (table === 'clients') return !subjects.has(row.id as string);
    if ('client_id' in row) return !subjects.has(row.client_id as string);
    return true;
  });
  return stray.length ? `accepted, and changed rows not about its client: ${stray.slice(0, 3).map((s) => `${s.table} ${JSON.stringify(s.row).slice(0, 120)}`).join('; ')}` : null;
}

let template: Awaited<ReturnType<typeof fullBookTemplate>>;
beforeAll(async () => { template = await fullBookTemplate(); }, 60_000);
afterAll(() => template?.cleanup());

describe('every procedure refuses bad input by field and changes nothing', () => {
  it('every procedure of the contract is either fuzzed here or takes no input', () => {
    const all = Object.entries(contract).flatMap(([ns, procs]) => Object.keys(procs).map((name) => `${ns}.${name}`));
    expect(all.filter((p) => !procedures.some((x) => x.path === p)).sort()).toEqual([...WITHOUT_INPUT].sort());
  });

  it('text no database can hold is refused naming the field, before it reaches the outbox', async () => {
    const w = template.open();
    try {
      await settled(w.rpc);
      const before = bookContents(w.store.sqlite);
      await expect(w.rpc.clients.update({ id: template.book.target, patch: { firstName: 'Han\u0000na' } })).rejects.toMatchObject({
        code: 'BAD_REQUEST', data: { problems: [{ field: 'patch.firstName', code: 'invalid_value' }] },
      });
      await expect(w.rpc.tasks.add({ clientId: template.book.target, title: 'Rückruf \ud83d' })).rejects.toMatchObject({
        code: 'BAD_REQUEST', data: { problems: [{ field: 'title', code: 'invalid_value' }] },
      });
      expect(bookContents(w.store.sqlite)).toEqual(before);
    } finally {
      w.close();
    }
  });

  for (const { path, schema } of procedures) {
    it(path, async () => {
      const w = template.open();
      try {
        const { book } = template;
        const base = book.inputs.get(path);
        // A procedure the book does not call yet: give it a valid input in full-book.ts.
        expect(base, `full-book.ts makes no call of ${path}`).toBeDefined();
        expect(schema.safeParse(base).success, `the recorded input of ${path} is valid`).toBe(true);
        const [ns, name] = path.split('.') as [string, string];
        const call = (w.rpc as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[ns]![name]!;
        await fc.assert(fc.asyncProperty(probes(schema), async (probe) => {
          const input = withProbe(base, probe);
          const valid = schema.safeParse(input).success;
          await settled(w.rpc);
          const before = bookContents(w.store.sqlite);
          const outcome = await call(input).then((result) => ({ result }), (error: unknown) => ({ error }));
          const wrong = judge(path, probe, valid, outcome, before, bookContents(w.store.sqlite), book);
          if (wrong) throw new Error(`${path} with ${pathText(probe.path)} = ${shown(probe.value)}: ${wrong}`);
        }), { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true });
      } finally {
        w.close();
      }
    }, 120_000);
  }
});
