// Whether a life coach may buy something on the client's behalf under their
// mandate, and what it costs the mandate (shared/domain/coach.md, "Mandates:
// buying on the client's behalf"). The device, the backend and the `mandate`
// command decide with this one function, so all three give the same answer.
// Pure: days come in as ISO days (Europe/Berlin), money as whole cents.
import type { CatalogueDocument, Product } from '../manufacturer.ts';
import type { MANDATE_PERIODS } from '../mandate.ts';

export type MandatePeriod = (typeof MANDATE_PERIODS)[number];

export type PurchaseMandate = {
  budgetCents: number;
  period: MandatePeriod;
  areas: readonly string[];
  perPurchaseCapCents: number;
  validFrom: string;
  validUntil: string | null;
  /** The day the client revoked it (ISO day, Europe/Berlin), or null. */
  revokedOn: string | null;
};

/** Items are product ids or bundle ids; `days` counts for per-day items only (default 1). */
export type PurchaseLine = { items: readonly string[]; at: string; days?: number };
export type PurchaseAttempt = PurchaseLine & { singleConsent?: boolean };

/** In the order they are checked: the first failing check is the reason. */
export const PURCHASE_REASONS = ['unknown_product', 'not_in_force', 'revoked', 'complex_product', 'outside_areas', 'over_cap', 'over_budget'] as const;
export type PurchaseReason = (typeof PURCHASE_REASONS)[number];

export type Period = { from: string; to: string };

export type PurchaseDecision = {
  decision: 'allowed' | 'refused' | 'needs_consent';
  reason: PurchaseReason | null;
  priceCents: number | null;
  chargeCents: number | null;
  period: Period | null;
  spentBeforeCents: number | null;
  /** The budget minus what was spent before, minus this purchase's charge when it is allowed. */
  remainingAfterCents: number | null;
  /** The products bought (bundles expanded) */
  products: string[];
};

/**
 * Euros to whole cents, half up (away from zero, as money is rounded), after
 * cutting the float noise of the multiplication: 5.99 -> 599, 1.005 -> 101, 0.125 -> 13.
 */
export function centsOf(euros: number): number {
  const cents = Number((Math.abs(euros) * 100).toPrecision(15));
  return Math.sign(euros) * Math.round(cents) || 0;
}

// Months are counted as year * 12 + month index, so a period is a range of them.
const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const pad = (n: number) => String(n).padStart(2, '0');
const firstDay = (m: number) => `${Math.floor(m / 12)}-${pad((m % 12) + 1)}-01`;
const lastDay = (m: number) => {
  const y = Math.floor(m / 12);
  return `${y}-${pad((m % 12) + 1)}-${pad(new Date(Date.UTC(y, (m % 12) + 1, 0)).getUTCDate())}`;
};
const MONTHS: Record<MandatePeriod, number> = { month: 1, quarter: 3, year: 12 };

/** The calendar month, quarter or year a day falls in. */
export function periodOf(day: string, period: MandatePeriod): Period {
  const m = monthIndex(day);
  const start = m - (m % MONTHS[period]);
  return { from: firstDay(start), to: lastDay(start + MONTHS[period] - 1) };
}

/**
 * The products a list of items names, each once: a bundle id stands for its
 * products (the coach buys "the trip bundle"); a product named twice, or also
 * inside a bundle, is bought once. `unknown`: the first item that is
 * neither, left out of `products`.
 */
function productsOf(items: readonly string[], catalogue: CatalogueDocument): { products: Product[]; unknown: string | null } {
  const byId = new Map(catalogue.products.map((p) => [p.id, p]));
  const out = new Map<string, Product>();
  let unknown: string | null = null;
  for (const item of items) {
    const bundle = byId.has(item) ? undefined : catalogue.bundles.find((b) => b.id === item);
    for (const id of bundle ? bundle.items : [item]) {
      const p = byId.get(id);
      if (p) out.set(id, p);
      else unknown ??= item;
    }
  }
  return { products: [...out.values()], unknown };
}

