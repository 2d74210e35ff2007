// Hybrid logical clock: orders changes across devices even when a laptop's
// clock is days off, because a stamp never goes below one already seen.
// Stamps are strings that sort in causal order.

export interface Hlc { wall: number; counter: number; node: string }

export const HLC_ZERO: Hlc = { wall: 0, counter: 0, node: '' };

export function formatHlc(h: Hlc): string {
  return `${h.wall.toString().padStart(15, '0')}:${h.counter.toString(36).padStart(5, '0')}:${h.node}`;
}

export function parseHlc(s: string): Hlc {
  const [wall, counter, node] = s.split(':');
  if (!wall || !counter || node === undefined) throw new Error(`not a clock stamp: ${s}`);
  return { wall: Number(wall), counter: parseInt(counter, 36), node };
}

/** The stamp for a local event at physical time `now`. */
export function tick(last: Hlc, now: number, node: string): Hlc {
  if (now > last.wall) return { wall: now, counter: 0, node };
  return { wall: last.wall, counter: last.counter + 1, node };
}

/** The stamp after receiving a remote stamp, so later local events sort after it. */
export function receive(last: Hlc, remote: Hlc, now: number, node: string): Hlc {
  const wall = Math.max(last.wall, remote.wall, now);
  let counter = 0;
  if (wall === last.wall && wall === remote.wall) counter = Math.max(last.counter, remote.counter) + 1;
  else if (wall === last.wall) counter = last.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  return { wall, counter, node };
}

/** A stamp right after `stamp`, made by `node`: for a change the backend orders after what it holds (core/records.ts APPLIED_IN_ORDER). */
export function stampAfter(stamp: string, node: string): string {
  const h = parseHlc(stamp);
  return formatHlc({ wall: h.wall, counter: h.counter + 1, node });
}
