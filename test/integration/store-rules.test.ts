// The device applies the registry's rules before a change is saved, as the
// backend does again: roles, access to the client and the mandate, consents.
// A refused change is not saved and never reaches the outbox.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '#core/errors.ts';
import { openTestStore } from '../support/book.ts';
import { bulkLoad } from '#db/bulk.ts';

let roles: readonly string[] = ['advisor', 'life_coach'];
let t: ReturnType<typeof openTestStore>;
// The person also goes by the backend's id for them, as on an enrolled workstation.
beforeEach(() => { roles = ['advisor', 'life_coach']; t = openTestStore({ roles: () => roles, ids: ['backend-id'] }); });
afterEach(() => t.close());

/** The problem a refused change was refused with; fails when it was saved. */
function refusal(change: () => unknown) {
  const outbox = t.store.pendingCount();
  try {
    change();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(t.store.pendingCount()).toBe(outbox);
    return (error as DomainError).problems[0];
  }
  throw new Error('the change was saved');
}
const newClient = () => t.store.mutate('client.create', { id: uuidv7(), firstName: 'Jana', lastName: 'Keller' }).id;
const terms = { budgetCents: 20_000, period: 'month' as const, areas: ['mobility'], perPurchaseCapCents: 5_000, validFrom: '2026-11-01' };
const count = (table: string) => (t.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('roles', () => {
  it('a retailer-only user records the clients they sell to, but no mandate; an advisor records no sale', () => {
    roles = ['retailer'];
    const clientId = newClient();
    expect(count('clients')).toBe(1);
    expect(refusal(() => t.store.mutate('mandate.grant', { id: uuidv7(), clientId, ...terms }))).toMatchObject({ code: 'role_not_allowed' });
    roles = ['advisor'];
    const sale = { id: uuidv7(), clientId, productId: 'green_household', variant: null, chosenCents: 1240, reason: null, reasonText: '', approvalId: null, holdingId: uuidv7() };
    expect(refusal(() => t.store.mutate('sale.record', sale))).toMatchObject({ code: 'role_not_allowed' });
    expect(count('mandates')).toBe(0);
    expect(count('sales')).toBe(0);
  });

  it('only a life coach acts on an assistant’s alert', () => {
    const clientId = newClient();
    const id = uuidv7();
    bulkLoad(t.store.sqlite, { alerts: [{
      id, updatedAt: 1, hlc: '1', clientId, event: 'moving', signal: 's1', signals: [], offers: [], reaction: 'note_only', rulesVersion: '1', status: 'open', createdAt: 1,
    }] });
    roles = ['advisor'];
    expect(refusal(() => t.store.mutate('alert.dismiss', { id, reason: 'not_relevant' }))).toMatchObject({ code: 'role_not_allowed' });
    expect(t.store.sqlite.prepare('SELECT status FROM alerts').get()).toEqual({ status: 'open' });
    roles = ['life_coach'];
    t.store.mutate('alert.dismiss', { id, reason: 'not_relevant' });
    expect(t.store.sqlite.prepare('SELECT status, dismiss_reason AS r FROM alerts').get()).toEqual({ status: 'done', r: 'not_relevant' });
  });

  it('only a life coach is granted a mandate, and becomes its coach', () => {
    const clientId = newClient();
    roles = ['advisor'];
    expect(refusal(() => t.store.mutate('mandate.grant', { id: uuidv7(), clientId, ...terms }))).toMatchObject({ code: 'role_not_allowed' });
    expect(count('mandates')).toBe(0);
    roles = ['life_coach'];
    const { id } = t.store.mutate('mandate.grant', { id: uuidv7(), clientId, ...terms });
    expect(t.store.sqlite.prepare('SELECT coach_id AS c FROM mandates WHERE id = ?').get(id)).toEqual({ c: t.store.userId });
  });
});

describe('access', () => {
  it('only the owner deletes or erases a client shared with others', () => {
    const clientId = newClient();
    t.store.sqlite.prepare('UPDATE clients SET owner_id = ? WHERE id = ?').run('someone-else', clientId);
    for (const name of ['client.delete', 'client.erase'] as const) {
      expect(refusal(() => t.store.mutate(name, { id: clientId }))).toMatchObject({ code: 'owner_only' });
    }
    expect(t.store.sqlite.prepare('SELECT deleted_at AS d FROM clients WHERE id = ?').get(clientId)).toEqual({ d: null });
    // Everything else a shared user may do.
    t.store.mutate('client.update', { id: clientId, patch: { city: 'Ulm' } });
  });

  it('a client owned under the backend’s id for the person (adopted after enrolment) is still theirs to erase', () => {
    const clientId = newClient();
    t.store.sqlite.prepare('UPDATE clients SET owner_id = ? WHERE id = ?').run('backend-id', clientId);
    t.store.mutate('client.erase', { id: clientId });
    expect(count('clients')).toBe(0);
  });

  it("only the mandate's coach changes its terms; the owner may still record the client's revocation", () => {
    const clientId = newClient();
    const { id } = t.store.mutate('mandate.grant', { id: uuidv7(), clientId, ...terms });
    t.store.sqlite.prepare('UPDATE mandates SET coach_id = ? WHERE id = ?').run('another-coach', id);
    expect(refusal(() => t.store.mutate('mandate.update', { id, patch: { areas: ['travel'] } }))).toMatchObject({ code: 'mandate_coach_only' });
    expect(t.store.sqlite.prepare('SELECT areas AS a FROM mandates WHERE id = ?').get(id)).toEqual({ a: '["mobility"]' });
    t.store.mutate('mandate.revoke', { id });
    expect((t.store.sqlite.prepare('SELECT revoked_at AS r FROM mandates WHERE id = ?').get(id) as { r: number | null }).r).not.toBeNull();
  });
});

describe('consents', () => {
  const conclusion = (clientId: string) => ({ id: uuidv7(), clientId, kind: 'segment' as const, value: 'social_media_user', inputs: {}, source: 'rule' as const, ruleSetVersion: 'segments.v1' });
  const consent = (clientId: string, granted: boolean) => t.store.mutate('consent.record', { id: uuidv7(), clientId, purpose: 'profiling', granted, method: 'verbal' });

  it('a conclusion is recorded only while the client’s consent to profiling is in force; the newest record counts', () => {
    const clientId = newClient();
    expect(refusal(() => t.store.mutate('conclusion.record', conclusion(clientId)))).toEqual({ field: 'profiling', code: 'consent_missing', params: { purpose: 'profiling' } });
    consent(clientId, true);
    const { id } = t.store.mutate('conclusion.record', conclusion(clientId));
    consent(clientId, false);
    expect(refusal(() => t.store.mutate('conclusion.record', conclusion(clientId)))).toMatchObject({ code: 'consent_missing' });
    expect(refusal(() => t.store.mutate('conclusion.refresh', { id, inputs: {}, ruleSetVersion: 'segments.v2' }))).toMatchObject({ code: 'consent_missing' });
    // The client's word on a conclusion is taken without consent to profiling.
    t.store.mutate('conclusion.review', { id, status: 'rejected' });
    expect(count('conclusions')).toBe(1);
  });
});
