// The settings screen's procedures: the version and data folder the shell
// gave, and roles that change on the device until it is enrolled; from then
// on the manufacturer's roles are shown and a change from the device is refused.
import { createRouterClient } from '@orpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localUser } from '#db/schema.ts';
import { createRouter } from '#services/router.ts';
import { startWorld, type World } from './sync/world.ts';
import { openTestStore } from '../support/book.ts';
import { SyncEngine } from '#services/sync/engine.ts';

let world: World;
beforeAll(async () => { world = await startWorld(); });
afterAll(async () => { await world?.close(); });

function routerOver(store: ReturnType<typeof openTestStore>['store'], sync: SyncEngine) {
  return createRouterClient(createRouter({ store, mode: 'browser', loadDemoBook: () => undefined, sync, about: { version: '9.8.7', dataDir: '/data/aw' } }));
}

describe('settings', () => {
  it('says the version and data folder the shell gave; roles change while the device stands alone', async () => {
    const book = openTestStore();
    try {
      const rpc = routerOver(book.store, new SyncEngine(book.store));
      await rpc.session.setup({ displayName: 'Anna Berger', roles: ['advisor'], locale: 'de', demoBook: false });
      expect(await rpc.session.about()).toEqual({ version: '9.8.7', dataDir: '/data/aw', mode: 'browser', rolesSetBy: 'device', manufacturerRoles: null });
      expect((await rpc.session.setRoles({ roles: ['retailer', 'advisor', 'retailer'] })).roles).toEqual(['retailer', 'advisor']);
      expect((await rpc.session.status()).user!.roles).toEqual(['retailer', 'advisor']);
      await expect(rpc.session.setRoles({ roles: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST', data: { problems: [{ field: 'roles', code: 'required' }] } });
      await expect(rpc.session.setRoles({ roles: ['admin' as never] })).rejects.toMatchObject({ code: 'BAD_REQUEST', data: { problems: [expect.objectContaining({ code: 'unknown_value' })] } });
      expect(book.store.db.select().from(localUser).get()!.roles).toEqual(['retailer', 'advisor']);
    } finally {
      book.close();
    }
  });

  it('once enrolled, shows the manufacturer’s roles and refuses a change from the device', async () => {
    const person = await world.person('Ben Kraus', ['advisor', 'life_coach']);
    const device = await world.device(person.id, 'Ben’s laptop');
    const rpc = routerOver(device.store, device.engine);
    await rpc.session.setup({ displayName: 'Ben Kraus', roles: ['retailer'], locale: 'de', demoBook: false });
    expect(await rpc.session.about()).toMatchObject({ rolesSetBy: 'manufacturer', manufacturerRoles: ['advisor', 'life_coach'] });
    await expect(rpc.session.setRoles({ roles: ['advisor'] })).rejects.toMatchObject({ code: 'BAD_REQUEST', data: { problems: [{ field: 'roles', code: 'managed_by_manufacturer' }] } });
    // The roles that count on the device are the manufacturer's, whatever was chosen at set-up.
    expect((await rpc.session.status()).user!.roles).toEqual(['advisor', 'life_coach']);
  });
});
