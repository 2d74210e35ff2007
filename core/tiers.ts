// Value tiers A, B, C (other-models.md): the manufacturer names binding
// criteria per tier; a client is in the best tier whose every criterion holds.
// The advisor sees each criterion's value beside its thresholds and what is
// still missing for the next tier up, so the tier can be earned, not just
// announced. Pure: the criteria, the catalogue and "today" are passed in.
import { VALUE_TIERS, type ValueTiersDocument } from './manufacturer.ts';
import { ATTRIBUTE_IDS, type Profile } from './profile.ts';
import { estimateClv, type ClvEstimate } from './clv.ts';
import { addYears, yearsBetween } from './dates.ts';

export type ValueTier = (typeof VALUE_TIERS)[number];
export type TierRules = ValueTiersDocument['tiers'];
export const TIER_CRITERIA = ['min_yearly_premium', 'min_product_areas', 'min_years', 'min_profile_completeness'] as const;
export type TierCriterion = (typeof TIER_CRITERIA)[number];

export interface HeldProduct { productId: string; since: string; yearlyPremiumCents: number; endedOn: string | null }

export interface TierInput {
  rules: TierRules;
  /** The catalogue's products: which area each belongs to. */
  products: ReadonlyArray<{ id: string; area: string }>;
  holdings: readonly HeldProduct[];
  /** The day of the first contact (YYYY-MM-DD), if any was recorded. */
  firstContact: string | null;
  profile: Profile;
  /** YYYY-MM-DD: core has no clock of its own. */
  today: string;
}

/** What the criteria are measured on. Premium in cents, completeness 0..1, years fractional. */
export interface TierFacts {
  yearlyPremiumCents: number;
  productAreas: number;
  years: number;
  /** The start of the relationship: first contact or first product, whichever came first. */
  loyalSince: string | null;
  answered: number;
  attributes: number;
  completeness: number;
}

/** One criterion, its value, and each tier's threshold in the same unit as the value. */
export interface CriterionRow { criterion: TierCriterion; value: number; thresholds: Array<{ tier: ValueTier; threshold: number; met: boolean }> }

/**
 * What one criterion lacks: premium in cents, areas as a count, years as
 * years (with the day it will be reached), completeness as answers to add.
 */
export interface TierGap { criterion: TierCriterion; value: number; threshold: number; missing: number; reachedOn: string | null }

export interface TierAssessment {
  tier: ValueTier;
  facts: TierFacts;
  criteria: CriterionRow[];
  /** The next tier up and what it still needs; null in the top tier. */
  next: { tier: ValueTier; gaps: TierGap[] } | null;
  clv: ClvEstimate;
}

/** Tolerance for fractions: 0.8 of 10 answers must count as 0.8, not 0.7999…. */
const EPSILON = 1e-9;

/** A holding counts while it has not ended (an end date still ahead keeps it running). */
export function isActive(h: HeldProduct, today: string): boolean {
  return h.endedOn === null || h.endedOn > today;
}

export function tierFacts(input: Omit<TierInput, 'rules'>): TierFacts {
  const areaOf = new Map(input.products.map((p) => [p.id, p.area]));
  const active = input.holdings.filter((h) => isActive(h, input.today));
  const areas = new Set<string>();
  let premium = 0;
  for (const h of active) {
    premium += h.yearlyPremiumCents;
    // A product the catalogue no longer lists still pays, but its area is unknown.
    const area = areaOf.get(h.productId);
    if (area) areas.add(area);
  }
  // Loyalty counts from the earliest day known, ended products included: they were part of the relationship.
  const starts = [input.firstContact, ...input.holdings.map((h) => h.since)].filter((d): d is string => d !== null && d <= input.today);
  const loyalSince = starts.length > 0 ? starts.reduce((a, b) => (a < b ? a : b)) : null;
  const answered = ATTRIBUTE_IDS.filter((a) => input.profile[a] !== undefined && input.profile[a] !== null).length;
  return {
    yearlyPremiumCents: premium, productAreas: areas.size, years: loyalSince ? yearsBetween(loyalSince, input.today) : 0, loyalSince,
    answered, attributes: ATTRIBUTE_IDS.length, completeness: answered / ATTRIBUTE_IDS.length,
  };
}

/** The fact a criterion reads, in the unit its threshold is converted to. */
function valueOf(facts: TierFacts, c: TierCriterion): number {
  switch (c) {
    case 'min_yearly_premium': return facts.yearlyPremiumCents;
    case 'min_product_areas': return facts.productAreas;
    case 'min_years': return facts.years;
    case 'min_profile_completeness': return facts.completeness;
  }
}

/** The manufacturer writes premiums in euros; the book keeps cents. */
const thresholdOf = (c: TierCriterion, raw: number) => (c === 'min_yearly_premium' ? Math.round(raw * 100) : raw);

function holds(value: number, threshold: number): boolean {
  return value + EPSILON >= threshold;
}

/** Tiers best first, as VALUE_TIERS orders them; a tier the manufacturer left out is skipped. */
function ordered(rules: TierRules): TierRules {
  return [...rules].sort((a, b) => VALUE_TIERS.indexOf(a.tier) - VALUE_TIERS.indexOf(b.tier));
}

function criteriaOf(rule: TierRules[number]): Array<[TierCriterion, number]> {
  return TIER_CRITERIA.flatMap((c) => {
    const raw = rule.criteria[c];
    return raw === undefined ? [] : [[c, thresholdOf(c, raw)] as [TierCriterion, number]];
  });
}

function gapOf(c: TierCriterion, value: number, threshold: number, facts: TierFacts): TierGap {
  switch (c) {
    case 'min_yearly_premium': return { criterion: c, value, threshold, missing: threshold - value, reachedOn: null };
    case 'min_product_areas': return { criterion: c, value, threshold, missing: Math.ceil(threshold - value), reachedOn: null };
    case 'min_years': return { criterion: c, value, threshold, missing: threshold - value, reachedOn: facts.loyalSince && addYears(facts.loyalSince, threshold) };
    case 'min_profile_completeness':
      return { criterion: c, value, threshold, missing: Math.ceil(threshold * facts.attributes - EPSILON) - facts.answered, reachedOn: null };
  }
}

export function assessValueTier(input: TierInput): TierAssessment {
  const facts = tierFacts(input);
  const tiers = ordered(input.rules);
  const met = tiers.map((rule) => criteriaOf(rule).every(([c, t]) => holds(valueOf(facts, c), t)));
  // Nobody falls below the lowest tier the manufacturer lists, even if its criteria are not empty.
  let index = met.indexOf(true);
  if (index < 0) index = tiers.length - 1;
  const tier = tiers[index]?.tier ?? VALUE_TIERS[VALUE_TIERS.length - 1]!;

  const criteria: CriterionRow[] = TIER_CRITERIA.flatMap((c) => {
    const value = valueOf(facts, c);
    const thresholds = tiers.flatMap((rule) => {
      const raw = rule.criteria[c];
      if (raw === undefined) return [];
      const threshold = thresholdOf(c, raw);
      return [{ tier: rule.tier, threshold, met: holds(value, threshold) }];
    });
    return thresholds.length > 0 ? [{ criterion: c, value, thresholds }] : [];
  });

  const up = index > 0 ? tiers[index - 1]! : null;
  const next = up && {
    tier: up.tier,
    gaps: criteriaOf(up).filter(([c, t]) => !holds(valueOf(facts, c), t)).map(([c, t]) => gapOf(c, valueOf(facts, c), t, facts)),
  };
  return { tier, facts, criteria, next, clv: estimateClv(facts.yearlyPremiumCents, facts.years) };
}
