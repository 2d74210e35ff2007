// Restricted advice records on the backend (core/retention.ts, docs/sync.md
// "Erasure"): moved out of `records` on erasure, so no pull, learning, rating
// or console read meets them; read only by a disclosure (a device's pushed
// `advice.disclose`, or the `disclose` command), which is logged; deleted
// when retention ends (`purgeRestricted`, at start, daily and by command).
import { and, asc, eq, lte } from 'drizzle-orm';
import type { AdviceContent } from '#core/advice.ts';
import { DomainError } from '#core/errors.ts';
import { adviceDiscloseSchema, DISCLOSED_TO, matchesRestricted, retainUntil, type DisclosedTo, type RestrictedQuery } from '#core/retention.ts';
import { parseOrThrow } from '#core/validate.ts';
import type { BackendDb } from './db/connect.ts';
import { adviceDisclosures, records, restrictedAdviceRecords, users } from './db/schema.ts';

/** Moves the client's advice record versions into the restricted store; call before their records are deleted. */
export async function restrictAdviceRecords(tx: BackendDb, clientId: string, now: Date): Promise<number> {
  const rows = await tx.select({ id: records.id, fields: records.fields, createdAt: records.createdAt }).from(records)
    .where(and(eq(records.clientId, clientId), eq(records.entity, 'adviceRecords')));
  if (rows.length === 0) return 0;
  await tx.insert(restrictedAdviceRecords).values(rows.map(({ id, fields: f, createdAt }) => {
    const content = f.content as AdviceContent;
    // When the record was made, as the device that made it said; the row's own time if it did not.
    const made = typeof f.createdAt === 'number' ? f.createdAt : createdAt.getTime();
    return {
      id, clientId, meetingId: String(f.meetingId), recordVersion: Number(f.recordVersion), content, contentHash: String(f.contentHash),
      previousHash: (f.previousHash as string | null) ?? null, meetingAt: new Date(content.meeting.startedAt), createdAt: new Date(made),
      createdBy: (f.createdBy as string | null) ?? null, deliveredAt: typeof f.deliveredAt === 'number' ? new Date(f.deliveredAt) : null,
      deliveryChannel: (f.deliveryChannel as string | null) ?? null, restrictedAt: now, retainUntil: new Date(retainUntil(made)),
    };
  })).onConflictDoNothing();
  return rows.length;
}

/** Deletes restricted records whose retention has ended; the disclosure log keeps its entries. */
export async function purgeRestricted(db: BackendDb, now: Date): Promise<number> {
  const gone = await db.delete(restrictedAdviceRecords).where(lte(restrictedAdviceRecords.retainUntil, now)).returning({ id: restrictedAdviceRecords.id });
  return gone.length;
}

export type RestrictedRecord = typeof restrictedAdviceRecords.$inferSelect;

type Refusal = { status: 'rejected'; code: string; message: string };
const NOT_KEPT: Refusal = {
  status: 'rejected', code: 'not_found',
  message: 'No restricted advice record of this client is kept here: the client is not erased, the record is unknown, or its retention has ended; nothing was disclosed. Nothing was changed.',
};

/**
 * A device's disclosure, checked again here: the shape, that the client was
 * erased, that the issuer had them (client access outlives the erasure),
 * and that the record is restricted and of that client. Logged in the push's
 * transaction; a refusal writes nothing.
 */
export async function discloseFromDevice(tx: BackendDb, user: { id: string }, args: unknown, now: Date, facts: { erased: boolean; access: 'owner' | 'shared' | null } | null): Promise<{ status: 'applied' } | Refusal> {
  let a;
  try {
    a = parseOrThrow(adviceDiscloseSchema, args);
  } catch (error) {
    if (error instanceof DomainError) return { status: 'rejected', code: error.problems[0]?.code ?? 'invalid_value', message: `${error.message}. Nothing was changed.` };
    throw error;
  }
  // Whoever never had the client learns nothing about them, as for any other change.
  if (!facts || facts.access === null) return { status: 'rejected', code: 'not_found', message: 'No such client.' };
  if (!facts.erased) return NOT_KEPT;
  const [record] = await tx.select({ id: restrictedAdviceRecords.id }).from(restrictedAdviceRecords)
    .where(and(eq(restrictedAdviceRecords.id, a.recordId), eq(restrictedAdviceRecords.clientId, a.clientId)));
  if (!record) return NOT_KEPT;
  const [person] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, user.id));
  await tx.insert(adviceDisclosures).values({
    id: a.id, recordId: a.recordId, clientId: a.clientId, userId: user.id, disclosedByName: person?.name ?? user.id,
    disclosedTo: a.to, note: a.note ?? null, disclosedAt: now, via: 'device',
  }).onConflictDoNothing();
  return { status: 'applied' };
}

/** A refusal of the command, saying what to do. */
export class DisclosureError extends Error {
  constructor(message: string) { super(message); this.name = 'DisclosureError'; }
}

/** The restricted records matching a name (and birth date) or checksum: ids and meeting days, for the command to choose from. */
export async function findRestricted(db: BackendDb, q: RestrictedQuery): Promise<RestrictedRecord[]> {
  // Few rows (erasures are rare): the match rule stays in core, the same as on the device.
  const rows = await db.select().from(restrictedAdviceRecords).orderBy(asc(restrictedAdviceRecords.meetingAt), asc(restrictedAdviceRecords.recordVersion));
  return rows.filter((r) => {
    const client = (r.content as AdviceContent).client;
    return matchesRestricted(q, { clientName: client.name, birthDate: client.birthDate, contentHash: r.contentHash });
  });
}

/**
 * The manufacturer's disclosure (an authority asked the manufacturer): by the
 * record's id or its checksum (8 characters or more), for whom, by whom, with
 * a note. Logged in the same transaction as the record is read.
 */
export async function discloseByCommand(db: BackendDb, input: { record: string; to: string; by: string; note?: string }, now: Date): Promise<{ disclosureId: string; record: RestrictedRecord }> {
  if (!(DISCLOSED_TO as readonly string[]).includes(input.to)) {
    throw new DisclosureError(`--for must say for whom the record is disclosed: ${DISCLOSED_TO.join(' or ')}, not "${input.to}"`);
  }
  const by = input.by.trim();
  if (!by || by.length > 200) throw new DisclosureError('--by must name who discloses it (at most 200 characters), as the log will show it');
  const note = input.note?.trim() || null;
  if (note && note.length > 500) throw new DisclosureError('--note is too long: at most 500 characters');
  return db.transaction(async (tx) => {
    const byId = await tx.select().from(restrictedAdviceRecords).where(eq(restrictedAdviceRecords.id, input.record));
    const found = byId.length ? byId : await findRestricted(tx, { checksum: input.record });
    if (found.length === 0) {
      throw new DisclosureError(`No restricted advice record "${input.record}": give its id or the first 8 characters or more of its checksum (find-restricted lists them); it may have been deleted when its retention ended.`);
    }
    if (found.length > 1) throw new DisclosureError(`"${input.record}" fits ${found.length} records: give more of the checksum, or the record's id.`);
    const record = found[0]!;
    const disclosureId = crypto.randomUUID();
    await tx.insert(adviceDisclosures).values({
      id: disclosureId, recordId: record.id, clientId: record.clientId, userId: null, disclosedByName: by,
      disclosedTo: input.to as DisclosedTo, note, disclosedAt: now, via: 'command',
    });
    return { disclosureId, record };
  });
}

/** The disclosure log, oldest first. */
export async function disclosureLog(db: BackendDb) {
  return db.select().from(adviceDisclosures).orderBy(asc(adviceDisclosures.disclosedAt));
}
