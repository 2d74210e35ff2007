// The manufacturer's catalogue and value-tier criteria as this device has
// them: the newest valid version sync brought, else the demo catalogue
// shipped with the app (backend/seed/catalog.json, bundled as data), so a
// workstation that never synced still shows products and tiers.
import {
  catalogueDocument, catalogueFile, catalogueLookup, splitCatalogueFile, valueTiersDocument,
  type CatalogueDocument, type CatalogueLookup, type ValueTiersDocument,
} from '#core/manufacturer.ts';
import { manufacturerDocument } from '#db/manufacturer.ts';
import type { Store } from '#db/store.ts';
import seedFile from '../backend/seed/catalog.json' with { type: 'json' };

/** How a rule set is named in the conclusions it draws: "value_tiers.v3", or ".demo" for the shipped fallback. */
export const DEMO_VERSION = 'demo';

let shipped: ReturnType<typeof splitCatalogueFile> | null = null;
/** The shipped demo catalogue, checked once against the same schema the backend uses. */
export function shippedCatalogue(): ReturnType<typeof splitCatalogueFile> {
  shipped ??= splitCatalogueFile(catalogueFile.parse(seedFile));
  return shipped;
}

interface Versioned<T> { version: string; body: T }
const cache = new WeakMap<Store, Map<string, Versioned<unknown> & { key: string }>>();

/** A synced document if this device has a valid one (parsed once per version), else null. */
function synced<T>(store: Store, kind: 'catalogue' | 'value_tiers', parse: (body: unknown) => T | null): Versioned<T> | null {
  const doc = manufacturerDocument(store, kind);
  if (!doc) return null;
  const key = String(doc.version);
  let perStore = cache.get(store);
  if (!perStore) cache.set(store, (perStore = new Map()));
  const hit = perStore.get(kind);
  if (hit?.key === key) return hit.body === null ? null : hit as Versioned<T>;
  const body = parse(doc.body);
  perStore.set(kind, { key, version: `v${doc.version}`, body });
  return body === null ? null : { version: `v${doc.version}`, body };
}

export function currentCatalogue(store: Store): Versioned<CatalogueDocument> {
  // A document this app cannot read is not used; the shipped one still works.
  return synced(store, 'catalogue', (b) => catalogueDocument.safeParse(b).data ?? null)
    ?? { version: DEMO_VERSION, body: shippedCatalogue().catalogue };
}

const lookups = new WeakMap<CatalogueDocument, CatalogueLookup>();
/** The catalogue this device holds, as the mutation rules ask it (the store is given it at opening, services/workstation.ts). */
export function heldCatalogue(store: Store): CatalogueLookup {
  const { body } = currentCatalogue(store);
  let lookup = lookups.get(body);
  if (!lookup) lookups.set(body, (lookup = catalogueLookup([body])));
  return lookup;
}

export function currentValueTiers(store: Store): Versioned<ValueTiersDocument> {
  return synced(store, 'value_tiers', (b) => valueTiersDocument.safeParse(b).data ?? null)
    ?? { version: DEMO_VERSION, body: shippedCatalogue().valueTiers };
}

/** A yearly list price in cents for products paid by the month or year; null for one-off, daily and discount items. */
export function yearlyListCents(price: { amount: number; period: string }): number | null {
  if (price.amount <= 0) return null;
  if (price.period === 'month') return Math.round(price.amount * 1200);
  if (price.period === 'year') return Math.round(price.amount * 100);
  return null;
}
