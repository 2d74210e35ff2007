// search: instant client search over 50,000 clients, 200 queries of 1 to 3
// words, as the client list runs it (first page of 50). Baseline: the naive
// LIKE scan over the same columns, in the same run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listClients } from '#db/queries.ts';
import { tempDir } from '../test/support/book.ts';
import { makeBook } from './dataset.ts';
import { note, percentile, progress, report, round } from './lib.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50_000);
const QUERIES = 200;
const dir = tempDir('aw-bench-search-');
mkdirSync(join(dir.dir, 'data'));
note(`search: generating ${CLIENTS} clients`);
const book = makeBook(join(dir.dir, 'data'), CLIENTS);

// Queries a person would type: names, cities, streets, partly typed words.
const rows = book.sqlite.prepare('SELECT first_name AS f, last_name AS l, city AS c, street AS s FROM clients ORDER BY rowid').all() as { f: string; l: string; c: string | null; s: string | null }[];
let seed = 7;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
const partial = (w: string) => (rnd() < 0.4 ? w.slice(0, Math.max(2, Math.ceil(w.length * 0.6))) : w);
const queries = Array.from({ length: QUERIES }, (_, i) => {
  const r = pick(rows);
  const words = [r.l, r.f, r.c ?? r.l, (r.s ?? '').split(' ')[0] || r.f];
  const n = (i % 3) + 1;
  return words.slice(0, n).map((w) => partial(w.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''))).join(' ');
});

const run = (fn: (q: string) => unknown) => {
  for (const q of queries.slice(0, 20)) fn(q);
  return queries.map((q, i) => { const t0 = performance.now(); fn(q); const ms = performance.now() - t0; progress('queries', i + 1, QUERIES); return ms; });
};
const search = (q: string) => listClients(book.db, book.sqlite, { query: q, offset: 0, limit: 50 });
const ours = run(search);
const hits = queries.filter((q) => search(q).items.length > 0).length;
const like = book.sqlite.prepare(`SELECT id FROM clients WHERE deleted_at IS NULL AND (first_name || ' ' || last_name || ' ' || coalesce(street,'') || ' ' || coalesce(city,'') || ' ' || coalesce(email,'') || ' ' || coalesce(notes,'')) LIKE ? LIMIT 50`);
const baseline = run((q) => like.all(`%${q.split(' ')[0]}%`));
book.close();
dir.cleanup();

const p99 = percentile(ours, 99);
report({
  bench: 'search', clients: CLIENTS, queries: QUERIES, queries_with_hits: hits,
  p50_ms: round(percentile(ours, 50)), p99_ms: round(p99),
  baseline: 'LIKE scan, first word only', baseline_p99_ms: round(percentile(baseline, 99)),
  ratio: round(p99 / percentile(baseline, 99), 3), goal_p99_ms: 15, ok: p99 < 15,
});
