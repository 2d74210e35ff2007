// The app keeping itself up to date, with electron-updater passed in (main.ts
// hands over the real autoUpdater, the unit tests a fake). electron-updater
// fetches the feed, downloads, checks each file's SHA-512 and, on Windows and
// macOS, the installer's code signature; what to do with an update is decided
// by policy.ts: nothing is downloaded that the policy refuses, and the restart
// is offered, with what changed, only when no meeting is running.
import { offerOf, type FeedInfo } from './feed.ts';
import { decideUpdate, type UpdateDecision } from './policy.ts';

/** electron-updater's AppUpdater, as far as it is used here. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ updateInfo: FeedInfo } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface RestartOffer { version: string; notes: string | null; required: boolean }

export interface UpdateDeps {
  updater: UpdaterLike;
  currentVersion: string;
  /** The feed's address set for this computer (update-feed.ts), or null for the one packaged with the app. */
  feedUrl: string | null;
  /** Whether a meeting is running: the window shows one, or the book holds one not ended. */
  inMeeting(): Promise<boolean>;
  /** Tells the user what changed and asks to restart now; true to restart. */
  askRestart(offer: RestartOffer): Promise<boolean>;
  log(message: string): void;
  /** How often the feed is asked, and how often a running meeting is looked at again. */
  checkEveryMs?: number;
  meetingPollMs?: number;
  timers?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
}

const HOURS = 60 * 60 * 1000;

export class AppUpdates {
  private readonly deps: UpdateDeps;
  private timer: unknown = null;
  private downloaded: string | null = null;
  /** A version the user chose to restart into later: not asked again until the next check finds it. */
  private declined: string | null = null;
  private running: Promise<UpdateDecision> | null = null;
  private stopped = false;

  constructor(deps: UpdateDeps) {
    this.deps = deps;
    const u = deps.updater;
    // The policy decides what is downloaded; never an older version, never a test release.
    u.autoDownload = false;
    u.allowDowngrade = false;
    u.allowPrerelease = false;
    // Quitting installs what was downloaded: a quit is never in the middle of a meeting.
    u.autoInstallOnAppQuit = true;
    if (deps.feedUrl) u.setFeedURL({ provider: 'generic', url: deps.feedUrl });
  }

  private get timers() {
    return this.deps.timers ?? { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms).unref(), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => { this.timer = null; void this.check(); }, ms);
  }

  /** The first look a little after start, so the window is not slowed by it. */
  start(firstAfterMs = 30_000): void {
    this.schedule(firstAfterMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** One round: ask the feed, let the policy decide, download or offer the restart. Never two at once. */
  check(): Promise<UpdateDecision> {
    this.running ??= this.round().finally(() => { this.running = null; });
    return this.running;
  }

  private async round(): Promise<UpdateDecision> {
    const { updater, log } = this.deps;
    let decision: UpdateDecision = { kind: 'up_to_date' };
    try {
      const found = await updater.checkForUpdates();
      const offer = found ? offerOf(found.updateInfo, null) : null;
      const situation = { current: this.deps.currentVersion, offer, downloaded: offer !== null && this.downloaded === offer.version, inMeeting: false };
      decision = decideUpdate(situation);
      if (decision.kind === 'refuse') log(`Update ${offer?.version ?? ''} refused: ${decision.reason}.`);
      if (decision.kind === 'download') {
        log(`Downloading update ${decision.version}.`);
        await updater.downloadUpdate();
        this.downloaded = decision.version;
        decision = decideUpdate({ ...situation, downloaded: true });
      }
      if (decision.kind === 'offer_restart') {
        situation.downloaded = true;
        decision = decideUpdate({ ...situation, inMeeting: await this.deps.inMeeting() });
      }
      if (decision.kind === 'wait') {
        // Looked at again soon: the offer comes once the meeting has ended.
        this.schedule(this.deps.meetingPollMs ?? 60_000);
        return decision;
      }
      if (decision.kind === 'offer_restart' && this.declined !== decision.version) {
        const restart = await this.deps.askRestart({ version: decision.version, notes: decision.notes, required: decision.required });
        if (restart) {
          // A meeting may have begun while the question was open: then it is asked again once it ended.
          if (await this.deps.inMeeting()) {
            this.schedule(this.deps.meetingPollMs ?? 60_000);
            return { kind: 'wait', version: decision.version, reason: 'meeting' };
          }
          updater.quitAndInstall(false, true);
          return decision;
        }
        // "Later" is heard until the next version; an update the manufacturer requires is asked for at each round.
        if (!decision.required) this.declined = decision.version;
      }
    } catch (error) {
      // No network, the feed away, a file that does not match its checksum: try again at the next round.
      log(`Update check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.schedule(this.deps.checkEveryMs ?? 4 * HOURS);
    return decision;
  }
}
