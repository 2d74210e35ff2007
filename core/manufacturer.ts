// The manufacturer's data, which devices receive read-only by sync and keep
// using offline with the last version they got: the catalogue, the value-tier
// criteria, the price ranges granted per retailer and product, and (in a later
// issue) the segment rule sets. The backend checks a catalogue file against
// these schemas before it publishes anything (backend/manufacturer.ts), and
// the device checks what it receives before it stores it (services/sync/link.ts,
// db/manufacturer.ts), so both sides read the data the same way. The alert
// rules (core/coach/alert-rules.ts) travel the same way.
//
// Objects are strict: a misspelt field in a catalogue file is refused by name
// instead of silently dropped. A field the manufacturer adds is therefore
// added here first; a device without it keeps the version it has.
import { z } from 'zod';
import { PROFILE_ATTRIBUTES } from './profile.ts';
import { profileClauses, RuleSetSchema } from './segments/schema.ts';
import { alertRulesDocument } from './coach/alert-rules.ts';
import { retailerRating } from './retail/rating.ts';

/** The documents the manufacturer publishes, each versioned on its own. */
export const MANUFACTURER_KINDS = ['catalogue', 'value_tiers', 'rule_set', 'propensities', 'alert_rules'] as const;
export type ManufacturerKind = (typeof MANUFACTURER_KINDS)[number];

export const PRODUCT_KINDS = ['base', 'module', 'temporary', 'partner_service'] as const;
export const PRICE_PERIODS = ['once', 'day', 'month', 'year'] as const;
export const VALUE_TIERS = ['A', 'B', 'C'] as const;

/** Ids of products, areas, bundles and retailers, as the catalogue writes them. */
export const catalogueId = z.string().regex(/^[a-z][a-z0-9_]{0,79}$/, { error: 'must be an id of lower-case letters, digits and underscores, like "liability_private" or "retailer_oeko_haus"' });
const id = catalogueId;
const text = (max: number) => z.string().trim().min(1, { error: 'may not be empty' }).max(max, { error: `is too long: at most ${max} characters` });
const localized = z.strictObject({ de: text(300), en: text(300) });
const lifeEvent = z.enum(PROFILE_ATTRIBUTES.life_events, { error: `must be one of the life events ${PROFILE_ATTRIBUTES.life_events.join(', ')}` });

/** A list price. Negative for a module that lowers its base product's price (pay as you drive). */
const price = z.strictObject({
  amount: z.number({ error: 'must be a number' }),
  period: z.enum(PRICE_PERIODS, { error: `must be one of ${PRICE_PERIODS.join(', ')}` }),
});

const variant = z.strictObject({ id: z.string().regex(/^[A-Z]$/, { error: 'must be one capital letter, like "A"' }), name: localized, price });

export const product = z.strictObject({
  id,
  name: localized,
  area: id,
  kind: z.enum(PRODUCT_KINDS, { error: `must be one of ${PRODUCT_KINDS.join(', ')}` }),
  /** A module's base product: sold only together with it. */
  requires: id.optional(),
  price,
  /**
   * The manufacturer's internal margin share, 0..1. INTERNAL: it steers which
   * offer an advisor sees first, but must never be shown to a client (the
   * client-facing view hides it, like every internal score and commission).
   */
  margin_rate: z.number({ error: 'must be a number' }).min(0, { error: 'must be from 0 to 1' }).max(1, { error: 'must be from 0 to 1' }),
  /** complex: always needs the client's single consent, never bought under a mandate. */
  complexity: z.enum(['simple', 'complex'], { error: 'must be simple or complex' }),
  adaptive: z.boolean({ error: 'must be true or false' }),
  life_events: z.array(lifeEvent),
  /** Sold by a topic host along with its own product (electronics, trips). */
  point_of_sale: z.boolean().optional(),
  variants: z.array(variant).min(1, { error: 'may not be empty: leave it out instead' }).optional(),
  /** For a partner service: who provides it. */
  partner: text(200).optional(),
  /** Identities the product speaks to (identity hosts, communities). */
  identity: z.array(id).optional(),
  white_label: z.boolean().optional(),
  /**
   * Whom a niche product is for (a club's white label, cover for horse
   * owners): offered only when the client's answers meet these conditions,
   * every clause by any of its conditions, like a rule set's triggers. Left
   * out, the product suits anybody; documents from before this field stay valid.
   */
  offered_if: profileClauses.optional(),
}).superRefine((p, ctx) => {
  if (p.kind === 'module' && p.requires === undefined) ctx.addIssue({ code: 'custom', path: ['requires'], message: 'is missing: a module names the base product it adds to' });
  if (p.kind !== 'module' && p.requires !== undefined) ctx.addIssue({ code: 'custom', path: ['requires'], message: `is only for modules, and this is a ${p.kind} product` });
  if (p.kind === 'partner_service' && p.partner === undefined) ctx.addIssue({ code: 'custom', path: ['partner'], message: 'is missing: a partner service names its partner' });
});
export type Product = z.infer<typeof product>;

