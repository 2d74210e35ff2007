// Everything known about each mutation kind, in one place: its argument
// schema, the record it is about, the client it concerns, the records its plan
// may read, who may issue it and the consents it needs. The device (db/store.ts)
// and the backend (backend/mutate.ts) both ask this registry, so a rule is
// written once and checked twice: a tampered device meets the same rule on
// the backend. docs/rules.md says the same as a table; a test holds them equal.
// The rules each kind is checked against beyond who issues it, each with its
// refusal code, are listed per kind in rules.ts (kept apart only for length),
// checked by the planners (plan.ts) and on the merged record (invariants.ts).
import { adviceCreateSchema, adviceDeliverSchema, adviceId, offerOutcomeSchema, offerUndoSchema } from '../advice.ts';
import { clientCreateSchema } from '../client.ts';
import { clientUpdateSchema } from '../correction.ts';
import { conclusionRecordSchema, conclusionRefreshSchema, conclusionReviewSchema } from '../conclusions.ts';
import { consentInForce, consentRecordSchema, type ConsentEntry, type ConsentPurpose } from '../consent.ts';
import type { FieldProblem } from '../errors.ts';
import { holdingAddSchema, holdingEndSchema } from '../holding.ts';
import { mandateGrantSchema, mandateRevokeSchema, mandateUpdateSchema } from '../mandate.ts';
import { answerSetSchema, meetingEndSchema, meetingStartSchema, meetingUpdateSchema } from '../meeting.ts';
import { answerId, type EntityName, type Fields } from '../records.ts';
import type { IssuerRole } from '../roles.ts';
import { clientShareSchema, clientUnshareSchema } from '../share.ts';
import { taskAddSchema, taskUpdateSchema } from '../task.ts';
import { appointmentCancelSchema, appointmentPlanSchema, appointmentUpdateSchema } from '../appointment.ts';
import { feedbackRecordSchema } from '../satisfaction.ts';
import { touchpointAddSchema } from '../touchpoint.ts';
import { approvalDecideSchema, approvalRequestSchema, saleRecordSchema } from '../retail/records.ts';
import { alertCloseSchema, alertDismissSchema, alertSnoozeSchema, CONTACTING_OUTCOMES, purchaseMakeSchema } from '../coach/records.ts';
import { z } from 'zod';
import { uuid } from '../validate.ts';
import { adviceDiscloseSchema } from '../retention.ts';

/**
 * How the issuer stands to what a mutation is about: the client's owner, a
 * user the client is shared with, the coach of the mandate the mutation
 * changes, or the manufacturer (who decides approval requests in the backend's console).
 */
export const ACCESS_KINDS = ['owner', 'shared', 'coach', 'manufacturer'] as const;
export type Access = (typeof ACCESS_KINDS)[number];

/** Where a mutation names its client: in an argument, or through the record it changes. */
export type ClientOf =
  /** `creates`: the mutation makes the client; its issuer becomes the owner. */
  | { arg: 'id' | 'clientId'; creates?: true }
  | { record: EntityName; key?: 'meetingId' | 'mandateId' };

export interface Who {
  /** Any one of these roles suffices. */
  roles: readonly IssuerRole[];
  /** Any one of these suffices. */
  access: readonly Access[];
}

export interface MutationRule<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** The record the mutation is about (what the device reads back its version from). */
  entity: EntityName;
  client: ClientOf;
  /** The ids of every record the plan may read or write, from the raw (not yet validated) arguments. */
  reads(args: unknown): string[];
  who: Who;
  /**
   * Consents that must be in force for the client (newest record per purpose
   * wins); a function of the raw arguments when they decide it (an alert
   * closed by contacting the client). Read through consentsNeeded.
   */
  consents: readonly ConsentPurpose[] | ((args: unknown) => readonly ConsentPurpose[]);
}

/**
 * Client work: an advisor, a life coach or a retailer, on a client of their own
 * or shared with them. A retailer interviews and serves its own clients too
 * (retail.md rates it by the answers and outcomes it records).
 */
