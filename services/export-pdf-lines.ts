// What each kind of record says in the client's readable export, in words a
// client understands: no codes and no internal ids; people by name, products
// by their catalogue name, dates in the language's format.
import { alertConclusion } from '#core/coach/alert-words.ts';
import { SEGMENT_NAMES, type SegmentId } from '#core/segments/ids.ts';
import type { LifeEvent } from '#core/profile.ts';
import type { Fields } from '#core/records.ts';
import { rulesEdition } from '../renderer/src/rules-edition.ts';
import type { ExportSection } from './export.ts';
import type { Words } from './export-words.ts';

export interface LineContext {
  w: Words;
  person(id: unknown): string;
  product(id: unknown): string;
  clientName: string;
}

const s = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const n = (v: unknown) => (typeof v === 'number' ? v : 0);
/** A code's words, or nothing: a code the UI has no words for is left out rather than shown. */
const said = (w: Words, key: string) => w.t(key, {}, '');
const joined = (parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(' · ');

function answerValue(w: Words, attribute: string, value: unknown): string {
  const one = (v: unknown) => said(w, `profile.${attribute}.options.${s(v)}`) || s(v);
  return Array.isArray(value) ? value.map(one).join(', ') : value === null ? w.t('rights.empty') : one(value);
}

function conclusionValue(w: Words, f: Fields): string {
  if (f.kind === 'life_event') return said(w, `profile.life_events.options.${s(f.value)}`) || w.t('conclusions.kind.life_event');
  if (f.kind === 'value_tier') return s(f.value);
  return SEGMENT_NAMES[f.value as SegmentId]?.[w.language] ?? '';
}

/** "Fassung 3" / "Demo-Fassung", as the conclusions panel says it; nothing for an edition it cannot name. */
function edition(w: Words, version: unknown): string | null {
  const e = rulesEdition(typeof version === 'string' ? version : null);
  return e === 'demo' ? w.t('conclusions.editionDemo') : e === null ? null : w.t('conclusions.edition', { n: e });
}

/** The lines one record of a section says. */
export const LINES: Record<ExportSection, (f: Fields, c: LineContext) => string[]> = {
  answers: (f, { w, person }) => [
    `${w.t(`profile.${s(f.attribute)}.topic`)}: ${answerValue(w, s(f.attribute), f.value)}`,
    joined([f.answeredBy === 'client' ? w.t('rights.doc.answeredByClient', { who: person(f.recordedBy) }) : w.t('rights.doc.answeredByAdvisor', { who: person(f.recordedBy) }),
      w.t('rights.doc.when', { when: w.dateTime(n(f.answeredAt)) })]),
  ],
  conclusions: (f, { w, person }) => [
    `${w.t(`conclusions.kind.${s(f.kind)}`)}: ${conclusionValue(w, f)} – ${w.t(`conclusions.status.${s(f.status)}`)}`,
    joined([w.t(`rights.doc.conclusionSource.${s(f.source)}`, { who: person(f.decidedBy) }), edition(w, f.ruleSetVersion),
      w.dateTime(n(f.decidedAt)), s(f.reason)]),
  ],
  consents: (f, { w, person }) => [w.t('rights.doc.consentLine', {
    purpose: w.t(`consent.purposes.${s(f.purpose)}`), state: f.granted ? w.t('consent.granted') : w.t('consent.withdrawn'),
    method: w.t(`consent.methods.${s(f.method)}`), when: w.dateTime(n(f.recordedAt)), who: person(f.recordedBy),
  }), ...(f.note ? [s(f.note)] : [])],
  touchpoints: (f, { w, person }) => [
    `${w.dateTime(n(f.occurredAt))} – ${joined([said(w, `touchpoint.kinds.${s(f.kind)}`), said(w, `touchpoint.channels.${s(f.channel)}`), said(w, `touchpoint.directions.${s(f.direction)}`)])}`,
    joined([s(f.summary), f.outcome ? said(w, `offers.outcome.${s(f.outcome)}`) || s(f.outcome) : null, person(f.recordedBy)]),
  ],
  tasks: (f, { w }) => [w.t('rights.doc.taskLine', { title: s(f.title), state: f.doneAt ? w.t('rights.doc.taskDone') : w.t('rights.doc.taskOpen') }), joined([f.dueDate ? w.date(s(f.dueDate)) : null, s(f.notes)])],
  appointments: (f, { w }) => [
    w.t('rights.doc.appointmentLine', { when: w.dateTime(n(f.startsAt)), minutes: n(f.minutes), purpose: s(f.purpose) }),
    joined([s(f.place), f.cancelledAt ? w.t('rights.doc.appointmentCancelled') : f.meetingId ? w.t('rights.doc.appointmentHeld') : null]),
  ],
  feedback: (f, { w, person }) => [
    w.t('rights.doc.feedbackLine', { about: w.t(`rights.doc.feedbackAbout.${s(f.about)}`), nps: f.nps == null ? '–' : n(f.nps), ces: f.ces == null ? '–' : n(f.ces) }),
    joined([w.dateTime(n(f.recordedAt)), person(f.recordedBy)]),
  ],
  meetings: (f, { w, person }) => [
    w.t('rights.doc.meetingLine', { who: person(f.advisorId), when: w.dateTime(n(f.startedAt)) }),
    ...(['reason', 'wishes', 'riskSituation', 'advice', 'decision'] as const).filter((k) => f[k]).map((k) => `${w.t(`meeting.fields.${k}`)}: ${s(f[k])}`),
  ],
  adviceRecords: (f, { w }) => [w.t('rights.doc.adviceLine', {
    n: n(f.recordVersion),
    state: f.deliveredAt ? w.t('advice.delivered', { when: w.dateTime(n(f.deliveredAt)), channel: w.t(`advice.channel.${s(f.deliveryChannel)}`) }) : w.t('advice.notDelivered'),
  })],
  mandates: (f, { w, person }) => [
    joined([w.t('rights.doc.mandateLine', {
      who: person(f.coachId), from: w.date(s(f.validFrom)),
      summary: w.t('mandate.summary', { budget: w.euros(n(f.budgetCents)), period: w.t(`mandate.periods.${s(f.period)}`), cap: w.euros(n(f.perPurchaseCapCents)) }),
    }), f.validUntil ? w.t('rights.doc.mandateUntil', { until: w.date(s(f.validUntil)) }) : null, f.revokedAt ? w.t('mandate.revoked', { when: w.dateTime(n(f.revokedAt)) }) : null]),
    `${w.t('mandate.areas')}: ${(Array.isArray(f.areas) ? f.areas : []).map((a) => said(w, `mandate.area.${s(a)}`)).filter(Boolean).join(', ')}`,
  ],
  purchases: (f, { w, person, product }) => [w.t('rights.doc.purchaseLine', {
    on: w.date(s(f.on)), who: person(f.coachId), items: (Array.isArray(f.items) ? f.items : []).map(product).join(', '), price: w.euros(n(f.priceCents)),
  })],
  holdings: (f, { w, product }) => [joined([
    w.t('rights.doc.holdingLine', { product: product(f.productId), since: w.date(s(f.since)), premium: w.euros(n(f.yearlyPremiumCents)) }),
    f.endedOn ? w.t('rights.doc.holdingEnded', { day: w.date(s(f.endedOn)) }) : null,
  ])],
  offerOutcomes: (f, { w, person, product }) => [
    w.t('rights.doc.outcomeLine', { offer: product(f.offerId), outcome: w.t(`offers.outcome.${s(f.outcome)}`), when: w.dateTime(n(f.recordedAt)), who: person(f.recordedBy) }),
    joined([f.reasonCode ? said(w, `offers.reason.${s(f.reasonCode)}`) : null, s(f.note)]),
  ],
  alerts: (f, { w, clientName }) => [
    w.t('rights.doc.alertLine', { conclusion: alertConclusion(f.event as LifeEvent, clientName, w.language), when: w.dateTime(n(f.createdAt)), status: w.t(`coach.inbox.filter.${s(f.status)}`) }),
    ...(f.outcome ? [said(w, `coach.alert.outcome.${s(f.outcome)}`)] : []),
    ...(Array.isArray(f.signals) ? f.signals : []).map((sig: { evidence?: unknown; observedAt?: unknown }) => w.t('rights.doc.signalLine', { evidence: s(sig.evidence), when: w.date(s(sig.observedAt)) })),
  ],
  corrections: (f, { w, person }) => (Array.isArray(f.changes) ? f.changes : []).map((ch: { field: string; before: unknown; after: unknown }) => w.t('rights.doc.correctionLine', {
    field: w.t(`clientFields.${ch.field}`, {}, said(w, `digital.${ch.field === 'digitalGroup' ? 'group' : 'step'}`)),
    before: s(ch.before) || w.t('rights.empty'), after: s(ch.after) || w.t('rights.empty'), who: person(f.recordedBy), when: w.dateTime(n(f.recordedAt)),
  })),
  sales: (f, { w, person, product }) => [w.t('rights.doc.saleLine', { product: product(f.productId), on: w.date(s(f.on)), price: w.euros(n(f.chosenCents)), who: person(f.soldBy) })],
  approvals: (f, { w, product }) => [
    w.t('rights.doc.approvalLine', { product: product(f.productId), price: w.euros(n(f.chosenCents)), when: w.dateTime(n(f.requestedAt)), state: w.t(`retail.approvals.state.${s(f.status)}`) }),
    ...(f.reasonText ? [s(f.reasonText)] : []), ...(f.note ? [s(f.note)] : []),
  ],
};

/** The client's master data, field by field, as the edit form labels it. */
export function masterLines(f: Fields, w: Words): string[] {
  const plain = ['firstName', 'lastName', 'email', 'phone', 'street', 'postalCode', 'city', 'householdSize', 'household', 'notes'] as const;
  const lines = plain.filter((k) => f[k] !== null && f[k] !== undefined && f[k] !== '').map((k) => `${w.t(`clientFields.${k}`)}: ${s(f[k])}`);
  if (f.birthDate) lines.splice(2, 0, `${w.t('clientFields.birthDate')}: ${w.date(s(f.birthDate))}`);
  if (f.digitalGroup) lines.push(`${w.t('digital.group')}: ${said(w, `digital.groups.${s(f.digitalGroup)}`)}`);
  if (f.adoptionStep) lines.push(`${w.t('digital.step')}: ${said(w, `digital.steps.${s(f.adoptionStep)}`)}`);
  return lines;
}
