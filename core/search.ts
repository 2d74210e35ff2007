// How the client book is searched: the words a client is found by, how typed
// words are compared with them, and which small slips are forgiven. Pure: the
// database keeps its index with these functions (db/search-functions.ts) and the
// search asks with them (db/search.ts), so both sides always agree.

/**
 * A typed word is forgiven one slip (a letter too many, too few, wrong, or
 * two neighbours swapped) from five letters on. In four letters one slip is a
 * quarter of the word: "Beck", "Bock", "Back" and "Peck" are all surnames, so
 * forgiving it would fill the list with other people. From five letters on a
 * word with one slip is still recognisable ("Muler", "Schmdit").
 */
export const MIN_TYPO_LENGTH = 5;

/** The shortest word a forgiven slip can lead to (a five-letter word with one letter too many). */
export const MIN_SLIP_TARGET_LENGTH = MIN_TYPO_LENGTH - 1;

/** At most this many words of a query count; the rest is ignored. */
export const MAX_QUERY_WORDS = 8;

const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{M}]+|\p{N}+/gu;
const GERMAN = /[äöüß]/;

/**
 * A word as the index holds it: lower case, accents taken off, as SQLite's
 * unicode61 tokenizer with remove_diacritics does ("Müller" → "muller",
 * "Łukasz" keeps its "ł", as the tokenizer does).
 */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase().normalize('NFC');
}

/** The German transcription of a word with umlauts or ß ("müller" → "mueller"), or null when it has none. */
export function transcribe(word: string): string | null {
  const lower = word.normalize('NFC').toLowerCase();
  if (!GERMAN.test(lower)) return null;
  return foldWord(lower.replaceAll('ä', 'ae').replaceAll('ö', 'oe').replaceAll('ü', 'ue').replaceAll('ß', 'ss'));
}

/**
 * The words of a text: runs of letters and runs of digits. Where letters meet
 * digits is a word break too ("mueller1643" in an e-mail address is "mueller"
 * and "1643"), so a name typed in full finds it, and the book's vocabulary
 * holds the name once rather than once per address.
 */
export function wordsOf(text: string | null | undefined): string[] {
  if (!text) return [];
  return text.normalize('NFC').match(WORD) ?? [];
}

/** A name as ties are ordered by: folded, ß as "ss", so "Özdemir" sorts with the O's and "Weiß" beside "Weiss". */
export function sortKey(name: string | null | undefined): string {
  return wordsOf(name).map((w) => foldWord(w).replaceAll('ß', 'ss')).join(' ');
}

/**
 * The forms one word is found under: folded; with ß as "ss"; and with its
 * umlauts transcribed ("Müllerstraße" → "mullerstraße", "mullerstrasse",
 * "muellerstrasse"), so however it is typed, it is found.
 */
export function formsOf(word: string): string[] {
  const folded = foldWord(word);
  const forms = [folded, folded.replaceAll('ß', 'ss')];
  const spelled = transcribe(word);
  if (spelled) forms.push(spelled);
  return [...new Set(forms)];
}

/** The words a text is found by, as one string: every form of every word. Empty for an empty text. */
export function searchText(...texts: Array<string | null | undefined>): string {
  return texts.flatMap((text) => wordsOf(text).flatMap(formsOf)).join(' ');
}

/** The distinct words a client is found by: every word of searchText, the book's vocabulary. */
export function vocabularyOf(...texts: Array<string | null | undefined>): string[] {
  return [...new Set(searchText(...texts).split(' ').filter(Boolean))];
}

/**
 * Whether a word of the book can be reached by a forgiven slip: long enough,
 * and letters only (a wrong digit in a house number or postal code is another
 * address, not a slip).
 */
export function reachableBySlip(word: string): boolean {
  return [...word].length >= MIN_SLIP_TARGET_LENGTH && !/\p{N}/u.test(word);
}

/**
 * The word with each one of its letters left out, itself included. Two words
 * one slip apart always share one of these (the "symmetric delete" idea), so
 * an index of them finds every candidate with a few exact look-ups.
 */
export function deletions(word: string): string[] {
  const chars = [...word];
  const out = new Set<string>([word]);
  for (let i = 0; i < chars.length; i++) out.add(chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
  return [...out];
}

/**
 * True when b is exactly one slip away from a: one letter inserted, deleted
 * or replaced, or two neighbouring letters swapped (Damerau-Levenshtein 1).
 */
export function oneSlipApart(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (i === x.length && i === y.length) return false;
  const rest = (p: number, q: number) => x.slice(p).join('') === y.slice(q).join('');
  if (x.length === y.length) {
    if (rest(i + 1, i + 1)) return true;
    return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && rest(i + 2, i + 2);
  }
  return x.length > y.length ? rest(i + 1, i) : rest(i, i + 1);
}

/** One typed word of a query: how it is matched and ranked. */
export interface QueryWord {
  /** The forms the word is found under as typed or as a prefix (formsOf; for a word of several parts, the parts in a row). */
  forms: string[];
  /** Whether the word may carry a slip: letters only and long enough. */
  forgiving: boolean;
}

/**
 * The words of what the advisor typed, split at spaces and punctuation. A word
 * of several parts (an e-mail address, "12a", "mueller1643") is found with its
 * parts next to each other, as typed, never with a slip.
 */
export function parseQuery(input: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const raw of input.normalize('NFC').split(/[^\p{L}\p{N}@.]+/u)) {
    const parts = wordsOf(raw);
    if (parts.length === 0) continue;
    if (parts.length > 1) {
      words.push({ forms: [parts.map(foldWord).join(' ')], forgiving: false });
      continue;
    }
    const forms = formsOf(parts[0]!);
    words.push({ forms, forgiving: [...forms[0]!].length >= MIN_TYPO_LENGTH && !/\p{N}/u.test(forms[0]!) });
  }
  return words.slice(0, MAX_QUERY_WORDS);
}
