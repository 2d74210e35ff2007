// What the renderer reads. Plain data, no database types: the renderer never
// sees how the book is stored.
import { z } from 'zod';
import { ROLES } from '#core/roles.ts';
import { adviceContent } from '#core/advice.ts';
import { catalogueDocument } from '#core/manufacturer.ts';
import { RuleSetSchema } from '#core/segments/index.ts';
import { CONSENT_PURPOSES } from '#core/consent.ts';
import { VALUE_TIERS } from '#core/manufacturer.ts';
import { SEGMENT_IDS } from '#core/segments/ids.ts';
import { CONCLUSION_KINDS } from '#core/conclusions.ts';

export const userView = z.object({
  id: z.string(), displayName: z.string(), roles: z.array(z.enum(ROLES)), locale: z.enum(['de', 'en']),
});

/** The settings screen's facts: from the shell (version, data folder) and from sync (who decides the roles). */
export const aboutView = z.object({
  version: z.string(),
  /** Where the book and its key live; null when the shell does not say. */
  dataDir: z.string().nullable(),
  mode: z.enum(['desktop', 'browser']),
  /** 'device' before enrolment; 'manufacturer' once enrolled, when the backend's roles hold. */
  rolesSetBy: z.enum(['device', 'manufacturer']),
  /** The roles the manufacturer gives this person, as of the last sync (enrolment before the first), when known. */
  manufacturerRoles: z.array(z.string()).nullable(),
});
export type AboutView = z.infer<typeof aboutView>;

export const clientSummary = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  street: z.string().nullable(),
  lastContactAt: z.number().nullable(),
});

export const clientView = clientSummary.extend({
  phone: z.string().nullable(),
  birthDate: z.string().nullable(),
  householdSize: z.number().nullable(),
  household: z.string().nullable(),
  notes: z.string().nullable(),
  /** The digital target group and adoption step (core/adoption.ts); null until the advisor sets them. */
  digitalGroup: z.string().nullable(),
  adoptionStep: z.string().nullable(),
  /** Who the owner shared the client with, and the owner's name (null until the client was first shared). */
  sharedWith: z.array(z.object({ userId: z.string(), displayName: z.string() })),
  ownerName: z.string().nullable(),
  version: z.number(),
  updatedAt: z.number(),
});

export const touchpointView = z.object({
  id: z.string(), kind: z.string(), channel: z.string(), direction: z.string(),
  occurredAt: z.number(), summary: z.string(), outcome: z.string().nullable(), refId: z.string().nullable(),
  /** For an offer: what was offered and what became of it, as codes and the offer's names, to be said in the UI's language. */
  offer: z.object({
    offerId: z.string(), name: z.object({ de: z.string(), en: z.string() }).nullable(),
    outcome: z.string(), reasonCode: z.string().nullable(), note: z.string().nullable(),
  }).nullable().optional(),
  /** For a purchase under a mandate (same id): the products bought, with their names, and the price. */
  purchase: z.object({
    items: z.array(z.object({ id: z.string(), name: z.object({ de: z.string(), en: z.string() }).nullable() })), priceCents: z.number(),
  }).nullable().optional(),
});

export const taskView = z.object({
  id: z.string(), clientId: z.string(), title: z.string(), dueDate: z.string().nullable(),
  notes: z.string().nullable(), doneAt: z.number().nullable(),
});

export const answerView = z.object({
  attribute: z.string(),
  value: z.union([z.string(), z.array(z.string())]).nullable(),
  answeredBy: z.string(),
  answeredAt: z.number(),
  meetingId: z.string().nullable(),
});

export const meetingView = z.object({
  id: z.string(), clientId: z.string(), startedAt: z.number(), endedAt: z.number().nullable(),
  reason: z.string().nullable(), wishes: z.string().nullable(), riskSituation: z.string().nullable(), notes: z.string().nullable(),
  advice: z.string().nullable(), decision: z.string().nullable(), nps: z.number().nullable(), ces: z.number().nullable(),
});

export const consentState = z.record(z.enum(CONSENT_PURPOSES), z.boolean());

export const consentView = z.object({
  id: z.string(), purpose: z.enum(CONSENT_PURPOSES), granted: z.boolean(), method: z.string(),
  note: z.string().nullable(), recordedAt: z.number(),
  /** Who recorded it: the person at this device, or by name (null: someone this device knows no name for). */
  recordedByMe: z.boolean(), recordedByName: z.string().nullable(),
});

export const mandateView = z.object({
  id: z.string(), clientId: z.string(), coachId: z.string(), budgetCents: z.number(), period: z.string(), areas: z.array(z.string()),
  perPurchaseCapCents: z.number(), validFrom: z.string(), validUntil: z.string().nullable(), revokedAt: z.number().nullable(),
});

export const conclusionView = z.object({
  id: z.string(), kind: z.enum(CONCLUSION_KINDS), value: z.string(), source: z.enum(['rule', 'advisor']),
  status: z.enum(['unconfirmed', 'confirmed', 'rejected']), decidedAt: z.number(), decidedBy: z.string(),
  ruleSetVersion: z.string().nullable(), reason: z.string().nullable(), inputs: z.record(z.string(), z.unknown()),
  statusAt: z.number().nullable(), statusNote: z.string().nullable(),
});

/** What the segment hint needs besides the live ranking: consent, the conclusions so far, the segment in force. */
export const segmentState = z.object({
  profiling: z.boolean(),
  conclusions: z.array(conclusionView),
  effective: z.object({ segment: z.string(), conclusionId: z.string(), source: z.enum(['rule', 'advisor']), status: z.enum(['unconfirmed', 'confirmed']) }).nullable(),
});

