// Days as the user types and reads them, in the UI's language rather than the
// browser's: TT.MM.JJJJ in German, DD/MM/YYYY in English (as the lists show
// them, format.ts). What travels to the core is always YYYY-MM-DD; the core
// decides whether that day exists, so its refusal and message are the same
// everywhere. Pure, for Node tests.
import { formatIsoDate, todayIso } from './format.ts';
import type { Language } from './i18n/language.ts';

/** How the field asks for a day (its placeholder). */
export const DAY_PATTERN: Record<Language, string> = { de: 'TT.MM.JJJJ', en: 'DD/MM/YYYY' };

const DAY_FIRST = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A typed day as YYYY-MM-DD: day first with dots or slashes (German and
 * British write it the same way round, so neither is ambiguous), or already
 * YYYY-MM-DD. Two-digit years and month names are not guessed at. The shape
 * only: "30.02.2025" becomes "2025-02-30", which the core refuses by name.
 */
export function parseDay(text: string): string | null {
  const s = text.trim();
  const iso = ISO.exec(s);
  if (iso) return s;
  const m = DAY_FIRST.exec(s);
  if (!m) return null;
  return `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
}

/** What a date field sends: nothing for empty, the day if it has a day's shape, else the text as typed (for the core to refuse). */
export function dayForCore(text: string): string {
  const s = text.trim();
  return s === '' ? '' : parseDay(s) ?? s;
}

/** A stored day as the field shows it. */
export function dayText(iso: string | null | undefined, lang: Language): string {
  return iso ? formatIsoDate(iso, lang) : '';
}

/** Whether what is typed so far is worth saving: empty, or a whole day. */
export function isWholeDay(text: string): boolean {
  return text.trim() === '' || parseDay(text) !== null;
}

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** "9:05", "09:05" or "9.05" as minutes after midnight; null when it is no time of day. */
export function parseTime(text: string): number | null {
  const m = TIME.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function timeText(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A local day and time of day as a moment; NaN when either is not one. */
export function momentOf(day: string, time: string): number {
  const iso = parseDay(day);
  const minutes = parseTime(time);
  if (!iso || minutes === null) return Number.NaN;
  const [y, m, d] = iso.split('-').map(Number);
  const at = new Date(y!, m! - 1, d!, Math.floor(minutes / 60), minutes % 60);
  // new Date rolls 30 February over into March: such a day is not one.
  return at.getDate() === d && at.getMonth() === m! - 1 ? at.getTime() : Number.NaN;
}

// Calendar arithmetic on YYYY-MM-DD, in UTC so no time zone shifts a day.
const DAY_MS = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  return isoOf(utc(iso) + days * DAY_MS);
}

/** The same day some months on, or the month's last day if it has fewer. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y!, m! - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return isoOf(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d!, last)));
}

/** Monday = 0 … Sunday = 6 (weeks start on Monday in Germany and Britain). */
export function weekday(iso: string): number {
  return (new Date(utc(iso)).getUTCDay() + 6) % 7;
}

/** The weeks of a month, Monday first; days outside the month are null. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = `${year}-${pad(month)}-01`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: weekday(first) }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${year}-${pad(month)}-${pad(d)}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The typed day if it is one that exists, else null. */
export function realDay(text: string): string | null {
  const iso = parseDay(text);
  return iso && !Number.isNaN(utc(iso)) && isoOf(utc(iso)) === iso ? iso : null;
}

/** Where the calendar opens: the typed day if it is one, else today. */
export function calendarStart(text: string, now = new Date()): string {
  return realDay(text) ?? todayIso(now);
}
