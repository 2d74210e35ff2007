// The small forms of the inbox's actions: a contact with the client (a
// touchpoint), an offer put to them with their decision, snoozing until a day,
// dismissing with a reason. Each makes its id once, so a retried save is the
// same record; the core checks everything again and its refusal is shown next
// to the field concerned.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOME_REASONS } from '#core/advice.ts';
import { DISMISS_REASONS, type DismissReason } from '#core/coach/records.ts';
import type { AlertView } from '#contract/coach.ts';
import { addDays, dayForCore, dayText, realDay } from '../../dates.ts';
import { todayIso } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { newId } from '../../ids.ts';
import { errorMessage, problemMessage, problemsByField, problemsOf } from '../../problems.ts';
import { client, orpc } from '../../rpc.ts';
import { DateField } from '../DateField.tsx';
import { FormField } from '../FormField.tsx';

interface Props { alert: AlertView; onCancel: () => void; onDone: () => void }

/** The frame every action form shares: a heading, the fields, save and cancel, a failure that has no field. */
function ActionForm({ title, save, busy, error, onSubmit, onCancel, children, testId }: {
  title: string; save: string; busy: boolean; error: string | null; onSubmit: () => void; onCancel: () => void; children: ReactNode; testId: string;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  // Opened below the alert: brought into view whole, wherever the alert stood.
  useEffect(() => { form.current?.scrollIntoView({ block: 'nearest' }); }, []);
  const submit = (e: FormEvent) => { e.preventDefault(); if (!busy) onSubmit(); };
  return (
    <form ref={form} className="alert-action subform" onSubmit={submit} noValidate aria-label={title} data-testid={testId}>
      <h4>{title}</h4>
      {children}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{save}</button>
        <button type="button" className="btn" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}

/** Ways of getting in touch, each with the kind of contact it makes on the timeline. */
const CONTACT_BY = { phone: 'call', email: 'email', in_person: 'visit', video: 'call', letter: 'letter' } as const;
type ContactChannel = keyof typeof CONTACT_BY;

export function ContactForm({ alert, conclusion, onCancel, onDone }: Props & { conclusion: string }) {
  const { t } = useTranslation();
  const [id] = useState(newId);
  const [channel, setChannel] = useState<ContactChannel>('phone');
  const [summary, setSummary] = useState('');
  const save = useMutation({
    mutationFn: () => client.alerts.contact({
      alertId: alert.id, touchpoint: { id, kind: CONTACT_BY[channel], channel, direction: 'outbound', occurredAt: Date.now(), summary },
    }),
    onSuccess: onDone,
  });
  const problems = problemsByField(problemsOf(save.error) ?? []);
  const other = save.error && !problems.summary ? errorMessage(t, save.error) : null;
  return (
    <ActionForm title={t('coach.actions.contactTitle')} save={t('coach.actions.saveContact')} busy={save.isPending} error={other}
      onSubmit={() => save.mutate()} onCancel={onCancel} testId="contact-form">
      <label className="field field-label">{t('coach.actions.channel')}
        <select value={channel} onChange={(e) => setChannel(e.target.value as ContactChannel)} autoFocus>
          {Object.keys(CONTACT_BY).map((c) => <option key={c} value={c}>{t(`coach.actions.channels.${c}`)}</option>)}
        </select>
      </label>
      <FormField multiline label={t('coach.actions.summary')} hint={t('coach.actions.summaryHint')} value={summary} maxLength={500}
        placeholder={t('coach.actions.contactSummary', { conclusion })} onChange={(e) => setSummary(e.target.value)}
        error={problems.summary && problemMessage(t, problems.summary)} />
    </ActionForm>
  );
}

type Outcome = 'accepted' | 'rejected' | 'postponed';
const OUTCOME_BUTTON: Record<Outcome, string> = { accepted: 'offers.accept', rejected: 'offers.reject', postponed: 'offers.postpone' };

export function ProposeForm({ alert, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const products = useQuery(orpc.catalogue.products.queryOptions());
  const [id] = useState(newId);
  const [offerId, setOfferId] = useState(alert.offers[0]?.id ?? '');
  const [outcome, setOutcome] = useState<Outcome>('accepted');
  const [reasonCode, setReasonCode] = useState<(typeof OUTCOME_REASONS)[number] | ''>('');
  const [note, setNote] = useState('');
  const offer = alert.offers.find((o) => o.id === offerId);
  const save = useMutation({
    mutationFn: () => {
      // The outcome names what was offered as the catalogue does: a bundle, or a product of its kind.
      const offerKind = offer?.kind === 'bundle' ? 'bundle' : products.data?.find((p) => p.id === offerId)?.kind ?? 'base';
      return client.alerts.propose({
        alertId: alert.id,
        outcome: {
          id, offerId, offerKind, outcome, reasonCode: outcome === 'accepted' ? null : reasonCode || null, note,
          summary: t('offers.summary', { name: offer?.name[lang] ?? '', outcome: t(`offers.outcome.${outcome}`) }),
        },
      });
    },
    onSuccess: onDone,
  });
  const problems = problemsByField(problemsOf(save.error) ?? []);
  const other = save.error && !problems.reasonCode ? errorMessage(t, save.error) : null;
  return (
    <ActionForm title={t('coach.actions.proposeTitle')} save={t('coach.actions.saveProposal')} busy={save.isPending} error={other}
      onSubmit={() => save.mutate()} onCancel={onCancel} testId="propose-form">
      <fieldset className="field">
        <legend>{t('coach.actions.whichOffer')}</legend>
        {alert.offers.map((o, i) => (
          <label key={o.id} className="check">
            <input type="radio" name={`offer-${alert.id}`} checked={offerId === o.id} onChange={() => setOfferId(o.id)} autoFocus={i === 0} />
            {o.name[lang]}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t('coach.actions.outcomeLabel')}</legend>
        {(Object.keys(OUTCOME_BUTTON) as Outcome[]).map((o) => (
          <label key={o} className="check">
            <input type="radio" name={`outcome-${alert.id}`} checked={outcome === o} onChange={() => setOutcome(o)} />
            {t(OUTCOME_BUTTON[o])}
          </label>
        ))}
      </fieldset>
      {outcome !== 'accepted' && (
        <div className="form-row">
          <label className="field field-label">{t('offers.reasonLabel')}
            <select value={reasonCode} onChange={(e) => setReasonCode(e.target.value as typeof reasonCode)} aria-invalid={problems.reasonCode ? true : undefined}>
              <option value="">{t('offers.reasonChoose')}</option>
              {OUTCOME_REASONS.filter((r) => r !== 'convinced').map((r) => <option key={r} value={r}>{t(`offers.reason.${r}`)}</option>)}
            </select>
            {problems.reasonCode && <span className="field-error">{t('offers.reasonRequired')}</span>}
          </label>
          <FormField label={t('offers.note')} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </div>
      )}
    </ActionForm>
  );
}

export function SnoozeForm({ alert, onCancel, onDone }: Omit<Props, 'onDone'> & { onDone: (day: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [day, setDay] = useState(() => dayText(addDays(todayIso(), 7), lang));
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: (until: string) => client.alerts.snooze({ id: alert.id, until }).then(() => until),
    onSuccess: onDone,
  });
  // Said at once, before the core is asked: a day that is no day, or not after today, puts nothing off.
  const typed = realDay(day);
  const early = typed !== null && typed <= todayIso();
  const problems = problemsByField(problemsOf(save.error) ?? []);
  const fieldError = tried && typed === null ? t('errors.invalid_date') : tried && early ? t('coach.actions.snoozeTooEarly') : problems.until && problemMessage(t, problems.until);
  const other = save.error && !problems.until ? errorMessage(t, save.error) : null;
  return (
    <ActionForm title={t('coach.actions.snoozeHeading')} save={t('coach.actions.saveSnooze')} busy={save.isPending} error={other}
      onSubmit={() => { setTried(true); if (typed !== null && !early) save.mutate(dayForCore(day)); }} onCancel={onCancel} testId="snooze-form">
      <DateField label={t('coach.actions.snoozeTitle')} value={day} onChange={setDay} error={fieldError || undefined} testId="snooze-day" />
      <p className="hint">{t('coach.actions.snoozeHint')}</p>
    </ActionForm>
  );
}

export function DismissForm({ alert, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<DismissReason | ''>('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () => client.alerts.dismiss({ id: alert.id, reason: reason as DismissReason, note }),
    onSuccess: onDone,
  });
  const problems = problemsByField(problemsOf(save.error) ?? []);
  const noteMissing = (tried && reason === 'other' && !note.trim()) || problems.note?.code === 'required';
  const other = save.error && !problems.note ? errorMessage(t, save.error) : null;
  return (
    <ActionForm title={t('coach.actions.dismissTitle')} save={t('coach.actions.saveDismiss')} busy={save.isPending} error={other}
      onSubmit={() => { setTried(true); if (reason && !(reason === 'other' && !note.trim())) save.mutate(); }} onCancel={onCancel} testId="dismiss-form">
      <fieldset className="field">
        <legend>{t('coach.actions.dismissReason')}</legend>
        {DISMISS_REASONS.map((r, i) => (
          <label key={r} className="check">
            <input type="radio" name={`dismiss-${alert.id}`} value={r} checked={reason === r} onChange={() => setReason(r)} autoFocus={i === 0} />
            {t(`coach.actions.dismissReasons.${r}`)}
          </label>
        ))}
        {tried && !reason && <p className="field-error">{t('coach.actions.chooseReason')}</p>}
      </fieldset>
      <FormField multiline label={t('coach.actions.note')} optionalLabel={reason === 'other' ? undefined : t('common.optional')} value={note} maxLength={500}
        onChange={(e) => setNote(e.target.value)}
        error={noteMissing ? t('coach.actions.noteRequired') : problems.note && problemMessage(t, problems.note)} />
    </ActionForm>
  );
}
