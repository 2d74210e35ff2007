// The app updating itself, with electron-updater replaced by a fake that
// offers a release: what is downloaded, when the restart is offered, and that
// nothing restarts in the middle of a meeting.
import { describe, expect, it } from 'vitest';
import { AppUpdates, type RestartOffer } from '../../../electron/update/updater.ts';
import { FakeUpdater, release } from './fake-electron.ts';

/** Timers a test moves by hand: the next due one runs when told. */
function handTimers() {
  const due: { fn: () => void; ms: number; handle: number }[] = [];
  let next = 0;
  return {
    due,
    timers: {
      setTimeout: (fn: () => void, ms: number) => { due.push({ fn, ms, handle: ++next }); return next; },
      clearTimeout: (handle: unknown) => { const i = due.findIndex((d) => d.handle === handle); if (i >= 0) due.splice(i, 1); },
    },
  };
}

function setup(options: { current?: string; feedUrl?: string | null; restart?: boolean } = {}) {
  const updater = new FakeUpdater();
  const asked: RestartOffer[] = [];
  const log: string[] = [];
  const state = { meeting: false, restart: options.restart ?? true, meetingWhileAsking: false };
  const { due, timers } = handTimers();
  const updates = new AppUpdates({
    updater, currentVersion: options.current ?? '1.2.0', feedUrl: options.feedUrl ?? null, timers,
    inMeeting: async () => state.meeting,
    askRestart: async (offer) => { asked.push(offer); if (state.meetingWhileAsking) state.meeting = true; return state.restart; },
    log: (m) => log.push(m), checkEveryMs: 4 * 3600_000, meetingPollMs: 60_000,
  });
  return { updater, updates, asked, log, state, due };
}

describe('an update found in the feed', () => {
  it('is downloaded, then the restart is offered with what changed; yes installs and starts the new version', async () => {
    const { updater, updates, asked } = setup();
    updater.feed = release('1.3.0', { releaseNotes: 'Selbstauskunft als PDF' });
    expect(await updates.check()).toMatchObject({ kind: 'offer_restart', version: '1.3.0' });
    expect(updater.downloads).toEqual(['1.3.0']);
    expect(asked).toEqual([{ version: '1.3.0', notes: 'Selbstauskunft als PDF', required: false }]);
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('leaves the decisions to the policy: no download by itself, no downgrade, no test release; quitting installs', () => {
    const { updater } = setup();
    expect({ autoDownload: updater.autoDownload, allowDowngrade: updater.allowDowngrade, allowPrerelease: updater.allowPrerelease, autoInstallOnAppQuit: updater.autoInstallOnAppQuit })
      .toEqual({ autoDownload: false, allowDowngrade: false, allowPrerelease: false, autoInstallOnAppQuit: true });
  });

  it('reads the feed at the address set for this computer, or else at the packaged one', () => {
    expect(setup({ feedUrl: 'https://updates.example.com/aw/' }).updater.feedUrls).toEqual(['generic https://updates.example.com/aw/']);
    expect(setup({ feedUrl: null }).updater.feedUrls).toEqual([]);
  });
});

describe('never in the middle of a meeting', () => {
  it('downloads during a meeting but asks only once it has ended', async () => {
    const { updater, updates, asked, state, due } = setup();
    updater.feed = release('1.3.0');
    state.meeting = true;
    expect(await updates.check()).toEqual({ kind: 'wait', version: '1.3.0', reason: 'meeting' });
    expect(updater.downloads).toEqual(['1.3.0']);
    expect(asked).toEqual([]);
    // Looked at again within a minute: still in the meeting, still waiting.
    expect(due.map((d) => d.ms)).toEqual([60_000]);
    due.shift()!.fn();
    await updates.check();
    expect(asked).toEqual([]);
    state.meeting = false;
    expect(await updates.check()).toMatchObject({ kind: 'offer_restart' });
    expect(asked.map((a) => a.version)).toEqual(['1.3.0']);
    // Downloaded once, not again.
    expect(updater.downloads).toEqual(['1.3.0']);
  });

  it('does not restart when a meeting began while the question was open; asks again after it', async () => {
    const { updater, updates, asked, state, due } = setup();
    updater.feed = release('1.3.0');
    state.meetingWhileAsking = true;
    expect(await updates.check()).toEqual({ kind: 'wait', version: '1.3.0', reason: 'meeting' });
    expect(updater.installs).toEqual([]);
    expect(due.at(-1)!.ms).toBe(60_000);
    state.meetingWhileAsking = false;
    state.meeting = false;
    await updates.check();
    expect(asked).toHaveLength(2);
    expect(updater.installs).toHaveLength(1);
  });
});

describe('what is refused', () => {
  it.each([
    ['an older version', release('1.1.9'), 'not_newer'],
    ['a file without its checksum', release('1.3.0', { files: [{ url: 'x.AppImage' }] }), 'no_checksum'],
    ['no files', release('1.3.0', { files: [] }), 'no_checksum'],
    ['a version that is none', release('1.3'), 'invalid_version'],
  ])('%s is neither downloaded nor offered', async (_what, feed, reason) => {
    const { updater, updates, asked, log } = setup();
    updater.feed = feed;
    expect(await updates.check()).toEqual({ kind: 'refuse', reason });
    expect({ downloads: updater.downloads, asked, installs: updater.installs }).toEqual({ downloads: [], asked: [], installs: [] });
    expect(log.join('\n')).toContain(reason);
  });

  it('the same version as running is nothing to do', async () => {
    const { updater, updates, asked } = setup({ current: '1.3.0' });
    updater.feed = release('1.3.0');
    expect(await updates.check()).toEqual({ kind: 'up_to_date' });
    expect([updater.downloads, asked]).toEqual([[], []]);
  });
});

describe('the user’s answer and failures', () => {
  it('"Later" is heard until a newer version comes; a required one is asked for at every round', async () => {
    const { updater, updates, asked } = setup({ restart: false });
    updater.feed = release('1.3.0');
    await updates.check();
    await updates.check();
    expect(asked.map((a) => a.version)).toEqual(['1.3.0']);
    updater.feed = release('1.4.0', { minimumVersion: '1.4.0' });
    await updates.check();
    await updates.check();
    expect(asked.map((a) => [a.version, a.required])).toEqual([['1.3.0', false], ['1.4.0', true], ['1.4.0', true]]);
    expect(updater.installs).toEqual([]);
  });

  it('a failed check is logged and tried again at the next round; the app goes on', async () => {
    const { updater, updates, log, due } = setup();
    updater.failNext = new Error('getaddrinfo ENOTFOUND updates.example.com');
    expect(await updates.check()).toEqual({ kind: 'up_to_date' });
    expect(log).toEqual(['Update check failed: getaddrinfo ENOTFOUND updates.example.com']);
    expect(due.map((d) => d.ms)).toEqual([4 * 3600_000]);
    updater.feed = release('1.3.0');
    due.shift()!.fn();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(updater.checks).toBe(2);
  });

  it('runs one round at a time, and stops when told', async () => {
    const { updater, updates, due } = setup();
    updater.feed = release('1.3.0');
    const [a, b] = [updates.check(), updates.check()];
    expect(a).toBe(b);
    await a;
    expect(updater.checks).toBe(1);
    updates.stop();
    expect(due).toEqual([]);
    updates.start(10);
    expect(due).toEqual([]);
  });

  it('looks a little after start, not at once', () => {
    const { updates, due, updater } = setup();
    updates.start(30_000);
    expect(due.map((d) => d.ms)).toEqual([30_000]);
    expect(updater.checks).toBe(0);
  });
});
