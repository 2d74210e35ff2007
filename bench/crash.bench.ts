// crash: the kill loop at full length. A writer process (answers through the
// contract, other changes through the store, pulled pages and push results
// through the sync paths) is killed with SIGKILL CRASH_KILLS times (default
// 200), a third of them inside a transaction; after each kill the book is
// opened and checked (test/support/crash-loop.ts). There is no baseline to
// divide by: lost and integrity_failures must be 0.
import { performance } from 'node:perf_hooks';
import { runKillLoop } from '../test/support/crash-loop.ts';
import { tempDir } from '../test/support/book.ts';
import { note, progress, report, round } from './lib.ts';

const kills = Number(process.env.CRASH_KILLS ?? 200);
const seed = Number(process.env.CRASH_SEED ?? 2026);
const dir = tempDir('aw-bench-crash-');
note(`crash: ${kills} kills of a writer on one encrypted book (seed ${seed}), a third inside a transaction`);
const t0 = performance.now();
try {
  const result = await runKillLoop({ dir: dir.dir, kills, inTxShare: 1 / 3, maxRunMs: 400, seed, onProgress: (done, total) => progress('kills', done, total) });
  for (const line of result.problems) note(`  ${line}`);
  const { problems: _problems, ...figures } = result;
  report({ bench: 'crash', ...figures, seed, seconds: round((performance.now() - t0) / 1000, 1), ok: result.lost === 0 && result.integrity_failures === 0 && result.unqueued === 0 });
} finally {
  dir.cleanup();
}
