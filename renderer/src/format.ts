// Dates, times and amounts as the user's language writes them.
import type { Language } from './i18n/language.ts';

const TAGS: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) { f = make(); cache.set(key, f); }
  return f as T;
}

export function formatDate(at: number | Date, lang: Language): string {
  return cached(`d:${lang}`, () => new Intl.DateTimeFormat(TAGS[lang], { day: '2-digit', month: '2-digit', year: 'numeric' })).format(at);
}

export function formatDateTime(at: number | Date, lang: Language): string {
  return cached(`dt:${lang}`, () => new Intl.DateTimeFormat(TAGS[lang], {
    day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  })).format(at);
}

export function formatTime(at: number | Date, lang: Language): string {
  return cached(`t:${lang}`, () => new Intl.DateTimeFormat(TAGS[lang], { hour: '2-digit', minute: '2-digit', second: '2-digit' })).format(at);
}

/** A calendar date stored as YYYY-MM-DD, shown without any time-zone shift. */
export function formatIsoDate(iso: string, lang: Language): string {
  const [y, m, d] = iso.split('-').map(Number);
  return formatDate(new Date(y!, (m ?? 1) - 1, d ?? 1), lang);
}

export function formatNumber(n: number, lang: Language): string {
  return cached(`n:${lang}`, () => new Intl.NumberFormat(TAGS[lang])).format(n);
}

/** A share as a percentage: "64 %" in German, "64%" in English. */
export function formatPercent(share: number, lang: Language): string {
  return cached(`p:${lang}`, () => new Intl.NumberFormat(TAGS[lang], { style: 'percent', maximumFractionDigits: 2 })).format(share);
}

export function formatEuro(amount: number, lang: Language): string {
  return cached(`eur:${lang}`, () => new Intl.NumberFormat(TAGS[lang], { style: 'currency', currency: 'EUR' })).format(amount);
}

/** "3 days ago", "yesterday", "in 2 weeks". */
export function formatRelative(at: number, lang: Language, now = Date.now()): string {
  const rtf = cached(`r:${lang}`, () => new Intl.RelativeTimeFormat(TAGS[lang], { numeric: 'auto' }));
  const days = Math.round((startOfDay(at) - startOfDay(now)) / 86_400_000);
  if (Math.abs(days) < 14) return rtf.format(days, 'day');
  if (Math.abs(days) < 60) return rtf.format(Math.round(days / 7), 'week');
  if (Math.abs(days) < 730) return rtf.format(Math.round(days / 30.4), 'month');
  return rtf.format(Math.round(days / 365.25), 'year');
}

function startOfDay(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Today as YYYY-MM-DD in local time, for date fields and due dates. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function formatClock(at: number | Date, lang: Language): string {
  return cached(`c:${lang}`, () => new Intl.DateTimeFormat(TAGS[lang], { hour: '2-digit', minute: '2-digit' })).format(at);
}

/**
 * An amount typed in euros ("1.250,50" in German, "1,250.50" in English, or
 * plainly "1250.5") as whole cents; null when it is not an amount.
 */
export function parseEuroCents(text: string, lang: Language): number | null {
  const [group, decimal] = lang === 'de' ? ['.', ','] : [',', '.'];
  const plain = text.trim().replace(/\s|€/g, '');
  if (plain === '') return null;
  // "12.5" in German is no thousands group: a lone point before 1-2 digits is a decimal point, as people type it.
  const normalised = lang === 'de' && /^\d+\.\d{1,2}$/.test(plain) ? plain : plain.split(group).join('').replace(decimal, '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  return Math.round(Number(normalised) * 100);
}

export function formatCents(cents: number, lang: Language): string {
  return formatEuro(cents / 100, lang);
}
