// Checks one case from outside (the offers command, an import) before the
// engine sees it: like a profile for the segment command, anything unknown is
// refused by name with what is allowed, never guessed at.
import { checkCase, isObject, refuse, type CaseCheck } from '../case-input.ts';
import type { CatalogueDocument } from '../manufacturer.ts';
import type { Profile } from '../profile.ts';
import { isSegmentId, SEGMENT_IDS, validateProfileInput, type SegmentId } from '../segments/index.ts';
import type { MandateTerms, OfferContext } from './types.ts';

export type OfferCase = {
  id: string | number;
  profile: Profile;
  owned: string[];
  consent: { profiling: boolean };
  mandate: MandateTerms | null;
  /** Absent: from the rule set; null: the client rejected the conclusion. */
  segment?: SegmentId | null;
  context: OfferContext;
};

export type OfferCaseCheck = CaseCheck<OfferCase>;

const FIELDS = ['id', 'profile', 'owned', 'consent', 'mandate', 'segment', 'context'];
const MANDATE_FIELDS = ['budget_remaining', 'areas', 'per_purchase_cap'];
const CONTEXT_FIELDS = ['at_point_of_sale', 'meeting_topic_complex'];

const unknownKey = (x: Record<string, unknown>, allowed: string[]) => Object.keys(x).find((k) => !allowed.includes(k));


function ids(value: unknown, field: string, allowed: ReadonlySet<string>, what: string, example: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) refuse(`${field} must be a list of ${what} ids like ${example}`);
  for (const v of value as string[]) if (!allowed.has(v)) refuse(`${field}: "${v}" is not ${what === 'area' ? 'an area' : 'a product'} of the catalogue: use one of ${[...allowed].join(', ')}`);
  return [...new Set(value as string[])];
}

function euros(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) refuse(`mandate.${field} must be an amount in euros, 0 or more, like 40`);
  return value as number;
}

function mandate(value: unknown, areas: ReadonlySet<string>): MandateTerms | null {
  if (value === undefined || value === null) return null;
  const example = '{"budget_remaining": 60, "areas": ["travel"], "per_purchase_cap": 40}';
  if (!isObject(value)) return refuse(`mandate must be an object like ${example}, or null`);
  const extra = unknownKey(value, MANDATE_FIELDS);
  if (extra) refuse(`mandate has an unknown field "${extra}": use ${MANDATE_FIELDS.join(', ')}`);
  const list = ids(value.areas, 'mandate.areas', areas, 'area', '["travel", "mobility"]');
  if (list.length === 0) refuse('mandate.areas may not be empty: name the areas the mandate covers');
  return { budget_remaining: euros(value.budget_remaining, 'budget_remaining'), areas: list, per_purchase_cap: euros(value.per_purchase_cap, 'per_purchase_cap') };
}

function context(value: unknown): OfferContext {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) return refuse('context must be an object like {"at_point_of_sale": true, "meeting_topic_complex": false}');
  const extra = unknownKey(value, CONTEXT_FIELDS);
  if (extra) refuse(`context has an unknown field "${extra}": use ${CONTEXT_FIELDS.join(', ')}`);
  for (const k of CONTEXT_FIELDS) if (value[k] !== undefined && typeof value[k] !== 'boolean') refuse(`context.${k} must be true or false`);
  return value as OfferContext;
}

function parse(input: Record<string, unknown>, catalogue: CatalogueDocument): OfferCase {
  const extra = unknownKey(input, FIELDS);
  if (extra) refuse(`unknown field "${extra}": use ${FIELDS.join(', ')}`);
  const checked = validateProfileInput(input.profile ?? {});
  if (!checked.ok) refuse(`profile: ${checked.message}`);
  const owned = input.owned === undefined ? [] : ids(input.owned, 'owned', new Set(catalogue.products.map((p) => p.id)), 'product', '["liability_private"]');
  // No consent given means none: features gated by consent stay gated (workflows.md).
  let consent = { profiling: false };
  if (input.consent !== undefined) {
    const c = input.consent;
    if (!isObject(c) || typeof c.profiling !== 'boolean' || unknownKey(c, ['profiling'])) refuse('consent must be {"profiling": true} or {"profiling": false}');
    consent = { profiling: (c as { profiling: boolean }).profiling };
  }
  const out: OfferCase = {
    id: input.id as string | number, profile: checked.ok ? checked.profile : {}, owned, consent,
    mandate: mandate(input.mandate, new Set(catalogue.areas)), context: context(input.context),
  };
  if ('segment' in input && input.segment !== undefined) {
    const s = input.segment;
    if (s !== null && (typeof s !== 'string' || !isSegmentId(s))) refuse(`segment: "${String(s)}" is not a segment: use one of ${SEGMENT_IDS.join(', ')}, or null when the client rejected it`);
    out.segment = s as SegmentId | null;
  }
  return out;
}

export function validateOfferCase(input: unknown, catalogue: CatalogueDocument): OfferCaseCheck {
  return checkCase(input, '{"id": "c1", "profile": {}, "owned": [], "consent": {"profiling": true}}', (c) => parse(c, catalogue));
}
