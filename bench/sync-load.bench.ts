// sync-load: many devices pushing and pulling at once against one backend on
// loopback. Each simulated device is a light HTTP client speaking the real
// protocol (services/sync/link.ts) with its own device token: its first push
// creates a few clients of its own, then in a loop it pushes 1–5 mutations
// (touchpoints, client edits, on clients of its advisor) under its own
// increasing seq, pulls from its cursor, and waits a little. A failed request
// is sent again with the same seqs, as a device's outbox does. After the run
// every device pushes what is unacknowledged, and the backend's tables are
// checked: nothing the devices sent may be missing or applied twice.
// The devices run in a worker thread, so their own work does not sit on the
// backend's event loop and inflate its latency.
// Then, on PostgreSQL, saturation: the devices with no pause between rounds
// against one backend process and against two (each `npm run backend`, its
// own process and pool, devices spread over them as a load balancer would),
// each on a fresh database: mutations per second for each and their ratio,
// with the same exactly-once audit (SYNC_LOAD_SATURATION_DEVICES, default
// 100; SYNC_LOAD_SATURATION_SECONDS, default 20).
// PostgreSQL at DATABASE_URL (a fresh database per run), else PGlite, where a
// shorter default run is used (one embedded database serialises everything).
// SYNC_LOAD_DEVICES and SYNC_LOAD_SECONDS set the size; SYNC_LOAD_TIMEOUT_MS
// (default 30 s, as the app) abandons slower requests, which are then sent
// again with the same seqs: a short one replays pushes the backend has done.
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { connect, type BackendDb } from '#backend/db/connect.ts';
import { createLogger } from '#backend/log.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import { startBackend } from '#backend/server.ts';
import { formatHlc, HLC_ZERO, parseHlc, receive, tick, type Hlc } from '#core/hlc.ts';
import type { PushedMutation } from '#core/sync/protocol.ts';
import { BackendLink, SyncError } from '#services/sync/link.ts';
import { databaseTarget } from '../test/integration/backend/support.ts';
import { note, percentile, report, ROOT, round } from './lib.ts';

const ADVISORS = 20;
const CLIENTS_PER_DEVICE = 3;
/**
 * Time between a device's rounds, in ms. A real workstation pushes about one
 * second after an advisor's change (services/sync/engine.ts nudge) and every
 * 30 s otherwise; an advisor in a meeting makes a change every few seconds.
 * 1–3 s is that busy advisor on every one of the devices at once. With much
 * shorter gaps the run measures queueing at saturation, not latency:
 * SYNC_LOAD_THINK_MS="10,100" shows where that is.
 */
const THINK_MS = (process.env.SYNC_LOAD_THINK_MS ?? '1000,3000').split(',').map(Number) as [number, number];
if (THINK_MS.length !== 2 || THINK_MS.some((x) => !Number.isFinite(x) || x < 0) || THINK_MS[0] > THINK_MS[1]) {
  throw new Error('SYNC_LOAD_THINK_MS must be "min,max" in milliseconds, like "1000,3000".');
}

interface Plan { urls: string[]; codes: { code: string; name: string }[]; seconds: number; timeoutMs: number; thinkMs: [number, number] }
/** What a device sent that must end up on the backend: every seq up to lastSeq, and the records it created. */
interface DeviceLog { deviceId: string; lastSeq: number; created: { seq: number; entity: 'clients' | 'touchpoints'; id: string }[] }
interface Outcome {
  latencies: { push: number[]; pull: number[] }; requests: number; errors: Record<string, number>; applied: number; rejected: string[];
  runMs: number; drainRequests: number; devices: DeviceLog[];
}

const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;

