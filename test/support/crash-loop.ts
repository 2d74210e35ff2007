// The kill loop: a writer process (crash-writer.ts) is started on one book
// again and again and killed with SIGKILL at random moments, some of them
// while it pauses inside a transaction. After each kill the book is opened as
// the app opens it and checked: SQLite's integrity check, every acknowledged
// write there with its content (or a later one that was announced), and every
// change this device made with its outbox row (or taken by an announced push).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openCrashStore, setUpCrashBook, type CrashLine } from './crash-book.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface KillLoopOptions {
  dir: string;
  kills: number;
  /** The share of runs killed while paused inside a transaction. */
  inTxShare: number;
  /** Longest a run writes before its kill, in ms (the moment is drawn from 0 to this). */
  maxRunMs: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
}

export interface KillLoopResult {
  kills: number;
  kills_in_tx: number;
  acknowledged: number;
  lost: number;
  integrity_failures: number;
  /** Changes this device made that had no outbox row and were not announced as pushed. */
  unqueued: number;
  /** What was wrong, for the message of a failing test (at most 20). */
  problems: string[];
}

/** What must be there for a key: the acknowledged value, or one announced after it (the kill may have come before its ack). */
interface Expectation { acked: string | null; announced: string[] }

const TABLES = ['clients', 'answers', 'tasks', 'conclusions', 'consents'] as const;

export async function runKillLoop(options: KillLoopOptions): Promise<KillLoopResult> {
  const path = join(options.dir, 'book.db');
  const key = randomBytes(32);
  const pushed = new Set<string>(setUpCrashBook(path, key));
  const expected = new Map<string, Expectation>();
  const result: KillLoopResult = { kills: 0, kills_in_tx: 0, acknowledged: 0, lost: 0, integrity_failures: 0, unqueued: 0, problems: [] };
  let seed = options.seed >>> 0 || 1;
  const rand = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32; };
  const problem = (line: string) => { if (result.problems.length < 20) result.problems.push(line); };

  for (let run = 1; run <= options.kills; run++) {
    const inTx = rand() < options.inTxShare;
    const env = { ...process.env, AW_CRASH_PAUSE_AT: inTx ? String(1 + Math.floor(rand() * 20)) : '0' };
    const child = spawn(process.execPath, ['test/support/crash-writer.ts', path, key.toString('hex'), String(options.seed * 10_000 + run)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => { stderr += String(d); });
    // 'close', not 'exit': the process can be gone while lines it wrote before its kill still wait in the
    // pipe, and an announcement read too late would count a write that happened as a lost one.
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('close', (_code, signal) => resolve(signal)));
    let timer: NodeJS.Timeout | undefined;
    let killedInTx = false;
    const kill = () => { if (timer) clearTimeout(timer); child.kill('SIGKILL'); };
    createInterface({ input: child.stdout! }).on('line', (text) => {
      const line = JSON.parse(text) as CrashLine;
      if (line.t === 'ready' && !inTx) timer = setTimeout(kill, rand() * options.maxRunMs);
      if (line.t === 'in-tx') { killedInTx = true; kill(); }
      if (line.t === 'pushed') for (const h of line.hlcs) pushed.add(h);
      if (line.t === 'intent') {
        const e = expected.get(line.k) ?? { acked: null, announced: [] };
        e.announced.push(line.v);
        expected.set(line.k, e);
      }
      if (line.t === 'ack') {
        expected.set(line.k, { acked: line.v, announced: [] });
        result.acknowledged += 1;
      }
    });
    // A run told to pause reaches its pause within a few dozen writes; this only keeps a stuck writer from hanging the loop.
    if (inTx) timer = setTimeout(kill, 15_000);
    const signal = await exited;
    if (signal !== 'SIGKILL') throw new Error(`the writer ended by itself (${signal}): ${stderr}`);
    result.kills += 1;
    if (killedInTx) result.kills_in_tx += 1;
    check(path, key, expected, pushed, result, problem, run);
    options.onProgress?.(run, options.kills);
  }
  return result;
}

/** Opens the book as the app does and compares it with what was acknowledged. */
function check(path: string, key: Buffer, expected: Map<string, Expectation>, pushed: Set<string>, result: KillLoopResult, problem: (line: string) => void, run: number): void {
  const store = openCrashStore(path, key);
  try {
    const integrity = store.sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') { result.integrity_failures += 1; problem(`run ${run}: integrity_check says ${String(integrity)}`); }
    for (const [k, e] of expected) {
      const actual = read(store, k);
      const allowed = [e.acked, ...e.announced];
      if (!allowed.includes(actual)) {
        if (e.acked !== null) result.lost += 1;
        problem(`run ${run}: ${k} is ${actual ?? 'missing'}, acknowledged ${e.acked ?? 'nothing'}, announced ${e.announced.join(', ') || 'nothing'}`);
      }
      // What is there now is what the next run must keep.
      expected.set(k, { acked: actual, announced: [] });
    }
    const device = store.readState('device_id');
    const queued = new Set((store.sqlite.prepare(`SELECT hlc FROM outbox`).all() as { hlc: string }[]).map((r) => r.hlc));
    for (const table of TABLES) {
      for (const { id, hlc } of store.sqlite.prepare(`SELECT id, hlc FROM ${table}`).all() as { id: string; hlc: string }[]) {
        if (!hlc.endsWith(`:${device}`) || queued.has(hlc) || pushed.has(hlc)) continue;
        result.unqueued += 1;
        problem(`run ${run}: ${table} ${id} changed here (${hlc}) with no outbox row`);
      }
    }
  } finally {
    store.close();
  }
}

function read(store: ReturnType<typeof openCrashStore>, k: string): string | null {
  const [kind, id, attribute] = k.split(':');
  const one = (sql: string, ...args: unknown[]) => (store.sqlite.prepare(sql).get(...args) as { v: string | null } | undefined)?.v ?? null;
  switch (kind) {
    case 'answer': { const v = one(`SELECT value AS v FROM answers WHERE client_id = ? AND attribute = ?`, id, attribute); return v === null ? null : JSON.parse(v) as string; }
    case 'city': return one(`SELECT city AS v FROM clients WHERE id = ?`, id);
    case 'phone': return one(`SELECT phone AS v FROM clients WHERE id = ?`, id);
    case 'task': return one(`SELECT title AS v FROM tasks WHERE id = ?`, id);
    case 'cursor': return store.readState('sync_cursor') ?? null;
    default: throw new Error(`unknown key ${k}`);
  }
}
