// soak: the convergence property over the whole model (two advisors and a
// coach, four devices, faults never switched off, crashes, backend restarts:
// test/integration/sync/convergence.test.ts) on SOAK_RUNS random histories
// (default 1,000), on PostgreSQL at DATABASE_URL, else PGlite. There is no
// baseline to divide by: divergences and lost must be 0. A failing history is
// printed with its seed and path (SOAK_SEED, SOAK_PATH and SOAK_RUNS=1 replay it).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tempDir } from '../test/support/book.ts';
import { note, report, ROOT, round } from './lib.ts';

const runs = Number(process.env.SOAK_RUNS ?? 1000);
const seed = process.env.SOAK_SEED ?? '20261203';
note(`soak: ${runs} histories (seed ${seed}), ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; each: 3 people, 4 devices, 15-40 steps`);
const t0 = performance.now();
// The test writes how many histories held so far into this file after each one.
const scratch = tempDir('aw-soak-');
const progressFile = join(scratch.dir, 'progress');
const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/integration/sync/convergence.test.ts'], {
  cwd: ROOT, env: { ...process.env, SOAK_RUNS: String(runs), SOAK_SEED: seed, SOAK_REPORT: '1', SOAK_PROGRESS: progressFile }, stdio: ['ignore', 'pipe', 'pipe'],
});
const heldSoFar = () => { try { return Number(readFileSync(progressFile, 'utf8')); } catch { return 0; } };
let out = '';
child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
// vitest prints nothing until the one test ends: say how far it has come.
const alive = setInterval(() => note(`  soak: ${heldSoFar()}/${runs} histories held, ${round((performance.now() - t0) / 1000, 0)} s`), 30_000);
// 'close', not 'exit': the totals line may still wait in the pipe when the process is gone.
const code = await new Promise<number>((resolve) => child.once('close', (c) => resolve(c ?? 1)));
clearInterval(alive);
scratch.cleanup();
const seconds = round((performance.now() - t0) / 1000, 1);
const totals = out.match(/\{"soak":(\{.*\})\}/)?.[1];
const failure = out.match(/Counterexample: .*|\{ seed: -?\d+, path: "[^"]*"[^}]*\}/g);
if (code !== 0) note(out.split('\n').filter((l) => /Caused by|seed:|Error/.test(l)).slice(0, 10).join('\n'));
// The totals are printed only once every history held (convergence, nothing lost); a failure after them is the teardown's.
const held = totals !== undefined;
report({
  bench: 'soak', runs, divergences: held ? 0 : 1, lost: held ? 0 : null, seconds, seed: Number(seed),
  ...(totals ? { made: JSON.parse(totals) as unknown } : {}), ...(failure ? { failing: failure[0]!.slice(0, 300) } : {}),
  ...(held && code !== 0 ? { teardown_failed: true } : {}),
  ok: held,
});