/** One simulated device: an outbox in memory, a cursor, a clock. */
class Device {
  seq = 0;
  /** Sent or not yet sent, but not acknowledged: pushed again, same seqs, until the backend answers. */
  pending: PushedMutation[] = [];
  cursor: string | null = null;
  clock: Hlc = HLC_ZERO;
  clients: string[] = [];
  readonly log: DeviceLog;
  readonly link: BackendLink;
  readonly outcome: Outcome;
  constructor(link: BackendLink, deviceId: string, outcome: Outcome) {
    this.link = link;
    this.log = { deviceId, lastSeq: 0, created: [] };
    this.outcome = outcome;
  }

  add(name: string, args: Record<string, unknown>): void {
    const at = Date.now();
    this.clock = tick(this.clock, at, this.log.deviceId);
    this.pending.push({ seq: ++this.seq, mutationId: uuidv7(), name, args, hlc: formatHlc(this.clock), at });
    this.log.lastSeq = this.seq;
  }

  createClient(): void {
    const id = uuidv7();
    this.add('client.create', { id, firstName: 'Kundin', lastName: `Last ${this.seq}`, city: 'Köln' });
    this.log.created.push({ seq: this.seq, entity: 'clients', id });
    this.clients.push(id);
  }

  work(): void {
    for (let n = 1 + Math.floor(Math.random() * 5); n > 0; n--) {
      const clientId = pick(this.clients);
      if (Math.random() < 0.7) {
        const id = uuidv7();
        this.add('touchpoint.add', { id, clientId, kind: 'call', channel: 'phone', direction: 'inbound', occurredAt: Date.now(), summary: 'Rückruf' });
        this.log.created.push({ seq: this.seq, entity: 'touchpoints', id });
      } else {
        this.add('client.update', { id: clientId, patch: { city: `Ort ${this.seq}` } });
      }
    }
  }

  /** One push of everything unacknowledged; false when it failed (kept for the next try). */
  async push(counting: boolean): Promise<boolean> {
    if (this.pending.length === 0) return true;
    try {
      const answer = await this.link.push(this.pending.slice(0, 500));
      const done = new Set(answer.results.map((r) => r.seq));
      for (const r of answer.results) {
        if (r.status === 'rejected') this.outcome.rejected.push(`${r.code}: ${r.message}`);
        else if (counting) this.outcome.applied++;
      }
      this.pending = this.pending.filter((m) => !done.has(m.seq));
      return true;
    } catch (error) {
      // A gap would mean this device lost track of its own outbox: exactly-once is broken, stop.
      if (!(error instanceof SyncError) || error.kind === 'gap' || error.kind === 'protocol') throw error;
      this.outcome.errors[error.kind] = (this.outcome.errors[error.kind] ?? 0) + 1;
      return false;
    }
  }

  async pull(): Promise<void> {
    try {
      const page = await this.link.pull(this.cursor, 1000);
      this.cursor = page.cursor;
      this.clock = receive(this.clock, parseHlc(page.hlc), Date.now(), this.log.deviceId);
      // Clients of the same advisor made on their other devices: worked on too, so devices contend as colleagues' do.
      for (const r of page.records) if (r.entity === 'clients' && r.state && !this.clients.includes(r.id)) this.clients.push(r.id);
    } catch (error) {
      if (!(error instanceof SyncError) || error.kind === 'protocol') throw error;
      this.outcome.errors[error.kind] = (this.outcome.errors[error.kind] ?? 0) + 1;
    }
  }
}

