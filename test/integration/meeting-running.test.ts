// Whether a meeting runs, as the desktop shell's updater asks the core: a
// meeting started today and not ended holds an update's restart back; an
// ended one does not, nor one left open since yesterday.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { meetingRunningSince } from '#db/queries.ts';
import { openTestRouter } from '../support/router.ts';

const HOUR = 3600_000;
let clock = Date.parse('2026-12-04T09:00:00Z');
let t: ReturnType<typeof openTestRouter>['t'];
let rpc: ReturnType<typeof openTestRouter>['rpc'];
beforeEach(async () => {
  clock = Date.parse('2026-12-04T09:00:00Z');
  ({ t, rpc } = openTestRouter({ now: () => clock }));
  await rpc.session.setup({ displayName: 'Anna Berger', roles: ['advisor'], locale: 'de', demoBook: false });
});
afterEach(() => t.close());

const running = () => meetingRunningSince(t.store.db, clock - 12 * HOUR);

it('is true from a meeting’s start to its end, for any client', async () => {
  expect(running()).toBe(false);
  const a = (await rpc.clients.create({ firstName: 'Greta', lastName: 'Lindner' })).id;
  const b = (await rpc.clients.create({ firstName: 'Hans', lastName: 'Weber' })).id;
  const first = await rpc.meetings.start({ clientId: a, reason: null });
  expect(running()).toBe(true);
  const second = await rpc.meetings.start({ clientId: b, reason: null });
  await rpc.meetings.end({ id: first.id });
  expect(running()).toBe(true);
  await rpc.meetings.end({ id: second.id });
  expect(running()).toBe(false);
});

it('forgets a meeting left open for more than 12 hours', async () => {
  const a = (await rpc.clients.create({ firstName: 'Greta', lastName: 'Lindner' })).id;
  await rpc.meetings.start({ clientId: a, reason: null });
  clock += 11 * HOUR;
  expect(running()).toBe(true);
  clock += 2 * HOUR;
  expect(running()).toBe(false);
});
