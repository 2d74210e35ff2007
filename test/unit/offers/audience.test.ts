// The client-facing view (offers.md, workflows.md) leaves out scores, the
// breakdown, anything derived from margin, and reasons drawn from the
// segment or from other clients' choices. What is provable: (1) it is the
// advisor's view minus those, in the same order, and names no segment; (2) two catalogues
// that differ only in margin_rate give the same client-facing offers, each
// identical field by field: only the order (and so which ten come first)
// may differ, because the order is the advisor's recommendation and is kept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientMayRead, rankOffers, rankOffersExplained, reasonText, type Offer, type OfferRequest } from '#core/offers/index.ts';
import { SEGMENT_IDS, SEGMENT_NAMES } from '#core/segments/index.ts';
import { ALL, DEMO, demoCatalogue, ownedArb, profileArb, rank } from './fixtures.ts';

const FORBIDDEN_KEYS = ['score', 'breakdown', 'value', 'margin', 'margin_rate', 'lever', 'propensity', 'context'];

function keysDeep(x: unknown, out: string[] = []): string[] {
  if (Array.isArray(x)) x.forEach((v) => keysDeep(v, out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) { out.push(k); keysDeep(v, out); }
  return out;
}

const caseArb = fc.record({
  profile: profileArb, owned: ownedArb, profiling: fc.boolean(), lang: fc.constantFrom('en' as const, 'de' as const),
  segment: fc.option(fc.constantFrom(...SEGMENT_IDS), { nil: undefined }),
  mandate: fc.option(fc.record({ budget_remaining: fc.integer({ min: 0, max: 200 }), areas: fc.constant(['travel', 'mobility', 'household']), per_purchase_cap: fc.integer({ min: 0, max: 100 }) }), { nil: null }),
  pos: fc.boolean(), complex: fc.boolean(),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const request = (c: Case): Omit<OfferRequest, 'catalogue'> => ({
  profile: c.profile, owned: c.owned, consent: { profiling: c.profiling }, segment: c.segment, mandate: c.mandate, lang: c.lang,
  context: { at_point_of_sale: c.pos, meeting_topic_complex: c.complex },
});
const byId = (offers: Offer[]) => [...offers].sort((a, b) => a.offer.localeCompare(b.offer));

describe('audience client', () => {
  it('is the advisor\'s view without score, breakdown and segment-derived reasons, in the same order', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const advisor = rankOffersExplained({ ...request(c), catalogue: DEMO, limit: ALL });
      const client = rank({ ...request(c), limit: ALL, audience: 'client' });
      const name = (id: string) => DEMO.products.find((p) => p.id === id)!.name[c.lang];
      expect(client).toEqual({
        ...advisor,
        offers: advisor.offers.map(({ score: _s, breakdown: _b, why, ...rest }) => ({
          ...rest, reasons: why.filter(clientMayRead).map((r) => reasonText(r, c.lang, name)),
        })),
      });
      expect(keysDeep(client).filter((k) => FORBIDDEN_KEYS.includes(k))).toEqual([]);
    }), { numRuns: 150 });
  });

  it('never names a segment, in either language, nor what other clients of it did', () => {
    const names = SEGMENT_IDS.flatMap((s) => [SEGMENT_NAMES[s].de, SEGMENT_NAMES[s].en]);
    const table = { version: 'propensities.v1', rates: Object.fromEntries(SEGMENT_IDS.map((s) => [s, Object.fromEntries(DEMO.products.map((p) => [p.id, 0.4]))])) };
    fc.assert(fc.property(caseArb, (c) => {
      const client = rank({ ...request(c), limit: ALL, audience: 'client', propensities: table });
      for (const o of client.offers) {
        for (const text of [o.argument.text, ...o.reasons]) {
          for (const n of names) expect(text.toLowerCase()).not.toContain(n.toLowerCase());
          expect(text).not.toMatch(/segment|gelernt|learned/i);
        }
      }
    }), { numRuns: 150 });
  });

  it('gives the same offers, field by field, whatever the margins are: only the order can change', () => {
    const margins = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 28, maxLength: 28 });
    fc.assert(fc.property(caseArb, margins, (c, rates) => {
      const other = demoCatalogue();
      other.products.forEach((p, i) => { p.margin_rate = rates[i]!; });
      const demo = rankOffers({ ...request(c), catalogue: demoCatalogue(), audience: 'client', limit: ALL });
      const changed = rankOffers({ ...request(c), catalogue: other, audience: 'client', limit: ALL });
      expect({ ...changed, offers: byId(changed.offers) }).toEqual({ ...demo, offers: byId(demo.offers) });
      // The first ten: whatever both show, they show identically.
      const first = rankOffers({ ...request(c), catalogue: demoCatalogue(), audience: 'client' }).offers;
      const firstChanged = rankOffers({ ...request(c), catalogue: other, audience: 'client' }).offers;
      for (const o of firstChanged) {
        const same = first.find((x) => x.offer === o.offer);
        if (same) expect(o).toEqual(same);
      }
    }), { numRuns: 100 });
  });

  it('while the advisor\'s view does reflect margin', () => {
    const other = demoCatalogue();
    for (const p of other.products) p.margin_rate = p.id === 'ebike' ? 1 : 0.01;
    const req = { consent: { profiling: false }, lang: 'en' as const };
    const a = rankOffers({ ...req, catalogue: demoCatalogue() });
    const b = rankOffers({ ...req, catalogue: other });
    expect(b.offers[0]!.offer).toBe('ebike');
    expect(a.offers[0]!.offer).not.toBe('ebike');
    expect(b.offers[0]!.breakdown!.value).toBe(1);
  });
});
