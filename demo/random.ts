// A small seeded random source for the demo book: the same seed always gives
// the same book, on every machine, so screenshots, tests and benchmarks agree.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An unsigned 32-bit integer. */
  u32(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
}

/** sfc32 (Chris Doty-Humphrey's small fast chaotic generator), seeded from one number. */
export function createRandom(seed: number): Random {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  // Fold in the upper bits of seeds above 2^32 so that they still matter.
  a ^= Math.floor(seed / 0x100000000) >>> 0;

  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) u32();

  const next = (): number => u32() / 4294967296;
  return {
    next,
    u32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

/**
 * Weighted choice in constant time: each value gets table slots in proportion
 * to its weight (at least one), so drawing is a single index.
 */
export class Weighted<T> {
  readonly table: readonly T[];

  constructor(entries: ReadonlyArray<readonly [T, number]>, slots = 4096) {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    const table: T[] = [];
    for (const [value, weight] of entries) {
      const n = Math.max(1, Math.round((weight / total) * slots));
      for (let i = 0; i < n; i++) table.push(value);
    }
    this.table = table;
  }

  draw(rng: Random): T {
    return this.table[Math.floor(rng.next() * this.table.length)] as T;
  }
}

/** Weights falling off like a Zipf law: the first names of a list are the common ones. */
export function zipf<T>(items: readonly T[], exponent = 0.8, offset = 2): Array<readonly [T, number]> {
  return items.map((item, i) => [item, 1 / Math.pow(i + offset, exponent)] as const);
}

const HEX_CODES = new Uint8Array(512);
for (let i = 0; i < 256; i++) {
  const h = i.toString(16).padStart(2, '0');
  HEX_CODES[2 * i] = h.charCodeAt(0);
  HEX_CODES[2 * i + 1] = h.charCodeAt(1);
}
/** Character codes of the high and low hex digit of a byte's lowest 8 bits. */
const H = (b: number): number => HEX_CODES[2 * (b & 0xff)]!;
const L = (b: number): number => HEX_CODES[2 * (b & 0xff) + 1]!;
const DASH = 45;

/**
 * A UUIDv7 (RFC 9562) for a given millisecond, with its 74 random bits taken
 * from the seeded source: time-ordered like the app's own ids, yet repeatable.
 * Built from character codes in one call, so that a book of a million rows
 * holds flat 36-character strings rather than chains of concatenations.
 */
export function uuidv7(msecs: number, rng: Random): string {
  const hi = Math.floor(msecs / 0x1000000); // upper 24 of the 48 time bits
  const lo = msecs % 0x1000000; // lower 24
  const r1 = rng.u32();
  const r2 = rng.u32();
  const r3 = rng.u32();
  const version = 0x70 | ((r1 >>> 24) & 0x0f);
  const variant = 0x80 | ((r1 >>> 8) & 0x3f);
  return String.fromCharCode(
    H(hi >>> 16), L(hi >>> 16), H(hi >>> 8), L(hi >>> 8), H(hi), L(hi), H(lo >>> 16), L(lo >>> 16), DASH,
    H(lo >>> 8), L(lo >>> 8), H(lo), L(lo), DASH,
    H(version), L(version), H(r1 >>> 16), L(r1 >>> 16), DASH,
    H(variant), L(variant), H(r1), L(r1), DASH,
    H(r2 >>> 24), L(r2 >>> 24), H(r2 >>> 16), L(r2 >>> 16), H(r2 >>> 8), L(r2 >>> 8), H(r2), L(r2),
    H(r3 >>> 8), L(r3 >>> 8), H(r3), L(r3),
  );
}
