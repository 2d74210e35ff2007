// One pushed mutation against the server's records, inside the push's
// transaction (push.ts has already held back stamps from the future): is it a
// mutation at all, may this user touch the client, then the shared validation,
// plan and per-field merge (core/sync/apply.ts), then the writes. Anything refused is a verdict, not an
// error: the push records it and the device's queue moves on.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import { MANUFACTURER_ROLE } from '#core/roles.ts';
import type { ConsentEntry, ConsentPurpose } from '#core/consent.ts';
import type { FieldProblem } from '#core/errors.ts';
import { accessOf, arg, consentsNeeded, issueProblem, REGISTRY, type MutationName } from '#core/mutations/registry.ts';
import type { Fields } from '#core/records.ts';
import { applyMutation, isMutationName, type MergedWrite } from '#core/sync/apply.ts';
import { PURGED_MUTATION, type PushedMutation } from '#core/sync/protocol.ts';
import { accessOf as clientAccessOf, changeAccess, type AccessKind } from './access.ts';
import { consultsCatalogue, consultsPeople, consultsRanges } from '#core/mutations/rules.ts';
import { grantedRanges } from './ranges.ts';
import type { PeopleLookup } from '#core/share.ts';
import { publishedCatalogue } from './catalogue.ts';
import type { CatalogueLookup } from '#core/manufacturer.ts';
import type { BackendDb } from './db/connect.ts';
import { clientAccess, erasedClients, records } from './db/schema.ts';
import { eraseClient } from './erase.ts';
import { discloseFromDevice } from './retention.ts';
import { isUuid } from './ids.ts';
import { usersById } from './people.ts';
import { inOneStatement, lockRecords, recordKey, recordWrites, type StoredState } from './records.ts';

export type Verdict = { status: 'applied' } | { status: 'rejected'; code: string; message: string };

type Rejected = Extract<Verdict, { status: 'rejected' }>;
const reject = (code: string, message: string): Rejected => ({ status: 'rejected', code, message });
/** The one refusal for a client the user may not touch, whether or not it exists: nothing leaks. */
const NO_SUCH_CLIENT = reject('not_found', 'No such client.');


/** What the backend knows of a client before a mutation about it: erased, and this user's access. */
export interface ClientFacts { erased: boolean; access: 'owner' | 'shared' | null; anyAccess: boolean }

