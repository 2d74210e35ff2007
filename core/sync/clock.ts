// How far a computer's clock may run ahead of the backend's. Device and
// backend read the limit from here, so the device holds back exactly what the
// backend would refuse. A stamp further ahead would sort after every real
// edit made meanwhile on other devices (they would be lost), and through the
// hybrid logical clock it would carry the wrong time into every device that
// saw it. Slow clocks need no limit: the HLC moves past what it has seen.
import { formatHlc } from '../hlc.ts';

export const CLOCK_AHEAD_LIMIT_MS = 5 * 60 * 1000;

/** The wall time of a stamp (core/hlc.ts format), without parsing the rest. */
export function wallOf(stamp: string): number {
  return Number(stamp.slice(0, 15));
}

/** How far a change is ahead of the backend's time: by its stamp or by its own time, whichever is later. */
export function aheadOf(change: { hlc: string; at: number }, serverTime: number): number {
  return Math.max(wallOf(change.hlc), change.at) - serverTime;
}

export function tooFarAhead(change: { hlc: string; at: number }, serverTime: number): boolean {
  return aheadOf(change, serverTime) > CLOCK_AHEAD_LIMIT_MS;
}

/** Whole minutes, as the user is told them (a few milliseconds of network time either way do not count). */
export function minutesOf(ms: number): number {
  return Math.round(ms / 60_000);
}

/** The highest stamp that is still acceptable at `serverTime`: a stamp sorting after it is too far ahead. */
export function latestAcceptable(serverTime: number): string {
  return formatHlc({ wall: serverTime + CLOCK_AHEAD_LIMIT_MS, counter: 36 ** 5 - 1, node: '~' });
}