export const adviceVersionView = z.object({
  recordVersion: z.number(), contentHash: z.string(), previousHash: z.string().nullable(),
  deliveredAt: z.number().nullable(), deliveryChannel: z.string().nullable(), createdAt: z.number().nullable(),
  content: adviceContent,
});
export const adviceView = z.object({
  meetingId: z.string(), clientId: z.string(),
  versions: z.array(adviceVersionView),
  /** The chain checked now, on this device: unchanged, or where it was changed. */
  chain: z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), version: z.number(), problem: z.enum(['gap', 'link', 'content']) })]),
});
export type AdviceView = z.infer<typeof adviceView>;

export const offerInputsView = z.object({
  catalogue: catalogueDocument,
  ruleSet: RuleSetSchema,
  propensities: z.object({ version: z.string(), learnedAt: z.string(), rates: z.record(z.string(), z.record(z.string(), z.number())) }).nullable(),
  owned: z.array(z.string()),
  mandate: z.object({ budget_remaining: z.number(), areas: z.array(z.string()).readonly(), per_purchase_cap: z.number() }).nullable(),
  /** contact false: no offer is proposed, the panel says why (core/offers: mayPropose). */
  consent: z.object({ profiling: z.boolean(), contact: z.boolean() }),
  override: z.string().nullable(),
  rejected: z.array(z.string()),
  /** What was decided in this meeting and not taken back, in order: shown with an undo while the meeting runs. */
  decided: z.array(z.object({ id: z.string(), offerId: z.string(), outcome: z.string(), reasonCode: z.string().nullable(), note: z.string().nullable() })),
});
export type OfferInputsView = z.infer<typeof offerInputsView>;

export const clientDetail = z.object({
  client: clientView,
  /** The person using the device owns the client (else it was shared with them): only the owner shares it. */
  owned: z.boolean(),
  answers: z.array(answerView),
  consent: consentState,
  consentHistory: z.array(consentView),
  timeline: z.array(touchpointView),
  tasks: z.array(taskView),
  meetings: z.array(meetingView),
  mandates: z.array(mandateView),
});

/** The whole book at a glance: clients per segment in force, per value tier, and the forecast moves. */
export const bookPictureView = z.object({
  total: z.number(),
  bySegment: z.array(z.object({ segment: z.enum(SEGMENT_IDS), count: z.number() })),
  unsegmented: z.number(),
  byTier: z.array(z.object({ tier: z.enum(VALUE_TIERS), count: z.number() })),
  unassessed: z.number(),
  migrations: z.array(z.object({ from: z.enum(SEGMENT_IDS), to: z.enum(SEGMENT_IDS), count: z.number() })),
});
export type BookPictureView = z.infer<typeof bookPictureView>;

export { holdingView, productView, tierView, type HoldingView, type ProductView, type TierView } from './tiers.ts';

/** The directory of life coaches this device holds, without the person using it, and when it came (null: never synced). */
export const coachDirectoryView = z.object({
  people: z.array(z.object({ id: z.string(), displayName: z.string() })),
  updatedAt: z.number().nullable(),
  /** Connected to the manufacturer: only then can a client be shared. */
  enrolled: z.boolean(),
});
export type CoachDirectoryView = z.infer<typeof coachDirectoryView>;

export const saved = z.object({ id: z.string(), clientId: z.string(), version: z.number(), savedAt: z.number() });

export type UserView = z.infer<typeof userView>;
export type ClientSummary = z.infer<typeof clientSummary>;
export type ClientView = z.infer<typeof clientView>;
export type ClientDetail = z.infer<typeof clientDetail>;
export type TouchpointView = z.infer<typeof touchpointView>;
export type TaskView = z.infer<typeof taskView>;
export type AnswerView = z.infer<typeof answerView>;
export type MeetingView = z.infer<typeof meetingView>;
export type Saved = z.infer<typeof saved>;
export type MandateView = z.infer<typeof mandateView>;
export type ConclusionView = z.infer<typeof conclusionView>;
export type SegmentState = z.infer<typeof segmentState>;

/** Where sync stands, for the status line and the "needs attention" list. */
export const syncStatusView = z.object({
  phase: z.enum(['not_enrolled', 'offline', 'syncing', 'up_to_date', 'needs_attention', 'clock_ahead', 'revoked']),
  progress: z.object({ pushed: z.number(), toPush: z.number(), pulled: z.number(), fullResync: z.boolean() }).nullable(),
  lastSyncedAt: z.number().nullable(),
  nextAttemptAt: z.number().nullable(),
  message: z.string().nullable(),
  /** The kind of what went wrong last, for the UI to say in its language (message is English). */
  problem: z.enum(['offline', 'revoked', 'unauthorized', 'gap', 'protocol', 'rate_limited']).nullable(),
  backendUrl: z.string().nullable(),
  pending: z.number(),
  refused: z.array(z.object({
    seq: z.number(), name: z.string(), clientId: z.string().nullable(), code: z.string(), message: z.string(), at: z.number(),
    conflict: z.object({
      mandateId: z.string(),
      fields: z.array(z.object({ field: z.string(), yours: z.number(), current: z.number().nullable() })),
    }).nullable(),
    /** A purchase another one beat to the mandate's budget: what it would take, and what the period has left now. */
    budget: z.object({ mandateId: z.string(), chargeCents: z.number().nullable(), spentCents: z.number(), leftCents: z.number(), budgetCents: z.number() }).nullable(),
  })),
  /** This computer's clock is this many minutes ahead of the manufacturer's, too far for changes to be sent; null when it is not. */
  clockAheadMinutes: z.number().nullable(),
});
export type SyncStatusView = z.infer<typeof syncStatusView>;
