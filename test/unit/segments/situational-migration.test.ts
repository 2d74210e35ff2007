// segments.md's situational table and migration table, row by row: each
// situational pair is named for its primary, and each migration trigger is
// listed exactly when the profile shows it.
import { describe, expect, it } from 'vitest';
import type { Profile } from '#core/profile.ts';
import { rankSegments, RULESET_V1, SEGMENT_IDS, type SegmentId } from '#core/segments/index.ts';
import { TEXTBOOK } from './personas.ts';

const rank = (p: Profile) => rankSegments(p, RULESET_V1);

describe('situational membership', () => {
  // [primary, also acts as, a profile change that makes it the current situation]
  const pairs: [SegmentId, SegmentId, Profile][] = [
    ['cautious_self_searcher', 'conscious_purchase_seeker', { product_complexity: 'complex' }],
    ['social_media_user', 'community_identity_seeker', { product_complexity: 'complex' }],
    ['convenient_non_searcher', 'entrepreneurial_identity_seeker', { identity_expression: 'identity_host' }],
    ['entrepreneurial_identity_seeker', 'convenient_non_searcher', { product_complexity: 'simple' }],
    ['conscious_purchase_seeker', 'cautious_self_searcher', { product_complexity: 'simple' }],
    ['community_identity_seeker', 'social_media_user', { product_complexity: 'simple' }],
  ];

  it.each(pairs)('%s also acts as %s', (primary, also, trigger) => {
    const now = rank({ ...TEXTBOOK[primary], ...trigger });
    expect(now.primary).toBe(primary);
    const entry = now.situational.find((s) => s.segment === also);
    expect(entry?.active).toBe(true);
    expect(entry!.when.en.length).toBeGreaterThan(10);
    expect(entry!.when.de.length).toBeGreaterThan(10);
    // Without the situation it is still named (it describes the client), but not as the current one.
    const without = rank({ ...TEXTBOOK[primary], product_complexity: undefined, identity_expression: 'none' });
    expect(without.situational.find((s) => s.segment === also)?.active).toBe(false);
  });

  it('segments without a row in the table have no situational segment', () => {
    for (const s of ['passive_co_buyer', 'responsibility_delegator', 'brand_identity_seeker'] as const) {
      expect(rank(TEXTBOOK[s]).situational).toEqual([]);
    }
  });
});

describe('migration', () => {
  // [from, to, trigger code, answers that show the trigger]
  const triggers: [SegmentId, SegmentId, string, Profile][] = [
    ['cautious_self_searcher', 'social_media_user', 'self_searcher.trusts_technology', { assistant_app: 'installed_self' }],
    ['cautious_self_searcher', 'social_media_user', 'self_searcher.complex_needs', { product_complexity: 'complex' }],
    ['cautious_self_searcher', 'social_media_user', 'self_searcher.mobile_channels', { preferred_channel: 'online_shop' }],
    ['social_media_user', 'convenient_non_searcher', 'social_media.trusts_assistants', { trust_anchor: 'technology' }],
    ['social_media_user', 'convenient_non_searcher', 'social_media.trusts_assistants', { assistant_app: 'installed_self' }],
    ['conscious_purchase_seeker', 'convenient_non_searcher', 'conscious.seller_trust_fading', { trust_anchor: 'technology' }],
    ['conscious_purchase_seeker', 'convenient_non_searcher', 'conscious.wants_adaptive', { purchase_driver: 'convenience' }],
    ['convenient_non_searcher', 'responsibility_delegator', 'non_searcher.income_rising', { life_events: ['income_rising'] }],
    ['convenient_non_searcher', 'responsibility_delegator', 'non_searcher.time_scarce', { life_events: ['time_scarce', 'moving'] }],
    ['convenient_non_searcher', 'responsibility_delegator', 'non_searcher.family_growing', { life_events: ['family_growing'] }],
    ['entrepreneurial_identity_seeker', 'community_identity_seeker', 'entrepreneurial.complex_needs', { product_complexity: 'complex' }],
  ];

  it.each(triggers)('%s -> %s by %s: listed when present, not when absent', (from, to, code, answers) => {
    const result = rank({ ...TEXTBOOK[from], ...answers });
    expect(result.primary).toBe(from);
    const move = result.migration.find((m) => m.to === to);
    expect(move?.because.map((b) => b.code)).toContain(code);
    expect(move!.because.every((b) => b.de && b.en)).toBe(true);
    // The textbook profile of the same segment shows none of the triggers.
    const codes = rank(TEXTBOOK[from]).migration.flatMap((m) => m.because.map((b) => b.code));
    expect(codes).not.toContain(code);
  });

  it.each(SEGMENT_IDS)('%s textbook: no trigger present, no migration listed', (s) => {
    expect(rank(TEXTBOOK[s]).migration).toEqual([]);
  });

  it('the social-media trigger needs high tech affinity as well as trust in assistants', () => {
    const p = { ...TEXTBOOK.social_media_user, trust_anchor: 'technology', tech_affinity: 'medium' } as const;
    expect(rank(p).primary).toBe('social_media_user');
    expect(rank(p).migration).toEqual([]);
  });

  it('life events other than the three drivers do not move a convenient non-searcher', () => {
    expect(rank({ ...TEXTBOOK.convenient_non_searcher, life_events: ['moving', 'new_car'] }).migration).toEqual([]);
  });
});