/** The client a mutation names in its arguments, if it names one by argument (not through a record). */
export function namedClient(m: PushedMutation): string | null {
  if (!isMutationName(m.name)) return null;
  const via = REGISTRY[m.name].client;
  const named = 'arg' in via ? arg(m.args, via.arg) : undefined;
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
 * The client a mutation is about, the user's access to it, and the record it
 * changes when it names its client through one. `manufacturer`: the issuer
 * acts as the manufacturer on a kind the manufacturer issues (approval.decide),
 * whoever's client the record is.
 */
interface Subject { clientId: string; access: AccessKind | null; exists: boolean; record: Fields | null; manufacturer?: true }

/**
 * The client this mutation is about, once the user may write it; null when
 * the arguments name none (validation will say so); 'refused' otherwise. A
 * record the user may not write (a meeting of someone else's client) counts
 * as not there, so the plan refuses it as it would a record that does not exist.
 */
async function subjectOf(tx: BackendDb, user: Issuer, name: MutationName, args: unknown, rows: Map<string, StoredState>, facts: ClientFacts | null): Promise<Subject | null | 'refused'> {
  const userId = user.id;
  const via = REGISTRY[name].client;
  if ('record' in via) {
    const id = arg(args, via.key ?? 'id');
    const row = id === undefined ? undefined : rows.get(recordKey(via.record, id));
    if (!row) return null;
    if (REGISTRY[name].who.access.includes('manufacturer') && user.roles.includes(MANUFACTURER_ROLE)) {
      return { clientId: row.clientId, access: null, exists: true, record: row.fields, manufacturer: true };
    }
    const access = await clientAccessOf(tx, userId, row.clientId);
    return access === 'owner' || access === 'shared' ? { clientId: row.clientId, access, exists: true, record: row.fields } : null;
  }
  const clientId = arg(args, via.arg);
  if (clientId === undefined || !isUuid(clientId) || !facts) return null;
  const exists = rows.has(recordKey('clients', clientId));
  // A new client: nobody may have it yet (access can be granted before the record arrives).
  if (via.creates && !exists) return facts.anyAccess ? 'refused' : { clientId, access: null, exists, record: null };
  return exists && facts.access !== null ? { clientId, access: facts.access, exists, record: null } : 'refused';
}

/** The client's consent records, for the kinds that need a consent in force. */
async function consentsOf(tx: BackendDb, name: MutationName, args: unknown, clientId: string): Promise<ConsentEntry[]> {
  if (consentsNeeded(name, args).length === 0) return [];
  const rows = await tx.select({ fields: records.fields }).from(records).where(and(eq(records.clientId, clientId), eq(records.entity, 'consents')));
  return rows.filter((r) => r.fields.deletedAt == null).map((r) => ({ purpose: r.fields.purpose as ConsentPurpose, granted: r.fields.granted === true, recordedAt: Number(r.fields.recordedAt) }));
}

/** Refusals for who issues a change, each saying what to do and that nothing changed. */
function issueRefusal(name: MutationName, problem: FieldProblem): Rejected {
  switch (problem.code) {
    case 'role_not_allowed':
      return reject('role_not_allowed', `Your roles do not include this change (${name} needs one of: ${REGISTRY[name].who.roles.join(', ')}). ` +
        'Ask your administrator for the role, or hand the work to a colleague who has it; nothing was changed.');
    case 'mandate_coach_only':
      return reject('mandate_coach_only', "Only the mandate's coach may change its terms. Ask the coach to make the change; the mandate stays as it was.");
    case 'consent_missing':
      return reject('consent_missing', `The client has not consented to ${String(problem.params?.purpose)}, so this was not recorded. ` +
        "Record the client's consent first, then make the change again; nothing was changed.");
    default:
      return OWNER_ONLY;
  }
}

/** A change about a client erased at their request: dropped, and nothing about them comes back. */
const ERASED = reject('client_erased', 'This client was erased at their request, so the change was dropped.');
/** A user the client is shared with may not take them from everyone else. */
const OWNER_ONLY = reject('owner_only', "Only the client's owner may do this (erase or delete the client). Ask the owner; the client stays as it was.");

/**
 * Decides and applies one mutation. `record` is the statement part that stores
 * the verdict (the push's result row): it goes out with the mutation's writes
 * in one statement, so the common path costs one round trip to write.
 */
export async function applyPushed(tx: BackendDb, user: Issuer, m: PushedMutation, now: Date, facts: ClientFacts | null, record: (v: Verdict) => SQL): Promise<Verdict> {
  const verdict = await decide(tx, user, m, now, facts);
  const v = verdict.status === 'applied' ? { status: 'applied' as const } : verdict;
  await inOneStatement(tx, verdict.status === 'applied' ? verdict.parts : [], record(v));
  return v;
}

type Decision = Rejected | { status: 'applied'; parts: SQL[] };
const done = (parts: SQL[] = []): Decision => ({ status: 'applied', parts });

/** The pushing user, as authenticated: their id and the roles the backend gave them. */
export interface Issuer { id: string; roles: readonly string[] }

async function decide(tx: BackendDb, user: Issuer, m: PushedMutation, now: Date, facts: ClientFacts | null): Promise<Decision> {
  const userId = user.id;
  // An entry emptied on the device because its client was erased there: it only holds the device's place in sequence.
  if (m.name === PURGED_MUTATION) return done();
  if (!isMutationName(m.name)) {
    return reject('unknown_mutation', `"${m.name}" is not a change this backend knows. Update the workstation; the change was not applied.`);
  }
  for (const key of ['id', 'clientId', 'userId'] as const) {
    // PostgreSQL stores uuids in lower case; an id in capitals would not find its own client again.
    const value = arg(m.args, key);
    if (value !== undefined && isUuid(value) && value !== value.toLowerCase()) return reject('invalid_value', `${key} must be written in lower case.`);
  }
  // Who may do it at all, before any record is looked at: the roles alone.
  const byRole = issueProblem(m.name, { roles: user.roles });
  if (byRole) return issueRefusal(m.name, byRole);
  // A disclosure is about an erased client by design: checked and logged against the restricted store, never planned.
  if (m.name === 'advice.disclose') {
    const disclosed = await discloseFromDevice(tx, user, m.args, now, facts);
    return disclosed.status === 'applied' ? done() : disclosed;
  }
  const ids = REGISTRY[m.name].reads(m.args);
  // Only someone who had the client learns that it was erased; anyone else, as always, that there is no such client.
  if (facts?.erased) return facts.access !== null ? ERASED : NO_SUCH_CLIENT;
  const rows = await lockRecords(tx, ids);
  const subject = await subjectOf(tx, user, m.name, m.args, rows, facts);
  if (subject === 'refused') return NO_SUCH_CLIENT;
  const clientId = subject?.clientId ?? null;
  if (subject) {
    // The same check as on the device (db/store.ts), from the same registry.
    const access = accessOf(m.name, { clientAccess: subject.access, clientExists: subject.exists, record: subject.record, isMe: (id) => id === userId });
    if (subject.manufacturer) access.add('manufacturer');
    const problem = issueProblem(m.name, { roles: user.roles, access, consents: await consentsOf(tx, m.name, m.args, subject.clientId) }, m.args);
    if (problem) return issueRefusal(m.name, problem);
  }

  // Only a mutation carrying catalogue ids costs the read; for any other, the catalogue is never asked.
  const catalogue = consultsCatalogue(m.name) ? await publishedCatalogue(tx) : NO_CATALOGUE;
  // Likewise the people a change names (and the issuer, whose name a share carries): read only for such a change.
  const people = consultsPeople(m.name) ? await peopleNamed(tx, [userId, arg(m.args, 'userId')]) : undefined;
  // And the issuer's granted price ranges, only for a change that prices a sale.
  const ranges = consultsRanges(m.name) ? await grantedRanges(tx, userId) : undefined;
  let writes: MergedWrite[];
  let access: ReturnType<typeof applyMutation>['access'];
  try {
    const result = applyMutation(m.name, m.args, {
      at: m.at, hlc: m.hlc, userId, catalogue, people, ranges,
      read(entity, id) {
        if (!ids.includes(id)) throw new Error(`${m.name} read ${entity} ${id}, which its registry entry's reads did not name`);
        const row = rows.get(recordKey(entity, id));
        // Records of other clients are not there for this mutation.
        return row && row.clientId === clientId ? row : null;
      },
    });
    if (result.clientId !== clientId || result.writes.some((w) => w.clientId !== clientId)) {
      throw new Error(`${m.name} planned writes for a client other than the one whose access was checked`);
    }
    writes = result.writes;
    access = result.access;
    if (result.erase) {
      await eraseClient(tx, clientId!, now);
      return done();
    }
  } catch (error) {
    if (error instanceof DomainError) return reject(error.problems[0]?.code ?? 'invalid_value', `${sentence(error.message)} Nothing was changed.`);
    throw error;
  }
  // A new record whose id another client's record already has (ids are UUIDs: practically never).
  if (writes.some((w) => w.created && rows.has(recordKey(w.entity, w.id)))) {
    return reject('id_in_use', 'A record with this id exists already; the change was not applied.');
  }
  // Who has the client changes in the same transaction as the list that says so.
  if (access) await changeAccess(tx, clientId!, access);
  const parts = recordWrites(writes, now);
  if (m.name === 'client.create' && writes.some((w) => w.entity === 'clients' && w.created)) {
    parts.push(sql`own AS (INSERT INTO ${clientAccess} (client_id, user_id, kind) VALUES (${clientId}::uuid, ${userId}::uuid, 'owner'))`);
  }
  return done(parts);
}

/** The people a change names, as this backend's users: their names and roles now. */
async function peopleNamed(tx: BackendDb, ids: (string | undefined)[]): Promise<PeopleLookup> {
  const found = await usersById(tx, ids.filter((id): id is string => id !== undefined));
  return { find: (id) => { const u = found.get(id); return u ? { displayName: u.displayName, roles: u.roles } : null; } };
}

const unasked = (): never => { throw new Error('a mutation asked the catalogue without a not_in_catalogue rule in core/mutations/rules.ts'); };
const NO_CATALOGUE: CatalogueLookup = { has: unasked, get current() { return unasked(); } };

/** "email is not valid: …" → "Email is not valid: …." */
function sentence(message: string): string {
  const s = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}
