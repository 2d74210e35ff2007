// Convergence, tried on many random histories (fast-check): three devices of
// one advisor edit the same clients while the wire drops, duplicates, delays
// and replays their requests and they reconnect at random. Once every queue
// has drained, every device holds exactly what the backend holds, each field
// holds the newest change made to it, and the backend counted each change of
// each device exactly once. `npm test` runs a few histories with a fixed seed;
// `npm run soak` runs many more (SOAK_RUNS; a failure prints its seed and
// path, and SOAK_SEED with SOAK_PATH replays exactly that history). Never disable this test.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Fault } from '../../support/fault-proxy.ts';
import { newClient } from './support.ts';
import { startWorld, syncUntilDone, type Device, type World } from './world.ts';

const RUNS = Number(process.env.SOAK_RUNS ?? 5);
const SEED = Number(process.env.SOAK_SEED ?? 20261124);

let w: World;
beforeAll(async () => { w = await startWorld(); });
afterAll(async () => { await w.close(); });

const fault = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Fault>({ kind: 'pass' }) },
  { weight: 1, arbitrary: fc.constant<Fault>({ kind: 'drop_request' }) },
  { weight: 1, arbitrary: fc.constant<Fault>({ kind: 'drop_response' }) },
  { weight: 1, arbitrary: fc.constant<Fault>({ kind: 'duplicate' }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }).map<Fault>((ms) => ({ kind: 'delay', ms })) },
  { weight: 1, arbitrary: fc.integer({ min: 5, max: 60 }).map<Fault>((ms) => ({ kind: 'replay_later', ms })) },
);
const FIELDS = ['city', 'street', 'notes'] as const;
const op = fc.oneof(
  // A task is a record of its own under the client: pulled changes to it must not be lost while the client has unsent edits.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('task' as const), device: fc.nat(2), client: fc.nat(1), title: fc.stringMatching(/^[a-z]{1,6}$/) }) },
  // duringPull: the advisor types while a pull is on the wire, so the pulled records meet an unsent change.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), device: fc.nat(2), client: fc.nat(1), field: fc.constantFrom(...FIELDS), value: fc.stringMatching(/^[a-zäöü]{1,6}$/), duringPull: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), device: fc.nat(2) }) },
);
const history = fc.record({
  schedules: fc.tuple(...[0, 1, 2].map(() => fc.array(fault, { minLength: 1, maxLength: 30 }))),
  ops: fc.array(op, { minLength: 10, maxLength: 40 }),
});

let run = 0;
it(`devices converge after random edits, faults and reconnects (${RUNS} histories, seed ${SEED})`, async () => {
  await fc.assert(fc.asyncProperty(history, async ({ schedules, ops }) => {
    const person = await w.person(`Advisor ${++run}`);
    // Enrolment happens at the administrator's desk, not over this wire: faults start after it.
    let faulty = false;
    const devices: Device[] = [];
    const typing: (() => void)[][] = [[], [], []];
    for (const [i, schedule] of schedules.entries()) {
      devices.push(await w.device(person.id, `Device ${i}`, {
        faults: (path, n) => {
          if (path === '/v1/pull') for (const edit of typing[i]!.splice(0)) edit();
          return faulty ? schedule[n % schedule.length]! : { kind: 'pass' };
        },
        sync: { maxBackoffMs: 10 },
      }));
    }
    const clients = [newClient(devices[0]!.store, { lastName: 'Erste' }), newClient(devices[0]!.store, { lastName: 'Zweite' })];
    // Every change made anywhere: the field must end up with the one of the newest stamp.
    const made: { client: string; field: string; value: string; hlc: string }[] = [];
    const known = new Set<number>([0]);
    await syncUntilDone(devices[0]!);
    faulty = true;

    for (const o of ops) {
      const device = devices[o.device]!;
      if (o.kind === 'sync') {
        await device.engine.syncOnce();
        known.add(o.device);
        continue;
      }
      // A device can only edit a client it has received.
      if (!known.has(o.device) || device.snapshot()[`clients/${clients[o.client]}`] === undefined) continue;
      if (o.kind === 'task') {
        device.store.mutate('task.add', { id: uuidv7(), clientId: clients[o.client]!, title: o.title });
        continue;
      }
      const edit = () => {
        device.store.mutate('client.update', { id: clients[o.client]!, patch: { [o.field]: o.value } });
        const hlc = (device.store.sqlite.prepare('SELECT hlc FROM outbox ORDER BY seq DESC LIMIT 1').get() as { hlc: string }).hlc;
        made.push({ client: clients[o.client]!, field: o.field, value: o.value, hlc });
      };
      if (!o.duringPull) { edit(); continue; }
      typing[o.device]!.push(edit);
      await device.engine.syncOnce();
      // The push failed before any pull: the advisor typed all the same.
      for (const late of typing[o.device]!.splice(0)) late();
    }

    faulty = false;
    for (const d of devices) await d.proxy!.settle();
    for (let round = 0; round < 2; round++) for (const d of devices) await syncUntilDone(d);

    const backend = await w.backendSnapshot(person.id);
    for (const d of devices) {
      const why = `${d.name}: ${JSON.stringify(d.engine.getStatus())}\nwire: ${d.proxy!.log.join(', ')}`;
      expect(d.snapshot(), why).toEqual(backend);
    }
    for (const client of clients) {
      for (const field of FIELDS) {
        const newest = made.filter((m) => m.client === client && m.field === field).sort((a, b) => (a.hlc < b.hlc ? 1 : -1))[0];
        expect(backend[`clients/${client}`]![field]).toBe(newest ? newest.value : null);
      }
    }
    for (const d of devices) {
      const sent = (d.store.sqlite.prepare("SELECT value FROM device_state WHERE key = 'backend_device_id'").get() as { value: string }).value;
      // AUTOINCREMENT keeps the highest sequence number ever given, even once the outbox has emptied.
      const sentCount = (d.store.sqlite.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get('outbox') as { seq: number } | undefined)?.seq ?? 0;
      const counted = await w.query<{ n: number; applied: number }>(sql`
        SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'applied')::int AS applied FROM mutation_results WHERE device_id = ${sent}`);
      expect(counted[0]).toEqual({ n: sentCount, applied: sentCount });
    }
    for (const d of devices) { d.engine.stop(); await d.proxy!.close(); }
  }), { seed: SEED, numRuns: RUNS, endOnFailure: true, ...(process.env.SOAK_PATH ? { path: process.env.SOAK_PATH } : {}) });
}, 600_000);
