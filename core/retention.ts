// Advice records outlive the client's erasure (workflows.md, "Consent and the
// client's rights"): the law that makes the advisor write them (§ 61 VVG) also
// makes them evidence the client or an authority may ask for later. So on
// erasure they are restricted, not deleted: moved out of everything the
// product reads, shown only through a deliberate, logged disclosure, and
// deleted when retention ends. Pure: the clock is always passed in.
import { z } from 'zod';
import { optionalText, uuid } from './validate.ts';
import { foldWord, wordsOf } from './search.ts';

/**
 * How long a restricted advice record is kept, from the day the record was
 * made: ten years, the longest the issue allows ("up to ten years from the
 * record"), because the limitation period for claims from the advice runs at
 * most ten years from when it arose (§ 199 (3) BGB), and the record is the
 * advisor's and the client's evidence for exactly those claims. One constant,
 * read by the device and the backend alike.
 */
export const RETENTION_YEARS = 10;

/** The end of retention for a record made at `createdAt` (ms): the same moment ten calendar years later (UTC). */
export function retainUntil(createdAt: number): number {
  const d = new Date(createdAt);
  d.setUTCFullYear(d.getUTCFullYear() + RETENTION_YEARS);
  return d.getTime();
}

/** Retention has ended: the record must go. */
export function retentionEnded(retainUntilAt: number, now: number): boolean {
  return retainUntilAt <= now;
}

/** For whom a restricted record is disclosed: the client themselves, or an authority (a court, the supervisor). */
export const DISCLOSED_TO = ['client', 'authority'] as const;
export type DisclosedTo = (typeof DISCLOSED_TO)[number];

/** An advice record version's id: `<meetingId>:v<n>` (core/advice.ts adviceId). */
const adviceRecordId = z.string().regex(/^[0-9a-f-]{36}:v\d{1,4}$/, { error: 'invalid_value' });

/**
 * A disclosure of one restricted advice record. It names the erased client's
 * id (never their name) so the backend can check the issuer had the client;
 * "for whom" has no default: the advisor must choose.
 */
export const adviceDiscloseSchema = z.object({
  id: uuid,
  recordId: adviceRecordId,
  clientId: uuid,
  to: z.enum(DISCLOSED_TO, { error: 'required' }),
  note: optionalText(500),
}).strict();
export type AdviceDisclose = z.output<typeof adviceDiscloseSchema>;

/** What the advisor searches restricted records by: the client's name (and birth date), or the checksum printed on the record. */
export interface RestrictedQuery { name?: string; birthDate?: string; checksum?: string }

/** The part of a restricted record the search looks at: who it names and its checksum. */
export interface RestrictedKey { clientName: string; birthDate: string | null; contentHash: string }

const folded = (s: string) => wordsOf(s).map((w) => foldWord(w).replaceAll('ß', 'ss'));

/**
 * Whether a restricted record is the one asked for. A checksum matches from
 * its first 8 characters (as read off a printout); a name matches when every
 * word typed is one of the record's name words (accents and case aside), and
 * a birth date, when given, must be the record's.
 */
export function matchesRestricted(q: RestrictedQuery, r: RestrictedKey): boolean {
  const checksum = q.checksum?.trim().toLowerCase();
  if (checksum) return checksum.length >= 8 && r.contentHash.startsWith(checksum);
  const words = folded(q.name ?? '');
  if (words.length === 0) return false;
  const names = new Set(folded(r.clientName));
  if (!words.every((w) => names.has(w))) return false;
  return !q.birthDate || q.birthDate === r.birthDate;
}
