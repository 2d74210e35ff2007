// The functions the search index is kept with (db/migrations/0007_ranked_search.sql):
// core/search.ts made callable from SQL, so the triggers on clients fold and
// split words exactly as the search does when it asks.
import { deletions, reachableBySlip, searchText, sortKey, vocabularyOf } from '#core/search.ts';
import type Database from 'better-sqlite3';

type Text = string | null;

export function registerSearchFunctions(sqlite: Database.Database): void {
  const options = { deterministic: true, varargs: true } as const;
  sqlite.function('aw_search_text', options, (...texts: Text[]) => searchText(...texts));
  sqlite.function('aw_search_sort', { deterministic: true }, (name: Text) => sortKey(name));
  // JSON arrays, read back with json_each: a trigger cannot loop over a list any other way.
  sqlite.function('aw_search_vocabulary', options, (...texts: Text[]) => JSON.stringify(vocabularyOf(...texts)));
  sqlite.function('aw_search_deletions', { deterministic: true }, (word: Text) => JSON.stringify(word && reachableBySlip(word) ? deletions(word) : []));
}
