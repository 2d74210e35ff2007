// How typed words are compared with the words of the book (core/search.ts).
import { describe, expect, it } from 'vitest';
import {
  deletions, foldWord, formsOf, MIN_TYPO_LENGTH, oneSlipApart, parseQuery, reachableBySlip, searchText, sortKey, vocabularyOf,
} from '#core/search.ts';

describe('the words a client is found by', () => {
  it('folds accents away as the index does, and adds the German transcription of umlauts and ß', () => {
    expect(foldWord('Müller')).toBe('muller');
    expect(foldWord('Nguyễn')).toBe('nguyen');
    expect(formsOf('Müller')).toEqual(['muller', 'mueller']);
    expect(formsOf('Weiß')).toEqual(['weiß', 'weiss']);
    expect(formsOf('Müllerstraße')).toEqual(['mullerstraße', 'mullerstrasse', 'muellerstrasse']);
    expect(formsOf('Schmidt')).toEqual(['schmidt']);
  });

  it('splits where letters meet digits, so an e-mail address holds the name once', () => {
    expect(searchText('b.mueller1643@yahoo.de')).toBe('b mueller 1643 yahoo de');
    expect(searchText('Müller-Lüdenscheidt', null, 'Am Hang 12a')).toBe('muller mueller ludenscheidt luedenscheidt am hang 12 a');
    expect(vocabularyOf('Anna', 'anna.schmidt@web.de', 'Anna')).toEqual(['anna', 'schmidt', 'web', 'de']);
  });

  it('orders names without regard to accents', () => {
    expect(sortKey('Özdemir') < sortKey('Peters')).toBe(true);
    expect(sortKey('Weiß')).toBe('weiss');
  });
});

describe('one slip', () => {
  it('is a letter too many, too few, wrong, or two neighbours swapped', () => {
    expect(oneSlipApart('schneidder', 'schneider')).toBe(true); // one too many
    expect(oneSlipApart('muler', 'muller')).toBe(true); // one too few
    expect(oneSlipApart('schneuder', 'schneider')).toBe(true); // one wrong
    expect(oneSlipApart('schmdit', 'schmidt')).toBe(true); // two swapped
    expect(oneSlipApart('xchmidt', 'schmidt')).toBe(true); // the first letter too
  });

  it('is not two slips, nor no slip at all', () => {
    expect(oneSlipApart('schmidt', 'schmidt')).toBe(false);
    expect(oneSlipApart('smidt', 'schmidt')).toBe(false);
    expect(oneSlipApart('schmitz', 'schmidt')).toBe(false);
    expect(oneSlipApart('abcd', 'badc')).toBe(false);
    expect(oneSlipApart('mueller', 'muler')).toBe(false);
  });

  it('always leaves the meant word and the typed one sharing a deletion', () => {
    for (const [typed, meant] of [['schneidder', 'schneider'], ['muler', 'muller'], ['schneuder', 'schneider'], ['schmdit', 'schmidt']] as const) {
      expect(deletions(typed).some((d) => deletions(meant).includes(d)), typed).toBe(true);
    }
  });

  it('is forgiven from five letters on, never in a word with digits', () => {
    expect(MIN_TYPO_LENGTH).toBe(5);
    expect(parseQuery('Muler')[0]!.forgiving).toBe(true);
    expect(parseQuery('Kohc')[0]!.forgiving).toBe(false);
    expect(parseQuery('10115')[0]!.forgiving).toBe(false);
    // A five-letter word typed with a letter too many may mean a four-letter word of the book.
    expect(reachableBySlip('kuhn')).toBe(true);
    expect(reachableBySlip('kuh')).toBe(false);
    expect(reachableBySlip('1643')).toBe(false);
    expect(deletions('muller')).toEqual(['muller', 'uller', 'mller', 'muler', 'mullr', 'mulle']);
  });
});

describe('what the advisor typed', () => {
  it('is one word per word, an e-mail address its parts in a row, at most eight words', () => {
    expect(parseQuery('  Müller, Anna ')).toEqual([
      { forms: ['muller', 'mueller'], forgiving: true },
      { forms: ['anna'], forgiving: false },
    ]);
    expect(parseQuery('j.mueller@web.de')).toEqual([{ forms: ['j mueller web de'], forgiving: false }]);
    expect(parseQuery('a b c d e f g h i j')).toHaveLength(8);
  });

  it('leaves nothing of search syntax or stray characters', () => {
    expect(parseQuery('"* AND (NOT) ^:-')).toEqual([
      { forms: ['and'], forgiving: false },
      { forms: ['not'], forgiving: false },
    ]);
    expect(parseQuery('🙂 !!')).toEqual([]);
  });
});