/** The worker: enrols the devices, runs them until the deadline, drains them, and reports. */
async function runDevices(plan: Plan): Promise<Outcome> {
  const outcome: Outcome = { latencies: { push: [], pull: [] }, requests: 0, errors: {}, applied: 0, rejected: [], runMs: 0, drainRequests: 0, devices: [] };
  const devices: Device[] = [];
  for (let i = 0; i < plan.codes.length; i += 20) {
    devices.push(...await Promise.all(plan.codes.slice(i, i + 20).map(async ({ code, name }, j) => {
      // With several backend processes the devices are spread over them, as a load balancer would.
      const url = plan.urls[(i + j) % plan.urls.length]!;
      const enrolled = await new BackendLink({ url }).enrol(code, name);
      return new Device(new BackendLink({ url, token: enrolled.token, timeoutMs: plan.timeoutMs }), enrolled.deviceId, outcome);
    })));
  }
  parentPort!.postMessage({ kind: 'note', line: `  ${devices.length} devices enrolled; running ${plan.seconds} s` });
  const timed = async <T>(kind: 'push' | 'pull', step: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try { return await step(); } finally { outcome.latencies[kind].push(performance.now() - started); outcome.requests++; }
  };
  const started = performance.now();
  const deadline = started + plan.seconds * 1000;
  let lastNote = started;
  await Promise.all(devices.map(async (d) => {
    // Devices start spread over the first think time, not all in one instant.
    await sleep(Math.random() * plan.thinkMs[1]);
    for (let c = 0; c < CLIENTS_PER_DEVICE; c++) d.createClient();
    while (performance.now() < deadline) {
      // Nothing new while the last push failed: the outbox goes out again as it was (same seqs).
      if (d.pending.length === 0) d.work();
      await timed('push', () => d.push(true));
      await timed('pull', () => d.pull());
      if (performance.now() - lastNote > 10_000) {
        lastNote = performance.now();
        parentPort!.postMessage({ kind: 'note', line: `  ${round((lastNote - started) / 1000, 0)} s: ${outcome.requests} requests, ${outcome.applied} applied` });
      }
      await sleep(plan.thinkMs[0] + Math.random() * (plan.thinkMs[1] - plan.thinkMs[0]));
    }
  }));
  outcome.runMs = performance.now() - started;
  // Drain: every device sends what is still unacknowledged, retrying failures, until the backend has it all.
  await Promise.all(devices.map(async (d) => {
    for (let attempt = 0; d.pending.length > 0; attempt++) {
      if (attempt === 20) throw new Error(`device ${d.log.deviceId} could not drain ${d.pending.length} mutations`);
      outcome.drainRequests++;
      if (!(await d.push(false))) await sleep(200 * (attempt + 1));
    }
  }));
  outcome.devices = devices.map((d) => d.log);
  return outcome;
}

/** Mutations sent but not on the backend, and mutations applied more than once, by the backend's own tables. */
async function audit(db: BackendDb, logs: DeviceLog[]): Promise<{ lost: number; duplicated: number; sent: number }> {
  const results = rows(await db.execute(sql`SELECT device_id::text AS device, seq::int AS seq, count(*)::int AS n FROM mutation_results GROUP BY 1, 2`));
  const seen = new Map(results.map((r) => [`${r.device}/${r.seq}`, r.n as number]));
  const ids = new Set(rows(await db.execute(sql`SELECT entity || '/' || id AS key FROM records WHERE entity IN ('clients', 'touchpoints')`)).map((r) => r.key as string));
  // Another result under another seq for one mutation id, or a touchpoint logged as written twice: applied twice.
  const [twice] = rows(await db.execute(sql`SELECT
    (SELECT count(*) FROM (SELECT mutation_id FROM mutation_results GROUP BY 1 HAVING count(*) > 1) m)::int AS ids,
    (SELECT count(*) FROM (SELECT id FROM change_log WHERE entity = 'touchpoints' GROUP BY 1 HAVING count(*) > 1) t)::int AS touchpoints`));
  let lost = 0;
  let duplicated = (twice!.ids as number) + (twice!.touchpoints as number);
  let sent = 0;
  for (const d of logs) {
    const missing = new Set<number>();
    for (let seq = 1; seq <= d.lastSeq; seq++) {
      const n = seen.get(`${d.deviceId}/${seq}`) ?? 0;
      if (n === 0) missing.add(seq);
      if (n > 1) duplicated += n - 1;
    }
    for (const c of d.created) if (!ids.has(`${c.entity}/${c.id}`)) missing.add(c.seq);
    lost += missing.size;
    sent += d.lastSeq;
  }
  return { lost, duplicated, sent };
}

