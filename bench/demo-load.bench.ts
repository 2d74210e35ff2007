// demo-load: generating the demo book and loading it into a fresh encrypted
// database, timed separately. `node bench/demo-load.ts [CLIENTS]` (default
// 50,000, or BENCH_CLIENTS); prints one JSON line.
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bulkLoad } from '#db/bulk.ts';
import { openDatabase } from '#db/open.ts';
import { generateDemoBook } from '#demo/generate.ts';
import { DEMO_SEED } from '#demo/index.ts';
import { tempDir } from '../test/support/book.ts';
import { note, progress, report, round } from './lib.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50_000);
const dir = tempDir('aw-bench-demo-');
const path = join(dir.dir, 'book.db');
const { sqlite } = openDatabase({ path, key: randomBytes(32) });

note(`demo-load: generating ${CLIENTS} clients`);
const now = Date.now();
let t0 = performance.now();
const book = generateDemoBook({ seed: DEMO_SEED, clients: CLIENTS, now, ownerId: 'bench-advisor' });
const generateMs = performance.now() - t0;

note('demo-load: loading');
t0 = performance.now();
const counts = bulkLoad(sqlite, book, (done, total) => progress('rows', done, total));
const loadMs = performance.now() - t0;

const rows = Object.values(counts).reduce((s, n) => s + n, 0);
sqlite.close();
const size = (p: string) => (existsSync(p) ? statSync(p).size : 0);
const dbMb = (size(path) + size(`${path}-wal`)) / 1e6;
dir.cleanup();

report({
  bench: 'demo-load',
  clients: CLIENTS,
  rows,
  counts: Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)),
  generate_ms: round(generateMs, 0),
  load_ms: round(loadMs, 0),
  total_ms: round(generateMs + loadMs, 0),
  load_rows_per_s: round(rows / (loadMs / 1000), 0),
  db_mb: round(dbMb, 1),
  cpus: availableParallelism(),
  node: process.version,
});
