// A workstation in its own process that only writes, for the kill loop
// (crash-loop.ts): answers through the contract, other changes through the
// store, pulled records and push results through the sync paths, each
// announced before ("intent") and acknowledged after it returned ("ack"), so
// the parent that kills it with SIGKILL knows what must have survived.
//   node test/support/crash-writer.ts BOOK_PATH KEY_HEX SEED
// AW_CRASH_PAUSE_AT=N: the N-th write pauses inside its transaction, after
// its rows are written and before COMMIT, and says "in-tx": the parent kills it there.
import { createRouterClient } from '@orpc/server';
import { v7 as uuidv7 } from 'uuid';
import { formatHlc } from '#core/hlc.ts';
import { PROFILE_ATTRIBUTES, type AttributeId } from '#core/profile.ts';
import { openDatabase } from '#db/open.ts';
import { Store } from '#db/store.ts';
import { applyPulled, takeResults } from '#db/sync.ts';
import { heldCatalogue } from '#services/catalogue.ts';
import { createRouter } from '#services/router.ts';
import { SyncEngine } from '#services/sync/engine.ts';
import { TEST_ROLES } from './book.ts';
import { CRASH_BOOK, type CrashLine } from './crash-book.ts';

const [path, keyHex, seedArg] = process.argv.slice(2);
const pauseAt = Number(process.env.AW_CRASH_PAUSE_AT ?? 0);
const { sqlite, db } = openDatabase({ path: path!, key: Buffer.from(keyHex!, 'hex') });
const store = new Store(sqlite, db, { userId: CRASH_BOOK.userId, person: () => ({ roles: TEST_ROLES, ids: [] }), catalogue: heldCatalogue });
// Opening the contract draws the conclusions an earlier kill left owed (services/derive.ts).
const rpc = createRouterClient(createRouter({ store, mode: 'browser', loadDemoBook: () => undefined, sync: new SyncEngine(store) }));

let seed = Number(seedArg) >>> 0 || 1;
const rand = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32; };
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const say = (line: CrashLine) => { process.stdout.write(`${JSON.stringify(line)}\n`); };
const sleep = new Int32Array(new SharedArrayBuffer(4));

const ATTRIBUTES = (Object.keys(PROFILE_ATTRIBUTES) as AttributeId[]).filter((a) => a !== 'life_events');
let written = 0;

/** Runs a write; the one chosen pauses inside its transaction until it is killed. */
function within(write: () => void): void {
  written += 1;
  if (written !== pauseAt) return write();
  store.transaction(() => {
    write();
    say({ t: 'in-tx' });
    Atomics.wait(sleep, 0, 0, 10_000);
  });
}

const pendingHlcs = (n: number) => sqlite.prepare(`SELECT seq, hlc FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?`).all(n) as { seq: number; hlc: string }[];

async function step(n: number): Promise<void> {
  const r = rand();
  if (r < 0.4 && written + 1 !== pauseAt) {
    // Through the contract, as the meeting sends it.
    const clientId = pick(CRASH_BOOK.local);
    const attribute = pick(ATTRIBUTES);
    const value = pick(PROFILE_ATTRIBUTES[attribute] as readonly string[]);
    const k = `answer:${clientId}:${attribute}`;
    say({ t: 'intent', k, v: value });
    written += 1;
    await rpc.answers.set({ clientId, attribute, value, answeredBy: 'client' });
    say({ t: 'ack', k, v: value });
  } else if (r < 0.55) {
    const id = pick(CRASH_BOOK.local);
    const city = `Ort ${seedArg}-${n}`;
    say({ t: 'intent', k: `city:${id}`, v: city });
    within(() => { store.mutate('client.update', { id, patch: { city } }); });
    say({ t: 'ack', k: `city:${id}`, v: city });
  } else if (r < 0.7) {
    const id = uuidv7();
    const title = `Aufgabe ${seedArg}-${n}`;
    say({ t: 'intent', k: `task:${id}`, v: title });
    within(() => { store.mutate('task.add', { id, clientId: pick(CRASH_BOOK.local), title }); });
    say({ t: 'ack', k: `task:${id}`, v: title });
  } else if (r < 0.85) {
    // A pulled page: a colleague's change to a client with nothing unsent here, and the cursor after it.
    const id = pick(CRASH_BOOK.remote);
    const phone = `0228 ${seedArg}${n}`;
    const stamp = formatHlc({ wall: Date.now(), counter: n % 36 ** 5, node: 'backend' });
    const cursor = `c${Date.now()}-${n}`;
    say({ t: 'intent', k: `phone:${id}`, v: phone });
    say({ t: 'intent', k: 'cursor', v: cursor });
    within(() => applyPulled(store, [{ entity: 'clients', id, clientId: id, state: { fields: { phone }, stamps: { phone: stamp } } }], { cursor, hlc: stamp }, Date.now()));
    say({ t: 'ack', k: `phone:${id}`, v: phone });
    say({ t: 'ack', k: 'cursor', v: cursor });
  } else {
    // The backend's answer to a push: the oldest waiting changes applied, so they leave the outbox.
    const taken = pendingHlcs(1 + Math.floor(rand() * 3));
    if (taken.length === 0) return;
    say({ t: 'pushed', hlcs: taken.map((x) => x.hlc) });
    within(() => takeResults(store, taken.map((x) => ({ seq: x.seq, status: 'applied' as const })), Date.now()));
  }
}

say({ t: 'ready' });
for (let n = 0; ; n++) await step(n);
