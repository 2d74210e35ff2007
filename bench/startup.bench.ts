// startup: browser mode starting on a book of 50,000 clients, from launching
// the process until the client list's first page is served. Baseline: a bare
// Node process that starts an HTTP server on loopback, in the same run.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { connect } from '../test/support/rpc.ts';
import { tempDir } from '../test/support/book.ts';
import { makeBook } from './dataset.ts';
import { buildHost, note, percentile, report, round, startServer } from './lib.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50_000);
const RUNS = 5;
buildHost();
const dir = tempDir('aw-bench-startup-');
const dataDir = join(dir.dir, 'data');
mkdirSync(dataDir);
note(`startup: generating ${CLIENTS} clients`);
makeBook(dataDir, CLIENTS).close();

async function startOnce(): Promise<{ ms: number; firstPage: number }> {
  const t0 = performance.now();
  const server = startServer(dataDir);
  const client = await connect(await server.url);
  const page = await client.clients.list({ query: '', offset: 0, limit: 50 });
  const ms = performance.now() - t0;
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
  return { ms, firstPage: page.items.length };
}

async function bareNode(): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', `require('node:http').createServer().listen(0, '127.0.0.1', () => { console.log('ready'); process.exit(0); })`], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((r) => child.stdout.once('data', r));
  await new Promise((r) => child.once('exit', r));
  return performance.now() - t0;
}

const ours: number[] = [];
const baseline: number[] = [];
let firstPage = 0;
for (let i = 0; i < RUNS; i++) {
  const r = await startOnce();
  ours.push(r.ms);
  firstPage = r.firstPage;
  baseline.push(await bareNode());
  note(`  run ${i + 1}/${RUNS}: ${Math.round(r.ms)} ms (bare node ${Math.round(baseline.at(-1)!)} ms)`);
}
dir.cleanup();
const ms = percentile(ours, 50);
report({
  bench: 'startup', clients: CLIENTS, runs: RUNS, first_page_rows: firstPage,
  ms: round(ms, 0), max_ms: round(Math.max(...ours), 0),
  baseline: 'bare node process serving HTTP', baseline_ms: round(percentile(baseline, 50), 0),
  ratio: round(ms / percentile(baseline, 50), 2), goal_ms: 2000, ok: Math.max(...ours) < 2000,
});
