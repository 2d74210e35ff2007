// The catalogue as the backend checks mutations against it: every product,
// bundle and area of any catalogue version it ever published, because devices
// sync at different times and one still on an older version records what that
// version offered. Until a first version is published, devices use the demo
// catalogue shipped with the app, and so does the check.
import { sql } from 'drizzle-orm';
import { catalogueLookup, splitCatalogueFile, type CatalogueItem, type CatalogueLookup } from '#core/manufacturer.ts';
import type { BackendDb } from './db/connect.ts';
import { manufacturerDocuments } from './db/schema.ts';
import { readCatalogueFile, SEED_CATALOGUE } from './manufacturer.ts';

let shipped: CatalogueLookup | null = null;
/** The demo catalogue devices use before they receive one. */
export function shippedCatalogue(): CatalogueLookup {
  shipped ??= catalogueLookup([splitCatalogueFile(readCatalogueFile(SEED_CATALOGUE)).catalogue]);
  return shipped;
}

/** The published catalogues' items, read in one statement (only for mutations that carry catalogue ids). */
export async function publishedCatalogue(tx: BackendDb): Promise<CatalogueLookup> {
  const docs = sql`(SELECT body FROM ${manufacturerDocuments} WHERE kind = 'catalogue') d`;
  const res = await tx.execute(sql`
    SELECT 'area' AS item, a AS id FROM ${docs}, jsonb_array_elements_text(d.body->'areas') a
    UNION SELECT p->>'kind', p->>'id' FROM ${docs}, jsonb_array_elements(d.body->'products') p
    UNION SELECT 'bundle', b->>'id' FROM ${docs}, jsonb_array_elements(d.body->'bundles') b`);
  const rows = ((res as { rows?: unknown[] }).rows ?? res) as { item: string; id: string }[];
  if (rows.length === 0) return shippedCatalogue();
  const known = new Set<string>();
  for (const r of rows) {
    known.add(`${r.item}:${r.id}`);
    if (r.item !== 'area' && r.item !== 'bundle') known.add(`product:${r.id}`);
  }
  return { has: (item: CatalogueItem, id: string) => known.has(`${item}:${id}`) };
}
