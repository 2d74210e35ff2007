// One pushed mutation against the server's records, inside the push's
// transaction (push.ts has already held back stamps from the future): is it a
// mutation at all, may this user touch the client, then the shared validation,
// plan and per-field merge (core/sync/apply.ts), then the writes. Anything refused is a verdict, not an
// error: the push records it and the device's queue moves on.
import { sql, type SQL } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import { mayIssue, type MutationName } from '#core/mutations/index.ts';
import { adviceId } from '#core/advice.ts';
import { answerId, type EntityName } from '#core/records.ts';
import { applyMutation, isMutationName, type MergedWrite } from '#core/sync/apply.ts';
import { PURGED_MUTATION, type PushedMutation } from '#core/sync/protocol.ts';
import { canWriteClient } from './access.ts';
import type { BackendDb } from './db/connect.ts';
import { clientAccess, erasedClients } from './db/schema.ts';
import { eraseClient } from './erase.ts';
import { isUuid } from './ids.ts';
import { inOneStatement, lockRecords, recordKey, recordWrites, type StoredState } from './records.ts';

export type Verdict = { status: 'applied' } | { status: 'rejected'; code: string; message: string };

type Rejected = Extract<Verdict, { status: 'rejected' }>;
const reject = (code: string, message: string): Rejected => ({ status: 'rejected', code, message });
/** The one refusal for a client the user may not touch, whether or not it exists: nothing leaks. */
const NO_SUCH_CLIENT = reject('not_found', 'No such client.');

/**
 * Where each mutation names the client it is about: in an argument, or only
 * through the record it changes. A new mutation must say so here (tsc insists).
 */
const CLIENT_OF: Record<MutationName, { arg: 'id' | 'clientId' } | { record: EntityName; key?: 'meetingId' }> = {
  'client.create': { arg: 'id' },
  'client.update': { arg: 'id' },
  'client.delete': { arg: 'id' },
  'client.erase': { arg: 'id' },
  'meeting.start': { arg: 'clientId' },
  'meeting.update': { record: 'meetings' },
  'meeting.end': { record: 'meetings' },
  'answer.set': { arg: 'clientId' },
  'touchpoint.add': { arg: 'clientId' },
  'task.add': { arg: 'clientId' },
  'task.update': { record: 'tasks' },
  'consent.record': { arg: 'clientId' },
  'mandate.grant': { arg: 'clientId' },
  'mandate.update': { record: 'mandates' },
  'mandate.revoke': { record: 'mandates' },
  'conclusion.record': { arg: 'clientId' },
  'conclusion.refresh': { record: 'conclusions' },
  'conclusion.review': { record: 'conclusions' },
  'holding.add': { arg: 'clientId' },
  'holding.end': { record: 'holdings' },
  'offer.outcome': { arg: 'clientId' },
  'offer.undo': { arg: 'clientId' },
  'advice.create': { record: 'meetings', key: 'meetingId' },
  'advice.deliver': { record: 'meetings', key: 'meetingId' },
};