const CLIENT_WORK: Who = { roles: ['advisor', 'life_coach', 'retailer'], access: ['owner', 'shared'] };
/** Acting on an assistant's alert: a life coach who has the client. */
const COACH_WORK: Who = { roles: ['life_coach'], access: ['owner', 'shared'] };
/** Erasing or deleting takes the client from everyone who has them, sharing decides who has them: only the owner. */
const OWNER_ONLY: Who = { roles: ['advisor', 'life_coach', 'retailer'], access: ['owner'] };
/** Selling at a price within the granted range: a retailer, on a client it has. */
const RETAIL_WORK: Who = { roles: ['retailer'], access: ['owner', 'shared'] };

/**
 * A string argument, or nothing (arguments are not validated yet when reads
 * are asked). Text a database cannot hold (U+0000) is never looked up:
 * validation then names the field.
 */
export function arg(args: unknown, key: string): string | undefined {
  const value = (args !== null && typeof args === 'object') ? (args as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value.length <= 200 && !value.includes('\u0000') ? value : undefined;
}
const ids = (...xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => x !== undefined))];
/** The record named by `id` (and anything written under the same id, like a meeting's touchpoint). */
const byId = (args: unknown) => ids(arg(args, 'id'));
/** A new record of a client: the id (a retry finds it) and the client. */
const ofClient = (args: unknown) => ids(arg(args, 'id'), arg(args, 'clientId'));
/** An advice record's version and the one before it, which the chain links to. */
function adviceReads(args: unknown, withPrevious: boolean): string[] {
  const meetingId = arg(args, 'meetingId');
  const v = (args !== null && typeof args === 'object') ? (args as { recordVersion?: unknown }).recordVersion : undefined;
  if (meetingId === undefined || typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 1000) return ids(meetingId);
  return ids(meetingId, adviceId(meetingId, v), withPrevious && v > 1 ? adviceId(meetingId, v - 1) : undefined);
}

const rule = <S extends z.ZodType>(r: MutationRule<S>) => r;

