// argumentFor writes one offer's argument without ranking the rest (the
// coach's inbox shows one per alert): it must say exactly what the ranking
// says for that offer, for every offer, client and language.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueFile, splitCatalogueFile } from '#core/manufacturer.ts';
import { argumentFor, rankOffers, type OfferRequest } from '#core/offers/index.ts';

const catalogue = splitCatalogueFile(catalogueFile.parse(JSON.parse(readFileSync(new URL('../../../backend/seed/catalog.json', import.meta.url), 'utf8')))).catalogue;

const CLIENTS: Omit<OfferRequest, 'catalogue'>[] = [
  { profile: { purchase_driver: 'convenience', life_events: ['moving'] }, owned: ['liability_private'], consent: { profiling: true }, mandate: { budget_remaining: 60, areas: ['travel', 'mobility'], per_purchase_cap: 40 } },
  { profile: { purchase_driver: 'best_price', life_events: ['travel_planned'] }, owned: [], consent: { profiling: true } },
  { profile: { purchase_driver: 'identity' }, owned: ['household_contents'], consent: { profiling: false } },
  { profile: {}, consent: { profiling: true }, segment: null },
];

describe('argumentFor', () => {
  it.each(CLIENTS.flatMap((c, i) => (['de', 'en'] as const).map((lang) => [i, lang, c] as const)))('client %i in %s: the same argument as the ranking, for every offer', (_i, lang, client) => {
    const req: OfferRequest = { ...client, catalogue, lang, limit: 100 };
    const ranked = rankOffers(req).offers;
    expect(ranked.length).toBeGreaterThan(5);
    for (const o of ranked) expect(argumentFor(req, o.offer), o.offer).toEqual(o.argument);
    expect(argumentFor(req, 'teleport_cover')).toBeNull();
  });
});
