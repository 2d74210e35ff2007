// The words offers are explained with, in German and English: areas, life
// events, identities, segments in a sentence, and prices. Unknown ids (a
// catalogue may bring new areas or identities) fall back to the id itself.
import type { LifeEvent } from '../profile.ts';
import { SEGMENT_NAMES, type Language, type SegmentId, type Text } from '../segments/index.ts';

const AREAS: Record<string, Text> = {
  liability: { en: 'liability', de: 'Haftpflicht' },
  household: { en: 'home and contents', de: 'Hausrat und Wohnen' },
  mobility: { en: 'mobility', de: 'Mobilität' },
  travel: { en: 'travel', de: 'Reise' },
  health: { en: 'health and accident', de: 'Gesundheit und Unfall' },
  income: { en: 'income', de: 'Einkommen' },
  family: { en: 'family', de: 'Familie' },
  pension: { en: 'pension', de: 'Altersvorsorge' },
  legal: { en: 'legal expenses', de: 'Rechtsschutz' },
  electronics: { en: 'electronics', de: 'Elektronik' },
  partner_service: { en: 'partner services', de: 'Partnerleistungen' },
};

/** name: as a reason says it; occasion: as an argument weaves it in. */
const EVENTS: Record<LifeEvent, { name: Text; occasion: Text }> = {
  income_rising: { name: { en: 'rising income', de: 'steigendes Einkommen' }, occasion: { en: 'as your income grows', de: 'bei wachsendem Einkommen' } },
  time_scarce: { name: { en: 'little time', de: 'wenig Zeit' }, occasion: { en: 'while time is short', de: 'wenn die Zeit knapp ist' } },
  family_growing: { name: { en: 'growing family', de: 'Familienzuwachs' }, occasion: { en: 'for the growing family', de: 'für die wachsende Familie' } },
  moving: { name: { en: 'moving', de: 'Umzug' }, occasion: { en: 'for the move', de: 'für den Umzug' } },
  new_car: { name: { en: 'new car', de: 'neues Auto' }, occasion: { en: 'for the new car', de: 'für das neue Auto' } },
  new_home: { name: { en: 'new home', de: 'neues Zuhause' }, occasion: { en: 'for the new home', de: 'für das neue Zuhause' } },
  retirement_near: { name: { en: 'retirement ahead', de: 'Ruhestand in Sicht' }, occasion: { en: 'ahead of retirement', de: 'vor dem Ruhestand' } },
  travel_planned: { name: { en: 'planned trip', de: 'geplante Reise' }, occasion: { en: 'for the planned trip', de: 'für die geplante Reise' } },
  new_job: { name: { en: 'new job', de: 'neue Stelle' }, occasion: { en: 'for the new job', de: 'für die neue Stelle' } },
  child_starts_school: { name: { en: 'child starting school', de: 'Einschulung' }, occasion: { en: 'for the first day at school', de: 'zum Schulstart' } },
};

const IDENTITIES: Record<string, Text> = {
  sustainability: { en: 'sustainability', de: 'Nachhaltigkeit' },
  sport: { en: 'sport', de: 'Sport' },
  community: { en: 'community', de: 'Gemeinschaft' },
  riders: { en: 'riding', de: 'den Reitsport' },
};

const plain = (id: string) => id.replaceAll('_', ' ');

export const areaName = (area: string, lang: Language) => AREAS[area]?.[lang] ?? plain(area);
export const eventName = (e: LifeEvent, lang: Language) => EVENTS[e].name[lang];
export const occasion = (e: LifeEvent, lang: Language) => EVENTS[e].occasion[lang];

/** "a and b" / "a, b und c". */
export function list(words: readonly string[], lang: Language): string {
  if (words.length < 2) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${lang === 'de' ? 'und' : 'and'} ${words.at(-1)}`;
}

export const identityWords = (ids: readonly string[], lang: Language) => list(ids.map((i) => IDENTITIES[i]?.[lang] ?? plain(i)), lang);

/** English: "a convenient non-searcher"; German: the segment's name in quotes. */
export function segmentPhrase(s: SegmentId, lang: Language): string {
  if (lang === 'de') return `„${SEGMENT_NAMES[s].de}“`;
  const en = SEGMENT_NAMES[s].en;
  return `${/^[aeiou]/.test(en) ? 'an' : 'a'} ${en}`;
}

const PERIODS: Record<string, Text> = {
  once: { en: 'one-off', de: 'einmalig' }, day: { en: 'a day', de: 'pro Tag' },
  month: { en: 'a month', de: 'im Monat' }, year: { en: 'a year', de: 'im Jahr' },
};

const formats = new Map<string, Intl.NumberFormat>();
function money(amount: number, currency: string, lang: Language): string {
  const key = `${lang}/${currency}`;
  let f = formats.get(key);
  if (!f) formats.set(key, f = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency }));
  return f.format(amount);
}

/** "€6.90 a month", "6,00 € weniger im Monat" (a module that lowers its base's price); German keeps a no-break space before €. */
export function price(amount: number, period: string, currency: string, lang: Language): string {
  const when = PERIODS[period]?.[lang] ?? period;
  if (amount >= 0) return `${money(amount, currency, lang)} ${when}`;
  return `${money(-amount, currency, lang)} ${lang === 'de' ? 'weniger' : 'less'} ${when}`;
}

/** Several prices summed per period: "€1,014.00 one-off", or "€29.00 one-off + €6.50 a month". */
export function priceSum(prices: readonly { amount: number; period: string }[], currency: string, lang: Language): string {
  const sums = new Map<string, number>();
  for (const p of prices) sums.set(p.period, (sums.get(p.period) ?? 0) + p.amount);
  return [...sums].map(([period, amount]) => price(Math.round(amount * 100) / 100, period, currency, lang)).join(' + ');
}
