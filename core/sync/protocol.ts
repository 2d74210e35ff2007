// What device and backend say to each other when they sync (docs/sync.md).
// Both sides validate every message against these schemas.
import { z } from 'zod';
import { ENTITIES } from '../records.ts';

/** HLC stamps as core/hlc.ts formats them. */
export const hlcStamp = z.string().regex(/^\d{15}:[0-9a-z]{5}:[\w-]{1,64}$/, { error: 'invalid_value' });

/** PostgreSQL keeps no U+0000 in text: the backend stores ids and names as they come. */
const storable = (s: string) => !s.includes('\u0000');

export const pushedMutation = z.object({
  /** The device's own sequence number: the backend applies mutations in this order, each once. */
  seq: z.number().int().positive(),
  mutationId: z.string().min(1).max(64).refine(storable, { error: 'may not contain the character U+0000' }),
  name: z.string().min(1).max(64).refine(storable, { error: 'may not contain the character U+0000' }),
  args: z.unknown(),
  hlc: hlcStamp,
  /** When the change was made, by the device's clock: plans write it into fields (startedAt, doneAt). */
  at: z.number().int().nonnegative(),
});
export type PushedMutation = z.infer<typeof pushedMutation>;

export const PUSH_BATCH_MAX = 500;

/**
 * What an outbox entry becomes when the client it was about is erased before
 * it was sent: its sequence number still travels (a gap would stop the
 * queue), its content does not. The backend applies it as nothing.
 */
export const PURGED_MUTATION = 'purged';

export const pushRequest = z.object({
  mutations: z.array(pushedMutation).min(1).max(PUSH_BATCH_MAX),
});

/** What became of one mutation. A rejected one is processed too: it never blocks the queue. */
export const mutationResult = z.discriminatedUnion('status', [
  z.object({ seq: z.number().int(), status: z.literal('applied') }),
  z.object({
    seq: z.number().int(),
    status: z.literal('rejected'),
    /** A stable code (core/errors.ts codes, or access and business rule codes) and a sentence for the user. */
    code: z.string(),
    message: z.string(),
  }),
]);
export type MutationResult = z.infer<typeof mutationResult>;

/**
 * The backend's clock (milliseconds since 1970) when it answered: every push
 * and pull answer carries it, so the device knows how far its own clock is off.
 */
export const serverTime = z.number().int().positive();

export const pushResponse = z.object({
  results: z.array(mutationResult),
  /** The last sequence number the backend has processed from this device. */
  lastSeq: z.number().int().nonnegative(),
  serverTime,
});
export type PushResponse = z.infer<typeof pushResponse>;

/** Sent instead of results when a batch does not continue where the backend stopped. */
export const pushGap = z.object({ error: z.literal('gap'), expectedSeq: z.number().int().positive(), message: z.string(), serverTime });

/**
 * Sent (409) when a mutation is stamped further ahead of the backend's clock
 * than core/sync/clock.ts allows: the push stops before it, and it does not
 * use up its sequence number. What came before it is done (`results`). The
 * device keeps the mutation and what follows, and sends them once its clock is
 * right again (re-stamped).
 */
export const pushClockAhead = z.object({
  error: z.literal('clock_ahead'),
  /** The first mutation held back. */
  seq: z.number().int().positive(),
  aheadMinutes: z.number().int().nonnegative(),
  message: z.string(),
  results: z.array(mutationResult),
  lastSeq: z.number().int().nonnegative(),
  serverTime,
});
export type PushClockAhead = z.infer<typeof pushClockAhead>;

/** A cursor is opaque to the device: it sends back what it was given. */
export const cursor = z.string().max(200);

export const pullRequest = z.object({
  cursor: cursor.nullable(),
  limit: z.number().int().min(1).max(5000).default(1000),
});

export const pulledRecord = z.object({
  entity: z.enum(ENTITIES),
  id: z.string().min(1).max(200),
  clientId: z.string(),
  /** null: a tombstone. The record is gone (erased, or no longer shared with this user); drop it. */
  state: z.object({ fields: z.record(z.string(), z.unknown()), stamps: z.record(z.string(), hlcStamp) }).nullable(),
  /** With a tombstone: the client was erased at their request (not a share taken back), so advice records are kept restricted. */
  erased: z.boolean().optional(),
});
export type PulledRecord = z.infer<typeof pulledRecord>;

/** GET /v1/people?role=life_coach: the directory of life coaches, by name. */
export const peopleResponse = z.object({
  role: z.string(),
  people: z.array(z.object({ id: z.string().max(64), displayName: z.string().max(200) })).max(10_000),
});
export type PeopleResponse = z.infer<typeof peopleResponse>;

export const pullResponse = z.object({
  records: z.array(pulledRecord),
  cursor,
  /** More changes wait beyond this page: pull again at once. */
  more: z.boolean(),
  /** The backend's clock stamp, so a device whose clock is slow still stamps later changes after what it saw. */
  hlc: hlcStamp,
  /** The cursor was older than the retained log: the device drops its copy and starts from `cursor` null. */
  resync: z.boolean().default(false),
  serverTime,
  /**
   * The person pulling, as the backend holds them now (their roles are the
   * manufacturer's to change): the device takes them in at every pull.
   */
  user: z.object({ displayName: z.string().max(200), roles: z.array(z.string().max(40)).max(20) }).optional(),
});
export type PullResponse = z.infer<typeof pullResponse>;
