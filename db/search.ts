// Searching the client book (the index: db/migrations/0007_ranked_search.sql).
//
// Every typed word must match: as typed or as the start of a word, accents
// and umlaut transcriptions aside, anywhere in the client's name, address,
// e-mail or notes. A word long enough (core/search.ts) may also match a word
// of the book one slip away. Clients found without any slip come first; among
// them, and again among those found only with one, a client ranks by where
// each word matched: surname, then first name, then the rest, the whole word
// before its start. Equal ranks are in name order (surname, first name).
//
// Ranking reads only client_search_names, a small row per client, for each
// match; the clients themselves are read for the one page asked for.
import { deletions, oneSlipApart, parseQuery, type QueryWord } from '#core/search.ts';
import type { Sqlite } from './open.ts';

/** At most this many words of the book are tried for one typed word: the closest first. */
export const MAX_SLIP_CANDIDATES = 24;

export interface ClientSummaryRow {
  id: string; firstName: string; lastName: string; email: string | null; city: string | null;
  postalCode: string | null; street: string | null; lastContactAt: number | null;
}

interface Slips {
  /** Words one slip away that start with the same letter: a slip rarely hits the first letter. */
  close: string[];
  far: string[];
}

interface Word extends QueryWord {
  /** Per form, the FTS5 expression for "as typed or as a prefix". */
  starts: string[];
  slips: Slips;
}

/** A typed word that starts at most this many words of the book is looked for as those words. */
export const SPELLED_OUT_AT_MOST = 16;

type Statement = ReturnType<Sqlite['prepare']>;
const statements = new WeakMap<Sqlite, Map<string, Statement>>();
const STATEMENTS_KEPT = 64;

/** The statement for this SQL on this connection, prepared once; the search's few shapes stay prepared. */
function prepared(sqlite: Sqlite, text: string): Statement {
  let byText = statements.get(sqlite);
  if (!byText) statements.set(sqlite, byText = new Map());
  let statement = byText.get(text);
  if (statement) {
    byText.delete(text);
  } else {
    statement = sqlite.prepare(text);
    if (byText.size >= STATEMENTS_KEPT) byText.delete(byText.keys().next().value!);
  }
  byText.set(text, statement);
  return statement;
}

/** The words of the book one slip away from a typed word, closest and most used first. */
function slipsOf(sqlite: Sqlite, word: QueryWord): Slips {
  if (!word.forgiving) return { close: [], far: [] };
  const keys = [...new Set(word.forms.flatMap(deletions))];
  const rows = prepared(sqlite, `
    SELECT DISTINCT w.word, w.clients FROM client_search_deletions d JOIN client_search_words w ON w.word = d.word
    WHERE d.deletion IN (SELECT value FROM json_each(?))`).all(JSON.stringify(keys)) as Array<{ word: string; clients: number }>;
  const found = rows
    // A word the typed one starts is found as a prefix already.
    .filter((r) => !word.forms.some((f) => r.word.startsWith(f)) && word.forms.some((f) => oneSlipApart(f, r.word)))
    .map((r) => ({ ...r, close: word.forms.some((f) => f[0] === r.word[0]) }))
    .sort((a, b) => Number(b.close) - Number(a.close) || b.clients - a.clients || (a.word < b.word ? -1 : 1))
    .slice(0, MAX_SLIP_CANDIDATES);
  return { close: found.filter((r) => r.close).map((r) => r.word), far: found.filter((r) => !r.close).map((r) => r.word) };
}

const quoted = (text: string) => `"${text.replaceAll('"', '')}"`;

/**
 * "As typed or as a prefix" for one form. FTS5 answers a prefix by first
 * gathering every row of every word it starts, even when another word of the
 * query leaves only a handful; the same words named one by one let it skip to
 * the handful. So a prefix that starts few words of the book (the vocabulary
 * is every word of the index) is spelled out; a common one stays a prefix.
 */
function startsOf(sqlite: Sqlite, form: string): string {
  // Prefixes of two and three letters have an index of their own (prefix = '2 3').
  if ([...form].length < 4 || form.includes(' ')) return `${quoted(form)}*`;
  const words = prepared(sqlite, 'SELECT word FROM client_search_words WHERE word >= ? AND word < ? ORDER BY word LIMIT ?')
    .pluck().all(form, `${form}\u{10FFFF}`, SPELLED_OUT_AT_MOST + 1) as string[];
  if (words.length > SPELLED_OUT_AT_MOST) return `${quoted(form)}*`;
  // No word starts so: the form itself, which matches nothing either.
  return words.length === 0 ? quoted(form) : words.map(quoted).join(' OR ');
}

/** The FTS5 query for "every word as typed or as a prefix". */
function exactQuery(words: Word[]): string {
  return words.map((w) => `(${w.starts.join(' OR ')})`).join(' AND ');
}

/** The FTS5 query for "every word as typed, as a prefix or with one slip". */
function forgivingQuery(words: Word[]): string {
  return words.map((w) => `(${[...w.starts, ...w.slips.close.map(quoted), ...w.slips.far.map(quoted)].join(' OR ')})`).join(' AND ');
}

/**
 * The rank of one match as SQL over client_search_names (alias n), with its
 * parameters: per word, where it matched, summed over the words.
 */
