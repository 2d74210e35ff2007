// POST /v1/push: a device's outbox mutations, each processed once and in the
// device's order (docs/sync.md, Push). Every mutation is its own transaction:
// it locks the device row, and the device's last_seq decides between a replay
// (answered from the stored result), a gap (refused) and the next mutation
// (applied or rejected, stored, last_seq advanced). A batch cut off anywhere,
// by a lost response, a crash or a database error, is simply pushed again.
// A mutation stamped too far ahead of the server's clock stops the push before
// it, without using up its number (core/sync/clock.ts).
import { and, eq, sql } from 'drizzle-orm';
import { aheadOf, CLOCK_AHEAD_LIMIT_MS } from '#core/sync/clock.ts';
import type { MutationResult, PushedMutation } from '#core/sync/protocol.ts';
import type { BackendDb } from './db/connect.ts';
import { devices, mutationResults, type MutationResultRow } from './db/schema.ts';
import { applyPushed, clientFactsColumns, namedClient, type ClientFacts } from './mutate.ts';

export type PushOutcome =
  | { kind: 'done'; results: MutationResult[]; lastSeq: number }
  /** The batch skipped numbers: nothing from `expectedSeq` on was processed. */
  | { kind: 'gap'; expectedSeq: number; results: MutationResult[]; lastSeq: number }
  /**
   * Mutation `seq` is stamped `aheadMs` after the server's time: neither it nor
   * anything after it was processed, and its number is still free. The device
   * sends it again, stamped anew, once its clock is right.
   */
  | { kind: 'clock_ahead'; seq: number; aheadMs: number; results: MutationResult[]; lastSeq: number }
  /** The database failed at one mutation: what came before it is kept, it and the rest are not. */
  | { kind: 'failed'; error: unknown; results: MutationResult[]; lastSeq: number };

type Step = { kind: 'done'; result: MutationResult; lastSeq: number } | { kind: 'gap'; lastSeq: number } | { kind: 'clock_ahead'; aheadMs: number; lastSeq: number };

/** Failures another attempt may not meet: a record created concurrently, a deadlock, a serialization failure. */
const RETRYABLE = new Set(['23505', '40001', '40P01']);
const ATTEMPTS = 3;

/** `roles` are the pushing user's, as the backend holds them: what a device claims about itself counts for nothing. */
export async function pushMutations(db: BackendDb, who: { deviceId: string; userId: string; roles: readonly string[]; lastSeq: number }, mutations: PushedMutation[], now: Date): Promise<PushOutcome> {
  const results: MutationResult[] = [];
  let lastSeq = who.lastSeq;
  for (const m of mutations) {
    let step: Step;
    try {
      step = await retrying(() => db.transaction((tx) => processOne(tx, who, m, now)));
    } catch (error) {
      return { kind: 'failed', error, results, lastSeq };
    }
    lastSeq = step.lastSeq;
    if (step.kind === 'gap') return { kind: 'gap', expectedSeq: step.lastSeq + 1, results, lastSeq };
    if (step.kind === 'clock_ahead') return { kind: 'clock_ahead', seq: m.seq, aheadMs: step.aheadMs, results, lastSeq };
    results.push(step.result);
  }
  return { kind: 'done', results, lastSeq };
}

