// A client has one meeting at a time: asked to begin another while one runs,
// the workstation opens the running one instead of making a second.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { openTestStore } from '../support/book.ts';
import { openTestRouter, type Workstation } from '../support/router.ts';

let t: ReturnType<typeof openTestStore>;
let rpc: Workstation;
beforeEach(async () => {
  ({ t, rpc } = openTestRouter());
  await rpc.session.setup({ displayName: 'Anna Berger', roles: ['advisor'], locale: 'de', demoBook: false });
});
afterEach(() => t.close());

it('a second begin while a meeting runs answers with the running meeting, and makes nothing new', async () => {
  const { id: clientId } = await rpc.clients.create({ firstName: 'Sabine', lastName: 'Lorenz' });
  const first = await rpc.meetings.start({ clientId, reason: 'Jahresgespräch' });
  const pending = t.store.pendingCount();
  const second = await rpc.meetings.start({ clientId });
  expect(second.id).toBe(first.id);
  expect(t.store.pendingCount()).toBe(pending);
  expect((await rpc.clients.get({ id: clientId })).meetings).toHaveLength(1);
});

it('once the meeting has ended, the next begin starts a new one; another client is not affected', async () => {
  const { id: clientId } = await rpc.clients.create({ firstName: 'Sabine', lastName: 'Lorenz' });
  const { id: otherId } = await rpc.clients.create({ firstName: 'Jonas', lastName: 'Weber' });
  const first = await rpc.meetings.start({ clientId });
  const other = await rpc.meetings.start({ clientId: otherId });
  expect(other.id).not.toBe(first.id);
  await rpc.meetings.end({ id: first.id });
  const next = await rpc.meetings.start({ clientId });
  expect(next.id).not.toBe(first.id);
  expect((await rpc.clients.get({ id: clientId })).meetings.map((m) => m.endedAt === null)).toEqual([true, false]);
});
