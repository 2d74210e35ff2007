import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { DomainError } from '#core/errors.ts';
import { getClient } from '#db/queries.ts';
import { openTestStore } from '../support/book.ts';

let t: ReturnType<typeof openTestStore>;
beforeEach(() => { t = openTestStore(); });
afterEach(() => t.close());

const outboxRows = () => t.store.sqlite.prepare('SELECT name, args, client_id AS clientId FROM outbox ORDER BY seq').all() as { name: string; args: string; clientId: string }[];
const count = (table: string) => (t.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function newClient(extra: Record<string, unknown> = {}) {
  const id = uuidv7();
  t.store.mutate('client.create', { id, firstName: 'Jürgen', lastName: 'Müller', email: 'j.mueller@web.de', ...extra });
  return id;
}

/** Runs a write that must fail, and checks it changed nothing at all. */
function expectRefused(write: () => unknown, code: string) {
  const before = { outbox: count('outbox'), clients: count('clients'), answers: count('answers'), meetings: count('meetings'), tasks: count('tasks'), touchpoints: count('touchpoints'), consents: count('consents'), mandates: count('mandates'), conclusions: count('conclusions'), holdings: count('holdings'), offerOutcomes: count('offer_outcomes'), advice: count('advice_records') };
  let error: unknown;
  try { write(); } catch (e) { error = e; }
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).problems.map((p) => p.code)).toContain(code);
  expect((error as DomainError).message.length).toBeGreaterThan(10);
  const after = { outbox: count('outbox'), clients: count('clients'), answers: count('answers'), meetings: count('meetings'), tasks: count('tasks'), touchpoints: count('touchpoints'), consents: count('consents'), mandates: count('mandates'), conclusions: count('conclusions'), holdings: count('holdings'), offerOutcomes: count('offer_outcomes'), advice: count('advice_records') };
  expect(after).toEqual(before);
}

