// The price ranges the manufacturer granted this device's retailer, read as
// the price rules ask for them. Apart from manufacturer.ts (which keeps what
// the backend sends) because the store's write path reads them.
import { eq } from 'drizzle-orm';
import type { PriceRangeLookup } from '#core/retail/price.ts';
import type { Db } from './open.ts';
import { priceRanges } from './schema.ts';

/**
 * The ranges this device was granted, as a sale's price rules ask for them.
 * Only its own retailer's ranges ever reach the device; without any, a product
 * sells at its list price (retail.md), and the backend fills in the retailer.
 */
export function heldRanges(db: Db): PriceRangeLookup {
  const rows = () => db.select().from(priceRanges).all();
  return {
    get retailerId() { return rows()[0]?.retailerId ?? null; },
    range(productId) {
      const r = db.select().from(priceRanges).where(eq(priceRanges.productId, productId)).get();
      return r ? { retailer: r.retailerId, product: r.productId, proposed: r.proposed, floor: r.floor, ceiling: r.ceiling, valid_until: r.validUntil } : null;
    },
  };
}