function rankSql(words: Word[], withSlips: boolean): { sql: string; params: string[] } {
  const params: string[] = [];
  const any = (column: string, patterns: string[]) => {
    params.push(...patterns);
    return patterns.map(() => `instr(n.${column}, ?) > 0`).join(' OR ');
  };
  const terms = words.map((w) => {
    const whole = w.forms.map((f) => ` ${f} `);
    const start = w.forms.map((f) => ` ${f}`);
    const cases = [
      `WHEN ${any('last_words', whole)} THEN 8`, `WHEN ${any('last_words', start)} THEN 7`,
      `WHEN ${any('first_words', whole)} THEN 6`, `WHEN ${any('first_words', start)} THEN 5`,
    ];
    if (withSlips) {
      const close = w.slips.close.map((s) => ` ${s} `);
      const far = w.slips.far.map((s) => ` ${s} `);
      if (close.length) cases.push(`WHEN ${any('last_words', close)} THEN 4`, `WHEN ${any('first_words', close)} THEN 3`);
      if (far.length) cases.push(`WHEN ${any('last_words', far)} THEN 2`, `WHEN ${any('first_words', far)} THEN 1`);
    }
    return `(CASE ${cases.join(' ')} ELSE 0 END)`;
  });
  return { sql: terms.join(' + '), params };
}

function count(sqlite: Sqlite, match: string): number {
  return (prepared(sqlite, 'SELECT count(*) AS n FROM client_search WHERE client_search MATCH ?').get(match) as { n: number }).n;
}

/** Rowids of one tier's matches, best first, from offset on. */
function rankedRowids(sqlite: Sqlite, match: string, rank: { sql: string; params: string[] }, limit: number, offset: number): number[] {
  const statement = prepared(sqlite, `
    SELECT n.rowid FROM client_search s JOIN client_search_names n ON n.rowid = s.rowid
    WHERE client_search MATCH ?
    ORDER BY ${rank.sql} DESC, n.sort_last, n.sort_first, n.rowid LIMIT ? OFFSET ?`);
  return statement.pluck().all(match, ...rank.params, limit, offset) as number[];
}

function clientsAt(sqlite: Sqlite, rowids: number[]): ClientSummaryRow[] {
  if (rowids.length === 0) return [];
  const rows = prepared(sqlite, `
    SELECT c.rowid AS at, c.id, c.first_name AS firstName, c.last_name AS lastName, c.email, c.city, c.postal_code AS postalCode,
           c.street, c.last_contact_at AS lastContactAt
    FROM clients c WHERE c.rowid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(rowids)) as Array<ClientSummaryRow & { at: number }>;
  const byRowid = new Map(rows.map(({ at, ...row }) => [at, row]));
  return rowids.map((r) => byRowid.get(r)).filter((r): r is ClientSummaryRow => r !== undefined);
}

/** Matches ranked together: a page takes from the first tier, then the next. */
interface Tier {
  match: string;
  /** How many match; asked only when a page reaches the tier. */
  total: () => number;
  rank: { sql: string; params: string[] };
}

/** From this many exact matches on, a one-word search ranks surname, first-name and other matches as tiers. */
export const TIERED_FROM = 1000;

/**
 * The exact matches of a one-word search with many of them, as three tiers
 * (surname, first name, the rest) that rank as the sum would: a page then
 * ranks only the tier it is in, typically the surnames that start so, not
 * every client in a city that does too.
 */
function wordTiers(sqlite: Sqlite, word: Word, exactTotal: number): Tier[] {
  const starts = `(${word.starts.join(' OR ')})`;
  const rank = rankSql([word], false);
  const surname = `{last_name} : ${starts}`;
  const firstName = `{first_name} : ${starts} NOT {last_name} : ${starts}`;
  const surnames = once(() => count(sqlite, surname));
  const firstNames = once(() => count(sqlite, firstName));
  return [
    { match: surname, total: surnames, rank },
    { match: firstName, total: firstNames, rank },
    { match: `${starts} NOT {last_name first_name} : ${starts}`, total: () => exactTotal - surnames() - firstNames(), rank },
  ];
}

function once(f: () => number): () => number {
  let value: number | undefined;
  return () => (value ??= f());
}

/**
 * One page of the clients matching what was typed, best first, and how many
 * match in all; null when nothing searchable was typed (the caller lists the book).
 */
export function searchClients(sqlite: Sqlite, input: string, offset: number, limit: number): { items: ClientSummaryRow[]; total: number } | null {
  const parsed = parseQuery(input);
  if (parsed.length === 0) return null;
  const words: Word[] = parsed.map((w) => ({ ...w, starts: w.forms.map((f) => startsOf(sqlite, f)), slips: slipsOf(sqlite, w) }));
  const exact = exactQuery(words);
  const exactTotal = count(sqlite, exact);
  const tiers: Tier[] = words.length === 1 && exactTotal >= TIERED_FROM
    ? wordTiers(sqlite, words[0]!, exactTotal)
    : [{ match: exact, total: () => exactTotal, rank: rankSql(words, false) }];
  let slippedTotal = 0;
  if (words.some((w) => w.slips.close.length + w.slips.far.length > 0)) {
    const forgiving = forgivingQuery(words);
    slippedTotal = count(sqlite, forgiving) - exactTotal;
    // Found only with a slip: matches the forgiving query but not the exact one.
    tiers.push({ match: `(${forgiving}) NOT (${exact})`, total: () => slippedTotal, rank: rankSql(words, true) });
  }

  const rowids: number[] = [];
  let before = 0;
  for (const tier of tiers) {
    if (rowids.length >= limit) break;
    const from = offset + rowids.length - before;
    const total = tier.total();
    if (from < total) rowids.push(...rankedRowids(sqlite, tier.match, tier.rank, Math.min(limit - rowids.length, total - from), from));
    before += total;
  }
  return { items: clientsAt(sqlite, rowids), total: exactTotal + slippedTotal };
}
