// When the app updates itself: pure, so every rule has a unit test. An update
// comes from the manufacturer's feed (electron/update/feed.ts); it is
// downloaded in the background, and installed only when no meeting is running
// and the user agrees, after being told what changed. Never a downgrade, never
// a file without its checksum, and a version the feed marks as required
// (below `minimumVersion` the app must not stay) is said so.
import semver from 'semver';

export interface UpdateOffer {
  version: string;
  /** What changed, in the feed's words (electron-builder's releaseNotes). */
  releaseNotes: string | null;
  releaseDate: string | null;
  files: readonly { url: string; sha512: string | null; size: number | null }[];
  /** Versions below this must update (a fix the manufacturer requires). */
  minimumVersion: string | null;
}

export interface UpdateSituation {
  current: string;
  offer: UpdateOffer | null;
  /** The offer's files are downloaded and their checksums verified. */
  downloaded: boolean;
  /** A meeting is running in any window: nothing restarts under the advisor's hands. */
  inMeeting: boolean;
}

export type UpdateDecision =
  | { kind: 'up_to_date' }
  | { kind: 'refuse'; reason: 'invalid_version' | 'not_newer' | 'no_checksum' }
  | { kind: 'download'; version: string }
  | { kind: 'wait'; version: string; reason: 'meeting' }
  | { kind: 'offer_restart'; version: string; notes: string | null; required: boolean };

export function decideUpdate(s: UpdateSituation): UpdateDecision {
  const { offer } = s;
  if (!offer) return { kind: 'up_to_date' };
  if (!semver.valid(offer.version) || !semver.valid(s.current)) return { kind: 'refuse', reason: 'invalid_version' };
  if (semver.eq(offer.version, s.current)) return { kind: 'up_to_date' };
  if (semver.lt(offer.version, s.current)) return { kind: 'refuse', reason: 'not_newer' };
  // electron-updater checks each file against its SHA-512; a feed without one would skip that check.
  if (offer.files.length === 0 || offer.files.some((f) => !f.sha512)) return { kind: 'refuse', reason: 'no_checksum' };
  if (!s.downloaded) return { kind: 'download', version: offer.version };
  if (s.inMeeting) return { kind: 'wait', version: offer.version, reason: 'meeting' };
  const required = offer.minimumVersion !== null && semver.valid(offer.minimumVersion) !== null && semver.lt(s.current, offer.minimumVersion);
  return { kind: 'offer_restart', version: offer.version, notes: offer.releaseNotes, required };
}
