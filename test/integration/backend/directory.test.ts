// The directory of life coaches (GET /v1/people?role=life_coach) and the
// person's roles in every pull answer: what a device learns about people,
// and nothing more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUserRoles } from '#backend/people.ts';
import { peopleResponse, pullResponse } from '#core/sync/protocol.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
let anna: Awaited<ReturnType<typeof t.device>>;
let lena: { id: string };
let jonas: { id: string };

beforeAll(async () => {
  t = await testBackend();
  anna = await t.device('Anna Berger', ['advisor']);
  lena = await t.person('Lena Hoffmann', ['life_coach']);
  jonas = await t.person('Jonas Weber', ['advisor', 'life_coach']);
  await t.person('Mia Händler', ['retailer']);
  await t.person('Admin', ['admin']);
});
afterAll(async () => { await t?.dispose(); });

describe('GET /v1/people?role=life_coach', () => {
  it('lists every life coach by name: id and name, nothing else about them', async () => {
    const res = await t.get('/v1/people?role=life_coach', anna.token);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(peopleResponse.parse(body)).toEqual(body);
    expect(body).toEqual({ role: 'life_coach', people: [{ id: jonas.id, displayName: 'Jonas Weber' }, { id: lena.id, displayName: 'Lena Hoffmann' }] });
  });

  it('refuses any other question with a sentence that says what to ask', async () => {
    for (const query of ['', '?role=advisor', '?role=admin', '?role=life_coach&name=Lena', '?role=']) {
      const res = await t.get(`/v1/people${query}`, anna.token);
      expect(res.status, query).toBe(400);
      expect(await res.json(), query).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(/life_coach/) });
    }
  });

  it('needs a device token, and answers only GET', async () => {
    expect((await t.get('/v1/people?role=life_coach')).status).toBe(401);
    const posted = await t.post('/v1/people?role=life_coach', {}, anna.token);
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('a pull answer', () => {
  it('carries the person’s name and roles as the backend holds them now', async () => {
    const pull = async () => pullResponse.parse(await (await t.post('/v1/pull', { cursor: null }, anna.token)).json());
    expect((await pull()).user).toEqual({ displayName: 'Anna Berger', roles: ['advisor'] });
    await setUserRoles(t.db, anna.user.id, ['advisor', 'life_coach']);
    expect((await pull()).user).toEqual({ displayName: 'Anna Berger', roles: ['advisor', 'life_coach'] });
  });
});
