// The nine segments of segments.md as the demo book sees them: how common each
// is in an advisor's book, the answers its typical member gives, and how its
// members are usually in touch. Demo clients are drawn from one prototype each,
// with some noise, so that segment hints on the demo book make sense.

import type { AttributeId } from '#core/profile.ts';
import type { ProductId } from './phrases.ts';

import type { SegmentId } from '#core/segments/ids.ts';

export type { SegmentId };

/** Share of each segment in the demo book: an advisor's book leans to people who want a meeting. */
export const SEGMENT_WEIGHTS: ReadonlyArray<readonly [SegmentId, number]> = [
  ['conscious_purchase_seeker', 24], ['passive_co_buyer', 12], ['social_media_user', 12],
  ['cautious_self_searcher', 10], ['convenient_non_searcher', 10], ['brand_identity_seeker', 9],
  ['responsibility_delegator', 8], ['community_identity_seeker', 8], ['entrepreneurial_identity_seeker', 7],
];

type SingleAttribute = Exclude<AttributeId, 'life_events'>;
type Spread = ReadonlyArray<readonly [string, number]>;

export interface Prototype {
  answers: Record<SingleAttribute, Spread>;
  /** Base chance per life event, before age and household are taken into account. */
  lifeEvents: Partial<Record<string, number>>;
  /** How this client is usually in touch: relative weights per touchpoint kind. */
  kinds: Partial<Record<'meeting' | 'call' | 'email' | 'letter' | 'offer' | 'purchase' | 'visit' | 'chat' | 'other' | 'alert', number>>;
  /** Channels on which offers reach the client and purchases happen. */
  offerChannels: Spread;
  purchaseChannels: Spread;
  /** Products this client tends to be offered and to buy. */
  products: readonly ProductId[];
}

const EVERYDAY: readonly ProductId[] = ['liability_private', 'household_contents', 'car', 'legal_protection', 'accident', 'travel_cancellation'];

