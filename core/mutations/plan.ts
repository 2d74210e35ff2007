// What each mutation changes, as plain record writes. Pure: it reads through
// a RecordReader and returns writes, so the device (SQLite) and the backend
// (PostgreSQL) apply one and the same rule to their own storage.
import { birthDateProblem, clientFields } from '../client.ts';
import { correctionRecord } from '../correction.ts';
import { DomainError } from '../errors.ts';
import { adviceId, versionHash } from '../advice.ts';
import { MANDATE_MONEY_FIELDS, termProblems } from '../mandate.ts';
import type { CatalogueItem, CatalogueLookup } from '../manufacturer.ts';
import { checkAnswer } from '../meeting.ts';
import { answerId, type Fields, type RecordReader, type RecordWrite, type StoredRecord } from '../records.ts';
import type { MutationArgs, MutationName } from './index.ts';
import { coachPlanners, type CoachMutation } from './plan-coach.ts';
import { SHARE_PLANNERS } from './share.ts';
import { retailPlanners, type RetailMutation } from './plan-retail.ts';
import type { Plan, PlanContext, Planner } from './plan-types.ts';

export type { Plan, PlanContext, Planner };

const notFound = (field: string) => new DomainError([{ field, code: 'not_found' }]);

function liveClient(read: RecordReader, id: string): StoredRecord {
  const client = read.get('clients', id);
  if (!client) throw notFound('client');
  if (client.deletedAt !== null) throw new DomainError([{ field: 'client', code: 'client_deleted' }]);
  return client;
}

function live(read: RecordReader, entity: 'meetings' | 'tasks' | 'mandates' | 'conclusions' | 'holdings' | 'alerts' | 'appointments', id: string, field: string): StoredRecord {
  const row = read.get(entity, id);
  if (!row || row.deletedAt !== null) throw notFound(field);
  return row;
}

const insert = (entity: RecordWrite['entity'], id: string, clientId: string, fields: Fields): RecordWrite => ({ entity, id, clientId, insert: true, fields });
const update = (entity: RecordWrite['entity'], id: string, clientId: string, fields: Fields): RecordWrite => ({ entity, id, clientId, insert: false, fields });

/** A contact moves the client's "last contact" forward, never back. */
function contactAt(client: StoredRecord, at: number): RecordWrite[] {
  const last = (client.lastContactAt as number | null) ?? 0;
  return at > last ? [update('clients', client.id, client.id, { lastContactAt: at })] : [];
}

const nullable = (x: unknown) => x ?? null;

/** Every id a mutation takes from the catalogue must be in it: a product nobody sells is not held, offered or bought. */
function inCatalogue(catalogue: CatalogueLookup, item: CatalogueItem, field: string, ids: readonly string[]): void {
  const unknown = ids.filter((id) => !catalogue.has(item, id));
  if (unknown.length) throw new DomainError(unknown.map((value) => ({ field, code: 'not_in_catalogue' as const, params: { value } })));
}

/** A contact that has not happened yet is not on the timeline (a day of slack, as for birth dates). */
function happenedBy(occurredAt: number, at: number): void {
  if (occurredAt > at + 86_400_000) throw new DomainError([{ field: 'occurredAt', code: 'date_in_future' }]);
}

/** Nobody is born after the day the change is made. */
function bornBy(birthDate: string | null | undefined, at: number): void {
  const problem = birthDateProblem(birthDate, at);
  if (problem) throw new DomainError([problem]);
}