export const REGISTRY = {
  'client.create': rule({ schema: clientCreateSchema, entity: 'clients', client: { arg: 'id', creates: true }, reads: byId, who: CLIENT_WORK, consents: [] }),
  /** Master data changed; with `correction`, at the client's request, which is recorded with it (core/correction.ts). */
  'client.update': rule({
    schema: clientUpdateSchema, entity: 'clients', client: { arg: 'id' }, who: CLIENT_WORK, consents: [],
    reads: (a) => ids(arg(a, 'id'), arg((a as { correction?: unknown } | null)?.correction, 'id')),
  }),
  'client.delete': rule({ schema: z.object({ id: uuid }).strict(), entity: 'clients', client: { arg: 'id' }, reads: byId, who: OWNER_ONLY, consents: [] }),
  /** The client's right to erasure: everything about them goes, on every device and the backend. Carries no personal data. */
  'client.erase': rule({ schema: z.object({ id: uuid }).strict(), entity: 'clients', client: { arg: 'id' }, reads: byId, who: OWNER_ONLY, consents: [] }),
  'meeting.start': rule({ schema: meetingStartSchema, entity: 'meetings', client: { arg: 'clientId' }, reads: ofClient, who: CLIENT_WORK, consents: [] }),
  'meeting.update': rule({ schema: meetingUpdateSchema, entity: 'meetings', client: { record: 'meetings' }, reads: byId, who: CLIENT_WORK, consents: [] }),
  'meeting.end': rule({ schema: meetingEndSchema, entity: 'meetings', client: { record: 'meetings' }, reads: byId, who: CLIENT_WORK, consents: [] }),
  'answer.set': rule({
    schema: answerSetSchema, entity: 'answers', client: { arg: 'clientId' }, who: CLIENT_WORK, consents: [],
    reads: (a) => {
      const [clientId, attribute] = [arg(a, 'clientId'), arg(a, 'attribute')];
      return ids(clientId, arg(a, 'meetingId'), clientId !== undefined && attribute !== undefined ? answerId(clientId, attribute) : undefined);
    },
  }),
  'touchpoint.add': rule({ schema: touchpointAddSchema, entity: 'touchpoints', client: { arg: 'clientId' }, reads: ofClient, who: CLIENT_WORK, consents: [] }),
  'task.add': rule({ schema: taskAddSchema, entity: 'tasks', client: { arg: 'clientId' }, reads: ofClient, who: CLIENT_WORK, consents: [] }),
  'task.update': rule({ schema: taskUpdateSchema, entity: 'tasks', client: { record: 'tasks' }, reads: byId, who: CLIENT_WORK, consents: [] }),
  /** A meeting planned with the client; the meeting held from it is linked by appointment.update. */
  'appointment.plan': rule({ schema: appointmentPlanSchema, entity: 'appointments', client: { arg: 'clientId' }, reads: ofClient, who: CLIENT_WORK, consents: [] }),
  'appointment.update': rule({
    schema: appointmentUpdateSchema, entity: 'appointments', client: { record: 'appointments' }, who: CLIENT_WORK, consents: [],
    reads: (a) => ids(arg(a, 'id'), arg((a as { patch?: unknown } | null)?.patch, 'meetingId')),
  }),
  'appointment.cancel': rule({ schema: appointmentCancelSchema, entity: 'appointments', client: { record: 'appointments' }, reads: byId, who: CLIENT_WORK, consents: [] }),
  /** NPS and CES after a purchase or a sale, kept under the purchase's or sale's id (core/satisfaction.ts). */
  'feedback.record': rule({ schema: feedbackRecordSchema, entity: 'feedback', client: { arg: 'clientId' }, reads: ofClient, who: CLIENT_WORK, consents: [] }),
  'consent.record': rule({ schema: consentRecordSchema, entity: 'consents', client: { arg: 'clientId' }, reads: ofClient, who: CLIENT_WORK, consents: [] }),
  /** Only a life coach is given a mandate: the issuer becomes the mandate's coach. */
  'mandate.grant': rule({ schema: mandateGrantSchema, entity: 'mandates', client: { arg: 'clientId' }, reads: ofClient, who: { roles: ['life_coach'], access: ['owner', 'shared'] }, consents: [] }),
  /** Only the mandate's coach changes its terms. */
  'mandate.update': rule({ schema: mandateUpdateSchema, entity: 'mandates', client: { record: 'mandates' }, reads: byId, who: { roles: ['life_coach'], access: ['coach'] }, consents: [] }),
  /** The client takes it back, at once: whoever the client tells records it, their coach too. */
  'mandate.revoke': rule({ schema: mandateRevokeSchema, entity: 'mandates', client: { record: 'mandates' }, reads: byId, who: { roles: ['advisor', 'life_coach'], access: ['owner', 'shared', 'coach'] }, consents: [] }),
  /** A segment, migration or value tier concluded by the rules or set by the advisor, with its provenance. */
  'conclusion.record': rule({ schema: conclusionRecordSchema, entity: 'conclusions', client: { arg: 'clientId' }, reads: ofClient, who: CLIENT_WORK, consents: ['profiling'] }),
  /** The rules drew the same conclusion again: its answers and rule set are brought up to date. */
  'conclusion.refresh': rule({ schema: conclusionRefreshSchema, entity: 'conclusions', client: { record: 'conclusions' }, reads: byId, who: CLIENT_WORK, consents: ['profiling'] }),
  /** The client confirms or rejects a conclusion: their word is taken with or without consent to profiling. */
  'conclusion.review': rule({ schema: conclusionReviewSchema, entity: 'conclusions', client: { record: 'conclusions' }, reads: byId, who: CLIENT_WORK, consents: [] }),
  'holding.add': rule({ schema: holdingAddSchema, entity: 'holdings', client: { arg: 'clientId' }, reads: ofClient, who: CLIENT_WORK, consents: [] }),
  'holding.end': rule({ schema: holdingEndSchema, entity: 'holdings', client: { record: 'holdings' }, reads: byId, who: CLIENT_WORK, consents: [] }),
  /**
   * Accepted, rejected or postponed, with the client's reason: a touchpoint, and what the backend learns from.
   * Any outcome answers an offer put to the client: only with their consent to be contacted about offers.
   */
  'offer.outcome': rule({ schema: offerOutcomeSchema, entity: 'offerOutcomes', client: { arg: 'clientId' }, reads: (a) => ids(...ofClient(a), arg(a, 'meetingId')), who: CLIENT_WORK, consents: ['contact'] }),
  /**
   * A decision taken back during its meeting: it and its timeline entry are removed, so it counts nowhere.
   * Not gated by consent: it proposes nothing, and a withdrawal must never keep an outcome the advisor wants gone.
   */
  'offer.undo': rule({ schema: offerUndoSchema, entity: 'offerOutcomes', client: { arg: 'clientId' }, reads: (a) => ids(...ofClient(a), arg(a, 'meetingId')), who: CLIENT_WORK, consents: [] }),
  /** A version of a meeting's advice record, hash-chained to the one before. */
  'advice.create': rule({ schema: adviceCreateSchema, entity: 'adviceRecords', client: { record: 'meetings', key: 'meetingId' }, reads: (a) => adviceReads(a, true), who: CLIENT_WORK, consents: [] }),
  /** The record was handed over, printed or sent: that version is frozen. */
  'advice.deliver': rule({ schema: adviceDeliverSchema, entity: 'adviceRecords', client: { record: 'meetings', key: 'meetingId' }, reads: (a) => adviceReads(a, false), who: CLIENT_WORK, consents: [] }),
  /** The coach puts an alert off until a day. */
  'alert.snooze': rule({ schema: alertSnoozeSchema, entity: 'alerts', client: { record: 'alerts' }, reads: byId, who: COACH_WORK, consents: [] }),
  /** The coach sets an alert aside, with a reason. */
  'alert.dismiss': rule({ schema: alertDismissSchema, entity: 'alerts', client: { record: 'alerts' }, reads: byId, who: COACH_WORK, consents: [] }),
  /**
   * The coach acted on the alert (contact, offer, purchase, rejected conclusion): that act is its own record.
   * Closing it as contacted or proposed says the client was approached: only with consent to contact.
   */
  'alert.close': rule({
    schema: alertCloseSchema, entity: 'alerts', client: { record: 'alerts' }, reads: byId, who: COACH_WORK,
    consents: (a) => (CONTACTING_OUTCOMES.includes(arg(a, 'outcome') ?? '') ? ['contact'] : []),
  }),
  /** Only the mandate's coach buys under it; the mandate's log decides the budget (coach.md). */
  'purchase.make': rule({
    schema: purchaseMakeSchema, entity: 'purchases', client: { record: 'mandates', key: 'mandateId' }, who: { roles: ['life_coach'], access: ['coach'] }, consents: [],
    reads: (a) => {
      const holdings = (a !== null && typeof a === 'object' && Array.isArray((a as { holdingIds?: unknown }).holdingIds))
        ? ((a as { holdingIds: unknown[] }).holdingIds.slice(0, 100).map((h) => arg({ h }, 'h'))) : [];
      return ids(arg(a, 'id'), arg(a, 'clientId'), arg(a, 'mandateId'), arg(a, 'alertId'), ...holdings);
    },
  }),

  // The retailer's sale (retail.md): the price is decided by core/retail/price.ts on both sides.
  /** A sale at a chosen price: within the range, at the proposal, or at a price the manufacturer approved. */
  'sale.record': rule({
    schema: saleRecordSchema, entity: 'sales', client: { arg: 'clientId' }, who: RETAIL_WORK, consents: [],
    reads: (a) => ids(arg(a, 'id'), arg(a, 'clientId'), arg(a, 'holdingId'), arg(a, 'approvalId')),
  }),
  /** A price the range does not allow, asked of the manufacturer. */
  'approval.request': rule({ schema: approvalRequestSchema, entity: 'approvals', client: { arg: 'clientId' }, reads: ofClient, who: RETAIL_WORK, consents: [] }),
  /** The manufacturer's decision, made in the backend's console; no device issues it. */
  'approval.decide': rule({ schema: approvalDecideSchema, entity: 'approvals', client: { record: 'approvals' }, reads: byId, who: { roles: ['manufacturer'], access: ['manufacturer'] }, consents: [] }),

  // Handing the client to a life coach (core/share.ts): the owner decides who else has the client.
  /** The owner shares the client with a life coach: the coach's devices receive the client and everything about them. */
  'client.share': rule({ schema: clientShareSchema, entity: 'clients', client: { arg: 'id' }, reads: byId, who: OWNER_ONLY, consents: [] }),
  /** The owner takes the share back: the coach's devices drop the client. */
  'client.unshare': rule({ schema: clientUnshareSchema, entity: 'clients', client: { arg: 'id' }, reads: byId, who: OWNER_ONLY, consents: [] }),

  // Advice records kept after erasure (core/retention.ts): restricted, and read only through a logged disclosure.
  /**
   * A restricted advice record disclosed to the client or an authority. It is
   * about an erased client, so it writes no record: the device and the backend
   * each log it, and the backend checks the issuer had the client (access is
   * kept after erasure, nothing else). Not in the plan's path on the backend.
   */
  'advice.disclose': rule({ schema: adviceDiscloseSchema, entity: 'adviceRecords', client: { arg: 'clientId' }, reads: () => [], who: CLIENT_WORK, consents: [] }),
} as const;

