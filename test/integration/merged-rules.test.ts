// The device checks the same rules the backend checks again: ids from the
// catalogue the device holds, closed lists, running meetings, dates that can
// be. Bad input is refused with a code the UI can say, and nothing already
// saved is lost or queued.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, type FieldProblem } from '#core/errors.ts';
import type { MutationInput, MutationName } from '#core/mutations/index.ts';
import { storeManufacturerData } from '#db/manufacturer.ts';
import { recordReader } from '#db/records.ts';
import { shippedCatalogue } from '#services/catalogue.ts';
import { openTestStore } from '../support/book.ts';

const NOW = Date.parse('2026-03-02T09:00:00Z');
let clock = NOW;
let book: ReturnType<typeof openTestStore>;
let clientId: string;
let meetingId: string;

beforeEach(() => {
  clock = NOW;
  book = openTestStore({ now: () => clock });
  clientId = book.store.mutate('client.create', { id: uuidv7(), firstName: 'Erika', lastName: 'Mustermann' }).id;
  meetingId = book.store.mutate('meeting.start', { id: uuidv7(), clientId }).id;
  // Offers are put to a client who agreed to be contacted about them.
  book.store.mutate('consent.record', { id: uuidv7(), clientId, purpose: 'contact', granted: true, method: 'verbal' });
  book.store.mutate('holding.add', { id: uuidv7(), clientId, productId: 'liability_private', since: '2020-01-01', yearlyPremiumCents: 8280 });
});
afterEach(() => book.close());

/** Everything the book holds and owes the backend, to show a refusal changed none of it. */
function snapshot() {
  const tables = ['clients', 'meetings', 'holdings', 'mandates', 'offer_outcomes', 'touchpoints', 'conclusions', 'outbox'];
  return Object.fromEntries(tables.map((name) => [name, book.store.sqlite.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all()]));
}

function refusal<N extends MutationName>(name: N, input: MutationInput<N>): FieldProblem[] {
  const before = snapshot();
  let problems: FieldProblem[] = [];
  try {
    book.store.mutate(name, input);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems = error.problems;
  }
  expect(snapshot()).toEqual(before);
  return problems;
}

const offer = (extra: Partial<MutationInput<'offer.outcome'>> = {}): MutationInput<'offer.outcome'> => ({
  id: uuidv7(), clientId, meetingId, offerId: 'liability_private', offerKind: 'base', outcome: 'accepted', segment: null, summary: 'Privathaftpflicht angenommen', ...extra,
});
const mandate = (extra: Partial<MutationInput<'mandate.grant'>> = {}): MutationInput<'mandate.grant'> => ({
  id: uuidv7(), clientId, budgetCents: 5000, period: 'month', areas: ['travel'], perPurchaseCapCents: 4000, validFrom: '2026-01-01', ...extra,
});

describe('ids from the catalogue the device holds', () => {
  it('a contract for a product the catalogue does not have is refused by name', () => {
    expect(refusal('holding.add', { id: uuidv7(), clientId, productId: 'teleport_cover', since: '2024-01-01', yearlyPremiumCents: 100 }))
      .toEqual([{ field: 'productId', code: 'not_in_catalogue', params: { value: 'teleport_cover' } }]);
  });

  it('an offer that is not in the catalogue, or not of the kind it claims, is refused', () => {
    expect(refusal('offer.outcome', offer({ offerId: 'teleport_cover' }))).toEqual([{ field: 'offerId', code: 'not_in_catalogue', params: { value: 'teleport_cover' } }]);
    expect(refusal('offer.outcome', offer({ offerKind: 'bundle' }))).toEqual([{ field: 'offerId', code: 'not_in_catalogue', params: { value: 'liability_private' } }]);
  });

  it('a mandate for product areas the catalogue does not have names each one', () => {
    expect(refusal('mandate.grant', mandate({ areas: ['travel', 'moon', 'mars'] }))).toEqual([
      { field: 'areas', code: 'not_in_catalogue', params: { value: 'moon' } },
      { field: 'areas', code: 'not_in_catalogue', params: { value: 'mars' } },
    ]);
    const granted = book.store.mutate('mandate.grant', mandate());
    expect(refusal('mandate.update', { id: granted.id, patch: { areas: ['moon'] } })).toEqual([{ field: 'areas', code: 'not_in_catalogue', params: { value: 'moon' } }]);
  });

  it('once sync brought a catalogue, its products count and the shipped demo ones no longer do', () => {
    const shipped = shippedCatalogue().catalogue;
    const own = { ...shipped.products[0]!, id: 'trial_cover' };
    // The manufacturer dropped the drone add-on (a module nothing else needs) and added its own product.
    const gone = 'liability_drone';
    const products = [own, ...shipped.products.filter((p) => p.id !== gone)];
    storeManufacturerData(book.store, { documents: [{ kind: 'catalogue', version: 3, body: { ...shipped, products, bundles: [] } }], priceRanges: null }, clock);
    expect(book.store.mutate('holding.add', { id: uuidv7(), clientId, productId: 'trial_cover', since: '2025-01-01', yearlyPremiumCents: 5000 }).id).toBeTruthy();
    expect(refusal('holding.add', { id: uuidv7(), clientId, productId: gone, since: '2025-01-01', yearlyPremiumCents: 5000 }))
      .toEqual([{ field: 'productId', code: 'not_in_catalogue', params: { value: gone } }]);
  });
});

describe('closed lists and running meetings', () => {
  it('a segment that does not exist is refused', () => {
    expect(refusal('offer.outcome', offer({ segment: 'astronaut' as never }))).toEqual([expect.objectContaining({ field: 'segment', code: 'unknown_value' })]);
  });

  it('a decision on an offer in a meeting that has ended is refused; in the running one it is recorded', () => {
    book.store.mutate('meeting.end', { id: meetingId });
    expect(refusal('offer.outcome', offer())).toEqual([{ field: 'meeting', code: 'meeting_ended' }]);
    const next = book.store.mutate('meeting.start', { id: uuidv7(), clientId }).id;
    expect(book.store.mutate('offer.outcome', offer({ meetingId: next, segment: 'cautious_self_searcher' })).clientId).toBe(clientId);
  });

  it('a conclusion drawn from an answer the profile does not offer is refused', () => {
    book.store.mutate('consent.record', { id: uuidv7(), clientId, purpose: 'profiling', granted: true, method: 'written' });
    const input = { id: uuidv7(), clientId, kind: 'segment' as const, value: 'cautious_self_searcher', source: 'rule' as const, ruleSetVersion: 'v1' };
    expect(refusal('conclusion.record', { ...input, inputs: { tech_affinity: 'extreme' } })).toEqual([expect.objectContaining({ field: 'inputs.tech_affinity', code: 'unknown_value' })]);
    expect(book.store.mutate('conclusion.record', { ...input, inputs: { tech_affinity: 'high', life_events: ['moving'] } }).id).toBe(input.id);
  });
});

describe('times that can be', () => {
  it('a contact more than a day ahead is refused', () => {
    expect(refusal('touchpoint.add', { id: uuidv7(), clientId, kind: 'call', channel: 'phone', occurredAt: NOW + 3 * 86_400_000, summary: 'Rückruf' }))
      .toEqual([{ field: 'occurredAt', code: 'date_in_future' }]);
  });

  it('a meeting ended after the clock was set back ends when it started, not before', () => {
    clock = NOW - 3_600_000;
    book.store.mutate('meeting.end', { id: meetingId });
    const meeting = recordReader(book.store.db).get('meetings', meetingId)!;
    expect(meeting.endedAt).toBe(meeting.startedAt);
  });
});
