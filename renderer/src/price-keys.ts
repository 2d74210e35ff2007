// What the price control's keys do and how it writes an amount into its
// field; pure, so Node tests read it without a browser.
import type { CentRangeView as CentRange } from '#contract/retail.ts';
import type { Language } from './i18n/language.ts';

const STEP = 10;
const PAGE = 100;

/** An amount as typed into the field: "13,50" in German, "13.50" in English, no currency sign. */
export function plainAmount(cents: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(cents / 100);
}

/** The key's new price, or null for a key that does not move it. Home and End go to floor and ceiling. */
export function keyStep(key: string, cents: number, range: CentRange): number | null {
  const moves: Record<string, number> = { ArrowUp: STEP, ArrowRight: STEP, ArrowDown: -STEP, ArrowLeft: -STEP, PageUp: PAGE, PageDown: -PAGE };
  if (key in moves) return Math.max(1, cents + moves[key]!);
  if (key === 'Home') return range.floorCents;
  if (key === 'End') return range.ceilingCents;
  return null;
}
