// The rules on the merged record (core/sync/apply.ts): a change that wins
// only part of its patch is refused when the result breaks a rule, but never
// for what the stored record broke already.
import { describe, expect, it } from 'vitest';
import { DomainError } from '#core/errors.ts';
import { formatHlc } from '#core/hlc.ts';
import type { EntityName } from '#core/records.ts';
import { applyMutation } from '#core/sync/apply.ts';
import type { SyncedState } from '#core/sync/merge.ts';
import { shippedCatalogue } from '#backend/catalogue.ts';

const C = '0190a000-0000-7000-8000-000000000001';
const MANDATE = '0190a000-0000-7000-8000-000000000002';
const DAY = 86_400_000;
const NOW = Date.parse('2026-03-02T09:00:00Z');
const stamp = (at: number) => formatHlc({ wall: at, counter: 0, node: 'other-device' });

function stored(entity: EntityName, id: string, fields: Record<string, unknown>, stamps: Record<string, number>) {
  const state: SyncedState & { clientId: string } = {
    clientId: C, fields: { deletedAt: null, ...fields }, stamps: Object.fromEntries(Object.keys({ deletedAt: null, ...fields }).map((k) => [k, stamp(stamps[k] ?? NOW - 3 * DAY)])),
  };
  return [`${entity}/${id}`, state] as const;
}

function apply(rows: Map<string, SyncedState & { clientId: string }>, name: 'mandate.update' | 'client.update', args: unknown, at: number) {
  return applyMutation(name, args, { at, hlc: stamp(at), userId: 'u1', catalogue: shippedCatalogue(), read: (entity, id) => rows.get(`${entity}/${id}`) ?? null });
}

const client = stored('clients', C, { firstName: 'Erika', lastName: 'Mustermann', birthDate: '2026-03-05', notes: null, ownerId: 'u1' }, {});
const mandate = stored('mandates', MANDATE, {
  clientId: C, budgetCents: 5000, perPurchaseCapCents: 3000, period: 'month', areas: ['travel'], validFrom: '2026-01-01', validUntil: null, revokedAt: null,
}, { perPurchaseCapCents: NOW - DAY });

describe('rules on the merged record', () => {
  it('a back-dated change that wins the budget but not the cap is refused, naming the cap and the budget it would exceed', () => {
    const rows = new Map([client, mandate]);
    const change = { id: MANDATE, patch: { budgetCents: 100, perPurchaseCapCents: 100 }, expected: { budgetCents: 5000, perPurchaseCapCents: 3000 } };
    let error: unknown;
    try { apply(rows, 'mandate.update', change, NOW - 2 * DAY); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).problems).toEqual([{ field: 'perPurchaseCapCents', code: 'out_of_range', params: { min: 0, max: 100, unit: 'cents' } }]);
    // The same change made now wins both fields: the terms fit.
    expect(apply(rows, 'mandate.update', change, NOW).writes[0]!.state.fields).toMatchObject({ budgetCents: 100, perPurchaseCapCents: 100 });
  });

  it('an unrelated edit is not refused for what the record broke already (a birth date ahead of this laptop’s day)', () => {
    const rows = new Map([client]);
    const result = apply(rows, 'client.update', { id: C, patch: { notes: 'Rückruf erbeten' } }, NOW - 2 * DAY);
    expect(result.writes[0]!.state.fields).toMatchObject({ notes: 'Rückruf erbeten', birthDate: '2026-03-05' });
  });
});
