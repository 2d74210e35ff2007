// A workstation as the sync tests see it: it numbers its mutations like an
// outbox, stamps them with a hybrid logical clock, and pushes and pulls
// through the app. Plus what the database holds, to show nothing changed.
import { asc, count, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { formatHlc, HLC_ZERO, parseHlc, receive, tick, type Hlc } from '#core/hlc.ts';
import type { MutationInput, MutationName } from '#core/mutations/index.ts';
import {
  pullResponse, pushClockAhead, pushGap, pushResponse, type PulledRecord, type PullResponse, type PushedMutation, type PushResponse,
} from '#core/sync/protocol.ts';
import { changeLog, mutationResults, records } from '#backend/db/schema.ts';
import type { testBackend } from './support.ts';

type Backend = Awaited<ReturnType<typeof testBackend>>;
export const DAY = 24 * 60 * 60 * 1000;

export function workstation(t: Backend, device: { token: string; deviceId: string; user: { id: string } }) {
  let seq = 0;
  // The device's hybrid logical clock: ticks with each change, and moves past every stamp it pulls.
  let hlc: Hlc = HLC_ZERO;
  let counter = 0;
  /** The next stamp by the device's clock; with `wall`, a stamp at that time instead (a device whose clock is off). */
  function stamp(wall?: number) {
    if (wall !== undefined) return formatHlc({ wall, counter: counter++, node: device.deviceId });
    hlc = tick(hlc, t.clock.now().getTime(), device.deviceId);
    return formatHlc(hlc);
  }

  /** The next mutation of this device's outbox; `extra` overrides what the device would send. */
  function mutation<N extends MutationName>(name: N, args: MutationInput<N>, extra: Partial<PushedMutation> = {}): PushedMutation {
    return raw(name, args, extra);
  }
  /** Also for what a well-behaved device would never send. */
  function raw(name: string, args: unknown, extra: Partial<PushedMutation> = {}): PushedMutation {
    seq += 1;
    return { seq, mutationId: uuidv7(), name, args, hlc: stamp(), at: t.clock.now().getTime(), ...extra };
  }

  /**
   * Pushes; answers of 200 and 409 must be what the protocol says, as the device checks them.
   * The backend's time, which every answer carries, is kept aside (`serverTime`), not in the body.
   */
  let lastServerTime: number | undefined;
  async function push(mutations: PushedMutation[]) {
    const res = await t.post('/v1/push', { mutations }, device.token);
    const { serverTime, ...body } = await res.json() as PushResponse & { error?: string; expectedSeq?: number; message?: string; seq?: number; aheadMinutes?: number };
    const answer = { ...body, serverTime };
    if (res.status === 200) pushResponse.parse(answer);
    if (res.status === 409) (body.error === 'clock_ahead' ? pushClockAhead : pushGap).parse(answer);
    lastServerTime = serverTime;
    return { status: res.status, body };
  }
  /** Pushes and insists every mutation was applied. */
  async function pushApplied(...mutations: PushedMutation[]) {
    const { status, body } = await push(mutations);
    if (status !== 200 || body.results.some((r) => r.status !== 'applied')) throw new Error(`push not applied: ${status} ${JSON.stringify(body)}`);
    return body;
  }

  let cursor: string | null = null;
  /** One page from `from` (default: where this device's last pull ended), after every transaction begun so far has ended. */
  async function pull(options: { from?: string | null; limit?: number; settle?: boolean } = {}) {
    if (options.settle !== false) await settled(t);
    const res = await t.post('/v1/pull', { cursor: options.from === undefined ? cursor : options.from, ...(options.limit ? { limit: options.limit } : {}) }, device.token);
    const body = await res.json() as PullResponse;
    if (res.status === 200) {
      cursor = pullResponse.parse(body).cursor;
      for (const seen of [body.hlc, ...body.records.flatMap((r) => Object.values(r.state?.stamps ?? {}))]) {
        hlc = receive(hlc, parseHlc(seen), t.clock.now().getTime(), device.deviceId);
      }
    }
    return { status: res.status, body };
  }
  /** Pulls until nothing more waits, as the device's sync loop does. */
  async function pullAll(): Promise<PulledRecord[]> {
    const all: PulledRecord[] = [];
    for (;;) {
      const { status, body } = await pull();
      if (status !== 200) throw new Error(`pull failed: ${status} ${JSON.stringify(body)}`);
      all.push(...body.records);
      if (!body.more) return all;
    }
  }
  return {
    ...device, mutation, raw, push, pushApplied, pull, pullAll, stamp, get cursor() { return cursor; },
    /** The backend's time in the answer to the last push. */
    get serverTime() { return lastServerTime; },
  };
}

export type Workstation = ReturnType<typeof workstation>;

/** A pulled record's fields, found by entity and id (the last one pulled wins, as on the device). */
export function fieldsOf(pulled: PulledRecord[], entity: PulledRecord['entity'], id: string) {
  return pulled.findLast((r) => r.entity === entity && r.id === id)?.state?.fields;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Waits until every transaction that had begun has ended. On PostgreSQL other
 * test files share the cluster, and a pull (rightly) holds back changes behind
 * any transaction still running there; on PGlite this returns at once.
 */
export async function settled(t: Pick<Backend, 'db'>, timeoutMs = 10_000) {
  const [{ xmax }] = rowsOf<{ xmax: string }>(await t.db.execute(sql`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax`)) as [{ xmax: string }];
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [{ done }] = rowsOf<{ done: boolean }>(await t.db.execute(sql`SELECT pg_snapshot_xmin(pg_current_snapshot()) >= ${xmax}::xid8 AS done`)) as [{ done: boolean }];
    if (done) return;
    if (Date.now() > until) throw new Error('a transaction elsewhere stayed open for 10 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Everything sync keeps in the database, to compare before and after. */
export async function stored(t: Backend) {
  return {
    records: await t.db.select().from(records).orderBy(asc(records.entity), asc(records.id)),
    changes: (await t.db.select({ n: count() }).from(changeLog))[0]!.n,
    results: await t.db.select().from(mutationResults).orderBy(asc(mutationResults.deviceId), asc(mutationResults.seq)),
  };
}

/** A valid new client. */
export const newClient = (firstName = 'Erika', lastName = 'Mustermann') => ({ id: uuidv7(), firstName, lastName });
