// The plans of client.share and client.unshare (core/share.ts): the owner
// hands the client to a life coach, or takes it back. The plan writes the
// client record's list of who has access; the backend grants or revokes the
// access itself in the same transaction (backend/mutate.ts), from `access`.
import { DomainError } from '../errors.ts';
import type { RecordReader, StoredRecord } from '../records.ts';
import { SHARE_ROLE, sharesOf, type PeopleLookup, type Share } from '../share.ts';
import type { Plan, PlanContext, Planner } from './plan-types.ts';

function liveClient(read: RecordReader, id: string): StoredRecord {
  const client = read.get('clients', id);
  if (!client) throw new DomainError([{ field: 'client', code: 'not_found' }]);
  if (client.deletedAt !== null) throw new DomainError([{ field: 'client', code: 'client_deleted' }]);
  return client;
}

/** The owner has the client anyway: they are never on the list, nor taken off it. */
function notTheOwner(client: StoredRecord, userId: string, issuer: string): void {
  if (userId === issuer || userId === client.ownerId) throw new DomainError([{ field: 'userId', code: 'share_with_self' }]);
}

function lookup(people: PeopleLookup | undefined): PeopleLookup {
  if (!people) throw new Error('a change that names a person was planned without the people lookup');
  return people;
}

/** The client's record with the list (and the owner's name) as they are to be; nothing when nothing changes. */
function listWrite(client: StoredRecord, list: Share[], ownerName: unknown): Plan['writes'] {
  const fields: Record<string, unknown> = {};
  if (JSON.stringify(list) !== JSON.stringify(sharesOf(client.sharedWith))) fields.sharedWith = list;
  if (ownerName !== (client.ownerName ?? null)) fields.ownerName = ownerName;
  return Object.keys(fields).length ? [{ entity: 'clients', id: client.id, clientId: client.id, insert: false, fields }] : [];
}

export const SHARE_PLANNERS: { 'client.share': Planner<'client.share'>; 'client.unshare': Planner<'client.unshare'> } = {
  'client.share'(a, { userId, read, people }: PlanContext) {
    const client = liveClient(read, a.id);
    notTheOwner(client, a.userId, userId);
    const person = lookup(people).find(a.userId);
    if (!person) throw new DomainError([{ field: 'userId', code: 'not_found' }]);
    if (!person.roles.includes(SHARE_ROLE)) throw new DomainError([{ field: 'userId', code: 'not_a_coach' }]);
    const list = sharesOf(client.sharedWith);
    const entry = { userId: a.userId, displayName: person.displayName };
    // Shared again: the entry keeps its place, with the name as it is now.
    const next = list.some((s) => s.userId === a.userId) ? list.map((s) => (s.userId === a.userId ? entry : s)) : [...list, entry];
    // The owner's name travels with the client, so the coach's devices can say whose client it is.
    const ownerName = lookup(people).find(userId)?.displayName ?? client.ownerName ?? null;
    return { writes: listWrite(client, next, ownerName), id: a.id, clientId: a.id, access: { grant: a.userId } };
  },
  'client.unshare'(a, { userId, read }: PlanContext) {
    const client = liveClient(read, a.id);
    notTheOwner(client, a.userId, userId);
    // Someone not on the list loses access all the same (it may have been given another way); taken back twice is taken back once.
    const next = sharesOf(client.sharedWith).filter((s) => s.userId !== a.userId);
    return { writes: listWrite(client, next, client.ownerName ?? null), id: a.id, clientId: a.id, access: { revoke: a.userId } };
  },
};
