// The one typed contract between the renderer and the workstation core.
// Served over Electron IPC (a MessagePort) in the desktop app and over HTTP on
// 127.0.0.1 in browser mode; the transport never changes what is said.
import { eventIterator, isContractProcedure, oc } from '@orpc/contract';
import { z } from 'zod';
import { clientFields } from '#core/client.ts';
import { CORRECTABLE_FIELDS, correctionSchema } from '#core/correction.ts';
import { consentRecordSchema } from '#core/consent.ts';
import { adviceDeliverSchema, offerOutcomeSchema, offerUndoSchema } from '#core/advice.ts';
import { conclusionReviewSchema } from '#core/conclusions.ts';
import { mandateGrantSchema, mandateRevokeSchema, mandateUpdateSchema } from '#core/mandate.ts';
import { RuleSetSchema, SEGMENT_IDS } from '#core/segments/index.ts';
import { answerSetSchema, meetingUpdateSchema } from '#core/meeting.ts';
import { ROLES } from '#core/roles.ts';
import { backendUrlSchema } from '#core/sync/backend-url.ts';
import { taskAddSchema, taskUpdateSchema } from '#core/task.ts';
import { touchpointAddSchema } from '#core/touchpoint.ts';
import { holdingAddSchema, holdingEndSchema } from '#core/holding.ts';
import { clientShareSchema, clientUnshareSchema } from '#core/share.ts';
import { optionalText, requiredText, uuid } from '#core/validate.ts';
import {
  aboutView, adviceView, bookPictureView, coachDirectoryView, offerInputsView, clientDetail, clientSummary, meetingView, saved, segmentState, syncStatusView, taskView, userView,
} from './views.ts';
import { productView, tierView } from './tiers.ts';
import { alertActions, clientPurchasesView, inboxFilter, inboxView, mandateClientView, purchaseCheckView, purchaseInput } from './coach.ts';
import { touchpointAddSchema as contactSchema } from '#core/touchpoint.ts';
import { clientRetentionView, disclosedRecordView, restrictedDiscloseInput, restrictedFindInput, restrictedHitView, restrictedSummaryView } from './retention.ts';
import { appointmentCancelInput, appointmentPlanInput, appointmentUpdateInput, appointmentView, calendarInput, calendarView, dayInput, dayView, ofClientInput } from './day.ts';
import { feedbackRecordSchema } from '#core/satisfaction.ts';
import { feedbackView, satisfactionInput, satisfactionView } from './satisfaction.ts';
import { formFile, formMakeInput, formPreview, formReadInput, formTakeInput, formTaken } from './self-assessment.ts';
import { applyEvents, listApplyInput, listCheckInput, listCheckView, listExportInput, listExportView, listOpenInput, openEvents } from './lists.ts';
import { approvalsInput, approvalView, quoteInput, quoteView, ratingView, recordSaleInput, requestApprovalInput, retailProductView, salesInput, saleView } from './retail.ts';

const locale = z.enum(['de', 'en']);
const storedValue = z.union([z.string(), z.number(), z.null()]);
const correctionView = z.object({
  id: z.string(), recordedAt: z.number(), recordedByName: z.string().nullable(),
  changes: z.array(z.object({ field: z.enum(CORRECTABLE_FIELDS), before: storedValue, after: storedValue })),
});

/**
 * Every procedure says whether it changes anything, so no caller has to guess
 * from its name: the renderer refreshes what depends on the book after writes,
 * and a test calls every read against a full book and finds nothing changed.
 */
export interface ProcedureMeta { writes: boolean }
const read = oc.$meta<ProcedureMeta>({ writes: false });
const write = oc.$meta<ProcedureMeta>({ writes: true });
/** Ids are made where the change is made, so a retried call cannot create twice. */
const newId = { id: uuid.optional() };