const text = (args: unknown, key: string): string | undefined => {
  const value = (args !== null && typeof args === 'object') ? (args as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value.length <= 200 ? value : undefined;
};

/** The ids of every record a plan may read or write, read from the (not yet validated) arguments. */
function candidateIds(args: unknown): string[] {
  const [id, clientId, meetingId, attribute] = ['id', 'clientId', 'meetingId', 'attribute'].map((k) => text(args, k));
  const version = (args !== null && typeof args === 'object') ? (args as { recordVersion?: unknown }).recordVersion : undefined;
  // An advice record's version and the one before it, which the chain links to.
  const advice = meetingId !== undefined && typeof version === 'number' && Number.isInteger(version) && version >= 1 && version <= 1000
    ? [adviceId(meetingId, version), version > 1 ? adviceId(meetingId, version - 1) : undefined] : [];
  const ids = [id, clientId, meetingId, clientId !== undefined && attribute !== undefined ? answerId(clientId, attribute) : undefined, ...advice];
  return [...new Set(ids.filter((x): x is string => x !== undefined))];
}

/** What the backend knows of a client before a mutation about it: erased, and this user's access. */
export interface ClientFacts { erased: boolean; access: 'owner' | 'shared' | null; anyAccess: boolean }

/** The client a mutation names in its arguments, if it names one by argument (not through a record). */
export function namedClient(m: PushedMutation): string | null {
  if (!isMutationName(m.name)) return null;
  const via = CLIENT_OF[m.name];
  const named = 'arg' in via ? text(m.args, via.arg) : undefined;
  return named !== undefined && isUuid(named) ? named : null;
}

/**
 * Columns answering the questions every mutation about a named client asks,
 * to be read in the same round trip as the device's sequence number.
 */
export function clientFactsColumns(userId: string, clientId: string | null): SQL {
  if (clientId === null) return sql`false AS erased, NULL::text AS access, false AS any_access`;
  return sql`EXISTS (SELECT 1 FROM ${erasedClients} WHERE ${erasedClients.clientId} = ${clientId}) AS erased,
    (SELECT ${clientAccess.kind} FROM ${clientAccess} WHERE ${clientAccess.clientId} = ${clientId} AND ${clientAccess.userId} = ${userId}) AS access,
    EXISTS (SELECT 1 FROM ${clientAccess} WHERE ${clientAccess.clientId} = ${clientId}) AS any_access`;
}

/**
 * The client this mutation is about, once the user may write it; null when
 * the arguments name none (validation will say so); 'refused' otherwise. A
 * record the user may not write (a meeting of someone else's client) counts
 * as not there, so the plan refuses it as it would a record that does not exist.
 */
async function clientOf(tx: BackendDb, userId: string, name: MutationName, args: unknown, rows: Map<string, StoredState>, facts: ClientFacts | null): Promise<string | null | 'refused'> {
  const via = CLIENT_OF[name];
  if ('record' in via) {
    const id = text(args, via.key ?? 'id');
    const row = id === undefined ? undefined : rows.get(recordKey(via.record, id));
    return row && (await canWriteClient(tx, userId, row.clientId)) ? row.clientId : null;
  }
  const clientId = text(args, via.arg);
  if (clientId === undefined || !isUuid(clientId) || !facts) return null;
  const exists = rows.has(recordKey('clients', clientId));
  // A new client: nobody may have it yet (access can be granted before the record arrives).
  if (name === 'client.create' && !exists) return facts.anyAccess ? 'refused' : clientId;
  return exists && facts.access !== null ? clientId : 'refused';
}

/** A change about a client erased at their request: dropped, and nothing about them comes back. */
const ERASED = reject('client_erased', 'This client was erased at their request, so the change was dropped.');
/** A user the client is shared with may not take them from everyone else. */
const OWNER_ONLY = reject('owner_only', "Only the client's owner may erase or delete this client. Ask the owner; the client stays as it was.");

/**
 * Decides and applies one mutation. `record` is the statement part that stores
 * the verdict (the push's result row): it goes out with the mutation's writes
 * in one statement, so the common path costs one round trip to write.
 */
export async function applyPushed(tx: BackendDb, userId: string, m: PushedMutation, now: Date, facts: ClientFacts | null, record: (v: Verdict) => SQL): Promise<Verdict> {
  const verdict = await decide(tx, userId, m, now, facts);
  const v = verdict.status === 'applied' ? { status: 'applied' as const } : verdict;
  await inOneStatement(tx, verdict.status === 'applied' ? verdict.parts : [], record(v));
  return v;
}

type Decision = Rejected | { status: 'applied'; parts: SQL[] };
const done = (parts: SQL[] = []): Decision => ({ status: 'applied', parts });

async function decide(tx: BackendDb, userId: string, m: PushedMutation, now: Date, facts: ClientFacts | null): Promise<Decision> {
  // An entry emptied on the device because its client was erased there: it only holds the device's place in sequence.
  if (m.name === PURGED_MUTATION) return done();
  if (!isMutationName(m.name)) {
    return reject('unknown_mutation', `"${m.name}" is not a change this backend knows. Update the workstation; the change was not applied.`);
  }
  for (const key of ['id', 'clientId'] as const) {
    // PostgreSQL stores uuids in lower case; an id in capitals would not find its own client again.
    const value = text(m.args, key);
    if (value !== undefined && isUuid(value) && value !== value.toLowerCase()) return reject('invalid_value', `${key} must be written in lower case.`);
  }
  const ids = candidateIds(m.args);
  // Only someone who had the client learns that it was erased; anyone else, as always, that there is no such client.
  if (facts?.erased) return facts.access !== null ? ERASED : NO_SUCH_CLIENT;
  const rows = await lockRecords(tx, ids);
  const clientId = await clientOf(tx, userId, m.name, m.args, rows, facts);
  if (clientId === 'refused') return NO_SUCH_CLIENT;
  // Mutations named by argument carry this user's access in `facts`; those named through a record need write access, which clientOf checked.
  if ('arg' in CLIENT_OF[m.name] && clientId !== null && facts?.access && !mayIssue(m.name, facts.access)) return OWNER_ONLY;

  let writes: MergedWrite[];
  try {
    const result = applyMutation(m.name, m.args, {
      at: m.at, hlc: m.hlc, userId,
      read(entity, id) {
        if (!ids.includes(id)) throw new Error(`${m.name} read ${entity} ${id}, which candidateIds did not load`);
        const row = rows.get(recordKey(entity, id));
        // Records of other clients are not there for this mutation.
        return row && row.clientId === clientId ? row : null;
      },
    });
    if (result.clientId !== clientId || result.writes.some((w) => w.clientId !== clientId)) {
      throw new Error(`${m.name} planned writes for a client other than the one whose access was checked`);
    }
    writes = result.writes;
    if (result.erase) {
      await eraseClient(tx, clientId!, now);
      return done();
    }
  } catch (error) {
    if (error instanceof DomainError) return reject(error.problems[0]?.code ?? 'invalid_value', sentence(error.message));
    throw error;
  }
  // A new record whose id another client's record already has (ids are UUIDs: practically never).
  if (writes.some((w) => w.created && rows.has(recordKey(w.entity, w.id)))) {
    return reject('id_in_use', 'A record with this id exists already; the change was not applied.');
  }
  const parts = recordWrites(writes, now);
  if (m.name === 'client.create' && writes.some((w) => w.entity === 'clients' && w.created)) {
    parts.push(sql`own AS (INSERT INTO ${clientAccess} (client_id, user_id, kind) VALUES (${clientId}::uuid, ${userId}::uuid, 'owner'))`);
  }
  return done(parts);
}

/** "email is not valid: …" → "Email is not valid: …." */
function sentence(message: string): string {
  const s = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}
