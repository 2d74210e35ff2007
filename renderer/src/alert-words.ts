// An alert as the inbox says it: the conclusion in the UI's language, the day
// the event is due, what became of it, and which actions it allows (coach.md:
// without the client's consent to be contacted the coach may look, not act;
// buying needs a mandate; a done alert is done). Pure, for Node tests.
import type { TFunction } from 'i18next';
import { alertConclusion } from '#core/coach/alert-words.ts';
import type { LifeEvent } from '#core/profile.ts';
import type { AlertView } from '#contract/coach.ts';
import { formatDate, formatIsoDate } from './format.ts';
import type { Language } from './i18n/language.ts';

export const ALERT_ACTIONS = ['contact', 'propose', 'buy', 'snooze', 'dismiss', 'reject'] as const;
export type ActionKind = (typeof ALERT_ACTIONS)[number];

/** The digit that chooses each action, in the order the buttons stand. */
export const ACTION_KEYS: Record<string, ActionKind> = Object.fromEntries(ALERT_ACTIONS.map((a, i) => [String(i + 1), a]));

export function clientNameOf(a: Pick<AlertView, 'clientName'>): string {
  return [a.clientName.firstName, a.clientName.lastName].filter(Boolean).join(' ');
}

/** "Anna Weber plant wahrscheinlich eine Reise". */
export function conclusionOf(a: Pick<AlertView, 'event' | 'clientName'>, lang: Language): string {
  return alertConclusion(a.event as LifeEvent, clientNameOf(a), lang);
}

/** The day the event is due by the assistant's signals: the earliest named, or null when none names one. */
export function eventDayOf(a: Pick<AlertView, 'signals'>): string | null {
  const days = a.signals.map((s) => s.eventDate).filter((d): d is string => d !== null).sort();
  return days[0] ?? null;
}

/** What the coach may do about the alert now, in the order the buttons stand. */
export function actionsOf(a: Pick<AlertView, 'status' | 'contactConsent' | 'offers' | 'mandate'>): ActionKind[] {
  if (a.status === 'done') return [];
  return ALERT_ACTIONS.filter((k) => {
    if (k === 'contact') return a.contactConsent;
    if (k === 'propose') return a.contactConsent && a.offers.length > 0;
    if (k === 'buy') return a.mandate !== null;
    return true;
  });
}

/** For a snoozed or done alert: what happened, in a sentence; null for an open one. */
export function statusWords(t: TFunction, lang: Language, a: Pick<AlertView, 'status' | 'snoozedUntil' | 'outcome' | 'dismissReason' | 'note' | 'doneAt'>): string | null {
  if (a.status === 'snoozed' && a.snoozedUntil) return t('coach.alert.snoozedUntil', { date: formatIsoDate(a.snoozedUntil, lang) });
  if (a.status !== 'done') return null;
  let what = t(`coach.alert.outcome.${a.outcome ?? 'dismissed'}`, { defaultValue: t('coach.alert.outcome.dismissed') });
  if (a.outcome === 'dismissed' && a.dismissReason) {
    const reason = t(`coach.actions.dismissReasons.${a.dismissReason}`, { defaultValue: t('coach.actions.dismissReasons.other') });
    what = t('coach.alert.dismissedWhy', { reason: a.note ? `${reason} (${lang === 'de' ? `„${a.note}“` : `“${a.note}”`})` : reason });
  }
  return a.doneAt ? t('coach.alert.done', { date: formatDate(a.doneAt, lang), what }) : what;
}
