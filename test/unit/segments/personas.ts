// Personas written from the tables of shared/domain/segments.md: for each
// segment a textbook client, one with one or two answers off the prototype,
// and one the advisor has only partly interviewed.
import type { Profile } from '#core/profile.ts';
import type { SegmentId } from '#core/segments/index.ts';

export type Persona = { name: string; expected: SegmentId; profile: Profile };

const textbook: Record<SegmentId, Profile> = {
  cautious_self_searcher: {
    purchase_driver: 'best_price', identity_expression: 'none', trust_anchor: 'self', data_sharing: 'minimal', activity_level: 'high',
    tech_affinity: 'high', preferred_channel: 'comparison_portal', assistant_app: 'refuses', life_events: [], purchase_occasion: 'none', product_complexity: 'simple',
  },
  social_media_user: {
    purchase_driver: 'price_for_quality', identity_expression: 'none', trust_anchor: 'online_community', data_sharing: 'social_profile', activity_level: 'low',
    tech_affinity: 'high', preferred_channel: 'online_shop', assistant_app: 'refuses', life_events: [], purchase_occasion: 'none', product_complexity: 'simple',
  },
  convenient_non_searcher: {
    purchase_driver: 'convenience', identity_expression: 'none', trust_anchor: 'technology', data_sharing: 'full', activity_level: 'very_low',
    tech_affinity: 'high', preferred_channel: 'assistant_app', assistant_app: 'installed_self', life_events: [], purchase_occasion: 'none', product_complexity: 'simple',
  },
  passive_co_buyer: {
    purchase_driver: 'add_on_value', identity_expression: 'none', trust_anchor: 'pos_staff', data_sharing: 'purchase_only', activity_level: 'low',
    tech_affinity: 'medium', preferred_channel: 'point_of_sale', assistant_app: 'none', life_events: ['new_car'], purchase_occasion: 'durable_good', product_complexity: 'simple',
  },
  conscious_purchase_seeker: {
    purchase_driver: 'price_for_quality', identity_expression: 'none', trust_anchor: 'personal_advisor', data_sharing: 'on_request', activity_level: 'high',
    tech_affinity: 'medium', preferred_channel: 'advisor_meeting', assistant_app: 'refuses', life_events: [], purchase_occasion: 'none', product_complexity: 'complex',
  },
  responsibility_delegator: {
    purchase_driver: 'price_for_quality', identity_expression: 'none', trust_anchor: 'life_coach', data_sharing: 'full', activity_level: 'low',
    tech_affinity: 'high', preferred_channel: 'life_coach', assistant_app: 'installed_on_advice', life_events: ['time_scarce'], purchase_occasion: 'none', product_complexity: 'complex',
  },
  brand_identity_seeker: {
    purchase_driver: 'identity', identity_expression: 'brand', trust_anchor: 'brand', data_sharing: 'on_request', activity_level: 'medium',
    tech_affinity: 'medium', preferred_channel: 'online_shop', assistant_app: 'switched_off', life_events: [], purchase_occasion: 'none', product_complexity: 'simple',
  },
  entrepreneurial_identity_seeker: {
    purchase_driver: 'identity', identity_expression: 'identity_host', trust_anchor: 'identity_host', data_sharing: 'on_request', activity_level: 'medium',
    tech_affinity: 'medium', preferred_channel: 'host_portal', assistant_app: 'switched_off', life_events: [], purchase_occasion: 'none', product_complexity: 'simple',
  },
  community_identity_seeker: {
    purchase_driver: 'identity', identity_expression: 'community_retailer', trust_anchor: 'specialist_retailer', data_sharing: 'on_request', activity_level: 'high',
    tech_affinity: 'medium', preferred_channel: 'specialist_retailer', assistant_app: 'switched_off', life_events: [], purchase_occasion: 'none', product_complexity: 'complex',
  },
};

/** A textbook profile, for tests that change one thing at a time. */
export const TEXTBOOK = textbook;

const off: Record<SegmentId, Profile> = {
  cautious_self_searcher: { trust_anchor: 'online_community', preferred_channel: 'online_shop' },
  social_media_user: { purchase_driver: 'best_price', data_sharing: 'on_request' },
  convenient_non_searcher: { preferred_channel: 'online_shop', tech_affinity: 'medium' },
  passive_co_buyer: { trust_anchor: 'self', data_sharing: 'minimal' },
  conscious_purchase_seeker: { assistant_app: 'installed_on_advice', tech_affinity: 'high' },
  responsibility_delegator: { trust_anchor: 'technology', activity_level: 'medium' },
  brand_identity_seeker: { trust_anchor: 'self', activity_level: 'high' },
  entrepreneurial_identity_seeker: { purchase_driver: 'price_for_quality', assistant_app: 'installed_self' },
  community_identity_seeker: { purchase_driver: 'price_for_quality', preferred_channel: 'advisor_meeting' },
};

const partial: Record<SegmentId, Profile> = {
  cautious_self_searcher: { purchase_driver: 'best_price', data_sharing: 'minimal', activity_level: 'high', preferred_channel: 'comparison_portal' },
  social_media_user: { trust_anchor: 'online_community', data_sharing: 'social_profile', tech_affinity: 'high' },
  convenient_non_searcher: { purchase_driver: 'convenience', assistant_app: 'installed_self', activity_level: 'very_low' },
  passive_co_buyer: { purchase_driver: 'add_on_value', purchase_occasion: 'durable_good', preferred_channel: 'point_of_sale' },
  conscious_purchase_seeker: { trust_anchor: 'personal_advisor', data_sharing: 'on_request', activity_level: 'high', preferred_channel: 'advisor_meeting' },
  responsibility_delegator: { trust_anchor: 'life_coach', preferred_channel: 'life_coach', assistant_app: 'installed_on_advice' },
  brand_identity_seeker: { purchase_driver: 'identity', identity_expression: 'brand' },
  entrepreneurial_identity_seeker: { identity_expression: 'identity_host', trust_anchor: 'identity_host', preferred_channel: 'host_portal' },
  community_identity_seeker: { identity_expression: 'community_retailer', trust_anchor: 'specialist_retailer', activity_level: 'high' },
};

export const PERSONAS: Persona[] = (Object.keys(textbook) as SegmentId[]).flatMap((s) => [
  { name: `${s}: textbook`, expected: s, profile: textbook[s] },
  { name: `${s}: off the prototype (${Object.keys(off[s]).join(', ')})`, expected: s, profile: { ...textbook[s], ...off[s] } },
  { name: `${s}: partly interviewed (${Object.keys(partial[s]).join(', ')})`, expected: s, profile: partial[s] },
]);
