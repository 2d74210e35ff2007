// Rectification: a change to the client's master data that the client asked
// for is recorded as such (what, before, after, who, when), as its own synced
// record written in the same plan as the change itself, so both commit together
// on the device and on the backend. The device sends what the advisor saw
// before; the plan refuses the correction when the record now holds something
// else (another device changed it meanwhile, or a tampered device lies about
// it): a correction always says truthfully what it replaced.
import { z } from 'zod';
import { clientFields, clientPatchSchema } from './client.ts';
import { DomainError } from './errors.ts';
import type { Fields, StoredRecord } from './records.ts';
import { uuid } from './validate.ts';

/** The master-data fields a correction can name: those the client's edit form changes. */
export const CORRECTABLE_FIELDS = Object.keys(clientFields) as (keyof typeof clientFields)[];
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** A value as the client record stores it. */
const storedValue = z.union([z.string().max(10_000, { error: 'too_long' }), z.number(), z.null()]);

/** The correction a `client.update` carries when the client asked for it: its record's id and each field's value before. */
export const correctionSchema = z.object({
  id: uuid,
  before: z.partialRecord(z.enum(CORRECTABLE_FIELDS, { error: 'unknown_attribute' }), storedValue),
}).strict();

/** `client.update`, optionally marked as asked for by the client. */
export const clientUpdateSchema = z.object({ id: uuid, patch: clientPatchSchema, correction: correctionSchema.optional() }).strict();

export interface CorrectionChange { field: CorrectableField; before: unknown; after: unknown }

/** The correction record as every side stores it. */
export interface CorrectionFields extends Fields {
  clientId: string;
  changes: CorrectionChange[];
  recordedBy: string;
  recordedAt: number;
}

const mismatch = (detail: string) => new DomainError([{ field: 'correction', code: 'invalid_value', params: { detail } }]);

/**
 * The correction record's fields, or the refusal: it names exactly the fields
 * the patch changes, each value before is what the client record holds now,
 * and each is really changed.
 */
export function correctionRecord(
  correction: z.output<typeof correctionSchema>, patch: Fields, client: StoredRecord, who: { userId: string; at: number },
): CorrectionFields {
  const named = Object.keys(correction.before).sort();
  const patched = Object.keys(patch).sort();
  if (named.join() !== patched.join()) throw mismatch('a correction names the same fields as the change, with the value each had before');
  const changes = patched.map((field) => ({ field: field as CorrectableField, before: client[field] ?? null, after: patch[field] ?? null }));
  const stale = changes.filter((c) => c.before !== (correction.before[c.field] ?? null));
  if (stale.length) throw new DomainError(stale.map((c) => ({ field: `correction.before.${c.field}`, code: 'correction_stale' as const })));
  if (changes.some((c) => c.before === c.after)) throw mismatch('a correction changes each field it names');
  return { clientId: client.id, changes, recordedBy: who.userId, recordedAt: who.at };
}
