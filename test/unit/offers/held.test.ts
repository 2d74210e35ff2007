// What the client accepted in this meeting counts as held for the rest of it:
// the "Familienstart" bundle accepted, none of its parts comes up again,
// alone or in another bundle. A refusal or a postponement holds nothing.
import { describe, expect, it } from 'vitest';
import { heldInMeeting } from '#core/offers/index.ts';
import { ALL, DEMO, demoCatalogue, ids, rank } from './fixtures.ts';

const FAMILY = ['accident_child', 'term_life', 'child_savings'];
const family = { profile: { life_events: ['family_growing' as const] }, limit: ALL };

describe('held in the meeting', () => {
  it('a bundle accepted stands for its items, next to what was held before', () => {
    expect(heldInMeeting(['car'], [{ offerId: 'bundle_new_family', outcome: 'accepted' }], DEMO).sort()).toEqual(['car', ...FAMILY].sort());
    expect(heldInMeeting([], [{ offerId: 'ebike', outcome: 'accepted' }, { offerId: 'car', outcome: 'rejected' }, { offerId: 'accident', outcome: 'postponed' }], DEMO)).toEqual(['ebike']);
  });

  it('after accepting "Familienstart" none of its parts is offered again, alone or in another bundle', () => {
    const before = rank(family);
    expect(ids(before)).toContain('bundle_new_family');
    for (const item of FAMILY) expect(ids(before)).toContain(item);

    const owned = heldInMeeting([], [{ offerId: 'bundle_new_family', outcome: 'accepted' }], DEMO);
    const after = rank({ ...family, owned });
    expect(ids(after)).not.toContain('bundle_new_family');
    for (const o of after.offers) {
      expect(FAMILY).not.toContain(o.offer);
      for (const item of o.items ?? []) expect(FAMILY).not.toContain(item);
    }
  });

  it('a product accepted alone leaves a bundle that held it with the rest, or drops it when one is left', () => {
    const catalogue = demoCatalogue();
    catalogue.bundles.push({ id: 'bundle_safe_family', name: { de: 'Sicher', en: 'Safe' }, trigger: 'family_growing', items: ['term_life', 'accident', 'accident_child'] });
    const owned = heldInMeeting([], [{ offerId: 'term_life', outcome: 'accepted' }], catalogue);
    const after = rank({ ...family, catalogue, owned });
    expect(after.offers.find((o) => o.offer === 'bundle_safe_family')!.items).toEqual(['accident', 'accident_child']);
    expect(after.offers.find((o) => o.offer === 'bundle_new_family')!.items).toEqual(['accident_child', 'child_savings']);
  });

  it('a refusal holds nothing: the parts may still be offered', () => {
    const owned = heldInMeeting([], [{ offerId: 'bundle_new_family', outcome: 'rejected' }], DEMO);
    expect(owned).toEqual([]);
    for (const item of FAMILY) expect(ids(rank({ ...family, owned }))).toContain(item);
  });
});
