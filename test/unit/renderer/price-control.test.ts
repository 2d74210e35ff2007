// The price control's keys and the amount it writes into its field: ten cents
// a step, a euro a page, floor and ceiling at Home and End, never down to zero;
// an amount written as the user's language writes it reads back to the same cents.
import { describe, expect, it } from 'vitest';
import { keyStep, plainAmount } from '../../../renderer/src/price-keys.ts';
import { parseEuroCents } from '../../../renderer/src/format.ts';

const range = { proposedCents: 1240, floorCents: 1120, ceilingCents: 1490, validUntil: '2027-06-30', source: 'range' as const };

describe('keys on the price control', () => {
  it('move by 10 cents, a page by a euro, and jump to floor and ceiling', () => {
    expect(keyStep('ArrowUp', 1240, range)).toBe(1250);
    expect(keyStep('ArrowLeft', 1240, range)).toBe(1230);
    expect(keyStep('PageDown', 1240, range)).toBe(1140);
    expect(keyStep('Home', 1350, range)).toBe(1120);
    expect(keyStep('End', 1350, range)).toBe(1490);
    expect(keyStep('a', 1350, range)).toBeNull();
  });
  it('never make the price zero or less', () => {
    expect(keyStep('ArrowDown', 5, range)).toBe(1);
    expect(keyStep('PageDown', 40, range)).toBe(1);
  });
});

describe('the amount in the field', () => {
  it('is written with the decimal comma in German, the point in English, and reads back', () => {
    expect(plainAmount(135000, 'de')).toBe('1350,00');
    expect(plainAmount(1350, 'en')).toBe('13.50');
    for (const lang of ['de', 'en'] as const) expect(parseEuroCents(plainAmount(123456, lang), lang)).toBe(123456);
    expect(parseEuroCents('15,9', 'de')).toBe(1590);
  });
});
