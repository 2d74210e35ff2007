// The manufacturer's data that syncs down to devices, read-only: publishing a
// catalogue file as new versions (`npm run backend -- publish-catalogue`), and
// answering POST /v1/manufacturer with only what is newer than what a device
// has. A published version is never changed, so a device that stays offline
// keeps working with the last one it got, and every instance answers alike.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq, max, or, sql } from 'drizzle-orm';
import {
  catalogueFile, splitCatalogueFile, type CatalogueFile, type ManufacturerDocument, type ManufacturerHave,
  type ManufacturerKind, type ManufacturerResponse, type PriceRange,
} from '#core/manufacturer.ts';
import type { BackendDb } from './db/connect.ts';
import { ratingOf } from './rating.ts';
import { manufacturerDocuments, priceRangePublications, priceRanges, users, type PriceRangeRow, type User } from './db/schema.ts';
import { findUser } from './people.ts';

/** The demo catalogue shipped with the backend: the default of publish-catalogue. */
export const SEED_CATALOGUE = fileURLToPath(new URL('./seed/catalog.json', import.meta.url));

/** Two publications at once would take the same next version: the second waits for the first. */
export const PUBLISH_LOCK = 7_315_006_012;

/** Something the administrator has to fix; the message says what. Nothing was changed. */
export class ManufacturerDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManufacturerDataError';
  }
}

/** Reads and checks a catalogue file, or throws naming every field that is wrong. */
export function readCatalogueFile(path: string): CatalogueFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ManufacturerDataError(`Cannot read the catalogue file ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Nothing was published.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ManufacturerDataError(`${path} is not valid JSON (${(error as Error).message}). Nothing was published.`);
  }
  return checkCatalogueFile(json, path);
}

export function checkCatalogueFile(json: unknown, source: string): CatalogueFile {
  const result = catalogueFile.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const lines = issues.slice(0, 20).map((i) => `  ${fieldName(i.path, json)}: ${i.code === 'unrecognized_keys'
    ? `has unknown fields (${i.keys.join(', ')}): check their spelling against core/manufacturer.ts`
    : i.message}`);
  if (issues.length > 20) lines.push(`  … and ${issues.length - 20} more`);
  throw new ManufacturerDataError(`${source} is not a valid catalogue, so nothing was published. Fix these fields and publish again:\n${lines.join('\n')}`);
}

/** `products.3 (household_bike).margin_rate`: the index alone does not tell a person which product. */
function fieldName(path: PropertyKey[], json: unknown): string {
  if (path.length === 0) return 'the file';
  const [list, index] = path;
  const item = typeof index === 'number' ? (json as Record<string, unknown[] | undefined>)?.[list as string]?.[index] as Record<string, unknown> | undefined : undefined;
  const label = typeof item?.id === 'string' ? item.id
    : typeof item?.retailer === 'string' ? `${item.retailer}, ${String(item.product)}`
      : typeof item?.tier === 'string' ? item.tier : undefined;
  const head = label ? `${String(list)}.${String(index)} (${label})` : path.slice(0, 2).map(String).join('.');
  return [head, ...path.slice(2).map(String)].join('.');
}

export interface Published { catalogue: number; value_tiers: number; price_ranges: number }

/** Publishes a checked file as the next version of the catalogue, the value tiers and the price ranges, all or nothing. */
export async function publishCatalogue(db: BackendDb, file: CatalogueFile, now: Date): Promise<Published> {
  const { catalogue, valueTiers, priceRanges: ranges } = splitCatalogueFile(file);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK})`);
    return {
      catalogue: await publishDocument(tx, 'catalogue', catalogue, now),
      value_tiers: await publishDocument(tx, 'value_tiers', valueTiers, now),
      price_ranges: await publishRanges(tx, ranges, now),
    };
  });
}

export async function publishDocument(tx: BackendDb, kind: ManufacturerKind, body: unknown, now: Date): Promise<number> {
  const [latest] = await tx.select({ version: max(manufacturerDocuments.version) }).from(manufacturerDocuments).where(eq(manufacturerDocuments.kind, kind));
  const version = (latest?.version ?? 0) + 1;
  await tx.insert(manufacturerDocuments).values({ kind, version, body, publishedAt: now });
  return version;
}

