// The profile attributes the segment engine reads (shared/domain/profile.md).
// Ids and values are a contract shared by database, API, engine, CLI and tests.

export const PROFILE_ATTRIBUTES = {
  purchase_driver: ['best_price', 'price_for_quality', 'convenience', 'identity', 'add_on_value'],
  identity_expression: ['none', 'brand', 'identity_host', 'community_retailer'],
  trust_anchor: [
    'self', 'online_community', 'technology', 'personal_advisor', 'life_coach',
    'pos_staff', 'brand', 'identity_host', 'specialist_retailer',
  ],
  data_sharing: ['minimal', 'purchase_only', 'on_request', 'social_profile', 'full'],
  activity_level: ['very_low', 'low', 'medium', 'high'],
  tech_affinity: ['low', 'medium', 'high'],
  preferred_channel: [
    'comparison_portal', 'online_shop', 'assistant_app', 'point_of_sale',
    'advisor_meeting', 'life_coach', 'host_portal', 'specialist_retailer',
  ],
  assistant_app: ['none', 'refuses', 'installed_self', 'installed_on_advice', 'switched_off'],
  life_events: [
    'income_rising', 'time_scarce', 'family_growing', 'moving', 'new_car', 'new_home',
    'retirement_near', 'travel_planned', 'new_job', 'child_starts_school',
  ],
  purchase_occasion: ['none', 'durable_good'],
  product_complexity: ['simple', 'complex'],
} as const;

export type AttributeId = keyof typeof PROFILE_ATTRIBUTES;
export type AttributeValue<A extends AttributeId> = (typeof PROFILE_ATTRIBUTES)[A][number];
export type LifeEvent = AttributeValue<'life_events'>;

/** Attributes whose answer is a set of values rather than one value. */
export const MULTI_VALUE_ATTRIBUTES: ReadonlySet<AttributeId> = new Set(['life_events']);

export const ATTRIBUTE_IDS = Object.keys(PROFILE_ATTRIBUTES) as AttributeId[];

export type Profile = {
  [A in AttributeId]?: A extends 'life_events' ? LifeEvent[] : AttributeValue<A>;
};

export type AnswerValue = string | string[];

export function isAttributeId(id: string): id is AttributeId {
  return Object.hasOwn(PROFILE_ATTRIBUTES, id);
}

/** Who gave an answer: the client in person, or the advisor from what they know. */
export const ANSWER_SOURCES = ['client', 'advisor'] as const;
export type AnswerSource = (typeof ANSWER_SOURCES)[number];
