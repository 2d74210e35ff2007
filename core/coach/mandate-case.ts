// Checks one case of the `mandate` command (coach.md) before it is decided:
// as for the segment and offers commands, anything unknown or malformed is
// refused by name with what to give instead, never guessed at. Amounts come
// in euros and leave as whole cents.
import { checkCase, day, fields, refuse, type CaseCheck } from '../case-input.ts';
import { isRealDate } from '../dates.ts';
import type { CatalogueDocument } from '../manufacturer.ts';
import { MANDATE_PERIODS } from '../mandate.ts';
import { centsOf, type PurchaseAttempt, type PurchaseLine, type PurchaseMandate } from './purchase.ts';

export type MandateCase = { id: string | number; mandate: PurchaseMandate; purchases: PurchaseLine[]; attempt: PurchaseAttempt };
export type MandateCaseCheck = CaseCheck<MandateCase>;

const FIELDS = ['id', 'mandate', 'purchases', 'attempt'];
const MANDATE_FIELDS = ['budget', 'period', 'areas', 'per_purchase_cap', 'valid_from', 'valid_until', 'revoked_at'];
// An earlier purchase may say too that the client consented to it; that changes nothing, as a complex one charges nothing anyway.
const PURCHASE_FIELDS = ['items', 'at', 'days', 'single_consent'];
const EXAMPLE_MANDATE = '{"budget": 100, "period": "month", "areas": ["travel"], "per_purchase_cap": 60, "valid_from": "2027-01-01", "valid_until": null, "revoked_at": null}';
const EXAMPLE_PURCHASE = '{"items": ["travel_health_abroad"], "at": "2027-03-20"}';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const BERLIN = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** A revocation is a moment; what counts is its calendar day in Europe/Berlin. A day is taken as it is. */
function revokedOn(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
    const parts = Object.fromEntries(BERLIN.formatToParts(Date.parse(value)).map((p) => [p.type, p.value]));
    return day(`${parts.year}-${parts.month}-${parts.day}`, 'mandate.revoked_at');
  }
  if (typeof value !== 'string' || !isRealDate(value)) return refuse(`mandate.revoked_at must be a date like 2027-03-20 (or a moment like 2027-03-20T10:15:00+01:00), or null, not ${JSON.stringify(value)}`);
  return day(value, 'mandate.revoked_at');
}

function euros(value: unknown, field: string, example: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) refuse(`${field} must be an amount in euros, 0 or more, like ${example}, not ${JSON.stringify(value)}`);
  return centsOf(value as number);
}

function mandate(value: unknown, areas: ReadonlySet<string>): PurchaseMandate {
  const m = fields(value, 'mandate', MANDATE_FIELDS, ['budget', 'period', 'areas', 'per_purchase_cap', 'valid_from'], EXAMPLE_MANDATE);
  if (!(MANDATE_PERIODS as readonly unknown[]).includes(m.period)) refuse(`mandate.period must be one of ${MANDATE_PERIODS.join(', ')}, not ${JSON.stringify(m.period)}`);
  if (!Array.isArray(m.areas) || m.areas.some((a) => typeof a !== 'string')) refuse('mandate.areas must be a list of area ids like ["travel", "mobility"]');
  const list = m.areas as string[];
  if (list.length === 0) refuse('mandate.areas may not be empty: name the areas the mandate covers');
  for (const a of list) if (!areas.has(a)) refuse(`mandate.areas: "${a}" is not an area of the catalogue: use one of ${[...areas].join(', ')}`);
  return {
    budgetCents: euros(m.budget, 'mandate.budget', 100),
    period: m.period as PurchaseMandate['period'],
    areas: [...new Set(list)],
    perPurchaseCapCents: euros(m.per_purchase_cap, 'mandate.per_purchase_cap', 60),
    validFrom: day(m.valid_from, 'mandate.valid_from'),
    validUntil: m.valid_until === undefined || m.valid_until === null ? null : day(m.valid_until, 'mandate.valid_until'),
    revokedOn: revokedOn(m.revoked_at),
  };
}

/** Items of the attempt need only be ids: one the catalogue does not know is the decision `unknown_product`, not bad input. */
function purchase(value: unknown, field: string, known: ReadonlySet<string> | null): PurchaseAttempt {
  const p = fields(value, field, PURCHASE_FIELDS, ['items', 'at'], EXAMPLE_PURCHASE);
  if (!Array.isArray(p.items) || p.items.some((i) => typeof i !== 'string' || i === '')) refuse(`${field}.items must be a list of product or bundle ids like ["travel_health_abroad"]`);
  const items = p.items as string[];
  if (items.length === 0) refuse(`${field}.items may not be empty: name what is bought, like ["travel_health_abroad"]`);
  if (known) for (const i of items) if (!known.has(i)) refuse(`${field}.items: "${i}" is not a product or bundle of the catalogue: an earlier purchase holds only products that exist`);
  const out: PurchaseAttempt = { items, at: day(p.at, `${field}.at`) };
  if (p.days !== undefined) {
    if (typeof p.days !== 'number' || !Number.isSafeInteger(p.days) || p.days < 1) refuse(`${field}.days must be a whole number of at least 1, like 3, not ${JSON.stringify(p.days)}`);
    out.days = p.days as number;
  }
  if (p.single_consent !== undefined) {
    if (typeof p.single_consent !== 'boolean') refuse(`${field}.single_consent must be true or false`);
    if (!known) out.singleConsent = p.single_consent as boolean;
  }
  return out;
}

function parse(input: Record<string, unknown>, catalogue: CatalogueDocument): MandateCase {
  const c = fields(input, '', FIELDS, ['mandate', 'attempt'], `{"id": "m1", "mandate": ${EXAMPLE_MANDATE}, "purchases": [], "attempt": ${EXAMPLE_PURCHASE}}`);
  const known = new Set([...catalogue.products.map((p) => p.id), ...catalogue.bundles.map((b) => b.id)]);
  const m = mandate(c.mandate, new Set(catalogue.areas));
  if (c.purchases !== undefined && !Array.isArray(c.purchases)) refuse(`purchases must be a list of earlier purchases like [${EXAMPLE_PURCHASE}], or []`);
  const purchases = ((c.purchases ?? []) as unknown[]).map((p, i) => purchase(p, `purchases[${i}]`, known) as PurchaseLine);
  return { id: input.id as string | number, mandate: m, purchases, attempt: purchase(c.attempt, 'attempt', null) };
}

export function validateMandateCase(input: unknown, catalogue: CatalogueDocument): MandateCaseCheck {
  return checkCase(input, `{"id": "m1", "mandate": ${EXAMPLE_MANDATE}, "purchases": [], "attempt": ${EXAMPLE_PURCHASE}}`, (c) => parse(c, catalogue));
}