const PLANNERS: { [N in Exclude<MutationName, CoachMutation | RetailMutation>]: Planner<N> } = {
  'client.create'(a, { at, userId, read }) {
    // A retried create (its answer lost on the way back) is not a second client.
    if (read.get('clients', a.id)) return { writes: [], id: a.id, clientId: a.id };
    bornBy(a.birthDate, at);
    // Every field present, unset ones as null, so every copy of the record has the same shape.
    const fields: Fields = { ownerId: userId, lastContactAt: null, sharedWith: [], ownerName: null };
    for (const k of Object.keys(clientFields) as (keyof typeof clientFields)[]) fields[k] = nullable(a[k]);
    return { writes: [insert('clients', a.id, a.id, fields)], id: a.id, clientId: a.id };
  },
  'client.update'(a, { at, userId, read }) {
    const client = liveClient(read, a.id);
    bornBy(a.patch.birthDate, at);
    const writes = [update('clients', a.id, a.id, { ...a.patch })];
    if (a.correction) {
      // A retried correction (its answer lost) is recorded once; the values it wrote are there already.
      if (read.get('corrections', a.correction.id)) return { writes: [], id: a.id, clientId: a.id };
      writes.push(insert('corrections', a.correction.id, a.id, correctionRecord(a.correction, a.patch, client, { userId, at })));
    }
    return { writes, id: a.id, clientId: a.id };
  },
  'client.delete'(a, { at, read }) {
    liveClient(read, a.id);
    return { writes: [update('clients', a.id, a.id, { deletedAt: at })], id: a.id, clientId: a.id };
  },
  'client.erase'(a, { read }) {
    // A deleted (tombstoned) client still holds personal data, so it can be erased too.
    if (!read.get('clients', a.id)) throw notFound('client');
    return { writes: [], id: a.id, clientId: a.id, erase: true };
  },
  'meeting.start'(a, { at, userId, read }) {
    const client = liveClient(read, a.clientId);
    if (read.get('meetings', a.id)) return { writes: [], id: a.id, clientId: a.clientId };
    return {
      id: a.id, clientId: a.clientId,
      writes: [
        insert('meetings', a.id, a.clientId, { clientId: a.clientId, advisorId: userId, startedAt: at, endedAt: null, reason: nullable(a.reason), wishes: null, riskSituation: null, notes: null, advice: null, decision: null, nps: null, ces: null }),
        // The meeting is also a touchpoint, with the same id, so the timeline needs no join.
        insert('touchpoints', a.id, a.clientId, { clientId: a.clientId, kind: 'meeting', channel: 'in_person', direction: 'outbound', occurredAt: at, summary: a.reason ?? '', outcome: null, refId: a.id, recordedBy: userId }),
        ...contactAt(client, at),
      ],
    };
  },
  'meeting.update'(a, { read }) {
    const meeting = live(read, 'meetings', a.id, 'meeting');
    const clientId = meeting.clientId as string;
    const writes = [update('meetings', a.id, clientId, { ...a.patch })];
    if (a.patch.reason !== undefined) writes.push(update('touchpoints', a.id, clientId, { summary: a.patch.reason ?? '' }));
    return { writes, id: a.id, clientId };
  },
  'meeting.end'(a, { at, read }) {
    const meeting = live(read, 'meetings', a.id, 'meeting');
    const clientId = meeting.clientId as string;
    if (meeting.endedAt !== null) return { writes: [], id: a.id, clientId };
    // A clock set back since the start does not end the meeting before it began.
    return { writes: [update('meetings', a.id, clientId, { endedAt: Math.max(at, meeting.startedAt as number) })], id: a.id, clientId };
  },
  'answer.set'(a, { at, userId, read }) {
    const value = checkAnswer(a.attribute, a.value);
    liveClient(read, a.clientId);
    if (a.meetingId) {
      const meeting = read.get('meetings', a.meetingId);
      if (!meeting || meeting.clientId !== a.clientId) throw notFound('meeting');
      if (meeting.endedAt !== null) throw new DomainError([{ field: 'meeting', code: 'meeting_ended' }]);
    }
    const id = answerId(a.clientId, a.attribute);
    const fields = { value, meetingId: a.meetingId ?? null, answeredBy: a.answeredBy, answeredAt: at, recordedBy: userId };
    const existing = read.get('answers', id);
    const write = existing
      ? update('answers', id, a.clientId, { ...fields, deletedAt: null })
      : insert('answers', id, a.clientId, { clientId: a.clientId, attribute: a.attribute, ...fields });
    return { writes: [write], id, clientId: a.clientId };
  },
  'touchpoint.add'(a, { at, userId, read }) {
    const client = liveClient(read, a.clientId);
    happenedBy(a.occurredAt, at);
    if (read.get('touchpoints', a.id)) return { writes: [], id: a.id, clientId: a.clientId };
    const { id, ...rest } = a;
    return {
      id, clientId: a.clientId,
      writes: [insert('touchpoints', id, a.clientId, { ...rest, outcome: nullable(a.outcome), refId: nullable(a.refId), recordedBy: userId }), ...contactAt(client, a.occurredAt)],
    };
  },
  'task.add'(a, { userId, read }) {
    liveClient(read, a.clientId);
    if (read.get('tasks', a.id)) return { writes: [], id: a.id, clientId: a.clientId };
    const { id, ...rest } = a;
    return { id, clientId: a.clientId, writes: [insert('tasks', id, a.clientId, { ...rest, dueDate: nullable(a.dueDate), notes: nullable(a.notes), doneAt: null, assigneeId: userId })] };
  },
  'task.update'(a, { at, read }) {
    const task = live(read, 'tasks', a.id, 'task');
    const clientId = task.clientId as string;
    const { done, ...rest } = a.patch;
    const fields: Fields = { ...rest };
    if (done !== undefined) fields.doneAt = done ? ((task.doneAt as number | null) ?? at) : null;
    return { writes: [update('tasks', a.id, clientId, fields)], id: a.id, clientId };
  },
  'appointment.plan'(a, { userId, read }) {
    liveClient(read, a.clientId);
    if (read.get('appointments', a.id)) return { writes: [], id: a.id, clientId: a.clientId };
    const { id, ...rest } = a;
    return { id, clientId: a.clientId, writes: [insert('appointments', id, a.clientId, { ...rest, place: nullable(a.place), plannedBy: userId, meetingId: null, cancelledAt: null })] };
  },
  'appointment.update'(a, { read }) {
    const appointment = live(read, 'appointments', a.id, 'appointment');
    const clientId = appointment.clientId as string;
    if (appointment.cancelledAt !== null) throw new DomainError([{ field: 'appointment', code: 'appointment_cancelled' }]);
    if (a.patch.meetingId) {
      const meeting = read.get('meetings', a.patch.meetingId);
      if (!meeting || meeting.clientId !== clientId) throw notFound('meeting');
    }
    return { writes: [update('appointments', a.id, clientId, { ...a.patch })], id: a.id, clientId };
  },
  'appointment.cancel'(a, { at, read }) {
    const appointment = live(read, 'appointments', a.id, 'appointment');
    const clientId = appointment.clientId as string;
    return { writes: [update('appointments', a.id, clientId, { cancelledAt: (appointment.cancelledAt as number | null) ?? at })], id: a.id, clientId };
  },
  'feedback.record'(a, { at, userId, read }) {
    liveClient(read, a.clientId);
    const subject = read.get(a.about === 'purchase' ? 'purchases' : 'sales', a.id);
    if (!subject || subject.deletedAt !== null || subject.clientId !== a.clientId) throw notFound(a.about);
    const fields = { nps: a.nps, ces: a.ces, recordedAt: at, recordedBy: userId };
    const held = read.get('feedback', a.id);
    return { id: a.id, clientId: a.clientId, writes: [held ? update('feedback', a.id, a.clientId, fields) : insert('feedback', a.id, a.clientId, { clientId: a.clientId, about: a.about, ...fields })] };
  },
  'consent.record'(a, { at, userId, read }) {
    liveClient(read, a.clientId);
    if (read.get('consents', a.id)) return { writes: [], id: a.id, clientId: a.clientId };
    const { id, ...rest } = a;
    return { id, clientId: a.clientId, writes: [insert('consents', id, a.clientId, { ...rest, note: nullable(a.note), recordedAt: at, recordedBy: userId })] };
  },
  'mandate.grant'(a, { userId, read, catalogue }) {
    liveClient(read, a.clientId);
    if (read.get('mandates', a.id)) return { writes: [], id: a.id, clientId: a.clientId };
    inCatalogue(catalogue, 'area', 'areas', a.areas);
    const { id, ...rest } = a;
    return { id, clientId: a.clientId, writes: [insert('mandates', id, a.clientId, { ...rest, validUntil: nullable(a.validUntil), coachId: userId, revokedAt: null, purchaseLog: [] })] };
  },
  'mandate.update'(a, { read, catalogue }) {
    const mandate = live(read, 'mandates', a.id, 'mandate');
    const clientId = mandate.clientId as string;
    if (mandate.revokedAt !== null) throw new DomainError([{ field: 'mandate', code: 'mandate_revoked' }]);
    if (a.patch.areas) inCatalogue(catalogue, 'area', 'areas', a.patch.areas);
    // Money is never merged: an amount changed elsewhere since the editor saw it is a conflict to decide.
    const conflicts = MANDATE_MONEY_FIELDS.filter((f) => a.patch[f] !== undefined && mandate[f] !== a.expected[f] && mandate[f] !== a.patch[f])
      .map((f) => ({ field: f, code: 'money_conflict' as const, params: { expected: a.expected[f]!, yours: a.patch[f]!, theirs: mandate[f] as number } }));
    if (conflicts.length) throw new DomainError(conflicts);
    const after = { ...mandate, ...a.patch } as Parameters<typeof termProblems>[0];
    const problems = termProblems(after);
    if (problems.length) throw new DomainError(problems.map((p) => ({ field: p.path, code: p.code, params: p.params })));
    return { writes: [update('mandates', a.id, clientId, { ...a.patch })], id: a.id, clientId };
  },
  'mandate.revoke'(a, { at, read }) {
    const mandate = live(read, 'mandates', a.id, 'mandate');
    const clientId = mandate.clientId as string;
    if (mandate.revokedAt !== null) return { writes: [], id: a.id, clientId };
    return { writes: [update('mandates', a.id, clientId, { revokedAt: at })], id: a.id, clientId };
  },
  'conclusion.record'(a, { at, userId, read }) {
    liveClient(read, a.clientId);
    if (read.get('conclusions', a.id)) return { writes: [], id: a.id, clientId: a.clientId };
    const { id, ...rest } = a;
    return {
      id, clientId: a.clientId,
      writes: [insert('conclusions', id, a.clientId, { ...rest, reason: nullable(a.reason), decidedBy: userId, decidedAt: at, status: 'unconfirmed', statusAt: null, statusNote: null })],
    };
  },
  'conclusion.refresh'(a, { read }) {
    const c = live(read, 'conclusions', a.id, 'conclusion');
    const clientId = c.clientId as string;
    // Only what the rules drew is theirs to redraw; what the client rejected is used for nothing, so it is not touched.
    if (c.source !== 'rule') throw new DomainError([{ field: 'conclusion', code: 'invalid_value', params: { detail: 'the advisor set it; only a conclusion of the rules is drawn again' } }]);
    if (c.status === 'rejected') throw new DomainError([{ field: 'conclusion', code: 'invalid_value', params: { detail: 'the client rejected it' } }]);
    return { writes: [update('conclusions', a.id, clientId, { inputs: a.inputs, ruleSetVersion: a.ruleSetVersion })], id: a.id, clientId };
  },
  'conclusion.review'(a, { at, read }) {
    const c = live(read, 'conclusions', a.id, 'conclusion');
    const clientId = c.clientId as string;
    return { writes: [update('conclusions', a.id, clientId, { status: a.status, statusAt: at, statusNote: nullable(a.note) })], id: a.id, clientId };
  },
  'holding.add'(a, { read, catalogue }) {
    liveClient(read, a.clientId);
    if (read.get('holdings', a.id)) return { writes: [], id: a.id, clientId: a.clientId };
    inCatalogue(catalogue, 'product', 'productId', [a.productId]);
    const { id, ...rest } = a;
    return { id, clientId: a.clientId, writes: [insert('holdings', id, a.clientId, { ...rest, endedOn: null })] };
  },
  'holding.end'(a, { read }) {
    const h = live(read, 'holdings', a.id, 'holding');
    const clientId = h.clientId as string;
    if (a.endedOn < (h.since as string)) throw new DomainError([{ field: 'endedOn', code: 'date_too_early', params: { min: h.since as string } }]);
    return { writes: [update('holdings', a.id, clientId, { endedOn: a.endedOn })], id: a.id, clientId };
  },
  'offer.outcome'(a, { userId, at, read, catalogue }) {
    const client = liveClient(read, a.clientId);
    if (read.get('offerOutcomes', a.id)) return { writes: [], id: a.id, clientId: a.clientId };
    // What was offered is a bundle or a product of the kind it says, as the catalogue has it.
    inCatalogue(catalogue, a.offerKind, 'offerId', [a.offerId]);
    if (a.meetingId) {
      // Decided in a meeting: a running meeting of this client (after it, the advice record holds what was decided).
      const meeting = read.get('meetings', a.meetingId);
      if (!meeting || meeting.deletedAt !== null || meeting.clientId !== a.clientId) throw notFound('meeting');
      if (meeting.endedAt !== null) throw new DomainError([{ field: 'meeting', code: 'meeting_ended' }]);
    }
    const { id, summary, ...rest } = a;
    return {
      id, clientId: a.clientId,
      writes: [
        insert('offerOutcomes', id, a.clientId, { ...rest, meetingId: nullable(a.meetingId), reasonCode: nullable(a.reasonCode), note: nullable(a.note), recordedBy: userId, recordedAt: at }),
        // On the timeline too, under the same id, with what became of it.
        insert('touchpoints', id, a.clientId, { clientId: a.clientId, kind: 'offer', channel: a.meetingId ? 'in_person' : 'other', direction: 'outbound', occurredAt: at, summary, outcome: a.outcome, refId: a.meetingId ?? null, recordedBy: userId }),
        ...contactAt(client, at),
      ],
    };
  },
  'offer.undo'(a, { at, read }) {
    const outcome = read.get('offerOutcomes', a.id);
    if (!outcome || outcome.clientId !== a.clientId) throw notFound('offerOutcome');
    // Taken back already: a retry after a lost answer changes nothing.
    if (outcome.deletedAt !== null) return { writes: [], id: a.id, clientId: a.clientId };
    liveClient(read, a.clientId);
    // Only in the running meeting it was recorded in: once that ended, the advice record holds the decision.
    const meeting = read.get('meetings', a.meetingId);
    if (outcome.meetingId !== a.meetingId || !meeting || meeting.deletedAt !== null || meeting.endedAt !== null) {
      throw new DomainError([{ field: 'offerOutcome', code: 'undo_closed' }]);
    }
    const writes = [update('offerOutcomes', a.id, a.clientId, { deletedAt: at })];
    if (read.get('touchpoints', a.id)) writes.push(update('touchpoints', a.id, a.clientId, { deletedAt: at }));
    return { writes, id: a.id, clientId: a.clientId };
  },
  'advice.create'(a, { at, userId, read }) {
    const meeting = live(read, 'meetings', a.meetingId, 'meeting');
    const clientId = meeting.clientId as string;
    const id = adviceId(a.meetingId, a.recordVersion);
    const bad = (field: string) => new DomainError([{ field, code: 'invalid_value', params: { detail: 'the advice record does not fit its chain' } }]);
    if (a.content.meeting.id !== a.meetingId) throw bad('content.meeting');
    // When the meeting began is the record's, not the device's to say.
    if (a.content.meeting.startedAt !== meeting.startedAt) throw bad('content.meeting.startedAt');
    if (versionHash(a) !== a.contentHash) throw bad('contentHash');
    const existing = read.get('adviceRecords', id);
    if (existing) {
      // The same version made twice (a retry) is one; a different one under its number is refused.
      if (existing.contentHash === a.contentHash) return { writes: [], id, clientId };
      throw new DomainError([{ field: 'recordVersion', code: 'version_taken' }]);
    }
    if (a.recordVersion === 1 ? a.previousHash !== null : read.get('adviceRecords', adviceId(a.meetingId, a.recordVersion - 1))?.contentHash !== a.previousHash) {
      throw bad('previousHash');
    }
    return {
      id, clientId,
      writes: [insert('adviceRecords', id, clientId, {
        meetingId: a.meetingId, clientId, recordVersion: a.recordVersion, content: a.content, contentHash: a.contentHash, previousHash: a.previousHash,
        deliveredAt: null, deliveryChannel: null, createdAt: at, createdBy: userId,
      })],
    };
  },
  'advice.deliver'(a, { at, read }) {
    const id = adviceId(a.meetingId, a.recordVersion);
    const record = read.get('adviceRecords', id);
    if (!record || record.deletedAt !== null) throw notFound('adviceRecord');
    const clientId = record.clientId as string;
    // Delivered once, frozen: a second delivery changes nothing (the first one is what can be proven).
    if (record.deliveredAt !== null) return { writes: [], id, clientId };
    return { writes: [update('adviceRecords', id, clientId, { deliveredAt: at, deliveryChannel: a.channel })], id, clientId };
  },
  ...SHARE_PLANNERS,
  // The restricted record is not among the synced ones the plan can read: the device's log and the backend check it.
  'advice.disclose'(a) {
    return { writes: [], id: a.id, clientId: a.clientId, disclose: true };
  },
};

const COACH_PLANNERS = coachPlanners({ live, liveClient, insert, update, contactAt });
const RETAIL_PLANNERS = retailPlanners({ liveClient, insert, update, contactAt });
const ALL_PLANNERS = { ...PLANNERS, ...COACH_PLANNERS, ...RETAIL_PLANNERS } as { [N in MutationName]: Planner<N> };

/** The writes a mutation makes, given arguments already checked against its schema. */
export function planMutation<N extends MutationName>(name: N, args: MutationArgs<N>, context: PlanContext): Plan {
  return (ALL_PLANNERS[name] as Planner<N>)(args, context);
}
