// Segment rule set v1: one prototype per segment, read from the tables of
// shared/domain/segments.md. Plain data (JSON-serialisable) so a newer rule set
// from the manufacturer can replace it; RuleSetSchema checks it.
//
// A weight says how typical an answer is for the segment: 1 = the table says
// so, 0 = says nothing, -1 = contradicts it; '*' = every answer not listed.
// Answers the table is silent on get mild negatives rather than 0, so a
// contradicting answer costs something without one answer deciding alone.
import type { RuleSet } from './schema.ts';
import { MIGRATION, SITUATIONAL } from './ruleset.v1.advice.ts';
import { APPROACH } from './ruleset.v1.approach.ts';

const PROTOTYPES: { [S in keyof RuleSet['segments']]: RuleSet['segments'][S]['prototype'] } = {
  cautious_self_searcher: {
    purchase_driver: { best_price: 1, price_for_quality: 0.3, '*': -0.6 },
    identity_expression: { none: 0.6, '*': -0.6 },
    trust_anchor: { self: 1, '*': -0.6 },
    data_sharing: { minimal: 1, purchase_only: 0.3, full: -1, '*': -0.7 },
    activity_level: { high: 1, medium: 0.2, low: -0.6, very_low: -1 },
    tech_affinity: { high: 0.6, medium: 0.2, low: -0.4 },
    preferred_channel: { comparison_portal: 1, online_shop: 0.2, '*': -0.5 },
    assistant_app: { refuses: 1, none: 0.4, switched_off: 0.2, '*': -0.8 },
    purchase_occasion: { none: 0.2, durable_good: -0.3 },
    product_complexity: { simple: 0.3, complex: -0.1 },
  },
  social_media_user: {
    purchase_driver: { price_for_quality: 1, best_price: 0.2, '*': -0.6 },
    identity_expression: { none: 0.5, community_retailer: 0, '*': -0.4 },
    trust_anchor: { online_community: 1, '*': -0.6 },
    data_sharing: { social_profile: 1, on_request: 0, '*': -0.6 },
    activity_level: { low: 1, medium: 0.3, very_low: 0, high: -0.6 },
    tech_affinity: { high: 1, medium: 0.2, low: -0.8 },
    preferred_channel: { online_shop: 1, comparison_portal: 0, '*': -0.5 },
    assistant_app: { refuses: 1, none: 0.5, switched_off: 0, '*': -0.8 },
    purchase_occasion: { none: 0.2, durable_good: -0.3 },
    product_complexity: { simple: 0.2, complex: 0 },
  },
  convenient_non_searcher: {
    purchase_driver: { convenience: 1, price_for_quality: 0.1, '*': -0.6 },
    identity_expression: { none: 0.4, '*': -0.4 },
    trust_anchor: { technology: 1, '*': -0.6 },
    data_sharing: { full: 1, social_profile: 0.1, '*': -0.6 },
    activity_level: { very_low: 1, low: 0.5, medium: -0.4, high: -1 },
    tech_affinity: { high: 1, medium: 0, low: -0.8 },
    preferred_channel: { assistant_app: 1, online_shop: 0.2, '*': -0.5 },
    assistant_app: { installed_self: 1, installed_on_advice: 0.3, none: -0.2, '*': -1 },
    purchase_occasion: { none: 0.2, durable_good: -0.3 },
  },
  passive_co_buyer: {
    purchase_driver: { add_on_value: 1, '*': -0.6 },
    identity_expression: { none: 0.4, '*': -0.4 },
    trust_anchor: { pos_staff: 1, '*': -0.6 },
    data_sharing: { purchase_only: 1, minimal: 0.3, on_request: 0, '*': -0.6 },
    activity_level: { low: 1, very_low: 0.6, medium: -0.2, high: -0.8 },
    preferred_channel: { point_of_sale: 1, '*': -0.6 },
    assistant_app: { none: 0.5, refuses: 0.2, switched_off: 0, '*': -0.4 },
    purchase_occasion: { durable_good: 1, none: -0.8 },
    product_complexity: { simple: 0.3, complex: -0.2 },
    // Events that usually come with a durable good bought at a counter.
    life_events: { new_car: 0.5, travel_planned: 0.5, new_home: 0.3, moving: 0.2 },
  },
  conscious_purchase_seeker: {
    purchase_driver: { price_for_quality: 1, best_price: 0.2, '*': -0.6 },
    identity_expression: { none: 0.4, '*': -0.4 },
    trust_anchor: { personal_advisor: 1, '*': -0.6 },
    data_sharing: { on_request: 1, purchase_only: 0.2, minimal: 0, '*': -0.8 },
    activity_level: { high: 1, medium: 0.4, low: -0.6, very_low: -1 },
    tech_affinity: { medium: 1, high: 0, low: 0 },
    preferred_channel: { advisor_meeting: 1, '*': -0.5 },
    assistant_app: { refuses: 0.5, none: 0.4, switched_off: 0.2, installed_on_advice: -0.3, installed_self: -0.8 },
    purchase_occasion: { none: 0.1, durable_good: -0.2 },
    product_complexity: { complex: 0.3, simple: 0 },
  },
  responsibility_delegator: {
    purchase_driver: { price_for_quality: 0.8, convenience: 0.6, best_price: -0.2, '*': -0.6 },
    identity_expression: { none: 0.4, '*': -0.4 },
    trust_anchor: { life_coach: 1, '*': -0.6 },
    data_sharing: { full: 0.8, on_request: 0.5, '*': -0.6 },
    activity_level: { low: 1, very_low: 0.6, medium: -0.3, high: -1 },
    tech_affinity: { high: 1, medium: 0.2, low: -0.6 },
    preferred_channel: { life_coach: 1, '*': -0.6 },
    assistant_app: { installed_on_advice: 1, installed_self: 0, none: -0.2, switched_off: -0.8, refuses: -1 },
    purchase_occasion: { none: 0.1, durable_good: -0.2 },
    // Less time and more family to care for make handing purchases over attractive.
    life_events: { income_rising: 0.3, time_scarce: 0.3, family_growing: 0.3 },
  },
  brand_identity_seeker: {
    purchase_driver: { identity: 1, price_for_quality: -0.2, '*': -0.8 },
    identity_expression: { brand: 1, none: -1, '*': -0.4 },
    trust_anchor: { brand: 1, '*': -0.6 },
    data_sharing: { on_request: 0.4, purchase_only: 0.4, social_profile: 0.2, minimal: 0, full: -0.6 },
    activity_level: { medium: 1, low: 0.3, high: 0.3, very_low: -0.5 },
    preferred_channel: { online_shop: 0.6, advisor_meeting: 0.6, specialist_retailer: 0.2, '*': -0.5 },
    assistant_app: { switched_off: 1, refuses: 0.3, none: 0, '*': -0.8 },
  },
  entrepreneurial_identity_seeker: {
    purchase_driver: { identity: 1, '*': -0.8 },
    identity_expression: { identity_host: 1, none: -1, '*': -0.4 },
    trust_anchor: { identity_host: 1, '*': -0.6 },
    data_sharing: { on_request: 0.6, purchase_only: 0.4, '*': -0.5 },
    activity_level: { medium: 1, low: 0.4, high: 0.2, very_low: -0.4 },
    preferred_channel: { host_portal: 1, '*': -0.6 },
    assistant_app: { switched_off: 0.6, none: 0.3, refuses: 0.3, '*': -0.4 },
  },
  community_identity_seeker: {
    purchase_driver: { identity: 1, price_for_quality: 0, '*': -0.8 },
    identity_expression: { community_retailer: 1, none: -1, '*': -0.4 },
    trust_anchor: { specialist_retailer: 1, '*': -0.6 },
    data_sharing: { on_request: 1, purchase_only: 0.3, minimal: -0.4, '*': -0.5 },
    activity_level: { high: 1, medium: 0.4, low: -0.4, very_low: -1 },
    preferred_channel: { specialist_retailer: 1, '*': -0.6 },
    assistant_app: { switched_off: 0.6, none: 0.3, refuses: 0.3, '*': -0.6 },
    product_complexity: { complex: 0.3, simple: 0 },
  },
};

export const RULESET_V1 = {
  version: 'segments.v1',
  // Need and trust define a segment (segments.md's first dimensions); the
  // situation of the current purchase says least about who the client is.
  importance: {
    purchase_driver: 3, trust_anchor: 3, identity_expression: 2, data_sharing: 2, activity_level: 2,
    preferred_channel: 2, assistant_app: 2, tech_affinity: 1, purchase_occasion: 1.5,
    product_complexity: 0.5, life_events: 0.5,
  },
  segments: Object.fromEntries(Object.entries(PROTOTYPES).map(([s, prototype]) => [s, { prototype, approach: APPROACH[s as keyof typeof APPROACH] }])) as RuleSet['segments'],
  situational: SITUATIONAL,
  migration: MIGRATION,
} satisfies RuleSet;
