// The advice record (workflows.md, § 61 VVG): what the meeting was about, the
// client's wishes and needs, the risk situation, the course of the advice
// (which alternatives were rejected and why), the advice given with its
// reasons, and the client's decision. Versions form a hash chain: each names
// the hash of the one before and of its own content, so any change to a
// stored version is detected. A delivered version is frozen; a correction is
// a new version.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { offerReasonSchema } from './offers/reasons.ts';
import { SEGMENT_IDS } from './segments/ids.ts';
import { optionalText, uuid } from './validate.ts';

export const DELIVERY_CHANNELS = ['handed_over', 'printed', 'email', 'post'] as const;
export const OUTCOMES = ['accepted', 'rejected', 'postponed'] as const;
export const OUTCOME_REASONS = ['already_owns', 'too_expensive', 'wrong_timing', 'not_relevant', 'wants_to_compare', 'convinced', 'other'] as const;

const text = (max: number) => z.string().max(max, { error: 'too_long' });
const offerLine = z.strictObject({
  offer: text(80), name: text(200),
  outcome: z.enum(OUTCOMES), reasonCode: z.enum(OUTCOME_REASONS).nullable(), note: text(500).nullable(),
  /** Why it was recommended, in words a client can check. */
  reasons: z.array(text(300)).max(10),
});

export const adviceContent = z.strictObject({
  language: z.enum(['de', 'en']),
  client: z.strictObject({ name: text(201), birthDate: text(10).nullable(), address: text(400).nullable() }),
  advisor: text(100),
  meeting: z.strictObject({ id: uuid, startedAt: z.number().int(), endedAt: z.number().int().nullable() }),
  reason: text(500).nullable(),
  wishes: text(2000).nullable(),
  riskSituation: text(2000).nullable(),
  /** Everything put to the client, in the order it was discussed: the course of the advice. */
  offers: z.array(offerLine).max(50),
  /** The adviser's recommendation in their own words, if they added one. */
  advice: text(4000).nullable(),
  decision: text(2000).nullable(),
});
export type AdviceContent = z.infer<typeof adviceContent>;

/**
 * The parts of the record the law asks for (workflows.md) that the advisor
 * writes; the course of the advice comes from the offers decided. Notes are
 * internal and never part of it.
 */
export const ADVICE_RECORD_PARTS = ['reason', 'wishes', 'riskSituation', 'advice', 'decision'] as const;
export type AdviceRecordPart = (typeof ADVICE_RECORD_PARTS)[number];

/** The parts still empty (blank counts as empty), in the record's order: asked about before a meeting ends. */
export function missingRecordParts(meeting: Partial<Record<AdviceRecordPart, string | null>>): AdviceRecordPart[] {
  return ADVICE_RECORD_PARTS.filter((part) => !meeting[part]?.trim());
}

/** The client as the record names them: name, birth date, one line of address. */
export function adviceClient(c: { firstName: string; lastName: string; birthDate: string | null; street: string | null; postalCode: string | null; city: string | null }): AdviceContent['client'] {
  const address = [c.street, [c.postalCode, c.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return { name: `${c.firstName} ${c.lastName}`, birthDate: c.birthDate, address: address || null };
}

/** JSON with keys in a fixed order, so equal content always hashes equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash of one version: its place in the chain and its content. */
export function versionHash(v: { meetingId: string; recordVersion: number; previousHash: string | null; content: unknown }): string {
  const body = canonicalJson({ meetingId: v.meetingId, recordVersion: v.recordVersion, previousHash: v.previousHash, content: v.content });
  return bytesToHex(sha256(utf8ToBytes(body)));
}

export interface StoredVersion { meetingId: string; recordVersion: number; previousHash: string | null; contentHash: string; content: unknown }

/** Checks a meeting's versions: consecutive, each linked to the one before, each content unchanged. */
export function verifyChain(versions: readonly StoredVersion[]): { ok: true } | { ok: false; version: number; problem: 'gap' | 'link' | 'content' } {
  const sorted = [...versions].sort((a, b) => a.recordVersion - b.recordVersion);
  let previous: StoredVersion | null = null;
  for (const v of sorted) {
    if (v.recordVersion !== (previous?.recordVersion ?? 0) + 1) return { ok: false, version: v.recordVersion, problem: 'gap' };
    if (v.previousHash !== (previous?.contentHash ?? null)) return { ok: false, version: v.recordVersion, problem: 'link' };
    if (versionHash(v) !== v.contentHash) return { ok: false, version: v.recordVersion, problem: 'content' };
    previous = v;
  }
  return { ok: true };
}

/** The id of one version: the same on every device, so the chain's links can be read by id. */
export function adviceId(meetingId: string, recordVersion: number): string {
  return `${meetingId}:v${recordVersion}`;
}

export const adviceCreateSchema = z.object({
  meetingId: uuid,
  content: adviceContent,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'invalid_value' }),
  previousHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'invalid_value' }).nullable(),
  recordVersion: z.number().int().min(1).max(1000),
}).strict();

export const adviceDeliverSchema = z.object({
  meetingId: uuid,
  recordVersion: z.number().int().min(1).max(1000),
  channel: z.enum(DELIVERY_CHANNELS, { error: 'unknown_value' }),
}).strict();

/** An offer put to the client and what became of it; also a touchpoint on their timeline. */
export const offerOutcomeSchema = z.object({
  id: uuid,
  clientId: uuid,
  meetingId: uuid.nullable().optional(),
  offerId: z.string().regex(/^[a-z][a-z0-9_]{0,79}$/, { error: 'invalid_value' }),
  offerKind: z.enum(['base', 'module', 'temporary', 'partner_service', 'bundle'], { error: 'unknown_value' }),
  outcome: z.enum(OUTCOMES, { error: 'unknown_value' }),
  reasonCode: z.enum(OUTCOME_REASONS, { error: 'unknown_value' }).nullable().optional(),
  note: optionalText(500),
  /** The segment in force when it was offered (null: none, e.g. no consent): what the backend learns from. */
  segment: z.enum(SEGMENT_IDS, { error: 'unknown_value' }).nullable(),
  /**
   * Why it was offered, as codes with their facts, so the advice record gives
   * them in its own language and only those a client may read. Outcomes made
   * before reasons were codes carry the words shown then; they stay valid.
   */
  reasons: z.array(z.union([z.string().max(300), offerReasonSchema]), { error: 'invalid_value' }).max(10, { error: 'too_long' }).default([]),
  /** A one-line summary for the timeline, in the user's language. */
  summary: z.string().trim().min(1, { error: 'required' }).max(300, { error: 'too_long' }),
}).strict().superRefine((o, ctx) => {
  // A refusal without a reason teaches nothing; the client's reason is what the advice record must give.
  if (o.outcome !== 'accepted' && !o.reasonCode) ctx.addIssue({ code: 'custom', path: ['reasonCode'], message: 'required' });
});

/**
 * Takes back a decision recorded in a meeting that is still running: the
 * outcome and its timeline entry are removed, so it counts nowhere (not in
 * the advice record, not in what the manufacturer learns).
 */
export const offerUndoSchema = z.object({
  /** The outcome to take back. */
  id: uuid,
  clientId: uuid,
  /** The running meeting it is taken back in: the one it was recorded in. */
  meetingId: uuid,
}).strict();
