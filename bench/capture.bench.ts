// capture: an interview answer sent through the real contract until its row
// and outbox entry are committed, over both channels the app has:
//   desktop  the shipped core bundle (dist/electron/core.mjs) behind a MessagePort, in a worker thread
//            as Electron's utility process runs it (test/support/desktop-channel.ts): what the advisor's window talks to (p99_ms, the goal);
//   http     browser mode (`npm start`), its own process, HTTP on loopback (http_p99_ms).
// Baseline: a single-row insert into the same encrypted book with the same pragmas, in the same run.
// Beside each channel, what a call costs that does no work (session.status): the channel's own share
// of an answer's time (channel_p99_ms, http_channel_p99_ms).
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Database from 'better-sqlite3';
import { PROFILE_ATTRIBUTES, type AttributeId } from '#core/profile.ts';
import { connect, type WorkstationClient } from '../test/support/rpc.ts';
import { openShippedCore } from '../test/support/desktop-channel.ts';
import { tempDir } from '../test/support/book.ts';
import { buildHost, note, percentile, progress, report, ROOT, round, startServer } from './lib.ts';

type Client = WorkstationClient;
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const ANSWERS = 3000;
const WARMUP = 300;
const single = (Object.keys(PROFILE_ATTRIBUTES) as AttributeId[]).filter((a) => a !== 'life_events');

/** Times calls of `call`, after WARMUP untimed ones. */
async function timed(label: string, call: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await call(i);
  // The measuring side's own garbage (compiling its imports) is collected before timing, not during it.
  collectGarbage();
  const samples: number[] = [];
  for (let i = 0; i < ANSWERS; i++) {
    const t0 = performance.now();
    await call(i);
    samples.push(performance.now() - t0);
    progress(label, i + 1, ANSWERS);
  }
  return samples;
}

/** Times ANSWERS answers in one meeting, then as many calls that do no work. */
async function interview(client: Client, label: string): Promise<{ samples: number[]; channel: number[]; answered: number }> {
  await client.session.setup({ displayName: 'Bench', roles: ['advisor'], locale: 'de', demoBook: false });
  const { id: clientId } = await client.clients.create({ firstName: 'Bench', lastName: 'Kunde' });
  // With consent to profiling, as in most meetings: every answer owes a segment conclusion and a value tier,
  // which follow the acknowledgement (services/derive.ts) instead of delaying it.
  await client.consents.record({ clientId, purpose: 'profiling', granted: true, method: 'written' });
  const { id: meetingId } = await client.meetings.start({ clientId });
  const answer = (i: number) => {
    const attribute = single[i % single.length]!;
    const values = PROFILE_ATTRIBUTES[attribute] as readonly string[];
    return { clientId, meetingId, attribute, value: values[i % values.length]! };
  };
  const samples = await timed(`${label} answers`, (i) => client.answers.set(answer(i)));
  const channel = await timed(`${label} empty calls`, () => client.session.status());
  return { samples, channel, answered: (await client.clients.get({ id: clientId })).answers.length };
}

async function desktop(dbPath: string, key: Buffer) {
  const core = await openShippedCore(dbPath, key);
  const result = await interview(core.client, 'desktop');
  await core.close();
  return result;
}

async function http(dataDir: string) {
  const server = startServer(dataDir, { AW_DEMO_CLIENTS: '0' });
  const result = await interview(await connect(await server.url), 'http');
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
  return result;
}

/** One committed single-row insert at a time into the same kind of book, with the app's pragmas (db/open.ts). */
function baseline(dbPath: string, key: Buffer): number[] {
  const db = new Database(dbPath);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS bench_baseline (id INTEGER PRIMARY KEY, attribute TEXT, value TEXT, at INTEGER)');
  const insert = db.prepare('INSERT INTO bench_baseline (attribute, value, at) VALUES (?, ?, ?)');
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + ANSWERS; i++) {
    const attribute = single[i % single.length]!;
    const t0 = performance.now();
    insert.run(attribute, JSON.stringify((PROFILE_ATTRIBUTES[attribute] as readonly string[])[0]), Date.now());
    if (i >= WARMUP) samples.push(performance.now() - t0);
  }
  db.close();
  return samples;
}

buildHost();
if (spawnSync(process.execPath, ['build/electron.ts'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('building the desktop bundle failed');
const dir = tempDir('aw-bench-capture-');
note(`capture: ${ANSWERS} answers and ${ANSWERS} empty calls over the desktop channel, the same over HTTP, then ${ANSWERS} baseline inserts`);
const desktopKey = randomBytes(32);
const overPort = await desktop(join(dir.dir, 'desktop.db'), desktopKey);
const dataDir = join(dir.dir, 'data');
const overHttp = await http(dataDir);
const base = baseline(join(dataDir, 'workstation.db'), Buffer.from(readFileSync(join(dataDir, 'workstation.key'), 'utf8').trim(), 'hex'));
dir.cleanup();

const p99 = percentile(overPort.samples, 99);
const httpP99 = percentile(overHttp.samples, 99);
const baseP99 = percentile(base, 99);
report({
  bench: 'capture', answers: ANSWERS, answered_attributes: overPort.answered,
  p50_ms: round(percentile(overPort.samples, 50)), p99_ms: round(p99),
  channel_p99_ms: round(percentile(overPort.channel, 99)),
  http_p50_ms: round(percentile(overHttp.samples, 50)), http_p99_ms: round(httpP99), http_channel_p99_ms: round(percentile(overHttp.channel, 99)),
  baseline_p50_ms: round(percentile(base, 50)), baseline_p99_ms: round(baseP99),
  ratio: round(p99 / baseP99, 2), http_ratio: round(httpP99 / baseP99, 2), goal_p99_ms: 3, ok: p99 < 3,
});