export type MutationName = keyof typeof REGISTRY;
export const MUTATION_NAMES = Object.keys(REGISTRY) as MutationName[];

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(REGISTRY, name);
}

/** The consents this mutation needs with these (raw, not yet validated) arguments. */
export function consentsNeeded(name: MutationName, args: unknown): readonly ConsentPurpose[] {
  const { consents } = REGISTRY[name] as MutationRule;
  return typeof consents === 'function' ? consents(args) : consents;
}

/** A refusal because of who issues the mutation or what the client agreed to, as a field problem. */
export type IssueCode = 'role_not_allowed' | 'owner_only' | 'mandate_coach_only' | 'consent_missing';

/**
 * How the issuer stands to what the mutation is about. `clientAccess` is the
 * issuer's access to the client (null: none, or the client is not there);
 * `record` the record the mutation changes, when it names its client through
 * one; `isMe` says whether a user id is the issuer's.
 */
export function accessOf(name: MutationName, facts: { clientAccess: 'owner' | 'shared' | null; clientExists: boolean; record: Fields | null; isMe(id: unknown): boolean }): Set<Access> {
  const via = REGISTRY[name].client;
  const access = new Set<Access>();
  // A client made by this mutation is the issuer's own.
  if ('arg' in via && via.creates && !facts.clientExists) access.add('owner');
  if (facts.clientAccess) access.add(facts.clientAccess);
  if ('record' in via && via.record === 'mandates' && facts.record && facts.isMe(facts.record.coachId)) access.add('coach');
  return access;
}

