// The device's half of a clock that ran ahead, on a real encrypted book: a
// pulled stamp from the future does not move its clock, and held changes are
// stamped anew together with the fields that carry their stamps.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '#core/hlc.ts';
import { wallOf } from '#core/sync/clock.ts';
import { readSyncedState } from '#db/records.ts';
import { restampHeld } from '#db/restamp.ts';
import { applyPulled, nextBatch, takeResults } from '#db/sync.ts';
import { openTestStore } from '../support/book.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const REAL = 1_800_000_000_000;
let offset = 0;
let tick = 0;
let t: ReturnType<typeof openTestStore>;
beforeEach(() => { offset = 0; tick = 0; t = openTestStore({ now: () => REAL + offset + tick++ }); });
afterEach(() => t.close());

const stampAt = (wall: number, node = 'other-device') => formatHlc({ wall, counter: 0, node });
const clockOf = () => wallOf(t.store.readState('hlc')!);
const outboxRows = () => t.store.sqlite.prepare(`SELECT seq, hlc, created_at AS at, undo FROM outbox ORDER BY seq`).all() as { seq: number; hlc: string; at: number; undo: string }[];

describe('a pulled stamp', () => {
  it('from further ahead than the backend accepts does not move this device’s clock; one a little ahead does', () => {
    const id = uuidv7();
    t.store.mutate('client.create', { id, firstName: 'Eva', lastName: 'Heute' });
    takeResults(t.store, nextBatch(t.store, 10).map((m) => ({ seq: m.seq, status: 'applied' as const })), REAL);
    applyPulled(t.store, [{
      entity: 'clients', id, clientId: id,
      state: { fields: { firstName: 'Eva', lastName: 'Zukunft' }, stamps: { firstName: stampAt(REAL + 29 * DAY), lastName: stampAt(REAL) } },
    }], { cursor: 'c1', hlc: stampAt(REAL, 'backend') }, REAL);
    expect(clockOf()).toBeLessThan(REAL + MINUTE);
    applyPulled(t.store, [{
      entity: 'clients', id, clientId: id,
      state: { fields: { firstName: 'Eva', lastName: 'Nah' }, stamps: { firstName: stampAt(REAL + 29 * DAY), lastName: stampAt(REAL + 3 * MINUTE) } },
    }], { cursor: 'c2', hlc: stampAt(REAL, 'backend') }, REAL);
    expect(clockOf()).toBe(REAL + 3 * MINUTE);
  });
});

describe('held changes stamped anew', () => {
  it('get new stamps in their order, in the outbox and in the fields they wrote; what was sent before keeps its stamp', () => {
    const id = uuidv7();
    t.store.mutate('client.create', { id, firstName: 'Jürgen', lastName: 'Müller' });
    const accepted = nextBatch(t.store, 10);
    takeResults(t.store, accepted.map((m) => ({ seq: m.seq, status: 'applied' as const })), REAL);
    const createStamp = readSyncedState(t.store.db, 'clients', id)!.stamps.firstName!;

    offset = 29 * DAY;
    t.store.mutate('client.update', { id, patch: { city: 'Aachen' } });
    t.store.mutate('client.update', { id, patch: { city: 'Bonn', phone: '0228 1' } });
    const meetingId = uuidv7();
    t.store.mutate('meeting.start', { id: meetingId, clientId: id, reason: 'Review' });
    const before = outboxRows();
    expect(before.every((m) => wallOf(m.hlc) > REAL + 28 * DAY)).toBe(true);

    // The clock is right again; the backend said it is REAL + 1 minute now.
    offset = MINUTE;
    const serverTime = REAL + MINUTE;
    expect(restampHeld(t.store, serverTime, REAL + MINUTE, 29 * DAY)).toBe(3);
    const after = outboxRows();
    expect(after.map((m) => m.seq)).toEqual(before.map((m) => m.seq));
    // In order, near the real time, after everything accepted before.
    expect(after.map((m) => m.hlc)).toEqual([...after.map((m) => m.hlc)].sort());
    for (const m of after) {
      expect(wallOf(m.hlc)).toBeLessThanOrEqual(serverTime + MINUTE);
      expect(m.hlc > createStamp).toBe(true);
    }
    // Each change's own time moved back by how far the clock was ahead.
    for (const [i, m] of after.entries()) expect(m.at).toBe(before[i]!.at - 29 * DAY);
    // The fields carry the new stamps; the untouched name keeps the create's.
    const client = readSyncedState(t.store.db, 'clients', id)!;
    expect(client.stamps).toMatchObject({ firstName: createStamp, city: after[1]!.hlc, phone: after[1]!.hlc, lastContactAt: after[2]!.hlc });
    expect(client.fields).toMatchObject({ city: 'Bonn', lastContactAt: after[2]!.at });
    expect(readSyncedState(t.store.db, 'meetings', meetingId)!.fields.startedAt).toBe(after[2]!.at);
    // The second change's undo remembers the first's new stamp, so a refusal still takes back exactly its own effect.
    expect(JSON.parse(after[1]!.undo)[0].stamps.city).toBe(after[0]!.hlc);
    // The device's clock is back, and a new change sorts after the re-stamped ones.
    expect(clockOf()).toBeLessThan(REAL + 2 * MINUTE);
    t.store.mutate('client.update', { id, patch: { city: 'Celle' } });
    expect(outboxRows().at(-1)!.hlc > after.at(-1)!.hlc).toBe(true);
  });

  it('leaves a change alone that was stamped within the limit', () => {
    const id = uuidv7();
    offset = 3 * MINUTE;
    t.store.mutate('client.create', { id, firstName: 'Jürgen', lastName: 'Müller' });
    const before = outboxRows();
    expect(restampHeld(t.store, REAL, REAL + 3 * MINUTE, 0)).toBe(0);
    expect(outboxRows()).toEqual(before);
  });
});
