// Shared bits of the benchmarks: timing, percentiles, progress on stderr, and
// the one JSON line on stdout that other tools read.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const round = (x: number, digits = 3) => Number(x.toFixed(digits));

export function progress(label: string, done: number, total: number): void {
  if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0) {
    process.stderr.write(`  ${label}: ${done}/${total}\n`);
  }
}

export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function report(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Starts browser mode as its own process and resolves with its URL once it prints it. */
export function startServer(dataDir: string, env: Record<string, string> = {}) {
  // The bundle is what `npm start` runs; build it once with `npm run build:host`.
  const child = spawn(process.execPath, ['dist/host.mjs', '--data-dir', dataDir], {
    cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/Advisor Workstation running at (\S+)/);
      if (m) resolve(m[1]!);
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready: ${err}`)));
  });
  return { child, url };
}

/** Builds the browser-mode bundle the benchmarks start, so they measure what users run. */
export function buildHost(): void {
  const r = spawnSync(process.execPath, ['build/host.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the browser-mode bundle failed');
}