export const bundle = z.strictObject({
  id,
  name: localized,
  /** The life event that suggests the bundle. */
  trigger: lifeEvent,
  items: z.array(id).min(2, { error: 'needs at least two products' }),
});

export const valueTier = z.strictObject({
  tier: z.enum(VALUE_TIERS, { error: `must be one of ${VALUE_TIERS.join(', ')}` }),
  /** All of them must hold; none at all: the tier everybody else falls into. */
  criteria: z.strictObject({
    min_yearly_premium: z.number().nonnegative().optional(),
    min_product_areas: z.number().int().nonnegative().optional(),
    min_years: z.number().nonnegative().optional(),
    min_profile_completeness: z.number().min(0).max(1, { error: 'must be from 0 to 1' }).optional(),
  }),
  benefits: z.strictObject({ de: z.array(text(300)), en: z.array(text(300)) }),
});

/** What one retailer may charge for one product: the manufacturer proposes, the retailer moves within floor..ceiling. */
export const priceRange = z.strictObject({
  retailer: id,
  product: id,
  proposed: z.number({ error: 'must be a number' }),
  floor: z.number({ error: 'must be a number' }),
  ceiling: z.number({ error: 'must be a number' }),
  valid_until: z.iso.date({ error: 'must be a date like 2027-12-31' }),
}).superRefine((r, ctx) => {
  if (r.floor > r.ceiling) {
    ctx.addIssue({ code: 'custom', path: ['floor'], message: `is above the ceiling (${r.floor} > ${r.ceiling})` });
  } else if (r.proposed < r.floor || r.proposed > r.ceiling) {
    ctx.addIssue({ code: 'custom', path: ['proposed'], message: `must lie within floor and ceiling (${r.floor} to ${r.ceiling}), not ${r.proposed}` });
  }
});
export type PriceRange = z.infer<typeof priceRange>;

const catalogueShape = {
  manufacturer: text(200),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be a currency code like EUR' }),
  note: z.string().max(2000).optional(),
  areas: z.array(id).min(1, { error: 'needs at least one area' }),
  products: z.array(product).min(1, { error: 'needs at least one product' }),
  bundles: z.array(bundle),
};

type CatalogueShape = z.infer<z.ZodObject<typeof catalogueShape>>;

/** What one catalogue must agree with itself on: unique ids, known areas, references to products that exist. */
function checkCatalogue(c: CatalogueShape, ctx: z.RefinementCtx): void {
  const areas = new Set(c.areas);
  const byId = new Map<string, Product>();
  c.products.forEach((p, i) => {
    if (byId.has(p.id)) ctx.addIssue({ code: 'custom', path: ['products', i, 'id'], message: `"${p.id}" is used by two products` });
    byId.set(p.id, p);
    if (!areas.has(p.area)) ctx.addIssue({ code: 'custom', path: ['products', i, 'area'], message: `"${p.area}" is not one of the areas listed in areas` });
  });
  c.products.forEach((p, i) => {
    if (p.requires === undefined) return;
    const base = byId.get(p.requires);
    if (!base) ctx.addIssue({ code: 'custom', path: ['products', i, 'requires'], message: `names "${p.requires}", which is not a product of this catalogue` });
    else if (base.kind !== 'base') ctx.addIssue({ code: 'custom', path: ['products', i, 'requires'], message: `names "${p.requires}", a ${base.kind} product: a module adds to a base product` });
  });
  const bundles = new Set<string>();
  c.bundles.forEach((b, i) => {
    if (bundles.has(b.id)) ctx.addIssue({ code: 'custom', path: ['bundles', i, 'id'], message: `"${b.id}" is used by two bundles` });
    bundles.add(b.id);
    b.items.forEach((item, j) => {
      if (!byId.has(item)) ctx.addIssue({ code: 'custom', path: ['bundles', i, 'items', j], message: `"${item}" is not a product of this catalogue` });
    });
  });
}

