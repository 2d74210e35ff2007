// Calendar dates as the book stores them (YYYY-MM-DD), counted in calendar
// years, so that a client who came exactly three years ago today has three
// years of loyalty, not 2.998 by a count of days.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y!, m! - 1, d!];
}

/** Whether a YYYY-MM-DD string names a day that exists (no 30 February). */
export function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * The days the book accepts at all. Wide enough for any birth date, contract
 * or due date; narrow enough that a slipped key ("0985", "2205") is caught
 * instead of saved.
 */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2199-12-31';

/** The calendar day (UTC) of a moment: what "today" is for a rule with no clock of its own. */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The anniversary `years` whole years after a day; 29 February falls on 1 March in other years. */
function anniversary(iso: string, years: number): number {
  const [y, m, d] = parts(iso);
  return Date.UTC(y + years, m, d);
}

/** Years from one day to a later one: whole calendar years plus the share of the year under way. */
export function yearsBetween(from: string, to: string): number {
  if (to <= from) return 0;
  const end = Date.parse(`${to}T00:00:00Z`);
  let whole = parts(to)[0] - parts(from)[0];
  while (whole > 0 && anniversary(from, whole) > end) whole--;
  const last = anniversary(from, whole);
  const nextOne = anniversary(from, whole + 1);
  return whole + (end - last) / (nextOne - last);
}

/** The day `years` years after a day (fractions of a year as their share of days). */
export function addYears(iso: string, years: number): string {
  const whole = Math.floor(years);
  const base = anniversary(iso, whole);
  const extra = Math.round((years - whole) * ((anniversary(iso, whole + 1) - base) / DAY));
  return new Date(base + extra * DAY).toISOString().slice(0, 10);
}

/** The day `days` calendar days after (negative: before) a YYYY-MM-DD day. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m, d + days)).toISOString().slice(0, 10);
}

// German calendar days: where a rule counts "today" and "the last 180 days"
// as a person in Germany does, a moment after 23:00 UTC is already tomorrow.
const BERLIN = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (Europe/Berlin, summer time included) of a moment in ms. */
export function berlinDay(at: number): string {
  // From the parts, not the formatted text: a locale's date pattern may change with the ICU version.
  const part = Object.fromEntries(BERLIN.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}`;
}
