// A computer whose clock runs ahead: its changes are held back before they
// touch anything, without using up their numbers, so that nothing stamped in
// the future can outrank a real edit made meanwhile, or reach another device.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOCK_AHEAD_LIMIT_MS } from '#core/sync/clock.ts';
import { DAY, fieldsOf, newClient, workstation } from './sync-support.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
beforeAll(async () => { t = await testBackend(); });
afterAll(async () => { await t?.dispose(); });

const MINUTE = 60_000;

/** Every row of every table the backend has, to show a refused push left no trace at all. */
async function everything() {
  const tables = (await t.db.execute(sql`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`) as unknown as { rows: { name: string }[] }).rows;
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    out[name] = (await t.db.execute(sql.raw(`SELECT * FROM "${name}" x ORDER BY x::text`)) as unknown as { rows: unknown[] }).rows;
  }
  return out;
}

async function twoDevices() {
  const laptop = workstation(t, await t.device('Anna Berger'));
  const res = await t.enrol(await t.code(laptop.user.id), 'Annas Tablet');
  const tablet = workstation(t, { ...(await res.json() as { deviceId: string; token: string }), user: laptop.user });
  return { laptop, tablet };
}

describe('a change stamped ahead of the backend’s clock', () => {
  it('29 days ahead: held back with the minutes, nothing stored, and a later real edit from another device applied and kept', async () => {
    const { laptop, tablet } = await twoDevices();
    const client = newClient('Erika', 'Mustermann');
    await laptop.pushApplied(laptop.mutation('client.create', { ...client, city: 'Köln' }));
    await tablet.pullAll();
    const before = await everything();

    const now = t.clock.now().getTime();
    const future = laptop.mutation('client.update', { id: client.id, patch: { city: 'Zukunftsstadt' } }, { hlc: laptop.stamp(now + 29 * DAY), at: now + 29 * DAY });
    const res = await laptop.push([future]);
    expect(res).toEqual({
      status: 409,
      body: {
        error: 'clock_ahead', seq: future.seq, aheadMinutes: 41_760,
        message: expect.stringContaining('41760 minutes after the server'), results: [], lastSeq: future.seq - 1,
      },
    });
    // With the backend's time, so the device can tell how far its own clock is off.
    expect(laptop.serverTime).toBe(now);
    // Not the device row, not a result, not a record, not a change-log row: nothing.
    expect(await everything()).toEqual(before);

    // A real edit made afterwards on the tablet is applied, and it is what everyone pulls.
    t.clock.advance(MINUTE);
    const edit = tablet.mutation('client.update', { id: client.id, patch: { city: 'Bonn' } });
    await tablet.pushApplied(edit);
    for (const device of [tablet, laptop]) expect(fieldsOf(await device.pullAll(), 'clients', client.id)).toMatchObject({ city: 'Bonn' });

    // The laptop's number is still free: the same change, stamped anew once its clock is right, is applied under it.
    const again = { ...future, hlc: laptop.stamp(t.clock.now().getTime() + 1), at: t.clock.now().getTime() };
    expect(await laptop.push([again])).toMatchObject({ status: 200, body: { results: [{ seq: future.seq, status: 'applied' }] } });
    expect(fieldsOf(await tablet.pullAll(), 'clients', client.id)).toMatchObject({ city: 'Zukunftsstadt' });
  });

  it('stops a batch at the first change too far ahead: what came before is applied, nothing after it is', async () => {
    const { laptop } = await twoDevices();
    const now = t.clock.now().getTime();
    const [first, ahead, after] = [newClient('Vor', 'Der'), newClient('Zu', 'Früh'), newClient('Da', 'Nach')];
    const batch = [
      laptop.mutation('client.create', first),
      laptop.mutation('client.create', ahead, { hlc: laptop.stamp(now + CLOCK_AHEAD_LIMIT_MS + MINUTE) }),
      laptop.mutation('client.create', after),
    ];
    const res = await laptop.push(batch);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'clock_ahead', seq: batch[1]!.seq, aheadMinutes: 6, results: [{ seq: batch[0]!.seq, status: 'applied' }], lastSeq: batch[0]!.seq });
    const ids = (await t.db.execute(sql`SELECT id FROM records WHERE entity = 'clients'`) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
    expect(ids).toContain(first.id);
    expect(ids).not.toContain(ahead.id);
    expect(ids).not.toContain(after.id);
  });

  it('its own time ahead counts as well as its stamp: a meeting dated next month is held back', async () => {
    const { laptop } = await twoDevices();
    const client = newClient('Jonas', 'Weber');
    await laptop.pushApplied(laptop.mutation('client.create', client));
    const start = laptop.mutation('meeting.start', { id: client.id.replace(/.$/, 'f'), clientId: client.id, reason: 'Review' }, { at: t.clock.now().getTime() + 30 * DAY });
    expect(await laptop.push([start])).toMatchObject({ status: 409, body: { error: 'clock_ahead', aheadMinutes: 43_200 } });
  });

  it('up to the limit ahead is a clock that is only a little off: applied', async () => {
    const { laptop, tablet } = await twoDevices();
    const client = newClient('Lena', 'Schmidt');
    const near = laptop.mutation('client.create', client, { hlc: laptop.stamp(t.clock.now().getTime() + CLOCK_AHEAD_LIMIT_MS) });
    await laptop.pushApplied(near);
    const pulled = await tablet.pullAll();
    expect(pulled.findLast((r) => r.id === client.id)!.state!.stamps.firstName).toBe(near.hlc);
  });

  it('a replay of a change applied before is answered as before, whatever its stamp', async () => {
    const { laptop } = await twoDevices();
    const create = laptop.mutation('client.create', newClient('Paul', 'Klee'));
    await laptop.pushApplied(create);
    // The server's clock went back (restored from a snapshot): the old stamp is now "ahead", but it was applied already.
    t.clock.advance(-10 * MINUTE);
    try {
      expect(await laptop.push([create])).toMatchObject({ status: 200, body: { results: [{ seq: create.seq, status: 'applied' }] } });
    } finally {
      t.clock.advance(10 * MINUTE);
    }
  });
});
