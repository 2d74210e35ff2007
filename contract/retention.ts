// What the settings screen and the erase dialog say about restricted advice
// records (core/retention.ts): how many are kept and until when, a search that
// shows no content, and the deliberate disclosure that shows one.
import { z } from 'zod';
import { adviceContent } from '#core/advice.ts';
import { DISCLOSED_TO } from '#core/retention.ts';
import { isoDay, optionalText } from '#core/validate.ts';

export const restrictedSummaryView = z.object({
  count: z.number(),
  /** The earliest and latest end of retention among them (ms), null when none are kept. */
  firstEnds: z.number().nullable(),
  lastEnds: z.number().nullable(),
});

/** A search hit: only what tells records apart, never whom or what it is about. */
export const restrictedHitView = z.object({
  id: z.string(), meetingAt: z.number(), recordVersion: z.number(), delivered: z.boolean(), retainUntil: z.number(),
});

export const restrictedFindInput = z.object({
  name: optionalText(201),
  birthDate: z.string().trim().transform((s) => (s === '' ? null : s)).pipe(isoDay.nullable()).nullable().optional(),
  /** The checksum printed on the record (8 characters or more). */
  checksum: optionalText(64),
});

/** The disclosure as the advisor asks for it; "for whom" has no default. */
export const restrictedDiscloseInput = z.object({
  recordId: z.string().max(60),
  to: z.enum(DISCLOSED_TO, { error: 'required' }),
  note: optionalText(500),
});

export const disclosedRecordView = z.object({
  disclosureId: z.string(),
  /** The erased client's id (never their name outside the content): what the disclosure is about. */
  clientId: z.string(),
  id: z.string(), recordVersion: z.number(), contentHash: z.string(), previousHash: z.string().nullable(),
  deliveredAt: z.number().nullable(), deliveryChannel: z.string().nullable(), retainUntil: z.number(),
  content: adviceContent,
});

/** The erase dialog: the client's advice records that will stay restricted, and until when the last of them is kept. */
export const clientRetentionView = z.object({ count: z.number(), until: z.number().nullable() });
