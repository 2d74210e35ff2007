// The demo catalogue the app ships and small helpers for the offer tests.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { catalogueFile, splitCatalogueFile, type CatalogueDocument, type Product } from '#core/manufacturer.ts';
import { rankOffers, type OfferRequest, type OfferResult } from '#core/offers/index.ts';
import { ATTRIBUTE_IDS, PROFILE_ATTRIBUTES, type Profile } from '#core/profile.ts';

const text = readFileSync(new URL('../../../backend/seed/catalog.json', import.meta.url), 'utf8');

/** A fresh, checked copy of the demo catalogue, safe to change in a test. */
export const demoCatalogue = (): CatalogueDocument => splitCatalogueFile(catalogueFile.parse(JSON.parse(text))).catalogue;
export const DEMO = demoCatalogue();
export const product = (id: string): Product => DEMO.products.find((p) => p.id === id)!;

/** Every eligible offer, not just the first ten, unless the test says otherwise. */
export const ALL = 1000;

export function rank(req: Partial<OfferRequest> & { profile?: Profile }): OfferResult {
  return rankOffers({ consent: { profiling: true }, catalogue: DEMO, lang: 'en', ...req });
}

export const ids = (r: OfferResult) => r.offers.map((o) => o.offer);

/** Any profile the contract allows: each attribute left out or given one of its values. */
export const profileArb: fc.Arbitrary<Profile> = fc.record(
  Object.fromEntries(ATTRIBUTE_IDS.map((a) => [a, a === 'life_events'
    ? fc.subarray([...PROFILE_ATTRIBUTES.life_events])
    : fc.constantFrom(...PROFILE_ATTRIBUTES[a])])),
  { requiredKeys: [] },
) as fc.Arbitrary<Profile>;

export const ownedArb = fc.subarray(DEMO.products.map((p) => p.id));
