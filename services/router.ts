// The workstation's application services: the contract, implemented over the
// local store. No transport here; hosts (Electron IPC, browser mode) serve it.
import { implement, ORPCError } from '@orpc/server';
import { v7 as uuidv7 } from 'uuid';
import { contract } from '#contract/index.ts';
import { countClients, getClient, getLocalUser, getMeeting, listClients, openTasks, runningMeetingOf } from '#db/queries.ts';
import { manufacturerDocument } from '#db/manufacturer.ts';
import { bookPicture } from '#db/book.ts';
import { localUser } from '#db/schema.ts';
import type { Store } from '#db/store.ts';
import { eq } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import { ROLES, type Role } from '#core/roles.ts';
import { effectiveSegment } from '#core/conclusions.ts';
import { conclusionsOf, consentOf, profileOf } from '#db/profile.ts';
import { verifyChain } from '#core/advice.ts';
import type { AdviceView } from '#contract/views.ts';
import { adviceVersions } from '#db/advice.ts';
import { buildAdviceContent, makeAdviceVersion } from './advice.ts';
import { renderAdvicePdf } from './advice-pdf.ts';
import { resolveMoneyConflict } from './conflicts.ts';
import { offerInputs } from './offers.ts';
import { buildClientExport, exportFilename, exportJson, type ExportSync } from './export.ts';
import { renderExportPdf } from './export-pdf.ts';
import { correctionsOf } from './corrections.ts';
import { alertsWaiting, checkPurchase, clientPurchases, coachClients, contactAbout, inbox, makePurchase, proposeFor, rejectAlertConclusion } from './coach.ts';
import { listApprovals, listSales, quote, recordSale, requestApproval, retailProducts, retailRating } from './retail.ts';
import { berlinDay } from '#core/dates.ts';
import { concludeFromAnswers, currentRuleSet } from './segments.ts';
import { Deriver, type DeriveTiming } from './derive.ts';
import { publicEvents, toPublicError } from './errors.ts';
import { withOfferWords } from './timeline.ts';
import { currentCatalogue, yearlyListCents } from './catalogue.ts';
import { checkHolding, recordValueTier, valueTierView } from './tiers.ts';
import type { SyncEngine } from './sync/engine.ts';
import { watchSyncStatus } from './sync/watch.ts';
import { ClientLists } from './client-list.ts';
import { dayView, plannedCalendar, startPlanned } from './day.ts';
import { satisfactionTrend } from './satisfaction.ts';
import { SelfAssessments } from './self-assessment.ts';
import { feedbackOfClient } from '#db/satisfaction.ts';
import { appointmentsOfClient } from '#db/appointments.ts';
import { heldDirectory } from './sync/directory.ts';
import { restrictedSummary } from '#db/retention.ts';
import { clientRetention, disclosedPdf, discloseRecord, findRestrictedRecords } from './retention.ts';
import { withRecorders } from './consent-history.ts';
import type { Language } from '#core/language.ts';

export interface RouterDeps {
  store: Store;
  mode: 'desktop' | 'browser';
  /** What the shell knows about itself: the app's version and the data folder. */
  about?: { version: string; dataDir: string };
  loadDemoBook: (owner: { id: string; displayName: string }) => void;
  sync: SyncEngine;
  /** When owed conclusions are drawn by themselves (derive.ts); tests slow it down to look in between. */
  deriveTiming?: DeriveTiming;
}

/** The one call that does not wait for owed conclusions: an answer typed in a meeting. */
const KEYSTROKE = 'answers.set';

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

const os = implement(contract).$context<Record<never, never>>();

/** Domain errors become BAD_REQUEST with problems, thrown from inside the procedure. */
const guarded = os.middleware(async ({ next }) => {
  try {
    return await next();
  } catch (error) {
    throw toPublicError(error);
  }
});

/**
 * Work that follows a saved change but must never undo or fail it (drawing
 * conclusions after an answer): the answer is already safe when this runs.
 */
function afterward(work: () => void): void {
  try {
    work();
  } catch (error) {
    console.error('after a saved change:', error);
  }
}

function notFound(what: string): never {
  throw new DomainError([{ field: what, code: 'not_found' }]);
}

