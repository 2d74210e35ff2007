// The offer engine's public face: next-best offers for one client (shared/domain/offers.md).
export { argumentFor, mayPropose, rankOffers, rankOffersExplained, NO_CONTACT, OFFER_LIMIT, LIFE_EVENT_SLOTS } from './rank.ts';
export { heldInMeeting, type Decision } from './held.ts';
export {
  clientMayRead, clientReasons, offerReasonSchema, reasonText, type OfferReason, type ProductName, type StoredReason,
} from './reasons.ts';
export { validateOfferCase, type OfferCase, type OfferCaseCheck } from './input.ts';
export { DEFAULT_LEVERS } from './levers.ts';
export { withinMandate, pricePerPurchase } from './mandate.ts';
export { compileCatalogue, valueOf, EXPECTED_YEARS, DAYS_PER_PURCHASE, VALUE_FLOOR } from './catalogue.ts';
export { PROPENSITY } from './propensity.ts';
export { CONTEXT } from './context.ts';
export type {
  ArgumentStyle, Audience, Breakdown, ExplainedOffer, ExplainedResult, Levers, MandateTerms, Offer, OfferContext, OfferKind, OfferRequest, OfferResult, PropensityTable, Variant,
} from './types.ts';
