// The retailer's mutations as both sides plan them (core/mutations/plan-retail.ts),
// against an in-memory record store: what a sale writes, when it needs an
// approval, and what the manufacturer's decision makes of a request.
import { describe, expect, it } from 'vitest';
import { shippedCatalogue } from '#backend/catalogue.ts';
import { DomainError } from '#core/errors.ts';
import { MUTATIONS, type MutationInput, type MutationName } from '#core/mutations/index.ts';
import { planMutation } from '#core/mutations/plan.ts';
import type { EntityName, StoredRecord } from '#core/records.ts';
import type { PriceRangeLookup } from '#core/retail/price.ts';

const DAY = 86_400_000;
/** 2027-03-01 10:00 in Berlin. */
const MARCH_1 = Date.UTC(2027, 2, 1, 9);
const ranges: PriceRangeLookup = {
  retailerId: 'retailer_oeko_haus',
  range: (p) => (p === 'green_household' ? { retailer: 'retailer_oeko_haus', product: p, proposed: 12.4, floor: 11.2, ceiling: 14.9, valid_until: '2027-06-30' } : null),
};

function memory() {
  const rows = new Map<string, StoredRecord>();
  const read = { get: (e: EntityName, id: string) => rows.get(`${e}/${id}`) ?? null };
  let at = MARCH_1;
  const run = <N extends MutationName>(name: N, input: MutationInput<N>, userId = 'seller') => {
    const plan = planMutation(name, MUTATIONS[name].parse(input) as never, { at, userId, read, catalogue: shippedCatalogue(), ranges });
    for (const w of plan.writes) {
      const key = `${w.entity}/${w.id}`;
      const old = rows.get(key);
      rows.set(key, w.insert ? { id: w.id, version: 1, deletedAt: null, ...w.fields } : { ...old!, ...w.fields, version: old!.version + 1 });
    }
    return plan;
  };
  return { rows, run, later: (days: number) => { at += days * DAY; } };
}

const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const [CLIENT, SALE, HOLDING, REQUEST] = [id(1), id(2), id(3), id(4)];
const codeOf = (fn: () => unknown) => {
  try { fn(); } catch (e) { if (e instanceof DomainError) return e.problems[0]!.code; throw e; }
  return null;
};

function withClient() {
  const m = memory();
  m.run('client.create', { id: CLIENT, firstName: 'Ada', lastName: 'Brandt' });
  return m;
}
const sale = (over: Record<string, unknown> = {}) => ({ id: SALE, clientId: CLIENT, productId: 'green_household', chosenCents: 1350, reason: 'client_value', holdingId: HOLDING, ...over }) as MutationInput<'sale.record'>;
const request = (over: Record<string, unknown> = {}) => ({ id: REQUEST, clientId: CLIENT, productId: 'green_household', chosenCents: 1600, reason: 'loyalty', ...over }) as MutationInput<'approval.request'>;

