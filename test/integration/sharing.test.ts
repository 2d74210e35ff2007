// Sharing a client through the contract, as the client page calls it: the
// directory of coaches the device holds (and how old it is), a share and its
// taking back, and bad input refused by field, in words the user reads, with
// nothing saved.
import i18next from 'i18next';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeDirectory } from '#services/sync/directory.ts';
import { de } from '../../renderer/src/i18n/de.ts';
import { en } from '../../renderer/src/i18n/en.ts';
import { errorMessage } from '../../renderer/src/problems.ts';
import { openTestRouter } from '../support/router.ts';

let w: ReturnType<typeof openTestRouter>;
let me: string;
let client: string;
const lena = { id: '0190a000-0000-7000-8000-00000000c0ac', displayName: 'Lena Hoffmann' };

beforeEach(async () => {
  w = openTestRouter();
  me = (await w.rpc.session.setup({ displayName: 'Anna Berger', roles: ['advisor'], locale: 'de', demoBook: false })).id;
  client = uuidv7();
  await w.rpc.clients.create({ id: client, firstName: 'Greta', lastName: 'Quandt' });
});
afterEach(() => w.t.close());

const refused = (field: string, code: string) =>
  expect.objectContaining({ code: 'BAD_REQUEST', data: { problems: [expect.objectContaining({ field, code })] } });

/** What the user reads for a refusal, in German and English. */
async function said(error: unknown) {
  const words = async (lang: 'de' | 'en') => {
    const i = i18next.createInstance();
    await i.init({ lng: lang, resources: { [lang]: { translation: lang === 'de' ? de : en } }, interpolation: { escapeValue: false } });
    return errorMessage(i.t, error);
  };
  return { de: await words('de'), en: await words('en') };
}

describe('the directory of coaches', () => {
  it('is empty and says it never came before a sync; afterwards it lists the coaches but never the user, with when it came', async () => {
    expect(await w.rpc.sharing.coaches()).toEqual({ people: [], updatedAt: null, enrolled: false });
    storeDirectory(w.t.store, [{ id: me, displayName: 'Anna Berger' }, lena], 1_780_000_000_000);
    expect(await w.rpc.sharing.coaches()).toEqual({ people: [lena], updatedAt: 1_780_000_000_000, enrolled: false });
  });
});

describe('sharing and taking it back', () => {
  it('puts the coach on the client’s list at once, and takes them off again', async () => {
    storeDirectory(w.t.store, [lena], Date.now());
    const before = await w.rpc.clients.get({ id: client });
    expect(before).toMatchObject({ owned: true, client: { sharedWith: [], ownerName: null } });
    await w.rpc.sharing.share({ id: client, userId: lena.id });
    expect((await w.rpc.clients.get({ id: client })).client).toMatchObject({ sharedWith: [{ userId: lena.id, displayName: 'Lena Hoffmann' }], ownerName: 'Anna Berger' });
    // Shared twice is shared once, and queued once.
    const pending = w.t.store.pendingCount();
    await w.rpc.sharing.share({ id: client, userId: lena.id });
    expect(w.t.store.pendingCount()).toBe(pending);
    await w.rpc.sharing.unshare({ id: client, userId: lena.id });
    expect((await w.rpc.clients.get({ id: client })).client.sharedWith).toEqual([]);
  });
});

describe('bad input', () => {
  it('is refused by field, says what is wrong in the user’s language, and saves nothing', async () => {
    storeDirectory(w.t.store, [lena], Date.now());
    const pending = w.t.store.pendingCount();
    await expect(w.rpc.sharing.share({ id: client, userId: 'Lena' })).rejects.toEqual(refused('userId', 'invalid_value'));
    await expect(w.rpc.sharing.share({ id: client } as never)).rejects.toEqual(refused('userId', 'invalid_value'));
    await expect(w.rpc.sharing.unshare({ id: 'Greta', userId: lena.id })).rejects.toEqual(refused('id', 'invalid_value'));
    await expect(w.rpc.sharing.share({ id: uuidv7(), userId: lena.id })).rejects.toEqual(refused('client', 'not_found'));
    await expect(w.rpc.sharing.share({ id: client, userId: uuidv7() })).rejects.toEqual(refused('userId', 'not_found'));

    const self = await w.rpc.sharing.share({ id: client, userId: me }).catch((e: unknown) => e);
    expect(self).toEqual(refused('userId', 'share_with_self'));
    expect(await said(self)).toEqual({
      de: 'Sie sind für diesen Kunden zuständig und haben immer Zugriff. Bitte einen Life-Coach wählen, mit dem Sie ihn teilen möchten.',
      en: 'You are this client’s advisor and always have access. Please choose a life coach to share them with.',
    });
    const own = await w.rpc.sharing.unshare({ id: client, userId: me }).catch((e: unknown) => e);
    expect(own).toEqual(refused('userId', 'share_with_self'));
    expect(w.t.store.pendingCount()).toBe(pending);
    expect((await w.rpc.clients.get({ id: client })).client.sharedWith).toEqual([]);
  });

  it('a client only shared with the user is not theirs to share', async () => {
    storeDirectory(w.t.store, [lena], Date.now());
    w.t.store.sqlite.prepare('UPDATE clients SET owner_id = ? WHERE id = ?').run(uuidv7(), client);
    expect((await w.rpc.clients.get({ id: client })).owned).toBe(false);
    const error = await w.rpc.sharing.share({ id: client, userId: lena.id }).catch((e: unknown) => e);
    expect(error).toEqual(refused('client', 'owner_only'));
    expect((await said(error)).de).toMatch(/^Das darf nur der zuständige Berater dieses Kunden/);
  });
});
