// A laptop whose clock runs 29 days ahead: its changes are kept and held, not
// refused and taken back; the user is told how far the clock is off; other
// devices' edits still arrive; once the clock is right the held changes are
// stamped anew and sent, and the laptop's clock is back near the real time.
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallOf } from '#core/sync/clock.ts';
import { getClient } from '#db/queries.ts';
import { DAY, startWorld, syncUntilDone, type Device, type World } from './world.ts';
import { newClient, setCity } from './support.ts';

let w: World;
beforeAll(async () => { w = await startWorld(); });
afterAll(async () => { await w?.close(); });

const MINUTE = 60_000;
const clockOf = (d: Device) => wallOf(d.store.readState('hlc')!);
const pendingOf = (d: Device) => d.store.sqlite.prepare(`SELECT seq, status FROM outbox ORDER BY seq`).all() as { seq: number; status: string }[];

describe('a laptop whose clock runs ahead', () => {
  it('29 days ahead: held with the minutes shown, nothing lost, others still flow; clock corrected: sent, applied, clock back', async () => {
    const anna = await w.person('Anna Vorlauf');
    const laptop = await w.device(anna.id, 'Laptop', { clockOffsetMs: 29 * DAY });
    const tablet = await w.device(anna.id, 'Tablet');
    const id = newClient(tablet.store, { lastName: 'Krämer', city: 'Köln' });
    await syncUntilDone(tablet);
    // Pulling works as ever; the laptop learns how far its clock is off.
    await laptop.settle();
    await laptop.engine.syncOnce();
    expect(getClient(laptop.store.db, id)!.client.city).toBe('Köln');
    expect(laptop.engine.getStatus()).toMatchObject({ phase: 'clock_ahead', clockAheadMinutes: expect.closeTo(41_760, 0) });

    // The advisor edits the client and starts a meeting on the laptop.
    const started = Date.now();
    setCity(laptop.store, id, 'Aachen');
    const meetingId = uuidv7();
    laptop.store.mutate('meeting.start', { id: meetingId, clientId: id, reason: 'Jahresgespräch' });
    await laptop.settle();
    await laptop.engine.syncOnce();
    const held = laptop.engine.getStatus();
    expect(held.message).toBeNull();
    expect(held.phase).toBe('clock_ahead');
    expect(Math.abs(held.clockAheadMinutes! - 41_760)).toBeLessThanOrEqual(1);
    // Kept, not refused: nothing taken back, nothing listed as refused, both still waiting to be sent.
    expect(held.refused).toEqual([]);
    expect(pendingOf(laptop).map((m) => m.status)).toEqual(['pending', 'pending']);
    expect(getClient(laptop.store.db, id)!.client.city).toBe('Aachen');
    expect(laptop.snapshot()[`meetings/${meetingId}`]).toMatchObject({ reason: 'Jahresgespräch' });
    // The backend has none of it.
    expect((await w.backendSnapshot(anna.id))[`clients/${id}`]).toMatchObject({ city: 'Köln' });
    expect((await w.backendSnapshot(anna.id))[`meetings/${meetingId}`]).toBeUndefined();

    // Meanwhile the tablet edits the same client and adds another; both reach the backend, the new one the laptop too.
    tablet.store.mutate('client.update', { id, patch: { email: 'kraemer@example.de' } });
    const other = newClient(tablet.store, { lastName: 'Neumann' });
    await syncUntilDone(tablet);
    expect((await w.backendSnapshot(anna.id))[`clients/${id}`]).toMatchObject({ city: 'Köln', email: 'kraemer@example.de' });
    await laptop.settle();
    await laptop.engine.syncOnce();
    expect(getClient(laptop.store.db, other)!.client.lastName).toBe('Neumann');
    // Nothing from the future reached the tablet's clock.
    expect(clockOf(tablet)).toBeLessThan(Date.now() + MINUTE);

    // The advisor sets the date and time automatically.
    laptop.setClockOffset(0);
    await syncUntilDone(laptop);
    const after = laptop.engine.getStatus();
    expect(after).toMatchObject({ phase: 'up_to_date', clockAheadMinutes: null, pending: 0, refused: [] });
    const backend = await w.backendSnapshot(anna.id);
    expect(backend[`clients/${id}`]).toMatchObject({ city: 'Aachen', email: 'kraemer@example.de' });
    // The meeting keeps the hour it really started, not a date next month.
    expect(backend[`meetings/${meetingId}`]!.startedAt).toBeGreaterThanOrEqual(started - MINUTE);
    expect(backend[`meetings/${meetingId}`]!.startedAt).toBeLessThanOrEqual(Date.now());
    // The laptop's clock is back near the real time, and so is every stamp the backend took from it.
    expect(clockOf(laptop)).toBeLessThan(Date.now() + MINUTE);
    const stamps = await w.query<{ stamp: string }>(sqlStamps(id));
    for (const { stamp } of stamps) expect(wallOf(stamp)).toBeLessThan(Date.now() + MINUTE);
    // Everyone ends with the same client, both edits in it.
    await syncUntilDone(tablet);
    for (const d of [laptop, tablet]) expect(getClient(d.store.db, id)!.client).toMatchObject({ city: 'Aachen', email: 'kraemer@example.de' });
    expect(tablet.snapshot()[`meetings/${meetingId}`]).toEqual(laptop.snapshot()[`meetings/${meetingId}`]);

    // A change made now sorts after the tablet's last one and is applied like any other.
    setCity(laptop.store, id, 'Bonn');
    await syncUntilDone(laptop);
    expect((await w.backendSnapshot(anna.id))[`clients/${id}`]).toMatchObject({ city: 'Bonn' });
  });

  it('3 minutes ahead: a clock only a little off syncs as usual', async () => {
    const ben = await w.person('Ben Knapp');
    const laptop = await w.device(ben.id, 'Laptop', { clockOffsetMs: 3 * MINUTE });
    const id = newClient(laptop.store, { city: 'Trier' });
    await syncUntilDone(laptop);
    expect(laptop.engine.getStatus()).toMatchObject({ phase: 'up_to_date', clockAheadMinutes: null, pending: 0 });
    expect((await w.backendSnapshot(ben.id))[`clients/${id}`]).toMatchObject({ city: 'Trier' });
  });

  it('slow by days: no banner, changes are sent', async () => {
    const cara = await w.person('Cara Spät');
    const laptop = await w.device(cara.id, 'Laptop', { clockOffsetMs: -7 * DAY });
    const id = newClient(laptop.store, { city: 'Ulm' });
    await syncUntilDone(laptop);
    expect(laptop.engine.getStatus()).toMatchObject({ phase: 'up_to_date', clockAheadMinutes: null });
    expect((await w.backendSnapshot(cara.id))[`clients/${id}`]).toMatchObject({ city: 'Ulm' });
  });
});

/** Every field stamp the backend holds for a client's records. */
function sqlStamps(clientId: string) {
  return sql`SELECT s.value AS stamp FROM records r, jsonb_each_text(r.stamps) s WHERE r.client_id = ${clientId}`;
}