async function processOne(tx: BackendDb, who: { deviceId: string; userId: string; roles: readonly string[] }, m: PushedMutation, now: Date): Promise<Step> {
  const ahead = aheadOf(m, now.getTime());
  if (ahead > CLOCK_AHEAD_LIMIT_MS) return tooEarly(tx, who.deviceId, m, ahead);
  // The next number in line: advancing last_seq first also locks the device row for this
  // transaction, in one round trip. Anything else (a replay, a gap) is the rare path.
  // The same round trip answers what the mutation's client checks need (erased? this user's access?).
  const res = await tx.execute(sql`UPDATE ${devices} SET last_seq = ${m.seq} WHERE ${devices.id} = ${who.deviceId} AND ${devices.lastSeq} = ${m.seq - 1}
    RETURNING ${clientFactsColumns(who.userId, namedClient(m))}`);
  const next = rowsOf<{ erased: boolean; access: ClientFacts['access']; any_access: boolean }>(res)[0];
  if (!next) {
    const [device] = await tx.select({ lastSeq: devices.lastSeq }).from(devices).where(eq(devices.id, who.deviceId)).for('update');
    if (!device) throw new Error('the pushing device is gone');
    if (m.seq <= device.lastSeq) return { kind: 'done', result: await storedResult(tx, who.deviceId, m), lastSeq: device.lastSeq };
    return { kind: 'gap', lastSeq: device.lastSeq };
  }
  const facts = namedClient(m) === null ? null : { erased: next.erased, access: next.access, anyAccess: next.any_access };
  const verdict = await applyPushed(tx, { id: who.userId, roles: who.roles }, m, now, facts, (v) => sql`INSERT INTO ${mutationResults}
    (device_id, seq, mutation_id, name, status, code, message, processed_at)
    VALUES (${who.deviceId}::uuid, ${m.seq}, ${m.mutationId}, ${m.name}, ${v.status},
      ${v.status === 'rejected' ? v.code : null}, ${v.status === 'rejected' ? v.message : null}, ${now}::timestamptz)`);
  return { kind: 'done', result: { seq: m.seq, ...verdict }, lastSeq: m.seq };
}

/**
 * A mutation stamped too far ahead: nothing is written and last_seq stays, so
 * the number is free for the same change stamped anew. A replay is still
 * answered as stored (it was accepted before), a gap is still a gap.
 */
async function tooEarly(tx: BackendDb, deviceId: string, m: PushedMutation, aheadMs: number): Promise<Step> {
  const [device] = await tx.select({ lastSeq: devices.lastSeq }).from(devices).where(eq(devices.id, deviceId)).for('update');
  if (!device) throw new Error('the pushing device is gone');
  if (m.seq <= device.lastSeq) return { kind: 'done', result: await storedResult(tx, deviceId, m), lastSeq: device.lastSeq };
  if (m.seq > device.lastSeq + 1) return { kind: 'gap', lastSeq: device.lastSeq };
  return { kind: 'clock_ahead', aheadMs, lastSeq: device.lastSeq };
}

/** The answer given the first time; a different mutation under an old number is refused, not mistaken for it. */
async function storedResult(tx: BackendDb, deviceId: string, m: PushedMutation): Promise<MutationResult> {
  const [row] = await tx.select().from(mutationResults).where(and(eq(mutationResults.deviceId, deviceId), eq(mutationResults.seq, m.seq)));
  if (!row || row.mutationId !== m.mutationId) {
    return {
      seq: m.seq, status: 'rejected', code: 'seq_reused',
      message: `This device already sent a different change numbered ${m.seq}, so this one was not applied. ` +
        "The workstation's book was probably restored from an older copy: enrol the workstation again.",
    };
  }
  return resultOf(row);
}

function resultOf(row: MutationResultRow): MutationResult {
  if (row.status === 'applied') return { seq: row.seq, status: 'applied' };
  return { seq: row.seq, status: 'rejected', code: row.code ?? 'rejected', message: row.message ?? 'The change was refused.' };
}

/** Runs a transaction again after a failure another attempt may not meet (RETRYABLE), at most ATTEMPTS times in all. */
export async function retrying<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= ATTEMPTS || !RETRYABLE.has(sqlState(error) ?? '')) throw error;
    }
  }
}

/** The SQLSTATE of a database error, under drizzle's wrapping. */
export function sqlState(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Rows of a raw statement, from node-postgres or PGlite alike. */
function rowsOf<T>(res: unknown): T[] {
  return ((res as { rows?: T[] }).rows ?? (res as T[]));
}