/** The catalogue as devices receive it: products and bundles. Never the price ranges (those go only to their retailer). */
export const catalogueDocument = z.strictObject(catalogueShape).superRefine(checkCatalogue);
export type CatalogueDocument = z.infer<typeof catalogueDocument>;

function checkTiers(tiers: z.infer<typeof valueTier>[], ctx: z.RefinementCtx, path: (string | number)[]): void {
  const seen = new Set<string>();
  tiers.forEach((t, i) => {
    if (seen.has(t.tier)) ctx.addIssue({ code: 'custom', path: [...path, i, 'tier'], message: `${t.tier} is listed twice` });
    seen.add(t.tier);
  });
}

export const valueTiersDocument = z.strictObject({ tiers: z.array(valueTier) })
  .superRefine((d, ctx) => checkTiers(d.tiers, ctx, ['tiers']));
export type ValueTiersDocument = z.infer<typeof valueTiersDocument>;

/** The segment rule set, as the segment engine reads it (core/segments/schema.ts). */
export const ruleSetDocument = RuleSetSchema;

/**
 * Acceptance rates the backend learned from recorded offer outcomes, per
 * segment and offer: the posterior mean of a Beta prior (centred on the
 * offer's rate over all segments) updated with that segment's accepted and
 * rejected outcomes, so a new offer is neither ignored nor overrated.
 */
export const propensitiesDocument = z.strictObject({
  rates: z.record(z.string(), z.record(z.string(), z.number().min(0).max(1))),
  /** How many outcomes each rate rests on, so the device can say how sure it is. */
  outcomes: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())),
  prior: z.strictObject({ mean: z.number().min(0).max(1), strength: z.number().positive() }),
  learnedAt: z.string(),
});
export type PropensitiesDocument = z.infer<typeof propensitiesDocument>;

/**
 * The file the manufacturer publishes from (backend/seed/catalog.json): the
 * catalogue, the value tiers and the price ranges of every retailer in one.
 */
export const catalogueFile = z.strictObject({
  ...catalogueShape,
  retailer_price_ranges: z.array(priceRange),
  value_tiers: z.array(valueTier),
}).superRefine((f, ctx) => {
  checkCatalogue(f, ctx);
  checkTiers(f.value_tiers, ctx, ['value_tiers']);
  const products = new Set(f.products.map((p) => p.id));
  const pairs = new Set<string>();
  f.retailer_price_ranges.forEach((r, i) => {
    if (!products.has(r.product)) ctx.addIssue({ code: 'custom', path: ['retailer_price_ranges', i, 'product'], message: `"${r.product}" is not a product of this catalogue` });
    const pair = `${r.retailer}/${r.product}`;
    if (pairs.has(pair)) ctx.addIssue({ code: 'custom', path: ['retailer_price_ranges', i], message: `${r.retailer} has a second range for ${r.product}: one range per retailer and product` });
    pairs.add(pair);
  });
});
export type CatalogueFile = z.infer<typeof catalogueFile>;

/** Splits a checked file into what is published: the catalogue, the value tiers and the price ranges. */
export function splitCatalogueFile(file: CatalogueFile): { catalogue: CatalogueDocument; valueTiers: ValueTiersDocument; priceRanges: PriceRange[] } {
  const { retailer_price_ranges: priceRanges, value_tiers: tiers, ...catalogue } = file;
  return { catalogue, valueTiers: { tiers }, priceRanges };
}

