// What an alert suggests (coach.md): the top offers for its event from the
// offer engine, and the reaction that fits the client's mandate and consent.
// The engine ranks as it does for an advisor, with the event added to the
// client's life events; the alert keeps only offers made for that event (its
// bundle, products the catalogue lists for it), so an alert about a move
// never leads with car insurance.
import type { CatalogueDocument } from '../manufacturer.ts';
import type { LifeEvent, Profile } from '../profile.ts';
import { argumentFor, rankOffers, type ArgumentStyle, type MandateTerms, type Offer, type OfferRequest } from '../offers/index.ts';
import type { Language, SegmentId } from '../segments/index.ts';

/** At most this many offers per alert. */
export const ALERT_OFFERS = 3;

export const REACTIONS = ['buy_under_mandate', 'propose', 'note_only'] as const;
export type Reaction = (typeof REACTIONS)[number];

/** What the offers and the reaction read about the client; a missing consent is not given. */
export type OfferClient = {
  profile?: Profile;
  /** Product ids the client holds: never offered again. */
  owned?: readonly string[];
  consent: { profiling?: boolean; contact?: boolean };
  /** In euros, as the offer engine takes it (core/offers/types.ts). */
  mandate?: MandateTerms | null;
  /** As the offer engine takes it: left out, the rule set's; null, the client rejected the segment. */
  segment?: SegmentId | null;
};

function request(event: LifeEvent, client: OfferClient, catalogue: CatalogueDocument, lang: Language): OfferRequest {
  const profile = client.profile ?? {};
  return {
    profile: { ...profile, life_events: [...new Set([...(profile.life_events ?? []), event])] },
    owned: client.owned ?? [],
    consent: { profiling: client.consent.profiling === true },
    mandate: client.mandate ?? null,
    ...(client.segment !== undefined ? { segment: client.segment } : {}),
    catalogue,
    lang,
    // Every eligible offer: the ones for the event may rank below the engine's first ten.
    limit: catalogue.products.length + catalogue.bundles.length,
  };
}

/**
 * Whether the coach may be shown an offer for this client to act on: to
 * propose it only with their consent to be contacted; without it only to buy
 * it under their mandate, which is the mandate's business and contacts nobody.
 * The device applies it to every alert it lists (services/coach.ts), so a
 * withdrawal takes the offers away at once, however long ago the alert was
 * made; the alert keeps the offers as decided (coach.md's shape), and its
 * reaction already says only a note without consent.
 */
export const mayActOn = (offer: Pick<Offer, 'within_mandate'>, client: Pick<OfferClient, 'consent'>) =>
  client.consent.contact === true || offer.within_mandate;

/** The engine's offers made for the event, best first, the event's bundle at the front, at most three. */
export function alertOffers(event: LifeEvent, client: OfferClient, catalogue: CatalogueDocument, lang: Language = 'en'): Offer[] {
  const trigger = new Map(catalogue.bundles.map((b) => [b.id, b.trigger]));
  const events = new Map(catalogue.products.map((p) => [p.id, p.life_events]));
  const forEvent = rankOffers(request(event, client, catalogue, lang)).offers.filter((o) => (o.kind === 'bundle'
    ? trigger.get(o.offer) === event
    : events.get(o.offer)?.includes(event) === true));
  // Without profiling consent the engine does not know of the event, so the bundle is put first here.
  const bundle = forEvent.findIndex((o) => o.kind === 'bundle');
  if (bundle > 0) forEvent.unshift(...forEvent.splice(bundle, 1));
  return forEvent.slice(0, ALERT_OFFERS);
}

/** Buy when the first offer fits the mandate; else propose, if the client agreed to be contacted; else only note. */
export function reactionFor(first: Pick<Offer, 'within_mandate'> | undefined, client: Pick<OfferClient, 'consent'>): Reaction {
  if (first?.within_mandate) return 'buy_under_mandate';
  return client.consent.contact === true ? 'propose' : 'note_only';
}

/**
 * The argument for an alert's offer in the segment's register, in `lang`:
 * the engine's own argument for that offer, so it reads as the advisor's
 * offer list does. null when the engine no longer offers it (the client
 * bought it meanwhile, a newer catalogue dropped it).
 */
export function alertArgument(
  input: { event: LifeEvent; offer: string; client: OfferClient; catalogue: CatalogueDocument },
  lang: Language,
): { style: ArgumentStyle; text: string } | null {
  return argumentFor(request(input.event, input.client, input.catalogue, lang), input.offer);
}
