// Amounts typed by hand become whole cents, in the way each language writes them.
import { describe, expect, it } from 'vitest';
import { formatCents, parseEuroCents } from '../../../renderer/src/format.ts';

describe('an amount typed in euros', () => {
  it.each([
    ['200', 'de', 20_000], ['200,50', 'de', 20_050], ['1.250,5', 'de', 125_050], ['12.5', 'de', 1_250], ['  75 € ', 'de', 7_500],
    ['1,250.50', 'en', 125_050], ['0.99', 'en', 99], ['3', 'en', 300],
  ] as const)('"%s" (%s) is %i cents', (text, lang, cents) => expect(parseEuroCents(text, lang)).toBe(cents));

  it.each([['', 'de'], ['zwanzig', 'de'], ['-5', 'de'], ['1,234', 'de'], ['2,5,0', 'de'], ['1.5.0', 'en']] as const)(
    '"%s" (%s) is not an amount', (text, lang) => expect(parseEuroCents(text, lang)).toBeNull());

  it('is shown back in the language’s format', () => {
    expect(formatCents(125_050, 'de').replace(/\s/g, ' ')).toBe('1.250,50 €');
    expect(formatCents(125_050, 'en')).toBe('€1,250.50');
  });
});
