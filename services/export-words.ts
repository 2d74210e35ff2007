// The words of the client's export, taken from the UI's own texts (the
// renderer's i18n, pure data), so the PDF and the screen say the same thing in
// German and English; dates and amounts in the language's format.
import { de } from '../renderer/src/i18n/de.ts';
import { en } from '../renderer/src/i18n/en.ts';

import type { Language } from '#core/language.ts';

export type { Language };
const MESSAGES = { de, en } as const;

export interface Words {
  language: Language;
  /** The text at a dotted key with {{params}} filled in; `fallback` (or '–') where the UI has no words for a code. */
  t(key: string, params?: Record<string, string | number>, fallback?: string): string;
  date(at: number | string): string;
  dateTime(at: number | string): string;
  euros(cents: number): string;
}

export function wordsFor(language: Language): Words {
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  const lookup = (key: string): unknown => key.split('.').reduce<unknown>((node, k) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), MESSAGES[language]);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Berlin' });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' });
  // A calendar day (YYYY-MM-DD) is that day wherever it is read.
  const isoDay = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const asDate = (at: number | string) => (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? null : new Date(at));
  return {
    language,
    t(key, params = {}, fallback = '–') {
      const text = lookup(key);
      if (typeof text !== 'string') return fallback;
      return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
    },
    date: (at) => { const d = asDate(at); return d ? day.format(d) : isoDay.format(new Date(`${at}T00:00:00Z`)); },
    dateTime: (at) => { const d = asDate(at); return d ? moment.format(d) : isoDay.format(new Date(`${at}T00:00:00Z`)); },
    euros: (cents) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100),
  };
}
