// Where a pull stands in the change log, as the cursor a device keeps, and the
// backend's clock as a pull answers it. Shared by the change-log pull and the
// snapshot a device gets when it was away too long (pull.ts, snapshot.ts).
import { formatHlc } from '#core/hlc.ts';
import type { PullResponse } from '#core/sync/protocol.ts';
import type { Clock } from './clock.ts';
import { invalidInput } from './http.ts';

export interface Position { xid: string; seq: string }

export const START: Position = { xid: '0', seq: '0' };
const CURSOR = /^v1\.(\d{1,20})\.(\d{1,19})$/;

export function encodeCursor(p: Position): string {
  return `v1.${p.xid}.${p.seq}`;
}

/** The position a cursor names, or a 400: a cursor is only ever one this backend gave out. */
export function decodeCursor(cursor: string | null): Position {
  if (cursor === null) return START;
  const match = CURSOR.exec(cursor);
  if (!match || BigInt(match[1]!) > 2n ** 64n - 1n || BigInt(match[2]!) > 2n ** 63n - 1n) {
    throw invalidInput([{ path: 'cursor', message: 'is not a cursor this backend gave out: send back the cursor of your last pull unchanged, or null to start from the beginning' }]);
  }
  return { xid: match[1]!, seq: match[2]! };
}

/** The backend's clock as a pull answers it: as a stamp to take in, and as a time to tell how far the device's clock is off. */
export function serverClock(clock: Clock): Pick<PullResponse, 'hlc' | 'serverTime'> {
  const now = clock.now().getTime();
  return { hlc: formatHlc({ wall: now, counter: 0, node: 'backend' }), serverTime: now };
}
