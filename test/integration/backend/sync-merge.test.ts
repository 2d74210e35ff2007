// Two devices editing one client while apart: edits of different fields both
// survive, and of the same field the later edit (by its clock stamp) wins,
// whichever device's push arrives first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsOf, newClient, workstation, type Workstation } from './sync-support.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
let laptop: Workstation;
let tablet: Workstation;
beforeAll(async () => {
  t = await testBackend();
  laptop = workstation(t, await t.device('Anna Berger'));
  const res = await t.enrol(await t.code(laptop.user.id), 'Anna’s tablet');
  tablet = workstation(t, { ...(await res.json() as { deviceId: string; token: string }), user: laptop.user });
});
afterAll(async () => { await t?.dispose(); });

/** A client both devices know: made on the laptop, pulled by the tablet. */
async function sharedClient(lastName: string) {
  const client = newClient('Erika', lastName);
  await laptop.pushApplied(laptop.mutation('client.create', client));
  await tablet.pullAll();
  return client.id;
}

async function clientSeenBy(w: Workstation, id: string) {
  return fieldsOf(await w.pullAll(), 'clients', id);
}

describe('concurrent edits of one client', () => {
  it('edits of different fields from two devices both survive', async () => {
    const id = await sharedClient('Feld');
    // Both made offline, neither knowing of the other.
    t.clock.advance(1_000);
    const email = laptop.mutation('client.update', { id, patch: { email: 'erika@example.de' } });
    t.clock.advance(1_000);
    const phone = tablet.mutation('client.update', { id, patch: { phone: '+49 30 1234567' } });
    await tablet.pushApplied(phone);
    await laptop.pushApplied(email);
    for (const w of [laptop, tablet]) {
      expect(await clientSeenBy(w, id)).toMatchObject({ email: 'erika@example.de', phone: '+49 30 1234567', lastName: 'Feld' });
    }
  });

  it('of two edits of the same field, the later one wins even when it arrives first', async () => {
    const id = await sharedClient('Spät');
    t.clock.advance(1_000);
    const earlier = laptop.mutation('client.update', { id, patch: { city: 'Bonn' } });
    t.clock.advance(1_000);
    const later = tablet.mutation('client.update', { id, patch: { city: 'Köln' } });
    await tablet.pushApplied(later);
    // The earlier edit is processed (not refused), but changes nothing.
    expect((await laptop.pushApplied(earlier)).results).toEqual([{ seq: earlier.seq, status: 'applied' }]);
    for (const w of [laptop, tablet]) {
      const pulled = await w.pullAll();
      expect(fieldsOf(pulled, 'clients', id)).toMatchObject({ city: 'Köln' });
      expect(pulled.findLast((r) => r.id === id)!.state!.stamps.city).toBe(later.hlc);
    }
  });

  it('of two edits of the same field, the later one wins when it arrives last', async () => {
    const id = await sharedClient('Früh');
    t.clock.advance(1_000);
    const earlier = tablet.mutation('client.update', { id, patch: { city: 'Bonn' } });
    t.clock.advance(1_000);
    const later = laptop.mutation('client.update', { id, patch: { city: 'Köln' } });
    await tablet.pushApplied(earlier);
    await laptop.pushApplied(later);
    expect(await clientSeenBy(tablet, id)).toMatchObject({ city: 'Köln' });
  });

  it('pushes from two devices arriving at the same moment lose no edit', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await sharedClient(`Gleichzeitig ${i}`));
    const emails = ids.map((id, i) => laptop.mutation('client.update', { id, patch: { email: `kunde${i}@example.de` } }));
    const phones = ids.map((id, i) => tablet.mutation('client.update', { id, patch: { phone: `0221 ${i}` } }));
    await Promise.all([laptop.pushApplied(...emails), tablet.pushApplied(...phones)]);
    const pulled = await laptop.pullAll();
    for (const [i, id] of ids.entries()) expect(fieldsOf(pulled, 'clients', id)).toMatchObject({ email: `kunde${i}@example.de`, phone: `0221 ${i}` });
  });

  it('two devices answering the same question write one answer; the later answer wins', async () => {
    const id = await sharedClient('Antwort');
    t.clock.advance(1_000);
    const first = laptop.mutation('answer.set', { clientId: id, attribute: 'tech_affinity', value: 'low' });
    t.clock.advance(1_000);
    const second = tablet.mutation('answer.set', { clientId: id, attribute: 'tech_affinity', value: 'high' });
    await Promise.all([laptop.pushApplied(first), tablet.pushApplied(second)]);
    const answers = (await laptop.pullAll()).filter((r) => r.entity === 'answers' && r.clientId === id);
    expect(new Set(answers.map((a) => a.id))).toEqual(new Set([`${id}:tech_affinity`]));
    expect(answers.at(-1)!.state!.fields.value).toBe('high');
  });
});