describe('sale.record', () => {
  it('records a sale within the range with its range, deviation and reason, a holding and a timeline entry', () => {
    const m = withClient();
    m.run('sale.record', sale());
    expect(m.rows.get(`sales/${SALE}`)).toMatchObject({
      retailerId: 'retailer_oeko_haus', soldBy: 'seller', decision: 'within_range', chosenCents: 1350, proposedCents: 1240, floorCents: 1120, ceilingCents: 1490,
      deviationCents: 110, reason: 'client_value', on: '2027-03-01', period: 'month',
    });
    expect(m.rows.get(`holdings/${HOLDING}`)).toMatchObject({ clientId: CLIENT, productId: 'green_household', since: '2027-03-01', yearlyPremiumCents: 16_200 });
    expect(m.rows.get(`touchpoints/${SALE}`)).toMatchObject({ kind: 'purchase', channel: 'point_of_sale' });
  });

  it('keeps no reason for a sale at the proposed price', () => {
    const m = withClient();
    m.run('sale.record', sale({ chosenCents: 1240, reason: null }));
    expect(m.rows.get(`sales/${SALE}`)).toMatchObject({ decision: 'proposed', reason: null, deviationCents: 0 });
  });

  it('refuses a deviation without a reason, and a price outside the range without an approval, writing nothing', () => {
    const m = withClient();
    expect(codeOf(() => m.run('sale.record', sale({ reason: null })))).toBe('reason_required');
    expect(codeOf(() => m.run('sale.record', sale({ chosenCents: 1600 })))).toBe('needs_approval');
    m.later(150); // past valid_until
    expect(codeOf(() => m.run('sale.record', sale()))).toBe('needs_approval');
    expect(m.rows.has(`sales/${SALE}`)).toBe(false);
    expect(m.rows.has(`holdings/${HOLDING}`)).toBe(false);
  });

  it('sells a variant at its own list price', () => {
    const m = withClient();
    m.run('sale.record', sale({ productId: 'extended_warranty', variant: 'C', chosenCents: 11_900, reason: null }));
    expect(m.rows.get(`sales/${SALE}`)).toMatchObject({ variant: 'C', decision: 'proposed', proposedCents: 11_900, rangeSource: 'list_price', period: 'once' });
    expect(codeOf(() => m.run('sale.record', sale({ id: id(9), holdingId: id(10), productId: 'liability_private', variant: 'A' })))).toBe('unknown_value');
  });
});

describe('approvals', () => {
  it('asks only for a price the range does not allow', () => {
    const m = withClient();
    expect(codeOf(() => m.run('approval.request', request({ chosenCents: 1350 })))).toBe('approval_not_needed');
    m.run('approval.request', request());
    expect(m.rows.get(`approvals/${REQUEST}`)).toMatchObject({ status: 'pending', chosenCents: 1600, deviationCents: 360, requestedBy: 'seller', expired: false });
  });

  it('lets an approved price be sold for 14 days, and no longer', () => {
    const m = withClient();
    m.run('approval.request', request());
    expect(codeOf(() => m.run('sale.record', sale({ chosenCents: 1600, reason: 'loyalty', approvalId: REQUEST })))).toBe('approval_pending');
    m.run('approval.decide', { id: REQUEST, decision: 'approved', note: null }, 'manufacturer-1');
    expect(m.rows.get(`approvals/${REQUEST}`)).toMatchObject({ status: 'approved', decidedBy: 'manufacturer-1', expiresOn: '2027-03-15' });
    expect(codeOf(() => m.run('sale.record', sale({ chosenCents: 1650, reason: 'loyalty', approvalId: REQUEST })))).toBe('approval_mismatch');
    expect(codeOf(() => m.run('sale.record', sale({ productId: 'household_contents', chosenCents: 1600, reason: 'loyalty', approvalId: REQUEST })))).toBe('approval_mismatch');
    m.later(14);
    m.run('sale.record', sale({ chosenCents: 1600, reason: 'loyalty', approvalId: REQUEST }));
    expect(m.rows.get(`sales/${SALE}`)).toMatchObject({ decision: 'approved', approvalId: REQUEST, chosenCents: 1600 });
    m.later(1);
    expect(codeOf(() => m.run('sale.record', sale({ id: id(11), holdingId: id(12), chosenCents: 1600, reason: 'loyalty', approvalId: REQUEST })))).toBe('approval_expired');
  });

  it('never sells at a declined price; a decline needs its note, and a decision stands', () => {
    const m = withClient();
    m.run('approval.request', request());
    expect(() => MUTATIONS['approval.decide'].parse({ id: REQUEST, decision: 'declined' })).toThrow();
    m.run('approval.decide', { id: REQUEST, decision: 'declined', note: 'Zu weit unter Marktpreis' }, 'manufacturer-1');
    expect(codeOf(() => m.run('sale.record', sale({ chosenCents: 1600, reason: 'loyalty', approvalId: REQUEST })))).toBe('approval_declined');
    expect(codeOf(() => m.run('approval.decide', { id: REQUEST, decision: 'approved', note: null }, 'manufacturer-1'))).toBe('approval_decided');
    expect(m.rows.get(`approvals/${REQUEST}`)).toMatchObject({ status: 'declined', note: 'Zu weit unter Marktpreis' });
  });
});
