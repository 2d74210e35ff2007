// capture: an interview answer sent through the real contract (browser mode,
// HTTP on loopback, its own process) until its row and outbox entry are committed; baseline: a
// single-row insert into the same encrypted database, in the same run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { PROFILE_ATTRIBUTES, type AttributeId } from '#core/profile.ts';
import { connect } from '../test/support/rpc.ts';
import { tempDir } from '../test/support/book.ts';
import { buildHost, note, percentile, progress, report, round, startServer } from './lib.ts';

const ANSWERS = 1000;
const WARMUP = 50;
buildHost();
const dir = tempDir('aw-bench-capture-');
const dataDir = join(dir.dir, 'data');

note(`capture: ${ANSWERS} answers through the contract, then ${ANSWERS} baseline inserts`);
const server = startServer(dataDir, { AW_DEMO_CLIENTS: '0' });
const client = await connect(await server.url);
await client.session.setup({ displayName: 'Bench', roles: ['advisor'], locale: 'de', demoBook: false });
const { id: clientId } = await client.clients.create({ firstName: 'Bench', lastName: 'Kunde' });
// With consent to profiling, as in most meetings: every answer owes a segment conclusion and a value tier,
// which follow the acknowledgement (services/derive.ts) instead of delaying it.
await client.consents.record({ clientId, purpose: 'profiling', granted: true, method: 'written' });
const { id: meetingId } = await client.meetings.start({ clientId });

const single = (Object.keys(PROFILE_ATTRIBUTES) as AttributeId[]).filter((a) => a !== 'life_events');
const answer = (i: number) => {
  const attribute = single[i % single.length]!;
  const values = PROFILE_ATTRIBUTES[attribute] as readonly string[];
  return { clientId, meetingId, attribute, value: values[i % values.length]! };
};
for (let i = 0; i < WARMUP; i++) await client.answers.set(answer(i));

const samples: number[] = [];
for (let i = 0; i < ANSWERS; i++) {
  const t0 = performance.now();
  await client.answers.set(answer(i));
  samples.push(performance.now() - t0);
  progress('answers', i + 1, ANSWERS);
}
const detail = await client.clients.get({ id: clientId });
server.child.kill('SIGTERM');
await new Promise((r) => server.child.once('exit', r));

// Baseline: the same encrypted file, same pragmas, one committed row per insert.
const key = Buffer.from(readFileSync(join(dataDir, 'workstation.key'), 'utf8').trim(), 'hex');
const db = new Database(join(dataDir, 'workstation.db'));
db.pragma(`cipher='sqlcipher'`);
db.pragma('legacy=4');
db.pragma(`key="x'${key.toString('hex')}'"`);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS bench_baseline (id INTEGER PRIMARY KEY, attribute TEXT, value TEXT, at INTEGER)');
const insert = db.prepare('INSERT INTO bench_baseline (attribute, value, at) VALUES (?, ?, ?)');
const baseline: number[] = [];
for (let i = 0; i < WARMUP + ANSWERS; i++) {
  const a = answer(i);
  const t0 = performance.now();
  insert.run(a.attribute, JSON.stringify(a.value), Date.now());
  if (i >= WARMUP) baseline.push(performance.now() - t0);
}
db.close();
dir.cleanup();

const p99 = percentile(samples, 99);
const baselineP99 = percentile(baseline, 99);
report({
  bench: 'capture', answers: ANSWERS, answered_attributes: detail.answers.length,
  p50_ms: round(percentile(samples, 50)), p99_ms: round(p99),
  baseline_p50_ms: round(percentile(baseline, 50)), baseline_p99_ms: round(baselineP99),
  ratio: round(p99 / baselineP99, 2), goal_p99_ms: 3, ok: p99 < 3,
});
