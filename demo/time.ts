// Times of demo rows, built by arithmetic for a million rows: clock stamps
// and calendar dates. Shared by the generators of the book, its holdings and
// its advice records.
const DAY = 86_400_000;
const PAD2: string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/**
 * The clock stamp of a demo row, as core/hlc.ts formatHlc({ wall, counter: 0, node: 'demo' })
 * writes it ("001782985200000:00000:demo"), built in one call for a million rows.
 */
export function demoHlc(wall: number): string {
  const hi = Math.floor(wall / 1e8); // the upper 7 of 15 digits
  const lo = wall - hi * 1e8; // the lower 8
  const d = (x: number, p: number) => 48 + (Math.floor(x / p) % 10);
  return String.fromCharCode(
    d(hi, 1e6), d(hi, 1e5), d(hi, 1e4), d(hi, 1e3), d(hi, 100), d(hi, 10), d(hi, 1),
    d(lo, 1e7), d(lo, 1e6), d(lo, 1e5), d(lo, 1e4), d(lo, 1e3), d(lo, 100), d(lo, 10), d(lo, 1),
    58, 48, 48, 48, 48, 48, 58, 100, 101, 109, 111, // ":00000:demo"
  );
}

/** The calendar date (UTC) of an instant as YYYY-MM-DD, by arithmetic (days to civil date). */
export function isoDate(ms: number): string {
  const z = Math.floor(ms / DAY) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${PAD2[m]}-${PAD2[d]}`;
}
