// Pushing a workstation's outbox: each mutation applied once and in order, a
// bad one refused without holding up the rest, and what was pushed is what
// the person's devices pull.
import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { devices, records } from '#backend/db/schema.ts';
import { fieldsOf, newClient, stored, workstation, type Workstation } from './sync-support.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
let laptop: Workstation;
beforeAll(async () => { t = await testBackend(); });
afterAll(async () => { await t?.dispose(); });
// Every test starts with a new device, its outbox numbered from 1.
beforeEach(async () => { laptop = workstation(t, await t.device('Anna Berger')); });

/** A second device of the laptop's owner. */
async function tabletOf(w: Workstation) {
  const res = await t.enrol(await t.code(w.user.id), 'Anna’s tablet');
  return workstation(t, { ...(await res.json() as { deviceId: string; token: string }), user: w.user });
}

async function lastSeqOf(w: Workstation) {
  return (await t.db.select({ lastSeq: devices.lastSeq }).from(devices).where(eq(devices.id, w.deviceId)))[0]!.lastSeq;
}

describe('push and pull', () => {
  it('a client, a meeting and answers pushed from one laptop show up on it and on the same person’s tablet', async () => {
    const tablet = await tabletOf(laptop);
    const client = newClient('Erika', 'Mustermann');
    const meetingId = uuidv7();
    const create = laptop.mutation('client.create', { ...client, email: 'Erika@Example.de', city: 'Köln' });
    const start = laptop.mutation('meeting.start', { id: meetingId, clientId: client.id, reason: 'Annual review' });
    const driver = laptop.mutation('answer.set', { clientId: client.id, meetingId, attribute: 'purchase_driver', value: 'best_price' });
    const events = laptop.mutation('answer.set', { clientId: client.id, meetingId, attribute: 'life_events', value: ['new_job', 'moving'] });
    const res = await laptop.push([create, start, driver, events]);
    expect(res).toEqual({ status: 200, body: { results: [1, 2, 3, 4].map((seq) => ({ seq, status: 'applied' })), lastSeq: 4 } });

    for (const device of [laptop, tablet]) {
      const pulled = await device.pullAll();
      expect(fieldsOf(pulled, 'clients', client.id)).toMatchObject({
        firstName: 'Erika', lastName: 'Mustermann', email: 'erika@example.de', city: 'Köln', ownerId: laptop.user.id, lastContactAt: start.at, deletedAt: null,
      });
      expect(fieldsOf(pulled, 'meetings', meetingId)).toMatchObject({ clientId: client.id, advisorId: laptop.user.id, reason: 'Annual review', endedAt: null });
      expect(fieldsOf(pulled, 'touchpoints', meetingId)).toMatchObject({ kind: 'meeting', refId: meetingId });
      expect(fieldsOf(pulled, 'answers', `${client.id}:purchase_driver`)).toMatchObject({ value: 'best_price', meetingId, recordedBy: laptop.user.id });
      expect(fieldsOf(pulled, 'answers', `${client.id}:life_events`)).toMatchObject({ value: ['moving', 'new_job'] });
      // Each field carries the stamp of the change that wrote it.
      const clientRecord = pulled.findLast((r) => r.id === client.id)!;
      expect(clientRecord.state!.stamps.firstName).toBe(create.hlc);
      expect(clientRecord.state!.stamps.lastContactAt).toBe(start.hlc);
      expect(clientRecord.clientId).toBe(client.id);
    }
    // The creator owns the new client.
    expect(await (await t.get('/v1/access', tablet.token)).json()).toEqual({ clients: [{ clientId: client.id, kind: 'owner' }] });
  });

  it('a push replayed after its answer was lost is applied once and answered the same', async () => {
    const client = newClient('Jonas', 'Weber');
    const batch = [
      laptop.mutation('client.create', client),
      laptop.mutation('client.update', { id: client.id, patch: { city: 'Bonn' } }),
      laptop.mutation('answer.set', { clientId: client.id, attribute: 'tech_affinity', value: 'high' }),
      laptop.mutation('client.update', { id: client.id, patch: { email: 'not an address' } }),
    ];
    const first = await laptop.push(batch);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'rejected']);
    const before = await stored(t);
    // Later, so that writing anything again would show in updated_at.
    t.clock.advance(60_000);
    const again = await laptop.push(batch);
    expect(again).toEqual(first);
    expect(await stored(t)).toEqual(before);
  });

  it('a batch overlapping the last one applies only the mutations not seen yet', async () => {
    const client = newClient('Lena', 'Schmidt');
    const create = laptop.mutation('client.create', client);
    const city = laptop.mutation('client.update', { id: client.id, patch: { city: 'Essen' } });
    const first = await laptop.push([create, city]);
    const phone = laptop.mutation('client.update', { id: client.id, patch: { phone: '+49 221 123456' } });
    const second = await laptop.push([create, city, phone]);
    expect(second.body).toEqual({ results: [...first.body.results, { seq: phone.seq, status: 'applied' }], lastSeq: phone.seq });
    const [row] = await t.db.select().from(records).where(eq(records.id, client.id));
    expect(row!.fields).toMatchObject({ city: 'Essen', phone: '+49 221 123456' });
  });

  it('a different mutation sent under a number already used is refused, not mistaken for the old one', async () => {
    const client = newClient('Paul', 'Klein');
    const create = laptop.mutation('client.create', client);
    await laptop.pushApplied(create);
    const impostor = { ...laptop.mutation('client.update', { id: client.id, patch: { city: 'Trier' } }), seq: create.seq };
    const res = await laptop.push([impostor]);
    expect(res.body.results).toEqual([{ seq: create.seq, status: 'rejected', code: 'seq_reused', message: expect.stringContaining('enrol the workstation again') }]);
    const [row] = await t.db.select().from(records).where(eq(records.id, client.id));
    expect(row!.fields.city).toBeNull();
  });

  it('a push that skips numbers is refused with 409 and the number expected, and nothing of it applied', async () => {
    const client = newClient('Ute', 'Lange');
    const create = laptop.mutation('client.create', client);
    const skipped = laptop.mutation('client.update', { id: client.id, patch: { city: 'Kiel' } });
    const after = laptop.mutation('client.update', { id: client.id, patch: { city: 'Lübeck' } });
    await laptop.pushApplied(create);
    const before = await stored(t);
    const res = await laptop.push([after]);
    expect(res).toEqual({ status: 409, body: { error: 'gap', expectedSeq: skipped.seq, message: expect.stringContaining(`expected mutation ${skipped.seq} next`) } });
    expect(await stored(t)).toEqual(before);
    expect(await lastSeqOf(laptop)).toBe(create.seq);
    // Pushed from the number expected, both go through.
    expect((await laptop.pushApplied(skipped, after)).lastSeq).toBe(after.seq);
  });

  it('a gap in the middle of a batch keeps what came before it and applies nothing after it', async () => {
    const client = newClient('Timo', 'Brandt');
    const create = laptop.mutation('client.create', client);
    const lost = laptop.mutation('client.update', { id: client.id, patch: { city: 'Ulm' } });
    const later = laptop.mutation('client.update', { id: client.id, patch: { phone: '0731 987654' } });
    const res = await laptop.push([create, later]);
    expect(res).toMatchObject({ status: 409, body: { error: 'gap', expectedSeq: lost.seq } });
    const [row] = await t.db.select().from(records).where(eq(records.id, client.id));
    expect(row!.fields).toMatchObject({ firstName: 'Timo', city: null, phone: null });
    expect(await lastSeqOf(laptop)).toBe(create.seq);
  });

  it('refused mutations are answered with their reason, stored, and the next one in the batch is applied', async () => {
    const existing = newClient('Nina', 'Vogel');
    await laptop.pushApplied(laptop.mutation('client.create', existing));
    const badEmail = newClient('Bad', 'Email');
    const good = newClient('Karl', 'Neumann');
    const batch = [
      laptop.mutation('client.create', { ...badEmail, email: 'karl(at)example' }),
      laptop.raw('client.teleport', { id: existing.id }),
      laptop.mutation('answer.set', { clientId: existing.id, attribute: 'tech_affinity', value: 'extreme' }),
      laptop.mutation('answer.set', { clientId: existing.id, attribute: 'shoe_size', value: '42' }),
      laptop.mutation('client.create', good),
    ];
    const res = await laptop.push(batch);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      results: [
        { seq: batch[0]!.seq, status: 'rejected', code: 'invalid_email', message: 'Email is not a valid email address: use the form name@example.de. Nothing was changed.' },
        { seq: batch[1]!.seq, status: 'rejected', code: 'unknown_mutation', message: expect.stringContaining('"client.teleport" is not a change this backend knows') },
        { seq: batch[2]!.seq, status: 'rejected', code: 'unknown_value', message: expect.stringContaining('"extreme" is not a value of tech_affinity') },
        { seq: batch[3]!.seq, status: 'rejected', code: 'unknown_attribute', message: expect.stringContaining('Unknown profile attribute "shoe_size": use one of') },
        { seq: batch[4]!.seq, status: 'applied' },
      ],
      lastSeq: batch[4]!.seq,
    });
    const ids = (await t.db.select({ id: records.id }).from(records)).map((r) => r.id);
    expect(ids).toContain(good.id);
    expect(ids).not.toContain(badEmail.id);
    expect(ids.filter((id) => id.startsWith(`${existing.id}:`))).toEqual([]);
  });
});

