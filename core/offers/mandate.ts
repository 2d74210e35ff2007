// Whether a coach may buy an offer under the client's mandate without asking
// again (workflows.md, offers.md). The price per purchase is the sum of the
// items' listed amounts for one period: a month's premium, one day's cover, a
// one-off price. That is what the first purchase takes from the budget;
// later months come out of later periods' budgets.
import type { Product } from '../manufacturer.ts';
import type { MandateTerms } from './types.ts';

export function pricePerPurchase(items: readonly Product[]): number {
  let sum = 0;
  for (const p of items) sum += p.price.amount;
  return Math.round(sum * 100) / 100;
}

/** True only when every condition holds: a mandate, all items simple and in its areas, the price within cap and budget. */
export function withinMandate(m: MandateTerms | null | undefined, items: readonly Product[]): boolean {
  if (!m) return false;
  for (const p of items) {
    // A complex product always needs the client's single consent.
    if (p.complexity !== 'simple') return false;
    if (!m.areas.includes(p.area)) return false;
  }
  const price = pricePerPurchase(items);
  return price <= m.per_purchase_cap && price <= m.budget_remaining;
}
