// segment: (1) re-ranking one profile after one answer changed, as meeting mode
// does on every answer, 10,000 times: p99 against a JSON round trip of the same
// profile (baseline); (2) the segment command over 100,000 generated profiles,
// timed as its own process, against a process that only parses and prints them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ATTRIBUTE_IDS, PROFILE_ATTRIBUTES, type Profile } from '#core/profile.ts';
import { rankSegments, RULESET_V1, scoreSegments, SEGMENT_IDS } from '#core/segments/index.ts';
import { note, percentile, progress, report, ROOT, round } from './lib.ts';

const RUNS = 10_000;
const PROFILES = Number(process.env.BENCH_PROFILES ?? 100_000);

let seed = 11;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

/** A client near one segment's prototype: mostly its typical answers, some other ones, some not asked. */
function generate(id: number): Record<string, unknown> {
  const proto = RULESET_V1.segments[pick(SEGMENT_IDS)].prototype as Record<string, Record<string, number> | undefined>;
  const p: Record<string, unknown> = { id: `p${id}` };
  for (const a of ATTRIBUTE_IDS) {
    const r = rnd();
    if (r < 0.15) continue;
    const values = PROFILE_ATTRIBUTES[a] as readonly string[];
    const typical = [...values].sort((x, y) => (proto[a]?.[y] ?? 0) - (proto[a]?.[x] ?? 0))[0]!;
    const v = r < 0.75 ? typical : pick(values);
    p[a] = a === 'life_events' ? (rnd() < 0.5 ? [] : [pick(values)]) : v;
  }
  return p;
}

// (1) One answer changes, the profile is ranked again.
const base = generate(0);
delete base.id;
const edits = Array.from({ length: RUNS }, () => { const a = pick(ATTRIBUTE_IDS.filter((x) => x !== 'life_events')); return [a, pick(PROFILE_ATTRIBUTES[a])] as const; });
const time = (label: string, fn: (p: Profile) => unknown) => {
  const profile = { ...base } as Record<string, unknown>;
  for (let i = 0; i < 2_000; i++) fn(profile as Profile); // warm up the JIT first
  return edits.map(([a, v], i) => {
    profile[a] = v;
    const t0 = performance.now();
    fn(profile as Profile);
    const ms = performance.now() - t0;
    progress(label, i + 1, RUNS);
    return ms;
  });
};
note(`segment: re-ranking one profile ${RUNS} times`);
const ours = time('re-rank', (p) => rankSegments(p, RULESET_V1));
const scoreOnly = time('scores only', (p) => scoreSegments(p, RULESET_V1));
const baseline = time('baseline', (p) => JSON.parse(JSON.stringify(p)));

// (2) The command over a generated export.
const dir = mkdtempSync(join(tmpdir(), 'aw-bench-segment-'));
const input = join(dir, 'profiles.json');
note(`segment: writing ${PROFILES} profiles`);
writeFileSync(input, `[\n${Array.from({ length: PROFILES }, (_, i) => JSON.stringify(generate(i + 1))).join(',\n')}\n]\n`);
const runChild = (label: string, args: string[]) => {
  const out = join(dir, `${label}.out`);
  const fd = openSync(out, 'w');
  note(`segment: running ${label}`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', fd, 'inherit'] });
  const ms = performance.now() - t0;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`${label} exited with ${r.status}`);
  return { ms, out };
};
const cli = runChild('segment command', ['cli/segment.ts', input]);
const elements = JSON.parse(readFileSync(cli.out, 'utf8')) as { id: string; primary?: string }[];
if (elements.length !== PROFILES || elements.some((e, i) => e.id !== `p${i + 1}` || !e.primary)) throw new Error('segment command output is incomplete');
const plain = runChild('baseline', ['-e', `const a = JSON.parse(require('fs').readFileSync(${JSON.stringify(input)}, 'utf8')); process.stdout.write('[\\n' + a.map((p) => JSON.stringify(p)).join(',\\n') + '\\n]\\n');`]);
rmSync(dir, { recursive: true, force: true });

const p99 = percentile(ours, 99);
const perS = PROFILES / (cli.ms / 1000);
report({
  bench: 'segment', profiles: PROFILES, rescore_runs: RUNS,
  p50_ms: round(percentile(ours, 50), 4), p99_ms: round(p99, 4), score_only_p99_ms: round(percentile(scoreOnly, 99), 4),
  baseline: 'JSON round trip of the profile', baseline_p99_ms: round(percentile(baseline, 99), 4), ratio: round(p99 / percentile(baseline, 99), 2),
  cli_ms: Math.round(cli.ms), profiles_per_s: Math.round(perS),
  cli_baseline: 'a node process that parses the file and prints each profile', cli_baseline_ms: Math.round(plain.ms), cli_ratio: round(cli.ms / plain.ms, 2),
  goal_p99_ms: 1, goal_profiles_per_s: 20_000, ok: p99 < 1 && perS > 20_000,
});
