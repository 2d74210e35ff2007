// The offer engine's public face: next-best offers for one client (shared/domain/offers.md).
export { rankOffers, OFFER_LIMIT, LIFE_EVENT_SLOTS } from './rank.ts';
export { validateOfferCase, type OfferCase, type OfferCaseCheck } from './input.ts';
export { DEFAULT_LEVERS } from './levers.ts';
export { withinMandate, pricePerPurchase } from './mandate.ts';
export { compileCatalogue, valueOf, EXPECTED_YEARS, DAYS_PER_PURCHASE, VALUE_FLOOR } from './catalogue.ts';
export { PROPENSITY } from './propensity.ts';
export { CONTEXT } from './context.ts';
export type {
  ArgumentStyle, Audience, Breakdown, Levers, MandateTerms, Offer, OfferContext, OfferKind, OfferRequest, OfferResult, PropensityTable, Variant,
} from './types.ts';
