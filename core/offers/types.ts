// What the offer engine reads and returns (shared/domain/offers.md). The result
// has the shape offers.md specifies (snake_case, one language), so the offers
// command prints it as it is and the app shows the same thing.
import type { CatalogueDocument } from '../manufacturer.ts';
import type { Profile } from '../profile.ts';
import type { Language, RuleSet, SegmentId } from '../segments/index.ts';
import type { OfferReason } from './reasons.ts';

export type Audience = 'advisor' | 'client';
export type OfferKind = 'base' | 'module' | 'temporary' | 'partner_service' | 'bundle';
export type ArgumentStyle = 'price_performance' | 'identity' | 'convenience' | 'add_on_choice';

/**
 * A mandate's terms in EUROS, as offers.md's case format writes them. The app
 * stores mandates in whole cents (core/mandate.ts): divide by 100 when handing
 * one to the engine. `budget_remaining` is what is left of the period's budget.
 */
export type MandateTerms = { budget_remaining: number; areas: readonly string[]; per_purchase_cap: number };

/** The situation, as the advisor states it: never inferred, so it counts even without profiling consent. */
export type OfferContext = { at_point_of_sale?: boolean; meeting_topic_complex?: boolean };

/** Acceptance rates (0..1) the backend learns per segment and offer from recorded outcomes. */
export type PropensityTable = { version: string; rates: Partial<Record<SegmentId, Record<string, number>>> };

/** The manufacturer's business weights: per offer (campaigns), and for adaptive products (the assistant app). */
export type Levers = { version: string; adaptive: number; offers: Record<string, number> };

export type OfferRequest = {
  /** May be partial; ignored entirely without profiling consent. */
  profile?: Profile;
  /** Product ids the client holds. */
  owned?: readonly string[];
  /**
   * `contact: false`: the client did not agree to be contacted about offers,
   * so none is proposed (the result says why). Left out: the offers command's
   * case format (offers.md), which ranks for analysis and proposes to nobody;
   * the app always says it.
   */
  consent: { profiling: boolean; contact?: boolean };
  mandate?: MandateTerms | null;
  /**
   * Left out: the primary segment of the rule set. A segment id: the one in
   * force (the advisor's override, a confirmed conclusion). null: the client
   * rejected the conclusion, so none is used.
   */
  segment?: SegmentId | null;
  context?: OfferContext;
  catalogue: CatalogueDocument;
  ruleSet?: RuleSet;
  propensities?: PropensityTable | null;
  levers?: Levers;
  /** 'advisor' by default; 'client' for the screen turned to the client. */
  audience?: Audience;
  /** The language of names, arguments, reasons and the notice; German by default, like the app. */
  lang?: Language;
  /** How many offers at most; offers.md says 10. */
  limit?: number;
};

export type Breakdown = { propensity: number; value: number; lever: number; context: number };
export type Variant = { id: string; name: string; price: { amount: number; period: string } };

export type Offer = {
  offer: string;
  kind: OfferKind;
  name: string;
  /** A bundle's products the client does not hold yet. */
  items?: string[];
  variants?: Variant[];
  /** Advisor only. */
  score?: number;
  /** Advisor only: value is derived from margin, which a client never sees. */
  breakdown?: Breakdown;
  argument: { style: ArgumentStyle; text: string };
  reasons: string[];
  within_mandate: boolean;
};

/** An offer with its reasons also as codes, to be stored and shown later in either language. */
export type ExplainedOffer = Offer & { why: OfferReason[] };
export type ExplainedResult = Omit<OfferResult, 'offers'> & { offers: ExplainedOffer[] };

export type OfferResult = {
  segment: SegmentId | null;
  /** Whether profile data was used at all (profiling consent). */
  profiling: boolean;
  /** Why the ranking ran without a segment, for the person at the screen; null when one was used. */
  notice: string | null;
  offers: Offer[];
};