describe('the one mutation path', () => {
  it('writes the row and its outbox entry together, with UUIDv7 ids, versions and clock stamps', () => {
    const id = newClient();
    t.store.mutate('client.update', { id, patch: { city: 'Köln' } });
    const row = t.store.sqlite.prepare('SELECT * FROM clients WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row.version).toBe(2);
    expect(row.city).toBe('Köln');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const rows = outboxRows();
    expect(rows.map((r) => r.name)).toEqual(['client.create', 'client.update']);
    expect(rows.every((r) => r.clientId === id)).toBe(true);
    expect(JSON.parse(rows[1]!.args)).toEqual({ id, patch: { city: 'Köln' } });
  });

  it('keeps clock stamps increasing even when the laptop clock jumps back a week', () => {
    let now = Date.UTC(2026, 10, 23);
    t.close();
    t = openTestStore({ now: () => now });
    const id = newClient();
    now -= 7 * 24 * 3600 * 1000;
    t.store.mutate('client.update', { id, patch: { city: 'Bonn' } });
    const stamps = (t.store.sqlite.prepare('SELECT hlc FROM outbox ORDER BY seq').all() as { hlc: string }[]).map((r) => r.hlc);
    expect(stamps[1]! > stamps[0]!).toBe(true);
  });

  it('rolls back the row when the outbox write fails', () => {
    const id = uuidv7();
    t.store.sqlite.exec(`CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    expect(() => t.store.mutate('client.create', { id, firstName: 'A', lastName: 'B' })).toThrow(/disk full/);
    expect(count('clients')).toBe(0);
  });

  it('treats a retried create with the same id as the same client', () => {
    const id = newClient();
    t.store.mutate('client.create', { id, firstName: 'Jürgen', lastName: 'Müller' });
    expect(count('clients')).toBe(1);
  });

  it('deletes as a tombstone that still travels in the outbox', () => {
    const id = newClient();
    t.store.mutate('client.delete', { id });
    expect(getClient(t.store.db, id)).toBeNull();
    const row = t.store.sqlite.prepare('SELECT deleted_at AS d FROM clients WHERE id = ?').get(id) as { d: number | null };
    expect(row.d).not.toBeNull();
    expect(outboxRows().at(-1)!.name).toBe('client.delete');
  });
});

describe('bad input is refused with a clear error and changes nothing', () => {
  it('client.create: empty name', () => expectRefused(() => t.store.mutate('client.create', { id: uuidv7(), firstName: '  ', lastName: 'Müller' }), 'required'));
  it('client.create: invalid email', () => expectRefused(() => t.store.mutate('client.create', { id: uuidv7(), firstName: 'A', lastName: 'B', email: 'not-an-email' }), 'invalid_email'));
  it('client.create: oversized note', () => expectRefused(() => t.store.mutate('client.create', { id: uuidv7(), firstName: 'A', lastName: 'B', notes: 'x'.repeat(10_001) }), 'too_long'));
  it('client.create: impossible birth date', () => expectRefused(() => t.store.mutate('client.create', { id: uuidv7(), firstName: 'A', lastName: 'B', birthDate: '1980-02-30' }), 'invalid_date'));
  it('client.update: empty name keeps the old one', () => {
    const id = newClient();
    expectRefused(() => t.store.mutate('client.update', { id, patch: { lastName: '' } }), 'required');
    expect(getClient(t.store.db, id)!.client.lastName).toBe('Müller');
  });
  it('client.update: invalid email keeps the old one', () => {
    const id = newClient();
    expectRefused(() => t.store.mutate('client.update', { id, patch: { email: 'a@b' } }), 'invalid_email');
    expect(getClient(t.store.db, id)!.client.email).toBe('j.mueller@web.de');
  });
  it('client.update: unknown client', () => expectRefused(() => t.store.mutate('client.update', { id: uuidv7(), patch: { city: 'X' } }), 'not_found'));
  it('client.delete: unknown client', () => expectRefused(() => t.store.mutate('client.delete', { id: uuidv7() }), 'not_found'));
  it('answer.set: unknown attribute', () => {
    const clientId = newClient();
    expectRefused(() => t.store.mutate('answer.set', { clientId, attribute: 'shoe_size', value: '42' }), 'unknown_attribute');
  });
  it('answer.set: unknown value, naming the allowed ones', () => {
    const clientId = newClient();
    let message = '';
    expectRefused(() => { try { t.store.mutate('answer.set', { clientId, attribute: 'tech_affinity', value: 'extreme' }); } catch (e) { message = (e as Error).message; throw e; } }, 'unknown_value');
    expect(message).toContain('low, medium, high');
  });
  it('answer.set: a single value where a list is expected', () => {
    const clientId = newClient();
    expectRefused(() => t.store.mutate('answer.set', { clientId, attribute: 'life_events', value: 'moving' }), 'invalid_value');
  });
  it('answer.set: into an ended meeting', () => {
    const clientId = newClient();
    const meetingId = uuidv7();
    t.store.mutate('meeting.start', { id: meetingId, clientId });
    t.store.mutate('meeting.end', { id: meetingId });
    expectRefused(() => t.store.mutate('answer.set', { clientId, meetingId, attribute: 'tech_affinity', value: 'high' }), 'meeting_ended');
  });
  it('meeting.start: unknown client', () => expectRefused(() => t.store.mutate('meeting.start', { id: uuidv7(), clientId: uuidv7() }), 'not_found'));
  it('meeting.update: oversized notes', () => {
    const clientId = newClient();
    const id = uuidv7();
    t.store.mutate('meeting.start', { id, clientId });
    expectRefused(() => t.store.mutate('meeting.update', { id, patch: { notes: 'x'.repeat(10_001) } }), 'too_long');
  });
  it('touchpoint.add: unknown channel', () => {
    const clientId = newClient();
    expectRefused(() => t.store.mutate('touchpoint.add', { id: uuidv7(), clientId, kind: 'call', channel: 'pigeon' as never, occurredAt: Date.now(), summary: 'x' }), 'unknown_value');
  });
  it('touchpoint.add: empty summary', () => {
    const clientId = newClient();
    expectRefused(() => t.store.mutate('touchpoint.add', { id: uuidv7(), clientId, kind: 'call', channel: 'phone', occurredAt: Date.now(), summary: '' }), 'required');
  });
  it('task.add: empty title', () => {
    const clientId = newClient();
    expectRefused(() => t.store.mutate('task.add', { id: uuidv7(), clientId, title: ' ' }), 'required');
  });
  it('task.update: unknown task', () => expectRefused(() => t.store.mutate('task.update', { id: uuidv7(), patch: { done: true } }), 'not_found'));
  it('consent.record: unknown purpose', () => {
    const clientId = newClient();
    expectRefused(() => t.store.mutate('consent.record', { id: uuidv7(), clientId, purpose: 'marketing' as never, granted: true, method: 'verbal' }), 'unknown_value');
  });
});

describe('mandates: bad input is refused, the amounts already saved stay', () => {
  const terms = { period: 'month' as const, areas: ['mobility'], validFrom: '2026-11-01' };
  function withMandate() {
    const clientId = newClient();
    const id = uuidv7();
    t.store.mutate('mandate.grant', { id, clientId, budgetCents: 20_000, perPurchaseCapCents: 5_000, ...terms });
    return { id, clientId };
  }
  const budget = (id: string) => (t.store.sqlite.prepare('SELECT budget_cents AS b, per_purchase_cap_cents AS c FROM mandates WHERE id = ?').get(id) as { b: number; c: number });
  it('mandate.grant: a negative budget', () => { const c = newClient(); expectRefused(() => t.store.mutate('mandate.grant', { id: uuidv7(), clientId: c, budgetCents: -1, perPurchaseCapCents: 0, ...terms }), 'out_of_range'); });
  it('mandate.grant: euros with cents as a fraction', () => { const c = newClient(); expectRefused(() => t.store.mutate('mandate.grant', { id: uuidv7(), clientId: c, budgetCents: 199.5, perPurchaseCapCents: 0, ...terms }), 'invalid_value'); });
  it('mandate.grant: a cap per purchase above the budget', () => { const c = newClient(); expectRefused(() => t.store.mutate('mandate.grant', { id: uuidv7(), clientId: c, budgetCents: 100, perPurchaseCapCents: 101, ...terms }), 'out_of_range'); });
  it('mandate.grant: no product area', () => { const c = newClient(); expectRefused(() => t.store.mutate('mandate.grant', { id: uuidv7(), clientId: c, budgetCents: 100, perPurchaseCapCents: 10, ...terms, areas: [] }), 'required'); });
  it('mandate.grant: validity ending before it starts', () => { const c = newClient(); expectRefused(() => t.store.mutate('mandate.grant', { id: uuidv7(), clientId: c, budgetCents: 100, perPurchaseCapCents: 10, ...terms, validUntil: '2026-10-01' }), 'date_too_early'); });
  it('mandate.grant: unknown client', () => expectRefused(() => t.store.mutate('mandate.grant', { id: uuidv7(), clientId: uuidv7(), budgetCents: 100, perPurchaseCapCents: 10, ...terms }), 'not_found'));
  it('mandate.update: an amount without the amount it replaces', () => {
    const { id } = withMandate();
    expectRefused(() => t.store.mutate('mandate.update', { id, patch: { budgetCents: 1 } }), 'required');
    expect(budget(id)).toEqual({ b: 20_000, c: 5_000 });
  });
  it('mandate.update: a budget lowered below the cap per purchase', () => {
    const { id } = withMandate();
    expectRefused(() => t.store.mutate('mandate.update', { id, patch: { budgetCents: 1_000 }, expected: { budgetCents: 20_000 } }), 'out_of_range');
    expect(budget(id)).toEqual({ b: 20_000, c: 5_000 });
  });
  it('mandate.update: an amount edited from a stale form is a conflict, not an overwrite', () => {
    const { id } = withMandate();
    t.store.mutate('mandate.update', { id, patch: { budgetCents: 30_000 }, expected: { budgetCents: 20_000 } });
    expectRefused(() => t.store.mutate('mandate.update', { id, patch: { budgetCents: 25_000 }, expected: { budgetCents: 20_000 } }), 'money_conflict');
    expect(budget(id).b).toBe(30_000);
  });
  it('mandate.update: a revoked mandate', () => {
    const { id } = withMandate();
    t.store.mutate('mandate.revoke', { id });
    expectRefused(() => t.store.mutate('mandate.update', { id, patch: { areas: ['travel'] } }), 'mandate_revoked');
  });
  it('mandate.revoke: unknown mandate', () => expectRefused(() => t.store.mutate('mandate.revoke', { id: uuidv7() }), 'not_found'));
});

describe('conclusions and holdings: bad input is refused and changes nothing', () => {
  const rule = { kind: 'segment' as const, source: 'rule' as const, ruleSetVersion: 'segments.v1', inputs: { trust_anchor: 'personal_advisor' } };
  it('conclusion.record: a segment that does not exist', () => { const c = newClient(); expectRefused(() => t.store.mutate('conclusion.record', { id: uuidv7(), clientId: c, ...rule, value: 'bargain_hunter' }), 'unknown_value'); });
  it('conclusion.record: an override without a reason', () => { const c = newClient(); expectRefused(() => t.store.mutate('conclusion.record', { id: uuidv7(), clientId: c, kind: 'segment', source: 'advisor', value: 'social_media_user' }), 'required'); });
  it('conclusion.record: a rule conclusion that does not name its rule set', () => { const c = newClient(); expectRefused(() => t.store.mutate('conclusion.record', { id: uuidv7(), clientId: c, ...rule, ruleSetVersion: null, value: 'social_media_user' }), 'required'); });
  it('conclusion.record: inputs naming an attribute that does not exist', () => { const c = newClient(); expectRefused(() => t.store.mutate('conclusion.record', { id: uuidv7(), clientId: c, ...rule, value: 'social_media_user', inputs: { shoe_size: '42' } as never }), 'unknown_attribute'); });
  /** Conclusions are drawn only with the client's consent to profiling. */
  const profiled = () => {
    const c = newClient();
    t.store.mutate('consent.record', { id: uuidv7(), clientId: c, purpose: 'profiling', granted: true, method: 'written' });
    return c;
  };
  it('conclusion.review: a status other than confirmed or rejected', () => {
    const c = profiled();
    const id = uuidv7();
    t.store.mutate('conclusion.record', { id, clientId: c, ...rule, value: 'social_media_user' });
    expectRefused(() => t.store.mutate('conclusion.review', { id, status: 'maybe' as never }), 'unknown_value');
  });
  it('conclusion.refresh: a conclusion the advisor set, one the client rejected, an unknown one, answers that do not exist', () => {
    const c = profiled();
    const byAdvisor = uuidv7();
    t.store.mutate('conclusion.record', { id: byAdvisor, clientId: c, kind: 'segment', source: 'advisor', value: 'social_media_user', reason: 'kennt ihn seit Jahren' });
    expectRefused(() => t.store.mutate('conclusion.refresh', { id: byAdvisor, inputs: rule.inputs, ruleSetVersion: 'segments.v1' }), 'invalid_value');
    const rejected = uuidv7();
    t.store.mutate('conclusion.record', { id: rejected, clientId: c, ...rule, value: 'social_media_user' });
    t.store.mutate('conclusion.review', { id: rejected, status: 'rejected' });
    expectRefused(() => t.store.mutate('conclusion.refresh', { id: rejected, inputs: rule.inputs, ruleSetVersion: 'segments.v1' }), 'invalid_value');
    expectRefused(() => t.store.mutate('conclusion.refresh', { id: uuidv7(), inputs: rule.inputs, ruleSetVersion: 'segments.v1' }), 'not_found');
    const drawn = uuidv7();
    t.store.mutate('conclusion.record', { id: drawn, clientId: c, ...rule, value: 'social_media_user' });
    expectRefused(() => t.store.mutate('conclusion.refresh', { id: drawn, inputs: { shoe_size: '42' } as never, ruleSetVersion: 'segments.v1' }), 'unknown_attribute');
    expect((t.store.sqlite.prepare('SELECT inputs FROM conclusions WHERE id = ?').get(drawn) as { inputs: string }).inputs).toBe(JSON.stringify(rule.inputs));
  });
  it('holding.add: a product id that is not an id', () => { const c = newClient(); expectRefused(() => t.store.mutate('holding.add', { id: uuidv7(), clientId: c, productId: 'Haftpflicht Plus!', since: '2020-01-01', yearlyPremiumCents: 100 }), 'invalid_value'); });
  it('holding.add: a negative premium', () => { const c = newClient(); expectRefused(() => t.store.mutate('holding.add', { id: uuidv7(), clientId: c, productId: 'liability_private', since: '2020-01-01', yearlyPremiumCents: -5 }), 'out_of_range'); });
  it('holding.end: ended before it began', () => {
    const c = newClient();
    const id = uuidv7();
    t.store.mutate('holding.add', { id, clientId: c, productId: 'liability_private', since: '2020-01-01', yearlyPremiumCents: 100 });
    expectRefused(() => t.store.mutate('holding.end', { id, endedOn: '2019-12-31' }), 'date_too_early');
  });
  it('client.update: a digital target group that does not exist', () => {
    const c = newClient();
    expectRefused(() => t.store.mutate('client.update', { id: c, patch: { digitalGroup: 'influencer' as never } }), 'unknown_value');
  });
});

describe('offers and the advice record: bad input is refused and changes nothing', () => {
  const outcome = { offerId: 'household_contents', offerKind: 'base' as const, segment: null, summary: 'Hausrat angeboten' };
  it('offer.outcome: a rejection without the client’s reason', () => { const c = newClient(); expectRefused(() => t.store.mutate('offer.outcome', { id: uuidv7(), clientId: c, ...outcome, outcome: 'rejected' }), 'required'); });
  it('offer.outcome: an outcome that does not exist', () => { const c = newClient(); expectRefused(() => t.store.mutate('offer.outcome', { id: uuidv7(), clientId: c, ...outcome, outcome: 'maybe' as never }), 'unknown_value'); });
  it('offer.outcome: an oversized note', () => { const c = newClient(); expectRefused(() => t.store.mutate('offer.outcome', { id: uuidv7(), clientId: c, ...outcome, outcome: 'postponed', reasonCode: 'wrong_timing', note: 'x'.repeat(501) }), 'too_long'); });
  it('offer.outcome: a reason that is neither words nor a known code', () => {
    const c = newClient();
    expectRefused(() => t.store.mutate('offer.outcome', { id: uuidv7(), clientId: c, ...outcome, outcome: 'accepted', reasons: [{ code: 'margin', rate: 0.6 } as never] }), 'invalid_value');
  });
  it('meeting.update: an NPS of 11', () => {
    const c = newClient();
    const m = uuidv7();
    t.store.mutate('meeting.start', { id: m, clientId: c });
    expectRefused(() => t.store.mutate('meeting.update', { id: m, patch: { nps: 11 } }), 'out_of_range');
  });
  it('advice.create: a content hash that does not fit the content', () => {
    const c = newClient();
    const m = uuidv7();
    t.store.mutate('meeting.start', { id: m, clientId: c });
    const content = { language: 'de' as const, client: { name: 'J M', birthDate: null, address: null }, advisor: 'A', meeting: { id: m, startedAt: 1, endedAt: null }, reason: null, wishes: null, riskSituation: null, offers: [], advice: null, decision: null };
    expectRefused(() => t.store.mutate('advice.create', { meetingId: m, recordVersion: 1, previousHash: null, content, contentHash: 'a'.repeat(64) }), 'invalid_value');
  });
  it('advice.deliver: a version that does not exist', () => {
    const c = newClient();
    const m = uuidv7();
    t.store.mutate('meeting.start', { id: m, clientId: c });
    expectRefused(() => t.store.mutate('advice.deliver', { meetingId: m, recordVersion: 1, channel: 'printed' }), 'not_found');
  });
});

describe('offer.undo: a decision taken back in its meeting', () => {
  const outcome = { offerId: 'bundle_new_family', offerKind: 'bundle' as const, segment: null, summary: 'Angebot Familienstart: angenommen', outcome: 'accepted' as const };
  function decided() {
    const clientId = newClient();
    const meetingId = uuidv7();
    t.store.mutate('meeting.start', { id: meetingId, clientId });
    t.store.mutate('consent.record', { id: uuidv7(), clientId, purpose: 'contact', granted: true, method: 'verbal' });
    const id = uuidv7();
    t.store.mutate('offer.outcome', { id, clientId, meetingId, ...outcome, reasons: [{ code: 'life_event', event: 'family_growing' }] });
    return { id, clientId, meetingId };
  }

  it('removes the outcome and its timeline entry, syncs as its own change, and a retry changes nothing', () => {
    const d = decided();
    expect(getClient(t.store.db, d.clientId)!.timeline.map((x) => x.id)).toContain(d.id);
    t.store.mutate('offer.undo', d);
    expect(t.store.sqlite.prepare('SELECT deleted_at FROM offer_outcomes WHERE id = ?').get(d.id)).toEqual({ deleted_at: expect.any(Number) });
    expect(getClient(t.store.db, d.clientId)!.timeline.map((x) => x.id)).not.toContain(d.id);
    expect(outboxRows().at(-1)).toMatchObject({ name: 'offer.undo', clientId: d.clientId });
    const queued = count('outbox');
    t.store.mutate('offer.undo', d);
    expect(count('outbox')).toBe(queued);
  });

  it('refuses an outcome that does not exist, or belongs to another client', () => {
    const d = decided();
    const stranger = newClient();
    expectRefused(() => t.store.mutate('offer.undo', { ...d, id: uuidv7() }), 'not_found');
    expectRefused(() => t.store.mutate('offer.undo', { ...d, clientId: stranger }), 'not_found');
  });

  it('refuses once the meeting has ended, and from another meeting', () => {
    const d = decided();
    const other = uuidv7();
    t.store.mutate('meeting.start', { id: other, clientId: d.clientId });
    expectRefused(() => t.store.mutate('offer.undo', { ...d, meetingId: other }), 'undo_closed');
    t.store.mutate('meeting.end', { id: d.meetingId });
    expectRefused(() => t.store.mutate('offer.undo', d), 'undo_closed');
  });

  it('refuses malformed or missing ids and any other field', () => {
    const d = decided();
    expectRefused(() => t.store.mutate('offer.undo', { ...d, id: 'bundle_new_family' }), 'invalid_value');
    const { meetingId: _m, ...noMeeting } = d;
    expectRefused(() => t.store.mutate('offer.undo', noMeeting as never), 'invalid_value');
    expectRefused(() => t.store.mutate('offer.undo', { ...d, outcome: 'rejected' } as never), 'invalid_value');
  });
});

describe('answers', () => {
  it('keeps one current answer per attribute with who answered and when', () => {
    const clientId = newClient();
    t.store.mutate('answer.set', { clientId, attribute: 'tech_affinity', value: 'low', answeredBy: 'advisor' });
    t.store.mutate('answer.set', { clientId, attribute: 'tech_affinity', value: 'high' });
    t.store.mutate('answer.set', { clientId, attribute: 'life_events', value: ['moving', 'income_rising', 'moving'] });
    const detail = getClient(t.store.db, clientId)!;
    const tech = detail.answers.find((a) => a.attribute === 'tech_affinity')!;
    expect(tech.value).toBe('high');
    expect(tech.answeredBy).toBe('client');
    expect(tech.version).toBe(2);
    expect(detail.answers.find((a) => a.attribute === 'life_events')!.value).toEqual(['income_rising', 'moving']);
  });
});
