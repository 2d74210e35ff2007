// The catalogue turned into what ranking needs, once per catalogue object: a
// client is ranked on every answer in meeting mode, the catalogue changes only
// by sync. Holds the value of every product, the one factor derived from the
// manufacturer's margin.
import type { CatalogueDocument, Product } from '../manufacturer.ts';

export type Bundle = CatalogueDocument['bundles'][number];

export type CompiledCatalogue = {
  products: readonly Product[];
  byId: ReadonlyMap<string, Product>;
  bundles: readonly Bundle[];
  /** Base id → whether any module adds to it (a standard base that grows with modules). */
  hasModules: ReadonlySet<string>;
  /** Expected margin per product in currency units: price × margin_rate × expected duration. */
  margin: ReadonlyMap<string, number>;
  /** log(1 + margin) of the best product or whole bundle: value 1. */
  scale: number;
  currency: string;
};

/**
 * How long a client keeps what they buy, in years, by kind: contracts run for
 * years, modules a little less (they are dropped first), temporary cover only
 * a season. Prices are normalised to a year first; a one-off or per-day price
 * is paid once per purchase.
 */
export const EXPECTED_YEARS = { base: 5, module: 3, temporary: 0.25, partner_service: 1 } as const;
/** A per-day product (short-term car cover) is bought for about a week at a time. */
export const DAYS_PER_PURCHASE = 7;
/**
 * The least value an offer has. A module that lowers its base's price (pay as
 * you drive) earns nothing by this formula but brings better risks; without a
 * floor its score would be 0 whatever the client needs.
 */
export const VALUE_FLOOR = 0.1;

function expectedRevenue(p: Product): number {
  const a = p.price.amount;
  switch (p.price.period) {
    case 'once': return a;
    case 'day': return a * DAYS_PER_PURCHASE;
    case 'month': return a * 12 * EXPECTED_YEARS[p.kind];
    case 'year': return a * EXPECTED_YEARS[p.kind];
  }
}

export const isPointOfSale = (p: Product) => p.point_of_sale === true || (p.variants?.length ?? 0) > 0;

const cache = new WeakMap<CatalogueDocument, CompiledCatalogue>();

export function compileCatalogue(c: CatalogueDocument): CompiledCatalogue {
  const hit = cache.get(c);
  if (hit) return hit;
  const byId = new Map(c.products.map((p) => [p.id, p]));
  const margin = new Map(c.products.map((p) => [p.id, Math.max(0, expectedRevenue(p) * p.margin_rate)]));
  let best = 0;
  for (const m of margin.values()) best = Math.max(best, m);
  for (const b of c.bundles) best = Math.max(best, b.items.reduce((sum, i) => sum + (margin.get(i) ?? 0), 0));
  const compiled: CompiledCatalogue = {
    products: c.products,
    byId,
    bundles: c.bundles,
    hasModules: new Set(c.products.flatMap((p) => (p.requires ? [p.requires] : []))),
    margin,
    scale: Math.log1p(best),
    currency: c.currency,
  };
  cache.set(c, compiled);
  return compiled;
}

/**
 * Value 0..1 of offering these products together. Logarithmic, because
 * margins span three orders of magnitude (a €12 travel policy, a pension
 * over years): linear scaling would let the pension win for every client.
 */
export function valueOf(cat: CompiledCatalogue, items: readonly Product[]): number {
  let sum = 0;
  for (const p of items) sum += cat.margin.get(p.id) ?? 0;
  const v = cat.scale > 0 ? Math.log1p(sum) / cat.scale : 0;
  return Math.min(1, Math.max(VALUE_FLOOR, v));
}
