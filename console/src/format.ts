// The console's figures, written as the app writes them (renderer/src/format.ts),
// plus what only the console shows: a deviation with its sign.
import { formatCents } from '../../renderer/src/format.ts';
import type { Language } from './i18n/index.ts';

export { formatCents, formatDateTime, formatIsoDate, formatNumber, formatPercent } from '../../renderer/src/format.ts';

/** "+11,00 €" above the proposal, "−3,50 €" below it, "0,00 €" on it. */
export function formatDeviation(cents: number, lang: Language): string {
  if (cents === 0) return formatCents(0, lang);
  return `${cents > 0 ? '+' : '−'}${formatCents(Math.abs(cents), lang)}`;
}
