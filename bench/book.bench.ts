// book: the dashboard's picture of a 50,000-client book (clients per segment
// in force, per value tier, forecast moves), as book.picture computes it.
// Baseline: a plain count of the conclusions on the same data, in the same run.
// For comparison, the way it was not done: every segment and migration
// conclusion loaded into JavaScript and reduced with core's effectiveSegment.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { effectiveSegment, type Conclusion } from '#core/conclusions.ts';
import { bookPicture } from '#db/book.ts';
import { tempDir } from '../test/support/book.ts';
import { makeBook } from './dataset.ts';
import { note, percentile, progress, report, round } from './lib.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50_000);
const RUNS = 30;
const dir = tempDir('aw-bench-book-');
mkdirSync(join(dir.dir, 'data'));
note(`book: generating ${CLIENTS} clients`);
const book = makeBook(join(dir.dir, 'data'), CLIENTS);
const conclusions = (book.sqlite.prepare('SELECT count(*) AS n FROM conclusions').get() as { n: number }).n;

const time = (label: string, fn: () => unknown, runs = RUNS) => {
  fn(); // the first run warms the page cache
  return Array.from({ length: runs }, (_, i) => { const t0 = performance.now(); fn(); const ms = performance.now() - t0; progress(label, i + 1, runs); return ms; });
};

const ours = time('picture', () => bookPicture(book.db));
const count = book.sqlite.prepare('SELECT count(*) AS n FROM conclusions');
const baseline = time('count', () => count.get());
// count(*) answers from the b-tree's page counts without reading a row; a scan that reads each row shows the floor.
const scan = book.sqlite.prepare(`SELECT count(*) AS n FROM conclusions WHERE status <> ''`);
const scanned = time('scan', () => scan.get());

const segmentRows = book.sqlite.prepare(`SELECT c.client_id AS clientId, c.kind, c.value, c.source, c.status, c.decided_at AS decidedAt
  FROM conclusions c JOIN clients k ON k.id = c.client_id WHERE c.deleted_at IS NULL AND k.deleted_at IS NULL AND c.kind = 'segment'`);
const inJs = time('load and reduce', () => {
  const perClient = new Map<string, Conclusion[]>();
  for (const r of segmentRows.all() as Array<Conclusion & { clientId: string }>) {
    const list = perClient.get(r.clientId);
    if (list) list.push(r); else perClient.set(r.clientId, [r]);
  }
  const counts = new Map<string, number>();
  for (const list of perClient.values()) {
    const e = effectiveSegment(list);
    if (e) counts.set(e.segment, (counts.get(e.segment) ?? 0) + 1);
  }
  return counts;
}, 10);

const picture = bookPicture(book.db);
// A book with deleted clients takes the slower path that looks them up (1% here, tombstoned directly).
book.sqlite.prepare('UPDATE clients SET deleted_at = updated_at WHERE rowid % 100 = 0').run();
const withDeleted = time('with deleted clients', () => bookPicture(book.db));
book.close();
dir.cleanup();

const ms = percentile(ours, 50);
const baseMs = percentile(baseline, 50);
report({
  bench: 'book', clients: CLIENTS, conclusions, segmented: picture.total - picture.unsegmented, flows: picture.migrations.length,
  ms: round(ms), p99_ms: round(percentile(ours, 99)), with_deleted_ms: round(percentile(withDeleted, 50)),
  segments_only_in_js_ms: round(percentile(inJs, 50)),
  baseline: 'SELECT count(*) FROM conclusions', baseline_ms: round(baseMs),
  ratio: round(ms / baseMs, 3), scan_ms: round(percentile(scanned, 50)), ratio_to_scan: round(ms / percentile(scanned, 50), 3),
  goal_ms: 250, ok: ms < 250,
});