export const PROTOTYPES: Record<SegmentId, Prototype> = {
  cautious_self_searcher: {
    answers: {
      purchase_driver: [['best_price', 85], ['price_for_quality', 15]],
      identity_expression: [['none', 95], ['brand', 5]],
      trust_anchor: [['self', 85], ['online_community', 10], ['technology', 5]],
      data_sharing: [['minimal', 85], ['purchase_only', 15]],
      activity_level: [['high', 80], ['medium', 20]],
      tech_affinity: [['high', 75], ['medium', 25]],
      preferred_channel: [['comparison_portal', 80], ['online_shop', 20]],
      assistant_app: [['refuses', 55], ['none', 40], ['switched_off', 5]],
      purchase_occasion: [['none', 85], ['durable_good', 15]],
      product_complexity: [['simple', 80], ['complex', 20]],
    },
    lifeEvents: { moving: 0.12, new_job: 0.12 },
    kinds: { meeting: 1, call: 1.5, email: 4, letter: 2, offer: 1.5, purchase: 1, visit: 0.2, chat: 0.5, other: 0.5 },
    offerChannels: [['email', 80], ['letter', 20]],
    purchaseChannels: [['online_shop', 60], ['email', 25], ['in_person', 15]],
    products: [...EVERYDAY, 'liability_drone', 'household_bike', 'ebike'],
  },
  social_media_user: {
    answers: {
      purchase_driver: [['price_for_quality', 80], ['best_price', 12], ['convenience', 8]],
      identity_expression: [['none', 85], ['brand', 10], ['community_retailer', 5]],
      trust_anchor: [['online_community', 85], ['self', 10], ['brand', 5]],
      data_sharing: [['social_profile', 85], ['purchase_only', 10], ['on_request', 5]],
      activity_level: [['low', 75], ['medium', 20], ['very_low', 5]],
      tech_affinity: [['high', 85], ['medium', 15]],
      preferred_channel: [['online_shop', 80], ['comparison_portal', 10], ['point_of_sale', 10]],
      assistant_app: [['refuses', 70], ['none', 25], ['switched_off', 5]],
      purchase_occasion: [['none', 85], ['durable_good', 15]],
      product_complexity: [['simple', 75], ['complex', 25]],
    },
    lifeEvents: { moving: 0.18, travel_planned: 0.25, new_job: 0.15 },
    kinds: { meeting: 0.8, call: 1, email: 3, letter: 1, offer: 2, purchase: 1.5, chat: 2, other: 0.5 },
    offerChannels: [['email', 70], ['online_shop', 30]],
    purchaseChannels: [['online_shop', 85], ['in_person', 15]],
    products: [...EVERYDAY, 'ebike', 'device_protection', 'travel_health_abroad', 'liability_drone'],
  },
  convenient_non_searcher: {
    answers: {
      purchase_driver: [['convenience', 85], ['price_for_quality', 15]],
      identity_expression: [['none', 90], ['brand', 10]],
      trust_anchor: [['technology', 85], ['personal_advisor', 10], ['self', 5]],
      data_sharing: [['full', 85], ['social_profile', 10], ['on_request', 5]],
      activity_level: [['very_low', 80], ['low', 20]],
      tech_affinity: [['high', 90], ['medium', 10]],
      preferred_channel: [['assistant_app', 85], ['online_shop', 15]],
      assistant_app: [['installed_self', 85], ['installed_on_advice', 15]],
      purchase_occasion: [['none', 80], ['durable_good', 20]],
      product_complexity: [['simple', 80], ['complex', 20]],
    },
    lifeEvents: { time_scarce: 0.45, income_rising: 0.3, travel_planned: 0.3, moving: 0.15 },
    kinds: { meeting: 0.8, call: 1, email: 1.5, letter: 0.5, offer: 2, purchase: 2, chat: 1, alert: 3 },
    offerChannels: [['assistant_app', 80], ['email', 20]],
    purchaseChannels: [['assistant_app', 85], ['online_shop', 15]],
    products: [...EVERYDAY, 'car_short_term', 'car_pay_as_you_drive', 'travel_package_cover', 'travel_health_abroad'],
  },
  passive_co_buyer: {
    answers: {
      purchase_driver: [['add_on_value', 85], ['convenience', 10], ['best_price', 5]],
      identity_expression: [['none', 95], ['brand', 5]],
      trust_anchor: [['pos_staff', 85], ['personal_advisor', 10], ['self', 5]],
      data_sharing: [['purchase_only', 85], ['minimal', 10], ['on_request', 5]],
      activity_level: [['low', 70], ['very_low', 25], ['medium', 5]],
      tech_affinity: [['low', 45], ['medium', 45], ['high', 10]],
      preferred_channel: [['point_of_sale', 85], ['advisor_meeting', 10], ['online_shop', 5]],
      assistant_app: [['none', 80], ['refuses', 15], ['switched_off', 5]],
      purchase_occasion: [['durable_good', 80], ['none', 20]],
      product_complexity: [['simple', 90], ['complex', 10]],
    },
    lifeEvents: { new_car: 0.3, travel_planned: 0.3, moving: 0.1 },
    kinds: { meeting: 1, call: 1.5, email: 1, letter: 2, offer: 1.5, purchase: 2.5, visit: 1, other: 0.5 },
    offerChannels: [['point_of_sale', 70], ['letter', 20], ['in_person', 10]],
    purchaseChannels: [['point_of_sale', 85], ['in_person', 15]],
    products: ['device_protection', 'extended_warranty', 'travel_package_cover', 'car', 'car_short_term', 'travel_cancellation', 'household_contents', 'liability_private'],
  },
  conscious_purchase_seeker: {
    answers: {
      purchase_driver: [['price_for_quality', 85], ['best_price', 10], ['identity', 5]],
      identity_expression: [['none', 90], ['brand', 10]],
      trust_anchor: [['personal_advisor', 85], ['self', 10], ['specialist_retailer', 5]],
      data_sharing: [['on_request', 85], ['purchase_only', 10], ['minimal', 5]],
      activity_level: [['high', 75], ['medium', 25]],
      tech_affinity: [['medium', 70], ['high', 15], ['low', 15]],
      preferred_channel: [['advisor_meeting', 85], ['comparison_portal', 10], ['specialist_retailer', 5]],
      assistant_app: [['none', 60], ['refuses', 30], ['installed_on_advice', 10]],
      purchase_occasion: [['none', 80], ['durable_good', 20]],
      product_complexity: [['complex', 75], ['simple', 25]],
    },
    lifeEvents: { family_growing: 0.15, new_home: 0.12, retirement_near: 0.2, new_job: 0.1 },
    kinds: { meeting: 3, call: 3, email: 2, letter: 1.5, offer: 2, purchase: 1, visit: 0.8, other: 0.5 },
    offerChannels: [['in_person', 70], ['email', 20], ['letter', 10]],
    purchaseChannels: [['in_person', 85], ['letter', 15]],
    products: [...EVERYDAY, 'disability_income', 'pension_private', 'term_life', 'building', 'child_savings', 'household_natural_hazards'],
  },
  responsibility_delegator: {
    answers: {
      purchase_driver: [['price_for_quality', 60], ['convenience', 40]],
      identity_expression: [['none', 95], ['brand', 5]],
      trust_anchor: [['life_coach', 85], ['technology', 10], ['personal_advisor', 5]],
      data_sharing: [['full', 85], ['on_request', 15]],
      activity_level: [['low', 70], ['very_low', 30]],
      tech_affinity: [['high', 80], ['medium', 20]],
      preferred_channel: [['life_coach', 85], ['assistant_app', 10], ['advisor_meeting', 5]],
      assistant_app: [['installed_on_advice', 85], ['installed_self', 15]],
      purchase_occasion: [['none', 80], ['durable_good', 20]],
      product_complexity: [['complex', 55], ['simple', 45]],
    },
    lifeEvents: { income_rising: 0.45, time_scarce: 0.5, family_growing: 0.3, child_starts_school: 0.2 },
    kinds: { meeting: 2, call: 2.5, email: 1, letter: 0.5, offer: 1.5, purchase: 1.5, chat: 0.5, alert: 3 },
    offerChannels: [['assistant_app', 50], ['in_person', 30], ['phone', 20]],
    purchaseChannels: [['assistant_app', 55], ['in_person', 45]],
    products: [...EVERYDAY, 'accident_child', 'term_life', 'child_savings', 'car_short_term', 'travel_package_cover', 'disability_income'],
  },
  brand_identity_seeker: {
    answers: {
      purchase_driver: [['identity', 85], ['price_for_quality', 15]],
      identity_expression: [['brand', 85], ['none', 10], ['community_retailer', 5]],
      trust_anchor: [['brand', 85], ['self', 10], ['specialist_retailer', 5]],
      data_sharing: [['on_request', 70], ['purchase_only', 20], ['social_profile', 10]],
      activity_level: [['medium', 80], ['high', 10], ['low', 10]],
      tech_affinity: [['medium', 55], ['high', 35], ['low', 10]],
      preferred_channel: [['online_shop', 40], ['point_of_sale', 25], ['advisor_meeting', 25], ['specialist_retailer', 10]],
      assistant_app: [['switched_off', 80], ['refuses', 10], ['none', 10]],
      purchase_occasion: [['none', 75], ['durable_good', 25]],
      product_complexity: [['simple', 50], ['complex', 50]],
    },
    lifeEvents: { income_rising: 0.2, new_home: 0.12, travel_planned: 0.25 },
    kinds: { meeting: 2, call: 1.5, email: 2, letter: 1, offer: 1.5, purchase: 1, visit: 0.5, other: 1 },
    offerChannels: [['in_person', 50], ['email', 50]],
    purchaseChannels: [['in_person', 50], ['online_shop', 50]],
    products: ['green_household', 'household_contents', 'ebike', 'liability_private', 'building', 'pension_private', 'travel_package_cover'],
  },
  entrepreneurial_identity_seeker: {
    answers: {
      purchase_driver: [['identity', 85], ['price_for_quality', 10], ['convenience', 5]],
      identity_expression: [['identity_host', 85], ['brand', 10], ['none', 5]],
      trust_anchor: [['identity_host', 85], ['personal_advisor', 10], ['online_community', 5]],
      data_sharing: [['on_request', 60], ['purchase_only', 20], ['social_profile', 20]],
      activity_level: [['medium', 80], ['low', 15], ['high', 5]],
      tech_affinity: [['medium', 60], ['high', 30], ['low', 10]],
      preferred_channel: [['host_portal', 85], ['advisor_meeting', 10], ['online_shop', 5]],
      assistant_app: [['switched_off', 50], ['none', 40], ['refuses', 10]],
      purchase_occasion: [['none', 85], ['durable_good', 15]],
      product_complexity: [['simple', 65], ['complex', 35]],
    },
    lifeEvents: { family_growing: 0.15, child_starts_school: 0.2 },
    kinds: { meeting: 1.5, call: 2, email: 2, letter: 1, offer: 1.5, purchase: 1, other: 1.5 },
    offerChannels: [['other', 60], ['email', 30], ['in_person', 10]],
    purchaseChannels: [['other', 75], ['in_person', 25]],
    products: ['club_liability', 'liability_private', 'accident', 'accident_child', 'household_contents', 'green_household'],
  },
  community_identity_seeker: {
    answers: {
      purchase_driver: [['identity', 80], ['price_for_quality', 20]],
      identity_expression: [['community_retailer', 85], ['brand', 10], ['none', 5]],
      trust_anchor: [['specialist_retailer', 85], ['personal_advisor', 10], ['online_community', 5]],
      data_sharing: [['on_request', 85], ['purchase_only', 10], ['social_profile', 5]],
      activity_level: [['high', 80], ['medium', 20]],
      tech_affinity: [['medium', 60], ['high', 25], ['low', 15]],
      preferred_channel: [['specialist_retailer', 85], ['advisor_meeting', 10], ['point_of_sale', 5]],
      assistant_app: [['none', 55], ['switched_off', 35], ['refuses', 10]],
      purchase_occasion: [['none', 75], ['durable_good', 25]],
      product_complexity: [['complex', 55], ['simple', 45]],
    },
    lifeEvents: { new_home: 0.12, travel_planned: 0.15 },
    kinds: { meeting: 2.5, call: 2, email: 1.5, letter: 1, offer: 2, purchase: 1.5, visit: 1.5 },
    offerChannels: [['in_person', 70], ['point_of_sale', 20], ['email', 10]],
    purchaseChannels: [['in_person', 60], ['point_of_sale', 40]],
    products: ['equestrian_liability', 'liability_private', 'green_household', 'household_contents', 'ebike', 'accident', 'legal_protection'],
  },
};

/** Clients who have a working assistant app on their phone can receive alerts. */
export const HAS_ASSISTANT: ReadonlySet<string> = new Set(['installed_self', 'installed_on_advice']);
