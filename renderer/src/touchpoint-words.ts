// A touchpoint in the UI's language. Lines the system wrote (an offer and what
// became of it, a purchase under a mandate) are said from their codes at
// display time; what a person typed is shown as typed.
import type { TFunction } from 'i18next';
import type { TouchpointView } from '#contract/views.ts';
import { formatCents } from './format.ts';
import type { Language } from './i18n/language.ts';

export interface TouchpointWords {
  /** "Gespräch", or "Anruf (Telefon)" when the channel says more than the kind. */
  what: string;
  summary: string;
  /** What came of it, or null. */
  outcome: string | null;
}

export function touchpointWords(t: TFunction, lang: Language, tp: TouchpointView): TouchpointWords {
  const kind = t(`touchpoint.kinds.${tp.kind}`, { defaultValue: t('touchpoint.kinds.other') });
  const channel = t(`touchpoint.channels.${tp.channel}`, { defaultValue: t('touchpoint.channels.other') });
  // "E-Mail (E-Mail)" says nothing twice.
  const what = channel.toLowerCase() === kind.toLowerCase() ? kind : `${kind} (${channel})`;
  // A purchase under a mandate: its products by name in the UI's language, and the price (its stored line is German).
  if (tp.kind === 'purchase' && tp.purchase) {
    const names = tp.purchase.items.map((i) => i.name?.[lang] ?? t('coach.mandateCard.unknownProduct')).join(', ');
    return { what: kind, summary: names, outcome: formatCents(tp.purchase.priceCents, lang) };
  }
  if (tp.kind !== 'offer') return { what, summary: tp.summary, outcome: tp.outcome };
  const o = tp.offer;
  if (!o) {
    // An offer whose record this device does not hold: its stored line, its outcome said if it is a known code.
    return { what, summary: tp.summary, outcome: tp.outcome && t(`offers.outcome.${tp.outcome}`, { defaultValue: tp.outcome }) };
  }
  const outcome = t(`offers.outcome.${o.outcome}`);
  const summary = o.name ? t('offers.summary', { name: o.name[lang], outcome }) : tp.summary;
  const reason = o.reasonCode ? t(`offers.reason.${o.reasonCode}`, { defaultValue: t('offers.reason.other') }) : null;
  const note = o.note && (lang === 'de' ? `„${o.note}“` : `“${o.note}”`);
  const said = [reason && t('client.offerReason', { reason }), note].filter(Boolean).join(' ');
  return { what, summary, outcome: said || null };
}