function daysOf(line: PurchaseLine): number {
  const days = line.days ?? 1;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a whole number of at least 1, not ${days}`);
  return days;
}

/** One item for one price period: a month's premium, a year's, a one-off price, a day's price times the days. */
const itemCents = (p: Product, days: number) => centsOf(p.price.amount) * (p.price.period === 'day' ? days : 1);

/** The price of a purchase: its items' listed amounts for one price period, summed. Negative modules count as listed. */
function priceCents(products: readonly Product[], days: number): number {
  return products.reduce((sum, p) => sum + itemCents(p, days), 0);
}

/**
 * What a purchase charges the mandate in one period. One-off and per-day
 * items: their price, in the period of the purchase date. A monthly item: its
 * premium for every month of the period from the purchase month on, for as
 * long as it is held (no end is known, so: from then on). A yearly item (none
 * in the demo catalogue): its premium in every month it falls due. A purchase
 * holding a complex item charges nothing: the client decided it themselves.
 */
function chargeCents(products: readonly Product[], at: string, days: number, period: Period): number {
  if (products.some((p) => p.complexity === 'complex')) return 0;
  const bought = monthIndex(at);
  const from = Math.max(monthIndex(period.from), bought);
  const to = monthIndex(period.to);
  let sum = 0;
  for (const p of products) {
    const cents = itemCents(p, days);
    if (p.price.period === 'once' || p.price.period === 'day') {
      if (at >= period.from && at <= period.to) sum += cents;
    } else if (p.price.period === 'month') {
      sum += cents * Math.max(0, to - from + 1);
    } else {
      for (let m = from; m <= to; m++) if ((m - bought) % 12 === 0) sum += cents;
    }
  }
  return sum;
}

/**
 * What earlier purchases under the mandate charge in a period, counting only
 * those dated on or before `upTo`. Purchases are assumed to have been allowed
 * when made; an item the catalogue does not know charges nothing, so give the
 * catalogue that knows every product ever bought (the backend: all versions).
 */
export function spentInPeriod(input: { earlier: readonly PurchaseLine[]; period: Period; upTo: string; catalogue: CatalogueDocument }): number {
  let sum = 0;
  for (const line of input.earlier) {
    if (line.at > input.upTo) continue;
    const { products } = productsOf(line.items, input.catalogue);
    sum += chargeCents(products, line.at, daysOf(line), input.period);
  }
  return sum;
}

/** For a mandate card: the current period, what it has spent so far and what is left of its budget. */
export function budgetState(input: { mandate: PurchaseMandate; earlier: readonly PurchaseLine[]; on: string; catalogue: CatalogueDocument }): { period: Period; spentCents: number; leftCents: number } {
  const period = periodOf(input.on, input.mandate.period);
  const spentCents = spentInPeriod({ earlier: input.earlier, period, upTo: input.on, catalogue: input.catalogue });
  return { period, spentCents, leftCents: input.mandate.budgetCents - spentCents };
}

/** Decides one attempt; the checks run in coach.md's order and the first failing one is the reason. */
export function decidePurchase(input: { mandate: PurchaseMandate; earlier: readonly PurchaseLine[]; attempt: PurchaseAttempt; catalogue: CatalogueDocument }): PurchaseDecision {
  const { mandate: m, attempt, catalogue } = input;
  if (attempt.items.length === 0) throw new RangeError('a purchase needs at least one item');
  const days = daysOf(attempt);
  const { products, unknown } = productsOf(attempt.items, catalogue);
  if (unknown !== null) {
    return { decision: 'refused', reason: 'unknown_product', priceCents: null, chargeCents: null, period: null, spentBeforeCents: null, remainingAfterCents: null, products: [] };
  }
  const period = periodOf(attempt.at, m.period);
  const price = priceCents(products, days);
  const charge = chargeCents(products, attempt.at, days, period);
  const spent = spentInPeriod({ earlier: input.earlier, period, upTo: attempt.at, catalogue });
  const result = (decision: PurchaseDecision['decision'], reason: PurchaseReason | null): PurchaseDecision => ({
    decision, reason, priceCents: price, chargeCents: charge, period, spentBeforeCents: spent,
    remainingAfterCents: m.budgetCents - spent - (decision === 'allowed' ? charge : 0), products: products.map((p) => p.id),
  });

  if (attempt.at < m.validFrom || (m.validUntil !== null && attempt.at > m.validUntil)) return result('refused', 'not_in_force');
  if (m.revokedOn !== null && m.revokedOn <= attempt.at) return result('refused', 'revoked');
  // The client's single consent makes it their own purchase: no mandate check applies to it, and it charges nothing.
  if (products.some((p) => p.complexity === 'complex')) return attempt.singleConsent ? result('allowed', null) : result('needs_consent', 'complex_product');
  if (products.some((p) => !m.areas.includes(p.area))) return result('refused', 'outside_areas');
  if (price > m.perPurchaseCapCents) return result('refused', 'over_cap');
  if (spent + charge > m.budgetCents) return result('refused', 'over_budget');
  return result('allowed', null);
}
