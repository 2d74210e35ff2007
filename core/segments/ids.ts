// The nine client segments (shared/domain/segments.md). The ids are a contract
// shared by database, API, CLI and tests; the names are what the UI shows.

export const SEGMENT_IDS = [
  'cautious_self_searcher',
  'social_media_user',
  'convenient_non_searcher',
  'passive_co_buyer',
  'conscious_purchase_seeker',
  'responsibility_delegator',
  'brand_identity_seeker',
  'entrepreneurial_identity_seeker',
  'community_identity_seeker',
] as const;

export type SegmentId = (typeof SEGMENT_IDS)[number];
export type { Language } from '../language.ts';
export type Text = { de: string; en: string };

/** Economy buys on price-performance; Premium on identity, with price assistants off on purpose. */
export type SegmentArea = 'economy' | 'premium';

export const SEGMENT_AREA: Record<SegmentId, SegmentArea> = {
  cautious_self_searcher: 'economy',
  social_media_user: 'economy',
  convenient_non_searcher: 'economy',
  passive_co_buyer: 'economy',
  conscious_purchase_seeker: 'economy',
  responsibility_delegator: 'economy',
  brand_identity_seeker: 'premium',
  entrepreneurial_identity_seeker: 'premium',
  community_identity_seeker: 'premium',
};

export const SEGMENT_NAMES: Record<SegmentId, Text> = {
  cautious_self_searcher: { de: 'Der vorsichtige Selbst-Sucher', en: 'cautious self-searcher' },
  social_media_user: { de: 'Der normale Facebook-User', en: 'everyday social-media user' },
  convenient_non_searcher: { de: 'Der bequeme Nicht-Sucher', en: 'convenient non-searcher' },
  passive_co_buyer: { de: 'Der passive Mit-Käufer', en: 'passive co-buyer' },
  conscious_purchase_seeker: { de: 'Der bewusste Kaufinteressent', en: 'conscious purchase seeker' },
  responsibility_delegator: { de: 'Der Verantwortungs-Delegierer', en: 'responsibility delegator' },
  brand_identity_seeker: { de: 'Der markenbewusste Identitätssucher', en: 'brand-conscious identity seeker' },
  entrepreneurial_identity_seeker: { de: 'Der unternehmerische Identitätssucher', en: 'entrepreneurial identity seeker' },
  community_identity_seeker: { de: 'Der communityaffine Identitätssucher', en: 'community-minded identity seeker' },
};

export function isSegmentId(id: string): id is SegmentId {
  return (SEGMENT_IDS as readonly string[]).includes(id);
}
