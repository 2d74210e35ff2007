// The catalogue as the backend checks mutations against it: every product,
// bundle and area of any catalogue version it ever published, because devices
// sync at different times and one still on an older version records what that
// version offered. Until a first version is published, devices use the demo
// catalogue shipped with the app, and so does the check.
import { asc, eq } from 'drizzle-orm';
import { catalogueLookup, splitCatalogueFile, type CatalogueDocument, type CatalogueLookup } from '#core/manufacturer.ts';
import type { BackendDb } from './db/connect.ts';
import { manufacturerDocuments } from './db/schema.ts';
import { readCatalogueFile, SEED_CATALOGUE } from './manufacturer.ts';

let shipped: CatalogueLookup | null = null;
/** The demo catalogue devices use before they receive one. */
export function shippedCatalogue(): CatalogueLookup {
  shipped ??= catalogueLookup([splitCatalogueFile(readCatalogueFile(SEED_CATALOGUE)).catalogue]);
  return shipped;
}

/** Every published catalogue, oldest first (only for mutations that carry catalogue ids): a handful of small documents. */
export async function publishedCatalogue(tx: BackendDb): Promise<CatalogueLookup> {
  const rows = await tx.select({ body: manufacturerDocuments.body }).from(manufacturerDocuments)
    .where(eq(manufacturerDocuments.kind, 'catalogue')).orderBy(asc(manufacturerDocuments.version));
  if (rows.length === 0) return shippedCatalogue();
  return catalogueLookup(rows.map((r) => r.body as CatalogueDocument));
}
