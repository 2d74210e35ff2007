// The price ranges a pushed sale is checked against: the newest publication's
// ranges of the issuer's retailer. A device that sold offline on an older,
// wider range meets the range in force now and its sale is refused (and
// undone there, like any refused change): the backend is the authority on
// prices, and the manufacturer narrowed the range for a reason.
import { and, eq, max } from 'drizzle-orm';
import type { PriceRange } from '#core/manufacturer.ts';
import type { PriceRangeLookup } from '#core/retail/price.ts';
import type { BackendDb } from './db/connect.ts';
import { priceRangePublications, priceRanges, users } from './db/schema.ts';

export async function grantedRanges(tx: BackendDb, userId: string): Promise<PriceRangeLookup> {
  const [user] = await tx.select({ retailerId: users.retailerId }).from(users).where(eq(users.id, userId));
  const retailerId = user?.retailerId ?? null;
  const [latest] = await tx.select({ version: max(priceRangePublications.version) }).from(priceRangePublications);
  const rows = retailerId === null || latest?.version == null ? [] : await tx.select().from(priceRanges)
    .where(and(eq(priceRanges.version, latest.version), eq(priceRanges.retailerId, retailerId)));
  const byProduct = new Map<string, PriceRange>(rows.map((r) => [r.productId, {
    retailer: r.retailerId, product: r.productId, proposed: r.proposed, floor: r.floor, ceiling: r.ceiling, valid_until: r.validUntil,
  }]));
  return { retailerId, range: (productId) => byProduct.get(productId) ?? null };
}
