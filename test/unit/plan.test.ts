// The mutation rules, run against an in-memory record store: what the device
// and the backend will both apply.
import { describe, expect, it } from 'vitest';
import { DomainError } from '#core/errors.ts';
import { planMutation } from '#core/mutations/plan.ts';
import { shippedCatalogue } from '#backend/catalogue.ts';
import { MUTATIONS, type MutationInput, type MutationName } from '#core/mutations/index.ts';
import { answerId, type EntityName, type StoredRecord } from '#core/records.ts';

function memory() {
  const rows = new Map<string, StoredRecord>();
  const read = { get: (e: EntityName, id: string) => rows.get(`${e}/${id}`) ?? null };
  let at = 1_000;
  const run = <N extends MutationName>(name: N, input: MutationInput<N>, userId = 'u1') => {
    at += 1000;
    const plan = planMutation(name, MUTATIONS[name].parse(input) as never, { at, userId, read, catalogue: shippedCatalogue() });
    for (const w of plan.writes) {
      const key = `${w.entity}/${w.id}`;
      const old = rows.get(key);
      rows.set(key, w.insert ? { id: w.id, version: 1, deletedAt: null, ...w.fields } : { ...old!, ...w.fields, version: old!.version + 1 });
    }
    return plan;
  };
  return { rows, read, run, now: () => at };
}

const C = '0190a000-0000-7000-8000-000000000001';
const M = '0190a000-0000-7000-8000-000000000002';
const T = '0190a000-0000-7000-8000-000000000003';

describe('mutation plans', () => {
  it('a new client belongs to whoever created it', () => {
    const m = memory();
    const plan = m.run('client.create', { id: C, firstName: 'Ada', lastName: 'Brandt' }, 'advisor-7');
    expect(plan.writes).toEqual([expect.objectContaining({ entity: 'clients', insert: true, fields: expect.objectContaining({ ownerId: 'advisor-7', email: null }) })]);
  });

  it('a repeated create or meeting start writes nothing', () => {
    const m = memory();
    m.run('client.create', { id: C, firstName: 'Ada', lastName: 'Brandt' });
    expect(m.run('client.create', { id: C, firstName: 'Ada', lastName: 'Brandt' }).writes).toEqual([]);
    m.run('meeting.start', { id: M, clientId: C });
    expect(m.run('meeting.start', { id: M, clientId: C }).writes).toEqual([]);
  });

  it('a meeting is a touchpoint with the same id and moves the last contact forward', () => {
    const m = memory();
    m.run('client.create', { id: C, firstName: 'Ada', lastName: 'Brandt' });
    m.run('meeting.start', { id: M, clientId: C, reason: 'Umzug' });
    expect(m.rows.get(`touchpoints/${M}`)).toMatchObject({ kind: 'meeting', summary: 'Umzug', refId: M });
    expect(m.rows.get(`clients/${C}`)!.lastContactAt).toBe(m.now());
    m.run('meeting.update', { id: M, patch: { reason: 'Umzug nach Köln' } });
    expect(m.rows.get(`touchpoints/${M}`)!.summary).toBe('Umzug nach Köln');
  });

  it('an older touchpoint entered later does not move the last contact back', () => {
    const m = memory();
    m.run('client.create', { id: C, firstName: 'Ada', lastName: 'Brandt' });
    m.run('touchpoint.add', { id: T, clientId: C, kind: 'call', channel: 'phone', occurredAt: 500_000, summary: 'Rückruf' });
    m.run('touchpoint.add', { id: M, clientId: C, kind: 'letter', channel: 'letter', occurredAt: 100_000, summary: 'Brief' });
    expect(m.rows.get(`clients/${C}`)!.lastContactAt).toBe(500_000);
  });

  it('answers of one attribute share one record id on every device', () => {
    const m = memory();
    m.run('client.create', { id: C, firstName: 'Ada', lastName: 'Brandt' });
    const first = m.run('answer.set', { clientId: C, attribute: 'tech_affinity', value: 'low' });
    const second = m.run('answer.set', { clientId: C, attribute: 'tech_affinity', value: 'high' });
    expect(first.id).toBe(answerId(C, 'tech_affinity'));
    expect(second.writes[0]!.insert).toBe(false);
    expect(m.rows.get(`answers/${first.id}`)).toMatchObject({ value: 'high', version: 2 });
  });

  it('nothing can be added to a deleted client', () => {
    const m = memory();
    m.run('client.create', { id: C, firstName: 'Ada', lastName: 'Brandt' });
    m.run('client.delete', { id: C });
    const error = (() => { try { m.run('answer.set', { clientId: C, attribute: 'tech_affinity', value: 'low' }); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).problems[0]!.code).toBe('client_deleted');
  });

  it('completing a task twice keeps the first completion time; reopening clears it', () => {
    const m = memory();
    m.run('client.create', { id: C, firstName: 'Ada', lastName: 'Brandt' });
    m.run('task.add', { id: T, clientId: C, title: 'Angebot schicken' });
    m.run('task.update', { id: T, patch: { done: true } });
    const doneAt = m.rows.get(`tasks/${T}`)!.doneAt;
    m.run('task.update', { id: T, patch: { done: true } });
    expect(m.rows.get(`tasks/${T}`)!.doneAt).toBe(doneAt);
    m.run('task.update', { id: T, patch: { done: false } });
    expect(m.rows.get(`tasks/${T}`)!.doneAt).toBeNull();
  });

  it('an answer for a meeting of another client is refused', () => {
    const m = memory();
    const other = '0190a000-0000-7000-8000-000000000009';
    m.run('client.create', { id: C, firstName: 'Ada', lastName: 'Brandt' });
    m.run('client.create', { id: other, firstName: 'Bo', lastName: 'Cramer' });
    m.run('meeting.start', { id: M, clientId: other });
    expect(() => m.run('answer.set', { clientId: C, meetingId: M, attribute: 'tech_affinity', value: 'low' })).toThrow(DomainError);
  });
});