// What device and backend say to each other (POST /v1/manufacturer).

const versionHad = z.number({ error: 'must be a version number' }).int({ error: 'must be a whole number' }).nonnegative({ error: 'may not be negative' });
const version = z.number().int().positive();

/** The versions a device has, per kind; a kind left out: it has none. */
export const manufacturerHave = z.strictObject({
  catalogue: versionHad.optional(),
  value_tiers: versionHad.optional(),
  rule_set: versionHad.optional(),
  propensities: versionHad.optional(),
  alert_rules: versionHad.optional(),
  price_ranges: versionHad.optional(),
}, { error: (issue) => (issue.code === 'unrecognized_keys'
  ? `has unknown kinds (${issue.keys.join(', ')}): send only ${[...MANUFACTURER_KINDS, 'price_ranges'].join(', ')}`
  : issue.input === undefined
    ? 'is missing: send the versions this device has, like {"catalogue": 3}, or {} when it has none'
    : 'must be an object of versions like {"catalogue": 3}') });
export type ManufacturerHave = z.infer<typeof manufacturerHave>;

export const manufacturerRequest = z.strictObject({ have: manufacturerHave }, { error: (issue) => (issue.code === 'unrecognized_keys'
  ? `has unknown fields (${issue.keys.join(', ')}): send only have`
  : 'must be a JSON object like {"have": {"catalogue": 3, "value_tiers": 3, "price_ranges": 3}}') });

export const manufacturerDocument = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('catalogue'), version, body: catalogueDocument }),
  z.object({ kind: z.literal('value_tiers'), version, body: valueTiersDocument }),
  z.object({ kind: z.literal('rule_set'), version, body: ruleSetDocument }),
  z.object({ kind: z.literal('propensities'), version, body: propensitiesDocument }),
  z.object({ kind: z.literal('alert_rules'), version, body: alertRulesDocument }),
]);
export type ManufacturerDocument = z.infer<typeof manufacturerDocument>;

/** Only what is newer than the device has; a device that is up to date gets `{ documents: [], priceRanges: null }`. */
export const manufacturerResponse = z.object({
  documents: z.array(manufacturerDocument),
  /** Only for a retailer, and only its own ranges; null for everybody else and when nothing is newer. */
  priceRanges: z.object({ version, ranges: z.array(priceRange) }).nullable(),
  /**
   * Only for a retailer: its own rating by data contribution (core/retail/rating.ts),
   * as the backend last computed it; never another retailer's. Left out by a backend
   * from before ratings, and for everybody else.
   */
  rating: retailerRating.nullable().optional(),
});
export type ManufacturerResponse = z.infer<typeof manufacturerResponse>;

/** What a mutation can ask the catalogue about: an area, a bundle, any product, or a product of one kind. */
export type CatalogueItem = 'area' | 'bundle' | 'product' | (typeof PRODUCT_KINDS)[number];

/**
 * The catalogue as the rules consult it: does it name this id as this kind of
 * item? On a device, the catalogue it holds; on the backend, every version it
 * ever published, because devices sync at different times.
 */
export interface CatalogueLookup {
  has(item: CatalogueItem, id: string): boolean;
  /** The newest of them: its prices, areas and complexity decide a purchase made now. */
  current: CatalogueDocument;
}

/** The items of one or more catalogues (oldest first), as one lookup. */
export function catalogueLookup(catalogues: readonly CatalogueDocument[]): CatalogueLookup {
  if (catalogues.length === 0) throw new Error('catalogueLookup needs at least one catalogue');
  const known = new Set<string>();
  for (const c of catalogues) {
    for (const a of c.areas) known.add(`area:${a}`);
    for (const p of c.products) known.add(`product:${p.id}`).add(`${p.kind}:${p.id}`);
    for (const b of c.bundles) known.add(`bundle:${b.id}`);
  }
  return { has: (item, id) => known.has(`${item}:${id}`), current: catalogues[catalogues.length - 1]! };
}