/** DROP DATABASE … WITH (FORCE) cannot end an autovacuum worker (a superuser process) still busy there: wait, try again. */
async function dropDatabase(target: { cleanup(): Promise<void> }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try { return await target.cleanup(); } catch (error) { if (attempt === 5) throw error; await sleep(2000); }
  }
}

const TIMEOUT_MS = Number(process.env.SYNC_LOAD_TIMEOUT_MS ?? 30_000);
const SATURATION_DEVICES = Number(process.env.SYNC_LOAD_SATURATION_DEVICES ?? 100);
const SATURATION_SECONDS = Number(process.env.SYNC_LOAD_SATURATION_SECONDS ?? 20);

/** Runs the devices in their worker thread and waits for what they report. */
async function runWorker(plan: Plan): Promise<Outcome> {
  const worker = new Worker(new URL(import.meta.url), { workerData: plan });
  try {
    return await new Promise<Outcome>((resolve, reject) => {
      worker.on('message', (m: { kind: 'note'; line: string } | { kind: 'done'; outcome: Outcome }) => (m.kind === 'note' ? note(m.line) : resolve(m.outcome)));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the devices' worker exited (${code}) before reporting`)));
    });
  } finally {
    await worker.terminate();
  }
}

/** Starts `npm run backend` (serve) as its own process on the database and resolves with its address once it listens. */
function serveProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['backend/cli.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/"url":"(http:[^"]+)"[^\n]*"msg":"listening"/);
      if (m) resolve({ url: m[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`the backend process ended (${code}) before it listened: ${out.slice(-500)}`)));
  });
}

/** The most the backend takes with `processes` backend processes: devices with no pause between rounds. */
async function saturate(processes: number): Promise<{ mutationsPerS: number; p99: number; lost: number; duplicated: number }> {
  const target = await databaseTarget();
  const servers: { url: string; child: ChildProcess }[] = [];
  try {
    // One after the other: the first applies the migrations.
    for (let i = 0; i < processes; i++) servers.push(await serveProcess(target.url!));
    const database = await connect({ url: target.url });
    try {
      const advisors = [];
      for (let a = 0; a < ADVISORS; a++) advisors.push(await createUser(database.db, { displayName: `Advisor ${a}`, roles: ['advisor'] }, new Date()));
      const codes = [];
      for (let i = 0; i < SATURATION_DEVICES; i++) codes.push({ code: (await issueEnrolmentCode(database.db, advisors[i % ADVISORS]!.id, new Date())).code, name: `Device ${i}` });
      note(`  saturation: ${SATURATION_DEVICES} devices, no pause, ${SATURATION_SECONDS} s, ${processes} backend process${processes > 1 ? 'es' : ''}`);
      const outcome = await runWorker({ urls: servers.map((s) => s.url), codes, seconds: SATURATION_SECONDS, timeoutMs: TIMEOUT_MS, thinkMs: [0, 5] });
      const { lost, duplicated } = await audit(database.db, outcome.devices);
      const mutationsPerS = round(outcome.applied / (outcome.runMs / 1000), 0);
      note(`  ${processes} process${processes > 1 ? 'es' : ''}: ${mutationsPerS} mutations/s`);
      return { mutationsPerS, p99: round(percentile([...outcome.latencies.push, ...outcome.latencies.pull], 99), 1), lost, duplicated };
    } finally {
      await database.close();
    }
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((resolve) => (s.child.exitCode !== null ? resolve(null) : s.child.once('exit', resolve)))));
    await dropDatabase(target);
  }
}