export const contract = {
  session: {
    status: read.output(z.object({
      user: userView.nullable(),
      clients: z.number(),
      pendingChanges: z.number(),
      mode: z.enum(['desktop', 'browser']),
    })),
    setup: write
      .input(z.object({
        displayName: z.string().trim().min(1, { error: 'required' }).max(100, { error: 'too_long' }),
        roles: z.array(z.enum(ROLES)).min(1, { error: 'required' }),
        locale,
        demoBook: z.boolean(),
      }))
      .output(userView),
    setLocale: write.input(z.object({ locale })).output(userView),
    /** What the settings screen shows besides the user: the app's version, where its data lives, who decides the roles. */
    about: read.output(aboutView),
    /** The user's roles, changed on this device: only while it is not enrolled (then the manufacturer decides them). */
    setRoles: write.input(z.object({ roles: z.array(z.enum(ROLES, { error: 'unknown_value' })).min(1, { error: 'required' }) })).output(userView),
  },
  clients: {
    list: read
      .input(z.object({
        query: z.string().max(200, { error: 'too_long' }).default(''),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      }))
      .output(z.object({ items: z.array(clientSummary), total: z.number() })),
    get: read.input(z.object({ id: uuid })).output(clientDetail),
    /**
     * Everything held about the client, as a JSON file for them (access and portability): online reconciled with the
     * manufacturer's copy, offline this device's, saying so.
     */
    export: read.input(z.object({ clientId: uuid })).output(z.object({ filename: z.string(), json: z.string(), source: z.enum(['this_device', 'this_device_and_manufacturer']) })),
    /** The corrections the client asked for, newest first, with who made them. */
    corrections: read.input(z.object({ clientId: uuid })).output(z.array(correctionView)),
    /** The same as a PDF a client can read, in German or English. */
    exportPdf: read.input(z.object({ clientId: uuid, language: locale.default('de') }))
      .output(z.object({ filename: z.string(), base64: z.string(), source: z.enum(['this_device', 'this_device_and_manufacturer']) })),
    create: write.input(z.object({ ...newId, ...clientFields })).output(saved),
    /** With `correction`, the change is recorded as a correction the client asked for (before, after, who, when). */
    update: write.input(z.object({ id: uuid, patch: z.object(clientFields).partial().strict(), correction: correctionSchema.partial({ id: true }).optional() })).output(saved),
    delete: write.input(z.object({ id: uuid })).output(saved),
    /** The client's right to erasure: everything about them, here, at the backend and on every device. */
    erase: write.input(z.object({ id: uuid })).output(saved),
  },
  meetings: {
    start: write.input(z.object({ ...newId, clientId: uuid, reason: optionalText(500) })).output(saved),
    get: read.input(z.object({ id: uuid })).output(meetingView),
    update: write.input(meetingUpdateSchema).output(saved),
    end: write.input(z.object({ id: uuid })).output(saved),
  },
  answers: {
    set: write.input(answerSetSchema).output(saved.extend({ attribute: z.string() })),
  },
  touchpoints: {
    add: write.input(touchpointAddSchema.partial({ id: true })).output(saved),
  },
  tasks: {
    add: write.input(taskAddSchema.partial({ id: true })).output(saved),
    update: write.input(taskUpdateSchema).output(saved),
    open: read.output(z.array(taskView.extend({ clientName: z.string() }))),
  },
  consents: {
    record: write.input(consentRecordSchema.partial({ id: true })).output(saved),
  },
  segments: {
    /** The rule set in use on this device, so the meeting can rank as the answers are typed. */
    ruleSet: read.output(RuleSetSchema),
    state: read.input(z.object({ clientId: uuid })).output(segmentState),
    /** The advisor sets the segment by hand (stage 1): it wins everywhere, with the reason kept. */
    override: write.input(z.object({ clientId: uuid, segment: z.enum(SEGMENT_IDS, { error: 'unknown_value' }), reason: requiredText(500) })).output(saved),
  },
  conclusions: {
    /** The client confirms or rejects what was concluded about them. */
    review: write.input(conclusionReviewSchema).output(saved),
  },
  book: {
    /** Clients per segment and value tier, and the forecast migrations: the dashboard's figures. */
    picture: read.output(bookPictureView),
    /** NPS and CES per month over the last months, overall, per segment and per value tier. */
    satisfaction: read.input(satisfactionInput).output(satisfactionView),
  },
  offers: {
    /** Everything the offers panel ranks with; the ranking runs live where the answers are typed. */
    inputs: read.input(z.object({ clientId: uuid, meetingId: uuid.optional() })).output(offerInputsView),
    /** Accepted, rejected or postponed, with the client's reason: a touchpoint, and what the manufacturer learns from. */
    outcome: write.input(offerOutcomeSchema).output(saved),
    /** Takes back a decision of the running meeting: it counts nowhere any more. */
    undo: write.input(offerUndoSchema).output(saved),
  },
  advice: {
    get: read.input(z.object({ meetingId: uuid })).output(adviceView),
    /** Makes the next version from what the meeting holds now, if anything changed (a correction). */
    make: write.input(z.object({ meetingId: uuid, language: locale })).output(adviceView),
    /** Handed over, printed or sent: the version is frozen from now on. */
    deliver: write.input(adviceDeliverSchema).output(adviceView),
    /** A version as PDF; its headings and fixed words in the language asked for (the record's own by default), the advisor's text as written. */
    pdf: read.input(z.object({ meetingId: uuid, recordVersion: z.number().int().min(1), language: z.enum(['de', 'en']).optional() }))
      .output(z.object({ filename: z.string(), base64: z.string() })),
  },
  catalogue: {
    /** The product areas of the catalogue this device holds (empty before the first sync brought one). */
    areas: read.output(z.array(z.string())),
    /** The products a holding can be added from: the synced catalogue, or the shipped demo one before the first sync. */
    products: read.output(z.array(productView)),
  },
  holdings: {
    add: write.input(holdingAddSchema.partial({ id: true })).output(saved),
    end: write.input(holdingEndSchema).output(saved),
  },
  tiers: {
    /** The client's value tier, its criteria, gap, lifetime value and history (the tier is recorded when answers or holdings change it). */
    get: read.input(z.object({ clientId: uuid })).output(tierView),
  },
  /** The life coach's inbox of assistant alerts (coach.md). */
  alerts: {
    inbox: read.input(z.object({
      filter: inboxFilter.default('open'), urgentOnly: z.boolean().default(false), lang: locale,
      limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0),
    })).output(inboxView),
    snooze: write.input(alertActions.snooze).output(saved),
    dismiss: write.input(alertActions.dismiss).output(saved),
    /** The coach contacted the client about it: a touchpoint on the timeline, and the alert is done. */
    contact: write.input(z.object({ alertId: uuid, touchpoint: contactSchema.omit({ clientId: true, refId: true }).partial({ id: true }) })).output(saved),
    /** An offer was put to the client: its outcome is recorded, and the alert is done. */
    propose: write.input(z.object({
      alertId: uuid,
      // Checked in full by the store against offer.outcome's schema (core/advice.ts), which names each wrong field.
      outcome: z.object({
        id: uuid.optional(), offerId: z.string().max(80), offerKind: z.string().max(40), outcome: z.string().max(40),
        reasonCode: z.string().max(40).nullable().optional(), note: optionalText(500), summary: z.string().max(300),
      }),
    })).output(saved),
    /** The client rejects what the alert concluded: the alert is done and this event brings no alert for a while (coach.md, rule 2). */
    rejectConclusion: write.input(z.object({ alertId: uuid })).output(saved),
  },
  purchases: {
    /** What buying these would be under the mandate, decided as the store and the backend will. */
    check: read.input(purchaseInput).output(purchaseCheckView),
    make: write.input(purchaseInput.extend({ id: uuid.optional(), alertId: uuid.nullable().optional() })).output(saved),
    ofClient: read.input(z.object({ clientId: uuid })).output(clientPurchasesView),
  },
  coach: {
    /** The clients who gave this coach a mandate, with the budget left in the current period. */
    clients: read.output(z.array(mandateClientView)),
  },
  /** Meetings planned with clients; a meeting started from its plan; the plan as a calendar file. */
  appointments: {
    plan: write.input(appointmentPlanInput).output(saved),
    update: write.input(appointmentUpdateInput).output(saved),
    cancel: write.input(appointmentCancelInput).output(saved),
    /** Starts the planned meeting (or joins the client's running one) and links it to the plan. */
    start: write.input(z.object({ id: uuid })).output(z.object({ meetingId: z.string() })),
    ofClient: read.input(ofClientInput).output(z.array(appointmentView)),
    calendar: read.input(calendarInput).output(calendarView),
  },
  /** NPS and CES after a purchase under a mandate or a sale at a retailer. */
  feedback: {
    record: write.input(feedbackRecordSchema).output(saved),
    ofClient: read.input(z.object({ clientId: uuid })).output(z.array(feedbackView)),
  },
  /** The start screen "Heute": the day's planned meetings, tasks due and alerts waiting. */
  day: { view: read.input(dayInput).output(dayView) },
  /** Client lists in and out: open a CSV or Excel file, check its rows against the book, import them; export the book or a search. */
  lists: {
    /** Reads the file (progress as it goes), then its columns, the mapping recognised and the first rows. Changes nothing. */
    open: read.input(listOpenInput).output(openEvents),
    check: read.input(listCheckInput).output(listCheckView),
    /** Imports every row the check accepts in one transaction: all of them, or (on failure) none. */
    apply: write.input(listApplyInput).output(applyEvents),
    export: read.input(listExportInput).output(listExportView),
  },
  /** The self-assessment form: the profile's questions as a fillable PDF for the client, read back and taken as their answers. */
  selfAssessment: {
    make: read.input(formMakeInput).output(formFile),
    /** What the returned form answers beside what the profile holds; changes nothing. A form changed other than by filling it in, or of another client, is refused. */
    read: read.input(formReadInput).output(formPreview),
    /** Takes the answers that change something as given by the client, with a timeline entry: all in one transaction. */
    take: write.input(formTakeInput).output(formTaken),
  },
  /** The retailer's sale at a chosen price within the granted range, approval requests, and the rating (retail.md). */
  retail: {
    /** The catalogue's products with the range this device holds for each (else the list price), and their variants. */
    products: read.output(z.array(retailProductView)),
    /** What a sale at this price would be: decided as the store and the backend will, with any approval for it. */
    quote: read.input(quoteInput).output(quoteView),
    /** The sale: a holding and a timeline entry; refused outside the range without an approval in force. */
    recordSale: write.input(recordSaleInput).output(saved),
    /** A price the range does not allow, asked of the manufacturer with its reason. */
    requestApproval: write.input(requestApprovalInput).output(saved),
    /** Newest first; of one client when named. */
    sales: read.input(salesInput).output(z.array(saleView)),
    approvals: read.input(approvalsInput).output(z.array(approvalView)),
    /** The rating by data contribution as the backend last sent it; null before it sent one. */
    rating: read.output(ratingView),
  },
  mandates: {
    grant: write.input(mandateGrantSchema).output(saved),
    update: write.input(mandateUpdateSchema).output(saved),
    revoke: write.input(mandateRevokeSchema).output(saved),
  },
  sharing: {
    /** The life coaches a client can be shared with, as of the last sync (so the choice works offline). */
    coaches: read.output(coachDirectoryView),
    /** The owner shares the client with a life coach: the coach's devices receive the client at their next sync. */
    share: write.input(clientShareSchema).output(saved),
    /** The owner takes the share back: the coach's devices drop the client at their next sync. */
    unshare: write.input(clientUnshareSchema).output(saved),
  },
  // Advice records kept after erasure (core/retention.ts): never listed by name, shown only once a disclosure is logged.
  retention: {
    /** How many restricted records this device keeps, and until when. */
    summary: read.output(restrictedSummaryView),
    /** The client's advice records that an erasure would keep restricted, for the erase dialog. */
    ofClient: read.input(z.object({ clientId: uuid })).output(clientRetentionView),
    /** Restricted records by the client's name (and birth date) or the record's checksum: no content. */
    find: read.input(restrictedFindInput).output(z.array(restrictedHitView)),
    /** Logs the disclosure (here and, at the next sync, at the manufacturer), then shows the record. */
    disclose: write.input(restrictedDiscloseInput).output(disclosedRecordView),
    /** A disclosed record as PDF: only under a disclosure logged for it. */
    pdf: read.input(z.object({ disclosureId: uuid, language: locale.optional() })).output(z.object({ filename: z.string(), base64: z.string() })),
  },
  sync: {
    status: read.output(syncStatusView),
    /** The status again whenever it changes (and at least every 15 s while nothing does); the stream breaks when the core goes away. */
    watch: read.output(eventIterator(syncStatusView)),
    /** Sync at once; answers when the round is done (or failed), with the status it left. */
    now: write.output(syncStatusView),
    enrol: write
      .input(z.object({
        url: backendUrlSchema,
        code: requiredText(64),
        deviceName: requiredText(100),
      }))
      .output(syncStatusView),
    /** The user has read these refusals. */
    dismiss: write.input(z.object({ seqs: z.array(z.number().int()).min(1).max(1000) })).output(syncStatusView),
    /** A money conflict decided: make this user's change again over what holds now, or keep what holds. */
    resolve: write.input(z.object({ seq: z.number().int(), keep: z.enum(['mine', 'current']) })).output(syncStatusView),
  },
};

export type Contract = typeof contract;

/** Whether the procedure at this path changes anything; an unknown path counts as a write, so nothing stale is kept. */
export function procedureWrites(path: readonly string[]): boolean {
  let node: unknown = contract;
  for (const key of path) node = node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  return isContractProcedure(node) ? (node['~orpc'].meta as ProcedureMeta).writes : true;
}
