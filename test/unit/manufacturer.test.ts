// The schemas of the manufacturer's data (core/manufacturer.ts): the shipped
// demo catalogue passes, and what would mislead a device or a retailer is
// refused with the field it is about.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  catalogueFile, manufacturerRequest, manufacturerResponse, priceRange, splitCatalogueFile, type PriceRange,
} from '#core/manufacturer.ts';
import { RULESET_V1 } from '#core/segments/index.ts';

const seedText = readFileSync(new URL('../../backend/seed/catalog.json', import.meta.url), 'utf8');
/** A fresh copy of the shipped file, to spoil one thing at a time. */
const seed = () => JSON.parse(seedText) as {
  products: Record<string, unknown>[]; bundles: Record<string, unknown>[]; retailer_price_ranges: Record<string, unknown>[];
  value_tiers: Record<string, unknown>[]; areas: string[];
};

/** Each problem as `path: message`. */
function problems(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const range = (patch: Partial<PriceRange> = {}): PriceRange => ({
  retailer: 'retailer_oeko_haus', product: 'green_household', proposed: 12.4, floor: 11.2, ceiling: 14.9, valid_until: '2027-06-30', ...patch,
});

describe('the shipped catalogue', () => {
  it('backend/seed/catalog.json validates', () => {
    expect(problems(catalogueFile, seed())).toEqual([]);
  });

  it('splits into a catalogue without price ranges or tiers, the value tiers, and the ranges', () => {
    const file = catalogueFile.parse(seed());
    const { catalogue, valueTiers, priceRanges } = splitCatalogueFile(file);
    expect(catalogue).not.toHaveProperty('retailer_price_ranges');
    expect(catalogue).not.toHaveProperty('value_tiers');
    expect(catalogue.products.map((p) => p.id)).toEqual(seed().products.map((p) => p.id));
    expect(valueTiers.tiers.map((t) => t.tier)).toEqual(['A', 'B', 'C']);
    expect(priceRanges).toEqual(seed().retailer_price_ranges);
  });
});

describe('price range', () => {
  it('accepts a proposal anywhere from floor to ceiling, both included', () => {
    for (const proposed of [11.2, 12.4, 14.9]) expect(problems(priceRange, range({ proposed }))).toEqual([]);
  });

  it('refuses a floor above the ceiling', () => {
    expect(problems(priceRange, range({ floor: 15, ceiling: 14.9, proposed: 14.9 }))).toEqual(['floor: is above the ceiling (15 > 14.9)']);
  });

  it('refuses a proposal below the floor or above the ceiling', () => {
    expect(problems(priceRange, range({ proposed: 11.19 }))).toEqual(['proposed: must lie within floor and ceiling (11.2 to 14.9), not 11.19']);
    expect(problems(priceRange, range({ proposed: 15 }))).toEqual(['proposed: must lie within floor and ceiling (11.2 to 14.9), not 15']);
  });

  it('refuses a date that does not exist, a missing field and a stray one', () => {
    expect(problems(priceRange, range({ valid_until: '2027-02-30' }))).toEqual(['valid_until: must be a date like 2027-12-31']);
    const { ceiling: _gone, ...noCeiling } = range();
    expect(problems(priceRange, noCeiling)).toEqual(['ceiling: must be a number']);
    expect(problems(priceRange, { ...range(), discount: 1 })[0]).toMatch(/discount/);
  });
});

describe('catalogue file', () => {
  const spoilt = (change: (f: ReturnType<typeof seed>) => void) => { const f = seed(); change(f); return problems(catalogueFile, f); };
  const index = (id: string) => seed().products.findIndex((p) => p.id === id);

  it('refuses a margin rate outside 0..1 and an unknown field, by path', () => {
    expect(spoilt((f) => { f.products[0]!.margin_rate = 1.2; })).toEqual(['products.0.margin_rate: must be from 0 to 1']);
    expect(spoilt((f) => { f.products[1]!.margin_rat = 0.2; })).toEqual(['products.1: Unrecognized key: "margin_rat"']);
  });

  it('says whom a niche product is for in terms of profile answers, and refuses an answer the profile does not know', () => {
    const club = index('club_liability');
    expect(spoilt((f) => { f.products[club]!.offered_if = [[{ attribute: 'identity_expression', in: ['football'] }]]; }))
      .toEqual([`products.${club}.offered_if.0.0.in: "football" is not a value of identity_expression: use one of none, brand, identity_host, community_retailer`]);
    expect(spoilt((f) => { f.products[club]!.offered_if = [[{ attribute: 'shoe_size', in: ['42'] }]]; })[0]).toMatch(new RegExp(`^products\\.${club}\\.offered_if\\.0\\.0\\.attribute: must be a profile attribute`));
    expect(spoilt((f) => { f.products[club]!.offered_if = []; })[0]).toMatch(new RegExp(`^products\\.${club}\\.offered_if:`));
    // A document from before the field: still a valid catalogue.
    expect(spoilt((f) => { for (const p of f.products) delete p.offered_if; })).toEqual([]);
  });

  it('keeps modules tied to a base product that exists', () => {
    const bike = index('household_bike');
    expect(spoilt((f) => { delete f.products[bike]!.requires; })).toEqual([`products.${bike}.requires: is missing: a module names the base product it adds to`]);
    expect(spoilt((f) => { f.products[bike]!.requires = 'household_gone'; })).toEqual([`products.${bike}.requires: names "household_gone", which is not a product of this catalogue`]);
    expect(spoilt((f) => { f.products[bike]!.requires = 'car_short_term'; })).toEqual([`products.${bike}.requires: names "car_short_term", a temporary product: a module adds to a base product`]);
    expect(spoilt((f) => { f.products[0]!.requires = 'car'; })).toEqual(['products.0.requires: is only for modules, and this is a base product']);
  });

  it('refuses a duplicate id, an unknown area, life event or kind, and a partner service without partner', () => {
    expect(spoilt((f) => { f.products[1]!.id = f.products[0]!.id; })).toContain('products.1.id: "liability_private" is used by two products');
    expect(spoilt((f) => { f.products[0]!.area = 'space'; })).toEqual(['products.0.area: "space" is not one of the areas listed in areas']);
    expect(spoilt((f) => { f.products[0]!.life_events = ['lottery_win']; })[0]).toMatch(/^products\.0\.life_events\.0: must be one of the life events/);
    expect(spoilt((f) => { f.products[0]!.kind = 'gadget'; })[0]).toMatch(/^products\.0\.kind: must be one of base, module, temporary, partner_service/);
    const partner = index('partner_moving_company');
    expect(spoilt((f) => { delete f.products[partner]!.partner; })).toEqual([`products.${partner}.partner: is missing: a partner service names its partner`]);
  });

  it('refuses bundles of products that do not exist, ranges for them, and two ranges for one retailer and product', () => {
    expect(spoilt((f) => { (f.bundles[0]!.items as string[]).push('time_machine'); })).toEqual(['bundles.0.items.3: "time_machine" is not a product of this catalogue']);
    expect(spoilt((f) => { f.retailer_price_ranges[0]!.product = 'time_machine'; })).toEqual(['retailer_price_ranges.0.product: "time_machine" is not a product of this catalogue']);
    expect(spoilt((f) => { f.retailer_price_ranges.push({ ...f.retailer_price_ranges[0]! }); }))
      .toEqual(['retailer_price_ranges.4: retailer_reitsport_mueller has a second range for equestrian_liability: one range per retailer and product']);
    expect(spoilt((f) => { f.retailer_price_ranges[2]!.floor = 20; })).toEqual(['retailer_price_ranges.2.floor: is above the ceiling (20 > 14.9)']);
  });

  it('refuses a value tier listed twice or a completeness above 1', () => {
    expect(spoilt((f) => { f.value_tiers[1]!.tier = 'A'; })).toEqual(['value_tiers.1.tier: A is listed twice']);
    expect(spoilt((f) => { (f.value_tiers[0]!.criteria as Record<string, number>).min_profile_completeness = 80; })).toEqual(['value_tiers.0.criteria.min_profile_completeness: must be from 0 to 1']);
  });
});

describe('the wire', () => {
  it('a request names only known kinds with whole, non-negative versions', () => {
    expect(problems(manufacturerRequest, { have: {} })).toEqual([]);
    expect(problems(manufacturerRequest, { have: { catalogue: 3, value_tiers: 0, rule_set: 1, price_ranges: 2 } })).toEqual([]);
    expect(problems(manufacturerRequest, { have: { alerts: 1 } })).toEqual(['have: has unknown kinds (alerts): send only catalogue, value_tiers, rule_set, propensities, alert_rules, price_ranges']);
    expect(problems(manufacturerRequest, { have: { catalogue: -1, value_tiers: 2.5 } })).toEqual(['have.catalogue: may not be negative', 'have.value_tiers: must be a whole number']);
  });

  it('an answer is checked to the bodies: a broken catalogue or a range out of bounds is refused', () => {
    const { catalogue, valueTiers } = splitCatalogueFile(catalogueFile.parse(seed()));
    const good = { documents: [{ kind: 'catalogue', version: 1, body: catalogue }, { kind: 'value_tiers', version: 1, body: valueTiers }, { kind: 'rule_set', version: 1, body: RULESET_V1 }], priceRanges: { version: 1, ranges: [range()] } };
    expect(problems(manufacturerResponse, good)).toEqual([]);
    expect(problems(manufacturerResponse, { documents: [], priceRanges: null })).toEqual([]);
    const broken = structuredClone(good);
    (broken.documents[0]!.body as { products: { margin_rate: number }[] }).products[0]!.margin_rate = -0.1;
    expect(problems(manufacturerResponse, broken)).toEqual(['documents.0.body.products.0.margin_rate: must be from 0 to 1']);
    expect(problems(manufacturerResponse, { ...good, priceRanges: { version: 1, ranges: [range({ proposed: 99 })] } })).toEqual(['priceRanges.ranges.0.proposed: must lie within floor and ceiling (11.2 to 14.9), not 99']);
    expect(problems(manufacturerResponse, { documents: [{ kind: 'prices', version: 1, body: {} }], priceRanges: null })).not.toEqual([]);
    // A rule set this app cannot read is refused on the wire, as a catalogue would be.
    expect(problems(manufacturerResponse, { documents: [{ kind: 'rule_set', version: 2, body: { rules: [] } }], priceRanges: null })).not.toEqual([]);
    expect(problems(manufacturerResponse, { documents: [{ kind: 'catalogue', version: 0, body: catalogue }], priceRanges: null })).not.toEqual([]);
  });
});
