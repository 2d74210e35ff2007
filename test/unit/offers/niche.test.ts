// Niche products (the club's white label, cover for horse owners) say in the
// catalogue whom they are for; the engine offers them only to a client whose
// answers point there, and says which answer did.
import { describe, expect, it } from 'vitest';
import { catalogueDocument } from '#core/manufacturer.ts';
import { rankOffers } from '#core/offers/index.ts';
import type { Profile } from '#core/profile.ts';
import { ALL, demoCatalogue, ids, rank } from './fixtures.ts';

const NICHE = ['club_liability', 'equestrian_liability'];

/** A retired couple who like a fair price, trust their advisor and want nothing fancy. */
const RETIRED: Profile = {
  purchase_driver: 'price_for_quality', identity_expression: 'none', trust_anchor: 'personal_advisor', data_sharing: 'on_request',
  activity_level: 'medium', tech_affinity: 'low', preferred_channel: 'advisor_meeting', assistant_app: 'none',
  life_events: ['retirement_near'], purchase_occasion: 'none', product_complexity: 'simple',
};

describe('niche products', () => {
  it('are offered to nobody the answers do not point to: no data, no consent, a retired couple', () => {
    for (const req of [{ profile: {} }, { consent: { profiling: false }, profile: { identity_expression: 'identity_host' as const } }, { profile: RETIRED }]) {
      const offered = ids(rank({ ...req, limit: ALL }));
      for (const n of NICHE) expect(offered, JSON.stringify(req)).not.toContain(n);
    }
  });

  it('are offered, with the answer that points there, to a client they are for', () => {
    const club = rank({ profile: { purchase_driver: 'identity', identity_expression: 'identity_host', trust_anchor: 'identity_host' }, limit: ALL });
    const offer = club.offers.find((o) => o.offer === 'club_liability')!;
    expect(offer.reasons).toContain('fits the answer: supports a club or cause by buying through it');
    expect(ids(club)).not.toContain('equestrian_liability');

    const rider = rank({ profile: { preferred_channel: 'specialist_retailer' }, lang: 'de', limit: ALL });
    expect(rider.offers.find((o) => o.offer === 'equestrian_liability')!.reasons).toContain('passt zur Antwort: kauft beim Fachhändler');
    expect(ids(rider)).not.toContain('club_liability');
  });

  it('rank higher for the client they are for than an ordinary product would', () => {
    const rider = rank({ profile: { identity_expression: 'community_retailer', trust_anchor: 'specialist_retailer', purchase_driver: 'identity' } });
    expect(ids(rider).indexOf('equestrian_liability')).toBeGreaterThanOrEqual(0);
    expect(ids(rider).indexOf('equestrian_liability')).toBeLessThan(5);
  });

  it('a product without `offered_if` is for anybody, and an older catalogue without the field still ranks', () => {
    const old = demoCatalogue();
    for (const p of old.products) delete p.offered_if;
    expect(catalogueDocument.safeParse(old).success).toBe(true);
    const r = rankOffers({ consent: { profiling: false }, catalogue: old, lang: 'en', limit: ALL });
    for (const n of NICHE) expect(ids(r)).toContain(n);
  });

  it('leaves a niche item out of a bundle for a client it is not meant for', () => {
    const catalogue = demoCatalogue();
    catalogue.bundles.push({ id: 'bundle_stable', name: { de: 'Stall', en: 'Stable' }, trigger: 'new_home', items: ['equestrian_liability', 'household_contents', 'accident'] });
    const plain = rankOffers({ consent: { profiling: true }, profile: { life_events: ['new_home'] }, catalogue, lang: 'en', limit: ALL });
    expect(plain.offers.find((o) => o.offer === 'bundle_stable')!.items).toEqual(['household_contents', 'accident']);
    const rider = rankOffers({ consent: { profiling: true }, profile: { life_events: ['new_home'], trust_anchor: 'specialist_retailer' }, catalogue, lang: 'en', limit: ALL });
    expect(rider.offers.find((o) => o.offer === 'bundle_stable')!.items).toEqual(['equestrian_liability', 'household_contents', 'accident']);
  });
});