async function latestRangesVersion(tx: BackendDb): Promise<number | null> {
  const [latest] = await tx.select({ version: max(priceRangePublications.version) }).from(priceRangePublications);
  return latest?.version ?? null;
}

async function publishRanges(tx: BackendDb, ranges: PriceRange[], now: Date): Promise<number> {
  const version = ((await latestRangesVersion(tx)) ?? 0) + 1;
  await tx.insert(priceRangePublications).values({ version, publishedAt: now });
  if (ranges.length > 0) {
    await tx.insert(priceRanges).values(ranges.map((r) => ({
      retailerId: r.retailer, productId: r.product, proposed: r.proposed, floor: r.floor, ceiling: r.ceiling, validUntil: r.valid_until, version,
    })));
  }
  return version;
}

/**
 * Makes the user a retailer's person: their devices receive that retailer's
 * price ranges. When the retailer changes, the latest ranges are published
 * again as a new version: a device that already has the latest version would
 * otherwise never ask, and keep the ranges of its former retailer.
 */
export async function setRetailer(db: BackendDb, idOrName: string, retailerId: string, now: Date): Promise<{ user: User; priceRanges: number | null }> {
  const user = await findUser(db, idOrName);
  if (!user.roles.includes('retailer')) {
    throw new ManufacturerDataError(`${user.displayName} (${user.id}) does not hold the retailer role, and price ranges go only to retailers: ` +
      'set the retailer of a person created with --roles retailer (alone or with other roles).');
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK})`);
    const [updated] = await tx.update(users).set({ retailerId }).where(eq(users.id, user.id)).returning();
    if (user.retailerId === retailerId) return { user: updated!, priceRanges: null };
    const latest = await latestRangesVersion(tx);
    if (latest === null) return { user: updated!, priceRanges: null };
    const rows = await tx.select().from(priceRanges).where(eq(priceRanges.version, latest));
    return { user: updated!, priceRanges: await publishRanges(tx, rows.map(rangeView), now) };
  });
}

/** Only the kinds whose latest version is newer than the device has, and the price ranges for a retailer. */
export async function manufacturerUpdates(db: BackendDb, user: User, have: ManufacturerHave): Promise<ManufacturerResponse> {
  const latest = await db.select({ kind: manufacturerDocuments.kind, version: max(manufacturerDocuments.version) })
    .from(manufacturerDocuments).groupBy(manufacturerDocuments.kind);
  const newer = latest.filter((l) => l.version !== null && l.version > (have[l.kind] ?? 0));
  const documents = newer.length === 0 ? [] : await db.select({ kind: manufacturerDocuments.kind, version: manufacturerDocuments.version, body: manufacturerDocuments.body })
    .from(manufacturerDocuments)
    .where(or(...newer.map((n) => and(eq(manufacturerDocuments.kind, n.kind), eq(manufacturerDocuments.version, n.version!)))))
    .orderBy(manufacturerDocuments.kind);
  // Bodies were checked against core/manufacturer.ts when they were published.
  const answer: ManufacturerResponse = { documents: documents as ManufacturerDocument[], priceRanges: await rangesFor(db, user, have.price_ranges ?? 0) };
  // A retailer's own rating, always the newest (it is small, and a device keeps only the last); nobody else's, and nothing to others.
  if (user.roles.includes('retailer') && user.retailerId !== null) answer.rating = await ratingOf(db, user.retailerId);
  return answer;
}

/** A retailer sees its own ranges and never another's; everybody else sees none. */
async function rangesFor(db: BackendDb, user: User, had: number): Promise<ManufacturerResponse['priceRanges']> {
  if (!user.roles.includes('retailer') || user.retailerId === null) return null;
  const version = await latestRangesVersion(db);
  if (version === null || version <= had) return null;
  const rows = await db.select().from(priceRanges)
    .where(and(eq(priceRanges.version, version), eq(priceRanges.retailerId, user.retailerId)))
    .orderBy(priceRanges.productId);
  return { version, ranges: rows.map(rangeView) };
}

function rangeView(row: PriceRangeRow): PriceRange {
  return { retailer: row.retailerId, product: row.productId, proposed: row.proposed, floor: row.floor, ceiling: row.ceiling, valid_until: row.validUntil };
}
