// Every local change is one of these named mutations. The same names and
// argument schemas travel in the outbox to the manufacturer's backend, which
// validates them again: the device is never trusted on its own.
import { z } from 'zod';
import { clientCreateSchema, clientUpdateSchema } from '../client.ts';
import { adviceCreateSchema, adviceDeliverSchema, offerOutcomeSchema, offerUndoSchema } from '../advice.ts';
import { conclusionRecordSchema, conclusionRefreshSchema, conclusionReviewSchema } from '../conclusions.ts';
import { consentRecordSchema } from '../consent.ts';
import { holdingAddSchema, holdingEndSchema } from '../holding.ts';
import { mandateGrantSchema, mandateRevokeSchema, mandateUpdateSchema } from '../mandate.ts';
import { answerSetSchema, meetingEndSchema, meetingStartSchema, meetingUpdateSchema } from '../meeting.ts';
import { taskAddSchema, taskUpdateSchema } from '../task.ts';
import { touchpointAddSchema } from '../touchpoint.ts';
import { uuid } from '../validate.ts';

export const MUTATIONS = {
  'client.create': clientCreateSchema,
  'client.update': clientUpdateSchema,
  'client.delete': z.object({ id: uuid }).strict(),
  /** The client's right to erasure: everything about them goes, on every device and the backend. Carries no personal data. */
  'client.erase': z.object({ id: uuid }).strict(),
  'meeting.start': meetingStartSchema,
  'meeting.update': meetingUpdateSchema,
  'meeting.end': meetingEndSchema,
  'answer.set': answerSetSchema,
  'touchpoint.add': touchpointAddSchema,
  'task.add': taskAddSchema,
  'task.update': taskUpdateSchema,
  'consent.record': consentRecordSchema,
  'mandate.grant': mandateGrantSchema,
  'mandate.update': mandateUpdateSchema,
  'mandate.revoke': mandateRevokeSchema,
  /** A segment, migration or value tier concluded by the rules or set by the advisor, with its provenance. */
  'conclusion.record': conclusionRecordSchema,
  /** The rules drew the same conclusion again: its answers and rule set are brought up to date. */
  'conclusion.refresh': conclusionRefreshSchema,
  /** The client confirms or rejects a conclusion. */
  'conclusion.review': conclusionReviewSchema,
  'holding.add': holdingAddSchema,
  'holding.end': holdingEndSchema,
  /** Accepted, rejected or postponed, with the client's reason: a touchpoint, and what the backend learns from. */
  'offer.outcome': offerOutcomeSchema,
  /** A decision taken back during its meeting: it and its timeline entry are removed, so it counts nowhere. */
  'offer.undo': offerUndoSchema,
  /** A version of a meeting's advice record, hash-chained to the one before. */
  'advice.create': adviceCreateSchema,
  /** The record was handed over, printed or sent: that version is frozen. */
  'advice.deliver': adviceDeliverSchema,
} as const;

export type MutationName = keyof typeof MUTATIONS;
export type MutationArgs<N extends MutationName> = z.output<(typeof MUTATIONS)[N]>;
export type MutationInput<N extends MutationName> = z.input<(typeof MUTATIONS)[N]>;

/**
 * Who may issue a mutation, by their access to the client it is about.
 * Erasing or deleting takes the client from everyone who has them, so only
 * the owner may; a user the client is shared with does everything else.
 */
export type ClientAccessKind = 'owner' | 'shared';
const OWNER_ONLY: ReadonlySet<MutationName> = new Set<MutationName>(['client.erase', 'client.delete']);
export function mayIssue(name: MutationName, access: ClientAccessKind): boolean {
  return access === 'owner' || !OWNER_ONLY.has(name);
}
