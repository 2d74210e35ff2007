// The manufacturer's update feed, served from a local web folder as a
// generic electron-builder feed would be: read for this platform, the
// offer judged by the policy, the installer downloaded and accepted only with
// the checksum the feed names; a tampered file, a broken feed and an
// unencrypted address refused with what is wrong.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedFileOf, FeedError, matchesChecksum, offerOf, readFeed, type FeedInfo } from '../../electron/update/feed.ts';
import { decideUpdate } from '../../electron/update/policy.ts';

const installer = Buffer.from('Advisor Workstation 0.2.0 for Linux');
const sha512 = createHash('sha512').update(installer).digest('base64');
const files: Record<string, string | Buffer> = {
  '/aw/latest-linux.yml': [
    'version: 0.2.0',
    'files:',
    '  - url: Advisor-Workstation-0.2.0.AppImage',
    `    sha512: ${sha512}`,
    `    size: ${installer.length}`,
    'path: Advisor-Workstation-0.2.0.AppImage',
    `sha512: ${sha512}`,
    "releaseDate: '2026-12-04T08:00:00.000Z'",
    'releaseNotes: |',
    '  Kundenlisten aus Excel importieren.',
    '  Termine planen und in den Kalender übernehmen.',
  ].join('\n'),
  '/aw/Advisor-Workstation-0.2.0.AppImage': installer,
  '/broken/latest-linux.yml': 'version: [unclosed',
  '/wrong/latest-linux.yml': 'name: something else',
};
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const body = files[req.url ?? ''];
    if (body === undefined) { res.writeHead(404).end(); return; }
    res.writeHead(200).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the feed', () => {
  it('is read for the platform, judged newer, downloaded and accepted by its checksum, then offered with what changed', async () => {
    expect([feedFileOf('win32'), feedFileOf('darwin'), feedFileOf('linux')]).toEqual(['latest.yml', 'latest-mac.yml', 'latest-linux.yml']);
    const offer = await readFeed(`${base}/aw`, 'linux');
    expect(offer).toEqual({
      version: '0.2.0', releaseDate: '2026-12-04T08:00:00.000Z', minimumVersion: null,
      releaseNotes: 'Kundenlisten aus Excel importieren.\nTermine planen und in den Kalender übernehmen.\n',
      files: [{ url: `${base}/aw/Advisor-Workstation-0.2.0.AppImage`, sha512, size: installer.length }],
    });
    expect(decideUpdate({ current: '0.1.0', offer, downloaded: false, inMeeting: false })).toEqual({ kind: 'download', version: '0.2.0' });
    const downloaded = Buffer.from(await (await fetch(offer.files[0]!.url)).arrayBuffer());
    expect(matchesChecksum(downloaded, offer.files[0]!.sha512!)).toBe(true);
    expect(decideUpdate({ current: '0.1.0', offer, downloaded: true, inMeeting: false }))
      .toMatchObject({ kind: 'offer_restart', notes: expect.stringContaining('Kundenlisten aus Excel importieren.') });
  });

  it('refuses a file that is not the one the feed names', () => {
    expect(matchesChecksum(Buffer.concat([installer, Buffer.from('!')]), sha512)).toBe(false);
  });

  it('says what is wrong with a missing, broken or foreign feed, and with an unencrypted address elsewhere', async () => {
    await expect(readFeed(`${base}/none`, 'linux')).rejects.toThrow('The update feed answered 404 for /none/latest-linux.yml.');
    await expect(readFeed(`${base}/broken`, 'linux')).rejects.toThrow('/broken/latest-linux.yml is not a YAML file.');
    await expect(readFeed(`${base}/wrong`, 'linux')).rejects.toThrow(/is not an update feed/);
    await expect(readFeed('http://updates.example.de/aw', 'linux')).rejects.toBeInstanceOf(FeedError);
  });
});

describe('electron-updater on the same feed', () => {
  it('reads it into the same offer the policy decides on (its own generic provider, over HTTP)', async () => {
    const require = createRequire(import.meta.url);
    // The installed app's reader: electron-updater's GenericProvider, with Node's HTTP in place of Electron's net.
    const { GenericProvider } = require('electron-updater/out/providers/GenericProvider') as {
      GenericProvider: new (config: object, updater: object, runtime: object) => { getLatestVersion(): Promise<FeedInfo> };
    };
    const { NodeHttpExecutor } = require('builder-util') as { NodeHttpExecutor: new () => object };
    const provider = new GenericProvider(
      { provider: 'generic', url: `${base}/aw` },
      { channel: null, isAddNoCacheQuery: false },
      { isUseMultipleRangeRequest: false, platform: 'linux', executor: new NodeHttpExecutor() },
    );
    const info = await provider.getLatestVersion();
    expect(offerOf(info, new URL(`${base}/aw/`))).toEqual(await readFeed(`${base}/aw`, 'linux'));
    // What the app's update rounds see (files as the feed names them) is judged alike.
    expect(decideUpdate({ current: '0.1.0', offer: offerOf(info, null), downloaded: false, inMeeting: false })).toEqual({ kind: 'download', version: '0.2.0' });
  });
});