async function main(): Promise<void> {
  const target = await databaseTarget();
  const quiet = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
  const backend = await startBackend({ databaseUrl: target.url, dataDir: target.dataDir, port: 0, logger: quiet });
  const db = backend.database.db;
  const pglite = backend.database.kind === 'pglite';
  const devices = Number(process.env.SYNC_LOAD_DEVICES ?? (pglite ? 50 : 200));
  const seconds = Number(process.env.SYNC_LOAD_SECONDS ?? (pglite ? 20 : 60));
  const shortened = pglite && !(process.env.SYNC_LOAD_DEVICES && process.env.SYNC_LOAD_SECONDS)
    ? 'PGlite: shorter default run (50 devices, 20 s); set DATABASE_URL for the full one' : undefined;
  note(`sync-load: ${devices} devices of ${ADVISORS} advisors pushing and pulling for ${seconds} s on ${backend.database.kind}${shortened ? ` (${shortened})` : ''}`);

  const advisors = [];
  for (let a = 0; a < ADVISORS; a++) advisors.push(await createUser(db, { displayName: `Advisor ${a}`, roles: ['advisor'] }, new Date()));
  const codes = [];
  for (let i = 0; i < devices; i++) codes.push({ code: (await issueEnrolmentCode(db, advisors[i % ADVISORS]!.id, new Date())).code, name: `Device ${i}` });

  const outcome = await runWorker({ urls: [backend.url], codes, seconds, timeoutMs: TIMEOUT_MS, thinkMs: THINK_MS });
  note(`  drained with ${outcome.drainRequests} pushes; checking the backend's tables`);
  const { lost, duplicated, sent } = await audit(db, outcome.devices);

  await backend.close();
  await dropDatabase(target);
  // Saturation: the same devices with no pause between rounds, against one and against two backend processes
  // (each its own Node process and connection pool) on one PostgreSQL. PGlite is one process: nothing to compare.
  const saturation = pglite ? null : { one: await saturate(1), two: await saturate(2) };
  const { push, pull } = outcome.latencies;
  const all = [...push, ...pull];
  report({
    bench: 'sync-load', database: backend.database.kind, devices, advisors: ADVISORS, think_ms: THINK_MS, seconds: round(outcome.runMs / 1000, 1),
    requests: outcome.requests, p50_ms: round(percentile(all, 50), 1), p99_ms: round(percentile(all, 99), 1),
    push_p50_ms: round(percentile(push, 50), 1), push_p99_ms: round(percentile(push, 99), 1),
    pull_p50_ms: round(percentile(pull, 50), 1), pull_p99_ms: round(percentile(pull, 99), 1),
    mutations_per_s: round(outcome.applied / (outcome.runMs / 1000), 0), mutations_sent: sent, errors: outcome.errors,
    rejected: outcome.rejected.length, lost, duplicated, ...(shortened ? { note: shortened } : {}),
    ...(saturation ? {
      saturation_devices: SATURATION_DEVICES, saturation_seconds: SATURATION_SECONDS,
      one_process_mutations_per_s: saturation.one.mutationsPerS, two_processes_mutations_per_s: saturation.two.mutationsPerS,
      ratio: round(saturation.two.mutationsPerS / saturation.one.mutationsPerS, 2),
      one_process_p99_ms: saturation.one.p99, two_processes_p99_ms: saturation.two.p99,
    } : { saturation: 'needs PostgreSQL (DATABASE_URL): PGlite is one process' }),
  });
  const broken = saturation ? [saturation.one, saturation.two].find((x) => x.lost > 0 || x.duplicated > 0) : undefined;
  if (broken) throw new Error(`exactly once broken at saturation: ${broken.lost} lost, ${broken.duplicated} applied twice`);
  if (lost > 0 || duplicated > 0 || outcome.rejected.length > 0) {
    throw new Error(`exactly once broken: ${lost} lost, ${duplicated} applied twice, ${outcome.rejected.length} refused (${outcome.rejected.slice(0, 3).join('; ')})`);
  }
}

if (isMainThread) await main();
else parentPort!.postMessage({ kind: 'done', outcome: await runDevices(workerData as Plan) });
