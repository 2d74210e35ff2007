// Sync respects who may see which client: another advisor's device can
// neither change nor pull a client that is not theirs, and cannot even tell
// whether it exists; a client shared with them arrives on their devices.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantClientAccess } from '#backend/access.ts';
import { fieldsOf, newClient, stored, workstation, type Workstation } from './sync-support.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
let anna: Workstation;
let ben: Workstation;
let carla: Workstation;
const annasClient = newClient('Anna', 'Kundin');
const annasMeeting = uuidv7();
const bensClient = newClient('Ben', 'Kunde');

beforeAll(async () => {
  t = await testBackend();
  anna = workstation(t, await t.device('Anna Berger'));
  ben = workstation(t, await t.device('Ben Fischer'));
  carla = workstation(t, await t.device('Carla Wolf', ['life_coach']));
  await anna.pushApplied(
    anna.mutation('client.create', { ...annasClient, email: 'kundin@example.de' }),
    anna.mutation('meeting.start', { id: annasMeeting, clientId: annasClient.id }),
    anna.mutation('answer.set', { clientId: annasClient.id, attribute: 'tech_affinity', value: 'low' }),
  );
  await ben.pushApplied(ben.mutation('client.create', bensClient));
});
afterAll(async () => { await t?.dispose(); });

const NO_SUCH_CLIENT = { status: 'rejected', code: 'not_found', message: 'No such client.' };

describe('pushing about someone else’s client', () => {
  it('is refused with exactly “No such client.”, as for a client that does not exist, and changes nothing', async () => {
    const nobody = uuidv7();
    const before = await stored(t);
    const attempts = [
      ben.mutation('client.update', { id: annasClient.id, patch: { email: 'ben@example.de' } }),
      ben.mutation('client.update', { id: nobody, patch: { email: 'ben@example.de' } }),
      ben.mutation('answer.set', { clientId: annasClient.id, attribute: 'tech_affinity', value: 'high' }),
      ben.mutation('answer.set', { clientId: nobody, attribute: 'tech_affinity', value: 'high' }),
      ben.mutation('meeting.start', { id: uuidv7(), clientId: annasClient.id }),
      ben.mutation('client.delete', { id: annasClient.id }),
      // Nor can he erase her client, which would take it from Anna's devices too.
      ben.mutation('client.erase', { id: annasClient.id }),
      ben.mutation('client.erase', { id: nobody }),
      // Creating a client under an id already taken does not take it over.
      ben.mutation('client.create', { ...newClient('Ben', 'Übernahme'), id: annasClient.id }),
    ];
    const res = await ben.push(attempts);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual(attempts.map((m) => ({ seq: m.seq, ...NO_SUCH_CLIENT })));
    const after = await stored(t);
    expect(after.records).toEqual(before.records);
    expect(after.changes).toBe(before.changes);
    // Refused mutations are processed all the same: Ben's queue moves on.
    expect(res.body.lastSeq).toBe(attempts.at(-1)!.seq);
  });

  it('a change to a meeting of someone else’s client is refused as if the meeting did not exist', async () => {
    const [foreign, missing] = [ben.mutation('meeting.end', { id: annasMeeting }), ben.mutation('meeting.end', { id: uuidv7() })];
    const res = await ben.push([foreign, missing]);
    const [a, b] = res.body.results;
    expect(a).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect({ ...a, seq: 0 }).toEqual({ ...b, seq: 0 });
    expect(fieldsOf(await anna.pullAll(), 'meetings', annasMeeting)).toMatchObject({ endedAt: null });
  });
});

describe('pulling', () => {
  it('never returns records of someone else’s client', async () => {
    const pulled = await ben.pullAll();
    expect(pulled.length).toBeGreaterThan(0);
    expect(new Set(pulled.map((r) => r.clientId))).toEqual(new Set([bensClient.id]));
    expect(await carla.pullAll()).toEqual([]);
  });

  it('a client shared with Ben arrives on his device at the next pull, and his changes reach Anna', async () => {
    // Ben's cursor is already past Anna's records.
    expect(await ben.pullAll()).toEqual([]);
    await grantClientAccess(t.db, { clientId: annasClient.id, userId: ben.user.id, kind: 'shared' });
    const pulled = await ben.pullAll();
    expect(fieldsOf(pulled, 'clients', annasClient.id)).toMatchObject({ firstName: 'Anna', email: 'kundin@example.de', ownerId: anna.user.id });
    expect(fieldsOf(pulled, 'answers', `${annasClient.id}:tech_affinity`)).toMatchObject({ value: 'low' });
    expect(fieldsOf(pulled, 'meetings', annasMeeting)).toMatchObject({ clientId: annasClient.id });

    const update = ben.mutation('client.update', { id: annasClient.id, patch: { phone: '0221 555' } });
    expect((await ben.push([update])).body.results).toEqual([{ seq: update.seq, status: 'applied' }]);
    expect(fieldsOf(await anna.pullAll(), 'clients', annasClient.id)).toMatchObject({ phone: '0221 555', email: 'kundin@example.de' });
    // Carla still sees nothing.
    expect(await carla.pullAll()).toEqual([]);
  });
});
