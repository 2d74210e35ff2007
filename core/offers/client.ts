// The client as the offer engine may see them. Consent is enforced here, in
// one place: without profiling consent nothing from the profile and nothing
// inferred (segment, learned rates) gets past this function; only the owned
// products, the mandate and the situation the advisor states explicitly do.
import type { LifeEvent } from '../profile.ts';
import { RULESET_V1, settledSegment, type Approach, type SegmentId, type Text } from '../segments/index.ts';
import type { CompiledCatalogue } from './catalogue.ts';
import type { OfferRequest } from './types.ts';

export type ClientView = {
  segment: SegmentId | null;
  approach: Approach | null;
  profiling: boolean;
  notice: Text | null;
  /** The client's answers, for products meant for some clients only; null without profiling consent. */
  answers: Readonly<Record<string, unknown>> | null;
  owned: ReadonlySet<string>;
  /** Areas the client holds at least one product in. */
  held: ReadonlySet<string>;
  events: ReadonlySet<LifeEvent>;
  /** The complexity of what the client needs now, if asked. */
  needs: 'simple' | 'complex' | null;
  durableGood: boolean;
  atPointOfSale: boolean;
  complexTopic: boolean;
  /** Learned acceptance rates for this client's segment, by offer id. */
  rates: Readonly<Record<string, number>> | null;
};

const NOTICES = {
  noConsent: {
    en: 'No profiling consent: ranked without a segment and without profile data, only from owned products, the catalogue, the mandate and the stated situation.',
    de: 'Keine Einwilligung zur Profilbildung: Die Reihenfolge richtet sich ohne Segment und ohne Profildaten nur nach vorhandenen Verträgen, Katalog, Vollmacht und genannter Situation.',
  },
  rejected: {
    en: 'The client rejected the segment conclusion: ranked without a segment.',
    de: 'Der Kunde hat die Einschätzung seines Segments abgelehnt: Die Reihenfolge richtet sich nicht nach einem Segment.',
  },
  undecided: {
    en: 'The answers do not point to a segment yet: offers are ranked without one.',
    de: 'Die Antworten lassen noch kein Segment erkennen; die Reihenfolge der Angebote richtet sich noch nach keinem.',
  },
} satisfies Record<string, Text>;

const EMPTY = new Set<never>();

export function viewClient(req: OfferRequest, cat: CompiledCatalogue): ClientView {
  const owned = new Set(req.owned ?? []);
  const held = new Set<string>();
  for (const id of owned) { const p = cat.byId.get(id); if (p) held.add(p.area); }
  const base = {
    owned, held,
    atPointOfSale: req.context?.at_point_of_sale === true,
    complexTopic: req.context?.meeting_topic_complex === true,
  };
  // Anything but an explicit yes is no: no record means no consent (core/consent.ts).
  if (req.consent?.profiling !== true) {
    return { ...base, segment: null, approach: null, profiling: false, notice: NOTICES.noConsent, answers: null, events: EMPTY, needs: null, durableGood: false, rates: null };
  }
  const profile = req.profile ?? {};
  const ruleSet = req.ruleSet ?? RULESET_V1;
  let segment: SegmentId | null;
  let notice: Text | null = null;
  if (req.segment === null) {
    segment = null;
    notice = NOTICES.rejected;
  } else if (req.segment !== undefined) {
    segment = req.segment;
  } else {
    // Only a segment the answers support (core/segments, MIN_LEAD): a guess would steer every offer.
    segment = settledSegment(profile, ruleSet);
    if (!segment) notice = NOTICES.undecided;
  }
  return {
    ...base,
    segment,
    approach: segment ? ruleSet.segments[segment].approach : null,
    profiling: true,
    notice,
    answers: profile,
    events: new Set(profile.life_events ?? []),
    needs: profile.product_complexity ?? null,
    durableGood: profile.purchase_occasion === 'durable_good',
    rates: segment ? req.propensities?.rates[segment] ?? null : null,
  };
}
