// One alert in the inbox: who, what the assistant app concluded and from what,
// the suggested reaction, up to three offers with the argument for them, the
// mandate's budget, and what the coach can do about it. Urgency is said in
// words and with a sign, never by colour alone.
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '#contract/coach.ts';
import { ALERT_ACTIONS, actionsOf, clientNameOf, conclusionOf, eventDayOf, statusWords, type ActionKind } from '../../alert-words.ts';
import { formatCents, formatDate, formatIsoDate } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { paths } from '../../hooks/useRoute.ts';
import { errorMessage } from '../../problems.ts';
import { priceWords } from '../../purchase-words.ts';
import { client } from '../../rpc.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { PurchaseDialog } from '../purchase/PurchaseDialog.tsx';
import { ContactForm, DismissForm, ProposeForm, SnoozeForm } from './AlertActions.tsx';

interface Props {
  alert: AlertView;
  active: boolean;
  panel: ActionKind | null;
  cardRef: (el: HTMLElement | null) => void;
  onChoose: () => void;
  onPanel: (kind: ActionKind | null) => void;
  /** Done: the words to announce; the alert leaves the list. */
  onActed: (words: string) => void;
}

export function AlertCard({ alert: a, active, panel, cardRef, onChoose, onPanel, onActed }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const titleId = useId();
  const name = clientNameOf(a);
  const conclusion = conclusionOf(a, lang);
  const eventDay = eventDayOf(a);
  const status = statusWords(t, lang, a);
  const actions = actionsOf(a);
  const reject = useMutation({
    mutationFn: () => client.alerts.rejectConclusion({ alertId: a.id }),
    onSuccess: () => onActed(t('coach.actions.announce.conclusion_rejected')),
  });
  const close = () => onPanel(null);

  return (
    <li className={`alert-card${active ? ' active' : ''}${a.urgent && a.status !== 'done' ? ' urgent' : ''}`} data-testid="alert" data-event={a.event}
      data-status={a.status} data-urgent={a.urgent || undefined} onFocusCapture={onChoose} onClick={onChoose}>
      <article ref={cardRef} tabIndex={-1} aria-labelledby={titleId}>
        <div className="alert-head">
          {a.urgent && a.status !== 'done' && <span className="badge badge-urgent" title={t('coach.alert.urgentHint')} data-testid="alert-urgent"><span aria-hidden="true">⚑ </span>{t('coach.alert.urgent')}</span>}
          <a href={paths.client(a.clientId)} className="alert-client" aria-label={t('coach.alert.openClient', { name })}>{name}</a>
          <span className="muted small alert-received">{t('coach.alert.received', { date: formatDate(a.createdAt, lang) })}</span>
        </div>
        <h3 id={titleId} className="alert-title">{conclusion}</h3>
        {eventDay && <p className="alert-day">{t('coach.alert.eventDay', { date: formatIsoDate(eventDay, lang) })}</p>}
        <div className="alert-body">
          <div>
            <h4>{t('coach.alert.evidence')}</h4>
            <ul className="evidence" data-testid="alert-evidence">
              {a.signals.map((s) => (
                <li key={s.id}>
                  {lang === 'de' ? `„${s.evidence}“` : `“${s.evidence}”`}{' '}
                  <span className="muted small">– {t('coach.alert.observed', { date: formatDate(Date.parse(s.observedAt), lang) })}</span>
                </li>
              ))}
            </ul>
            <p className="reaction" data-testid="alert-reaction" data-reaction={a.reaction}>{t(`coach.alert.reaction.${a.reaction}`)}</p>
            {a.argument && (
              <>
                <h4>{t('coach.alert.argument')}</h4>
                <p className="argument" data-testid="alert-argument">{a.argument.text}</p>
              </>
            )}
          </div>
          <div>
            <h4>{t('coach.alert.offers')}</h4>
            {a.offers.length === 0 ? <p className="muted small" data-testid="alert-no-offers">{t(a.contactConsent ? 'coach.alert.noOffers' : 'rights.alerts.noContactOffers')}</p> : (
              <ul className="alert-offers" data-testid="alert-offers">
                {a.offers.slice(0, 3).map((o) => (
                  <li key={o.id} data-offer={o.id} data-within={o.withinMandate}>
                    <strong>{o.name[lang]}</strong>{' '}
                    <span className="muted">{priceWords(t, lang, o.priceCents, o.pricePeriod)}</span>{' '}
                    {a.mandate && (
                      <span className={`badge ${o.withinMandate ? 'badge-live' : 'badge-plain'}`}>
                        <span aria-hidden="true">{o.withinMandate ? '✓ ' : '✗ '}</span>{t(o.withinMandate ? 'coach.alert.within' : 'coach.alert.notWithin')}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <p className="small" data-testid="alert-mandate">
              {a.mandate ? t('coach.alert.mandate', {
                left: formatCents(a.mandate.leftCents, lang), budget: formatCents(a.mandate.budgetCents, lang),
                from: formatIsoDate(a.mandate.period.from, lang), to: formatIsoDate(a.mandate.period.to, lang),
              }) : <span className="muted">{t('coach.alert.noMandate')}</span>}
            </p>
          </div>
        </div>
        {status && <p className="alert-status" data-testid="alert-status">{status}</p>}
        {a.status !== 'done' && !a.contactConsent && <p className="muted small">{t('coach.alert.noContact')}</p>}
        {actions.length > 0 && (
          <div className="row-actions alert-actions" role="group" aria-label={t('coach.actions.label')}>
            {actions.map((kind) => {
              const key = String(ALERT_ACTIONS.indexOf(kind) + 1);
              return (
                <button key={kind} type="button" className={`btn btn-small${kind === 'buy' && a.reaction === 'buy_under_mandate' ? ' btn-primary' : ''}`}
                  aria-expanded={kind === 'buy' || kind === 'reject' ? undefined : panel === kind} aria-keyshortcuts={key}
                  onClick={() => onPanel(panel === kind ? null : kind)} data-testid={`action-${kind}`}>
                  <kbd aria-hidden="true">{key}</kbd> {t(`coach.actions.${kind}`)}
                </button>
              );
            })}
          </div>
        )}
        {panel === 'contact' && <ContactForm alert={a} conclusion={conclusion} onCancel={close} onDone={() => onActed(t('coach.actions.announce.contacted'))} />}
        {panel === 'propose' && <ProposeForm alert={a} onCancel={close} onDone={() => onActed(t('coach.actions.announce.proposed'))} />}
        {panel === 'snooze' && <SnoozeForm alert={a} onCancel={close} onDone={(day) => onActed(t('coach.actions.announce.snoozed', { date: formatIsoDate(day, lang) }))} />}
        {panel === 'dismiss' && <DismissForm alert={a} onCancel={close} onDone={() => onActed(t('coach.actions.announce.dismissed'))} />}
        {panel === 'buy' && a.mandate && (
          <PurchaseDialog clientId={a.clientId} clientName={name} mandate={{ id: a.mandate.mandateId, ...a.mandate }}
            offered={a.offers.map((o) => o.id)} preselect={a.offers.slice(0, 1).map((o) => o.id)} alertId={a.id}
            onClose={close} onBought={() => onActed(t('coach.actions.announce.bought'))} />
        )}
        <ConfirmDialog open={panel === 'reject'} title={t('coach.actions.rejectTitle')} confirmLabel={t('coach.actions.rejectConfirm')}
          busy={reject.isPending} onConfirm={() => reject.mutate()} onCancel={close} testId="reject-confirm">
          <p>{t('coach.actions.rejectExplain', { conclusion })}</p>
          {reject.isError && <p className="form-error" role="alert">{errorMessage(t, reject.error)}</p>}
        </ConfirmDialog>
      </article>
    </li>
  );
}
