// The product's own words in each language, from the UI's texts and the
// catalogue's names and benefits: a word that only the English side uses is
// English vocabulary, and so on. A page in one language must hold none of the
// other's.
import { readFileSync } from 'node:fs';
import { de } from '../../../renderer/src/i18n/de.ts';
import { en } from '../../../renderer/src/i18n/en.ts';

const catalogue: unknown = JSON.parse(readFileSync(new URL('../../../backend/seed/catalog.json', import.meta.url), 'utf8'));

/** The catalogue's texts in one language: every {de, en} pair's side. */
function catalogueTexts(value: unknown, lang: 'de' | 'en'): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => catalogueTexts(v, lang));
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if ('de' in o && 'en' in o) return [o[lang]];
  return Object.values(o).flatMap((v) => catalogueTexts(v, lang));
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Words of four letters or more, lower case, without placeholders. */
export function wordsOf(text: string): Set<string> {
  const plain = text.replace(/\{\{[^}]*\}\}/g, ' ');
  return new Set((plain.match(/\p{L}[\p{L}’'-]*\p{L}/gu) ?? []).map((w) => w.toLowerCase()).filter((w) => w.length >= 4));
}

const deWords = wordsOf([...strings(de), ...strings(catalogueTexts(catalogue, 'de'))].join(' '));
const enWords = wordsOf([...strings(en), ...strings(catalogueTexts(catalogue, 'en'))].join(' '));

export const ONLY_ENGLISH = new Set([...enWords].filter((w) => !deWords.has(w)));
export const ONLY_GERMAN = new Set([...deWords].filter((w) => !enWords.has(w)));

/** The other language's words found in a text. */
export function foreignWords(text: string, lang: 'de' | 'en'): string[] {
  const foreign = lang === 'de' ? ONLY_ENGLISH : ONLY_GERMAN;
  return [...wordsOf(text)].filter((w) => foreign.has(w));
}

/** Codes and ids that must never reach the screen: snake_case codes, rule-set ids, dotted keys. */
export function rawCodes(text: string): string[] {
  return text.match(/\b[a-z]+(?:_[a-z]+)+\b|\b[a-z_]+\.v\d+\b|\b[a-z]+\.[a-z]+\.[a-z_]+\b|undefined|\{\{/g) ?? [];
}
