// The manufacturer's data on the device: catalogue, value tiers, rule sets
// and, for a retailer, its own price ranges. Received read-only by sync and
// kept until a newer version arrives, so the workstation works offline with
// the last version it got. The versions held are what the device tells the
// backend it has (POST /v1/manufacturer), so it is only sent what is newer.
import { eq } from 'drizzle-orm';
import { MANUFACTURER_KINDS, type ManufacturerHave, type ManufacturerResponse } from '#core/manufacturer.ts';
import { heldRating, RATING_KIND } from './retail.ts';
import { manufacturerData, priceRanges } from './schema.ts';
import type { Store } from './store.ts';

/** The price ranges are no document, but their version is kept beside the documents' under this kind. */
const PRICE_RANGES = 'price_ranges';
const KINDS = new Set<string>([...MANUFACTURER_KINDS, PRICE_RANGES]);

/** The version of each kind this device has; a kind it never received is left out. */
export function manufacturerVersions(store: Store): ManufacturerHave {
  const have: Record<string, number> = {};
  for (const row of store.db.select({ kind: manufacturerData.kind, version: manufacturerData.version }).from(manufacturerData).all()) {
    const version = Number(row.version);
    if (KINDS.has(row.kind) && Number.isSafeInteger(version) && version > 0) have[row.kind] = version;
  }
  return have as ManufacturerHave;
}

/** A received document's body, or undefined before the first one arrived. */
export function manufacturerDocument(store: Store, kind: string): { version: number; body: unknown; receivedAt: number } | undefined {
  const row = store.db.select().from(manufacturerData).where(eq(manufacturerData.kind, kind)).get();
  return row && { version: Number(row.version), body: row.body, receivedAt: row.receivedAt };
}

/**
 * Stores what the backend sent (already checked against core/manufacturer.ts),
 * all in one transaction, so a crash never leaves half a catalogue. Returns how
 * many kinds changed; an empty answer writes nothing.
 */
export function storeManufacturerData(store: Store, answer: ManufacturerResponse, now: number): number {
  if (answer.documents.length === 0 && answer.priceRanges === null && answer.rating === undefined) return 0;
  return store.transaction(() => {
    const have = manufacturerVersions(store);
    let stored = keepRating(store, answer.rating, now);
    for (const doc of answer.documents) {
      // Never back to an older version, should an answer be overtaken by a later one.
      if ((have[doc.kind] ?? 0) >= doc.version) continue;
      keep(store, doc.kind, doc.version, doc.body, now);
      stored++;
    }
    const granted = answer.priceRanges;
    if (granted && (have.price_ranges ?? 0) < granted.version) {
      // The whole set is replaced: a range the manufacturer withdrew is gone here too.
      store.db.delete(priceRanges).run();
      if (granted.ranges.length > 0) {
        store.db.insert(priceRanges).values(granted.ranges.map((r) => ({
          retailerId: r.retailer, productId: r.product, proposed: r.proposed, floor: r.floor, ceiling: r.ceiling, validUntil: r.valid_until,
        }))).run();
      }
      keep(store, PRICE_RANGES, granted.version, granted.ranges, now);
      stored++;
    }
    return stored;
  });
}

/**
 * The retailer's rating comes with every answer, as the backend last computed
 * it: kept as sent, so the retailer sees it offline. null: the backend rates
 * this person no more (not a retailer now); left out: a backend from before
 * ratings, and what is held stays.
 */
function keepRating(store: Store, rating: ManufacturerResponse['rating'], now: number): number {
  if (rating === undefined) return 0;
  if (rating === null) return store.db.delete(manufacturerData).where(eq(manufacturerData.kind, RATING_KIND)).run().changes > 0 ? 1 : 0;
  const held = heldRating(store.db);
  if (held && JSON.stringify(held.rating) === JSON.stringify(rating)) return 0;
  // Its version is the window's last day: the rating is computed afresh, not numbered.
  keep(store, RATING_KIND, rating.until, rating, now);
  return 1;
}

function keep(store: Store, kind: string, version: number | string, body: unknown, now: number): void {
  const row = { kind, version: String(version), body, receivedAt: now };
  store.db.insert(manufacturerData).values(row).onConflictDoUpdate({ target: manufacturerData.kind, set: row }).run();
}