describe('when the database fails during a push', () => {
  it('keeps what was done before the failure, answers 503, and the batch pushed again finishes', async () => {
    // A trigger stands in for a full disk: it fails inserting one particular client.
    await t.db.execute(sql.raw(`
      CREATE FUNCTION fail_on_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.fields->>'lastName' = 'Boom' THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$`));
    await t.db.execute(sql.raw('CREATE TRIGGER fail_on_boom BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION fail_on_boom()'));
    const [ok, boom, after] = [newClient('Vor', 'Dem'), newClient('Peng', 'Boom'), newClient('Nach', 'Dem')];
    const batch = [ok, boom, after].map((c) => laptop.mutation('client.create', c));
    const start = await lastSeqOf(laptop);
    try {
      const res = await laptop.push(batch);
      expect(res).toEqual({
        status: 503,
        body: { error: 'unavailable', message: expect.stringContaining('push the rest again'), results: [{ seq: batch[0]!.seq, status: 'applied' }], lastSeq: batch[0]!.seq },
      });
      expect(await lastSeqOf(laptop)).toBe(start + 1);
      const ids = (await t.db.select({ id: records.id }).from(records)).map((r) => r.id);
      expect(ids).toContain(ok.id);
      expect(ids).not.toContain(boom.id);
      expect(ids).not.toContain(after.id);
      expect(t.log.lines().some((l) => l.msg === 'push failed' && (l.err as { message: string }).message === 'simulated failure')).toBe(true);
    } finally {
      await t.db.execute(sql.raw('DROP TRIGGER fail_on_boom ON records'));
    }
    const retry = await laptop.push(batch);
    expect(retry).toEqual({ status: 200, body: { results: batch.map((m) => ({ seq: m.seq, status: 'applied' })), lastSeq: batch[2]!.seq } });
  });
});