/** The refusal for access that does not suffice: named after the narrowest access the kind allows. */
function accessRefusal(allowed: readonly Access[]): IssueCode {
  return allowed.includes('coach') && !allowed.includes('shared') ? 'mandate_coach_only' : 'owner_only';
}

/**
 * Whether this issuer may issue the mutation, checked in the order role,
 * access, consent. Before the client is known (`access` not given) only the
 * role is checked; the plan then refuses a client that is not there.
 */
export function issueProblem(name: MutationName, issuer: { roles: readonly string[]; access?: ReadonlySet<Access>; consents?: readonly ConsentEntry[] }, args?: unknown): FieldProblem | null {
  const { who } = REGISTRY[name];
  const consents = consentsNeeded(name, args);
  if (!who.roles.some((r) => issuer.roles.includes(r))) {
    return { field: 'role', code: 'role_not_allowed', params: { roles: who.roles.join(', ') } };
  }
  if (issuer.access && !who.access.some((a) => issuer.access!.has(a))) {
    return { field: 'client', code: accessRefusal(who.access) };
  }
  // Once the client is known its consents count: none given means none in force.
  if (issuer.access && consents.length > 0) {
    const inForce = consentInForce([...(issuer.consents ?? [])]);
    const missing = consents.find((p) => !inForce[p]);
    if (missing) return { field: missing, code: 'consent_missing', params: { purpose: missing } };
  }
  return null;
}