export function createRouter({ store, mode, loadDemoBook, sync, about, deriveTiming }: RouterDeps) {
  const { db, sqlite } = store;
  const userView = () => {
    const u = getLocalUser(db);
    // The roles that count on this device: the backend's once enrolled (the store checks changes against the same).
    // The backend may know roles the workstation has no use for (admin): those are not the user's workspaces.
    const roles = (sync.backendRoles() ?? u?.roles ?? []).filter(isRole);
    return u && { id: u.id, displayName: u.displayName, roles, locale: u.locale as Language };
  };
  /** Every id the person goes by: the local one (made at set-up) and the backend's. */
  const myIds = () => new Set([getLocalUser(db)?.id, sync.backendUserId()].filter((id): id is string => id !== undefined));
  // Conclusions and the value tier follow answers and consents just after the reply (derive.ts);
  // owed ones a killed app left behind are drawn now. Every call but the keystroke itself draws what
  // is owed first, so nothing reads or changes a client on conclusions older than its answers.
  const deriver = new Deriver(store, (clientId) => { concludeFromAnswers(store, clientId); recordValueTier(store, clientId); }, deriveTiming);
  deriver.resume();
  const drawnFirst = os.middleware(({ path, next }) => {
    if (path.join('.') !== KEYSTROKE) deriver.flush();
    return next();
  });
  const base = os.use(guarded).use(drawnFirst);
  const lists = new ClientLists(store);
  const forms = new SelfAssessments(store, (clientId, change) => deriver.save(clientId, change));
  /** The person's roles: the backend's once enrolled, else those chosen at set-up. */
  const isCoach = () => (sync.backendRoles() ?? getLocalUser(db)?.roles ?? []).includes('life_coach');
  const exportSync: ExportSync = {
    backendExport: (clientId) => sync.backendExport(clientId),
    lastSyncedAt: () => sync.lastSyncedAt(),
    enrolled: () => sync.enrolled(),
    me: () => ({ ids: [...myIds()], displayName: sync.backendUserName() ?? getLocalUser(db)?.displayName }),
  };
  const offerName = (id: string, lang: Language) => {
    const c = currentCatalogue(store).body;
    return (c.products.find((p) => p.id === id) ?? c.bundles.find((b) => b.id === id))?.name[lang] ?? id;
  };
  const adviceView = (meetingId: string) => {
    const meeting = getMeeting(db, meetingId) ?? notFound('meeting');
    const versions = adviceVersions(db, meetingId);
    return { meetingId, clientId: meeting.clientId, versions: versions as AdviceView['versions'], chain: verifyChain(versions) };
  };

  return os.router({
    session: {
      status: base.session.status.handler(() => ({
        user: userView(), clients: countClients(db), pendingChanges: store.pendingCount(), mode,
      })),
      setup: base.session.setup.handler(({ input }) => {
        if (getLocalUser(db)) throw new ORPCError('CONFLICT', { message: 'This workstation is already set up.' });
        const id = uuidv7();
        store.transaction(() => {
          db.insert(localUser).values({ id, displayName: input.displayName, roles: input.roles, locale: input.locale, createdAt: Date.now() }).run();
          if (input.demoBook) loadDemoBook({ id, displayName: input.displayName });
        });
        // Enrolled already (npm start's demo backend enrols before anyone is set up): changes stay in the name the backend knows.
        store.userId = sync.backendUserId() ?? id;
        return userView()!;
      }),
      setLocale: base.session.setLocale.handler(({ input }) => {
        const u = getLocalUser(db) ?? notFound('user');
        db.update(localUser).set({ locale: input.locale }).where(eq(localUser.id, u.id)).run();
        return userView()!;
      }),
      about: base.session.about.handler(() => ({
        version: about?.version ?? 'unknown',
        dataDir: about?.dataDir ?? null,
        mode,
        rolesSetBy: sync.enrolled() ? 'manufacturer' as const : 'device' as const,
        manufacturerRoles: sync.backendRoles()?.filter(isRole) ?? null,
      })),
      setRoles: base.session.setRoles.handler(({ input }) => {
        const u = getLocalUser(db) ?? notFound('user');
        // The backend holds each person's roles; there is no way to change them from a device.
        if (sync.enrolled()) throw new DomainError([{ field: 'roles', code: 'managed_by_manufacturer' }]);
        db.update(localUser).set({ roles: [...new Set(input.roles)] }).where(eq(localUser.id, u.id)).run();
        return userView()!;
      }),
    },
    clients: {
      list: base.clients.list.handler(({ input }) => listClients(db, sqlite, input)),
      export: base.clients.export.handler(async ({ input }) => {
        const model = await buildClientExport(store, exportSync, input.clientId);
        return { filename: exportFilename(model, 'json'), json: exportJson(model), source: model.source };
      }),
      corrections: base.clients.corrections.handler(({ input }) => correctionsOf(store, input.clientId, exportSync.me())),
      exportPdf: base.clients.exportPdf.handler(async ({ input }) => {
        const model = await buildClientExport(store, exportSync, input.clientId);
        const pdf = await renderExportPdf(model, input.language, currentCatalogue(store).body);
        return { filename: exportFilename(model, 'pdf', input.language), base64: pdf.toString('base64'), source: model.source };
      }),
      get: base.clients.get.handler(({ input }) => {
        const detail = getClient(db, input.id) ?? notFound('client');
        const me = myIds();
        return {
          ...detail, owned: me.has(detail.client.ownerId), timeline: withOfferWords(store, input.id, detail.timeline),
          consentHistory: withRecorders(store, detail.consentHistory, detail.client, me),
        };
      }),
      create: base.clients.create.handler(({ input }) => store.mutate('client.create', { ...input, id: input.id ?? uuidv7() })),
      update: base.clients.update.handler(({ input: { correction, ...change } }) =>
        store.mutate('client.update', correction ? { ...change, correction: { before: correction.before, id: correction.id ?? uuidv7() } } : change)),
      delete: base.clients.delete.handler(({ input }) => store.mutate('client.delete', input)),
      erase: base.clients.erase.handler(({ input }) => store.mutate('client.erase', input)),
    },
    meetings: {
      // One meeting at a time per client: asked to begin another, the app opens the running one.
      start: base.meetings.start.handler(({ input }) => {
        const running = runningMeetingOf(db, input.clientId);
        if (running) return { id: running.id, clientId: running.clientId, version: running.version, savedAt: running.updatedAt };
        return store.mutate('meeting.start', { ...input, id: input.id ?? uuidv7() });
      }),
      get: base.meetings.get.handler(({ input }) => getMeeting(db, input.id) ?? notFound('meeting')),
      update: base.meetings.update.handler(({ input }) => store.mutate('meeting.update', input)),
      end: base.meetings.end.handler(({ input }) => {
        const saved = store.mutate('meeting.end', input);
        // The first version of the advice record, from what the meeting captured.
        afterward(() => makeAdviceVersion(store, input.id, buildAdviceContent(store, input.id, userView()?.locale ?? 'de', offerName)));
        return saved;
      }),
    },
    answers: {
      set: base.answers.set.handler(({ input }) => {
        const saved = deriver.save(input.clientId, () => store.mutate('answer.set', input));
        return { ...saved, attribute: input.attribute };
      }),
    },
    touchpoints: {
      add: base.touchpoints.add.handler(({ input }) => store.mutate('touchpoint.add', { ...input, id: input.id ?? uuidv7() })),
    },
    tasks: {
      add: base.tasks.add.handler(({ input }) => store.mutate('task.add', { ...input, id: input.id ?? uuidv7() })),
      update: base.tasks.update.handler(({ input }) => store.mutate('task.update', input)),
      open: base.tasks.open.handler(() => openTasks(db)),
    },
    consents: {
      record: base.consents.record.handler(({ input }) => {
        return deriver.save(input.clientId, () => store.mutate('consent.record', { ...input, id: input.id ?? uuidv7() }));
      }),
    },
    segments: {
      ruleSet: base.segments.ruleSet.handler(() => currentRuleSet(store)),
      state: base.segments.state.handler(({ input }) => {
        const list = conclusionsOf(db, input.clientId);
        const effective = effectiveSegment(list);
        return {
          profiling: consentOf(db, input.clientId).profiling,
          conclusions: list,
          effective: effective && { segment: effective.segment, conclusionId: effective.conclusion.id, source: effective.conclusion.source, status: effective.conclusion.status as 'unconfirmed' | 'confirmed' },
        };
      }),
      override: base.segments.override.handler(({ input }) => {
        // The store refuses it without the client's consent to profiling (the registry's rule).
        return store.mutate('conclusion.record', {
        id: uuidv7(), clientId: input.clientId, kind: 'segment', value: input.segment, source: 'advisor', reason: input.reason,
          inputs: profileOf(db, input.clientId) as Record<string, string | string[]>, ruleSetVersion: null,
        });
      }),
    },
    conclusions: {
      review: base.conclusions.review.handler(({ input }) => store.mutate('conclusion.review', input)),
    },
    book: {
      picture: base.book.picture.handler(() => bookPicture(db)),
      satisfaction: base.book.satisfaction.handler(({ input }) => satisfactionTrend(store, input)),
    },
    offers: {
      inputs: base.offers.inputs.handler(({ input }) => offerInputs(store, input.clientId, berlinDay(Date.now()), input.meetingId)),
      outcome: base.offers.outcome.handler(({ input }) => store.mutate('offer.outcome', input)),
      undo: base.offers.undo.handler(({ input }) => store.mutate('offer.undo', input)),
    },
    advice: {
      get: base.advice.get.handler(({ input }) => adviceView(input.meetingId)),
      make: base.advice.make.handler(({ input }) => {
        makeAdviceVersion(store, input.meetingId, buildAdviceContent(store, input.meetingId, input.language, offerName));
        return adviceView(input.meetingId);
      }),
      deliver: base.advice.deliver.handler(({ input }) => { store.mutate('advice.deliver', input); return adviceView(input.meetingId); }),
      pdf: base.advice.pdf.handler(async ({ input }) => {
        const v = adviceVersions(db, input.meetingId).find((x) => x.recordVersion === input.recordVersion) ?? notFound('adviceRecord');
        const version = v as Parameters<typeof renderAdvicePdf>[0];
        const language = input.language ?? version.content.language;
        // A name the catalogue does not know stays as the record kept it, never an id.
        const pdf = await renderAdvicePdf(version, { language, offerName: (id, lang) => (offerName(id, lang) === id ? null : offerName(id, lang)) });
        const stem = language === 'de' ? 'beratungsdokumentation' : 'advice-record';
        return { filename: `${stem}-${input.meetingId.slice(0, 8)}-v${v.recordVersion}-${language}.pdf`, base64: pdf.toString('base64') };
      }),
    },
    catalogue: {
      areas: base.catalogue.areas.handler(() => {
        const doc = manufacturerDocument(store, 'catalogue')?.body as { areas?: string[] } | undefined;
        return doc?.areas ?? [];
      }),
      products: base.catalogue.products.handler(() => currentCatalogue(store).body.products.map((p) => ({
        id: p.id, name: p.name, area: p.area, kind: p.kind, yearlyListCents: yearlyListCents(p.price),
      }))),
    },
    holdings: {
      add: base.holdings.add.handler(({ input }) => {
        checkHolding(store, input);
        const saved = store.mutate('holding.add', { ...input, id: input.id ?? uuidv7() });
        // The tier may have changed with it; the holding is saved whatever happens there.
        afterward(() => recordValueTier(store, saved.clientId));
        return saved;
      }),
      end: base.holdings.end.handler(({ input }) => {
        const saved = store.mutate('holding.end', input);
        afterward(() => recordValueTier(store, saved.clientId));
        return saved;
      }),
    },
    tiers: {
      get: base.tiers.get.handler(({ input }) => valueTierView(store, input.clientId)),
    },
    alerts: {
      inbox: base.alerts.inbox.handler(({ input }) => inbox(store, input)),
      snooze: base.alerts.snooze.handler(({ input }) => store.mutate('alert.snooze', input)),
      dismiss: base.alerts.dismiss.handler(({ input }) => store.mutate('alert.dismiss', input)),
      contact: base.alerts.contact.handler(({ input }) => contactAbout(store, input.alertId, input.touchpoint)),
      propose: base.alerts.propose.handler(({ input }) => proposeFor(store, input.alertId, input.outcome)),
      rejectConclusion: base.alerts.rejectConclusion.handler(({ input }) => rejectAlertConclusion(store, input.alertId)),
    },
    purchases: {
      check: base.purchases.check.handler(({ input }) => checkPurchase(store, input)),
      make: base.purchases.make.handler(({ input }) => makePurchase(store, input)),
      ofClient: base.purchases.ofClient.handler(({ input }) => clientPurchases(store, input.clientId)),
    },
    coach: {
      clients: base.coach.clients.handler(() => coachClients(store)),
    },
    feedback: {
      record: base.feedback.record.handler(({ input }) => store.mutate('feedback.record', input)),
      ofClient: base.feedback.ofClient.handler(({ input }) => feedbackOfClient(db, input.clientId)),
    },
    appointments: {
      plan: base.appointments.plan.handler(({ input }) => store.mutate('appointment.plan', { ...input, id: input.id ?? uuidv7() })),
      update: base.appointments.update.handler(({ input }) => store.mutate('appointment.update', input)),
      cancel: base.appointments.cancel.handler(({ input }) => store.mutate('appointment.cancel', input)),
      start: base.appointments.start.handler(({ input }) => startPlanned(store, input.id)),
      ofClient: base.appointments.ofClient.handler(({ input }) => appointmentsOfClient(db, input.clientId, input.from)
        .map(({ firstName: _f, lastName: _l, ...a }) => a)),
      calendar: base.appointments.calendar.handler(({ input }) => plannedCalendar(store, input)),
    },
    day: {
      view: base.day.view.handler(({ input }) => dayView(store, input, () => (isCoach() ? alertsWaiting(store) : null))),
    },
    lists: {
      open: base.lists.open.handler(({ input }) => publicEvents(lists.openFile(input))),
      check: base.lists.check.handler(({ input }) => lists.check(input)),
      apply: base.lists.apply.handler(({ input }) => publicEvents(lists.apply(input))),
      export: base.lists.export.handler(({ input }) => lists.exportList(sqlite, input)),
    },
    selfAssessment: {
      make: base.selfAssessment.make.handler(({ input }) => forms.make(input)),
      read: base.selfAssessment.read.handler(({ input }) => forms.read(input)),
      take: base.selfAssessment.take.handler(({ input }) => forms.take(input)),
    },
    retail: {
      products: base.retail.products.handler(() => retailProducts(store)),
      quote: base.retail.quote.handler(({ input }) => quote(store, input)),
      recordSale: base.retail.recordSale.handler(({ input }) => {
        const saved = recordSale(store, input);
        // The holding may change the value tier; the sale is saved whatever happens there.
        afterward(() => recordValueTier(store, saved.clientId));
        return saved;
      }),
      requestApproval: base.retail.requestApproval.handler(({ input }) => requestApproval(store, input)),
      sales: base.retail.sales.handler(({ input }) => listSales(store, input)),
      approvals: base.retail.approvals.handler(({ input }) => listApprovals(store, input)),
      rating: base.retail.rating.handler(() => retailRating(store)),
    },
    mandates: {
      grant: base.mandates.grant.handler(({ input }) => store.mutate('mandate.grant', input)),
      update: base.mandates.update.handler(({ input }) => store.mutate('mandate.update', input)),
      revoke: base.mandates.revoke.handler(({ input }) => store.mutate('mandate.revoke', input)),
    },
    sharing: {
      coaches: base.sharing.coaches.handler(() => {
        const held = heldDirectory(store);
        const me = myIds();
        return { people: (held?.people ?? []).filter((p) => !me.has(p.id)), updatedAt: held?.updatedAt ?? null, enrolled: sync.enrolled() };
      }),
      share: base.sharing.share.handler(({ input }) => store.mutate('client.share', input)),
      unshare: base.sharing.unshare.handler(({ input }) => store.mutate('client.unshare', input)),
    },
    retention: {
      summary: base.retention.summary.handler(() => restrictedSummary(db)),
      ofClient: base.retention.ofClient.handler(({ input }) => clientRetention(store, input.clientId)),
      find: base.retention.find.handler(({ input }) => findRestrictedRecords(store, input)),
      disclose: base.retention.disclose.handler(({ input }) => discloseRecord(store, input)),
      pdf: base.retention.pdf.handler(({ input }) => disclosedPdf(store, input.disclosureId, input.language)),
    },
    sync: {
      status: base.sync.status.handler(() => sync.getStatus()),
      watch: base.sync.watch.handler(({ signal }) => watchSyncStatus(sync, store, signal)),
      now: base.sync.now.handler(async () => { await sync.syncNow(); return sync.getStatus(); }),
      enrol: base.sync.enrol.handler(async ({ input }) => { await sync.enrol(input.url, input.code, input.deviceName); return sync.getStatus(); }),
      dismiss: base.sync.dismiss.handler(({ input }) => { sync.dismiss(input.seqs); return sync.getStatus(); }),
      resolve: base.sync.resolve.handler(({ input }) => {
        resolveMoneyConflict(store, input.seq, input.keep);
        sync.dismiss([input.seq]);
        return sync.getStatus();
      }),
    },
  });
}

export type WorkstationRouter = ReturnType<typeof createRouter>;
