// Where a computer looks for updates: the packaged address, unless one is set
// for this computer; a set address that cannot be used turns updates off.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEED_FILE, feedAddress } from '../../../electron/update/feed-address.ts';

const DATA = '/data';
const file = (text: string) => (path: string) => (path === join(DATA, FEED_FILE) ? text : null);
const none = () => null;

describe('the update address', () => {
  it('is the packaged one when nothing is set', () => {
    expect(feedAddress({}, DATA, none)).toEqual({ kind: 'packaged' });
  });

  it('is taken from the environment before the file, and always ends in /', () => {
    expect(feedAddress({ AW_UPDATE_FEED: 'https://updates.example.com/aw' }, DATA, file('{"url":"https://other.example.com/"}')))
      .toEqual({ kind: 'set', url: 'https://updates.example.com/aw/', from: 'AW_UPDATE_FEED' });
    expect(feedAddress({}, DATA, file('{"url":"https://updates.example.com/aw/"}')))
      .toEqual({ kind: 'set', url: 'https://updates.example.com/aw/', from: join(DATA, FEED_FILE) });
    expect(feedAddress({ AW_UPDATE_FEED: 'http://127.0.0.1:8080/feed' }, DATA, none)).toMatchObject({ kind: 'set', url: 'http://127.0.0.1:8080/feed/' });
  });

  it('turns updates off, saying why, when the set address cannot be used', () => {
    expect(feedAddress({ AW_UPDATE_FEED: 'http://updates.example.com/' }, DATA, none))
      .toEqual({ kind: 'invalid', from: 'AW_UPDATE_FEED', problem: expect.stringContaining('is not encrypted: use https://') });
    expect(feedAddress({ AW_UPDATE_FEED: 'updates.example.com' }, DATA, none))
      .toMatchObject({ kind: 'invalid', problem: expect.stringContaining('is not a web address') });
    expect(feedAddress({ AW_UPDATE_FEED: 'file:///etc/' }, DATA, none)).toMatchObject({ kind: 'invalid' });
    for (const text of ['not json', '{"address":"https://x.example/"}', '"https://x.example/"', '{"url":42}']) {
      expect(feedAddress({}, DATA, file(text)), text).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('must hold {"url": "https://…"}') });
    }
  });
});
