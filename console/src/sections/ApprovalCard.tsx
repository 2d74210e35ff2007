// One approval request: the product, retailer, client reference and who asked
// when; the prices it was decided against and the deviation with its reason;
// for a decided one the decision, who, when, the note and until when it holds.
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalView } from '#contract/console.ts';
import { formatCents, formatDateTime, formatDeviation, formatIsoDate } from '../format.ts';
import { useLang } from '../i18n/index.ts';
import { ReasonText } from '../Reason.tsx';

interface Props {
  approval: ApprovalView;
  selected: boolean;
  onSelect: () => void;
  /** The buttons or the decline form of a pending request. */
  children?: ReactNode;
  ref?: Ref<HTMLElement>;
}

export function ApprovalCard({ approval: a, selected, onSelect, children, ref }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = (cents: number) => formatCents(cents, lang);
  const titleId = `approval-${a.id}`;
  return (
    <article ref={ref} className={`approval${selected ? ' active' : ''}`} tabIndex={selected ? 0 : -1} aria-labelledby={titleId}
      onFocus={(e) => { if (e.target === e.currentTarget) onSelect(); }} onMouseDown={onSelect}
      data-testid="approval" data-id={a.id} data-status={a.status} aria-current={selected || undefined}>
      <div className="approval-head">
        <h3 id={titleId}>
          {a.productName[lang]}
          {a.variant && <span className="muted"> · {t('price.variant', { variant: a.variant })}</span>}
        </h3>
        <span className={`status status-${a.status}`} data-testid="approval-status">{t(`approvals.status.${a.status}`)}</span>
        {a.expired && <span className="badge badge-warn" data-testid="approval-expired">{t('approvals.expired')}</span>}
      </div>
      <p className="approval-who">
        <span>{t('approvals.retailer')}: <strong>{a.retailerId ?? t('app.none')}</strong></span>
        <span>{t('approvals.client')}: {a.clientRef === null ? <span className="muted" data-testid="client-not-shared">{t('approvals.notShared')}</span> : <code>{a.clientRef}</code>}</span>
        <span className="muted">{t('approvals.requested', { who: a.requestedBy.displayName, when: formatDateTime(a.requestedAt, lang) })}</span>
      </p>
      <dl className="prices">
        <div><dt>{t('price.proposed')}</dt><dd>{money(a.proposedCents)}</dd></div>
        <div><dt>{t('price.floor')}</dt><dd>{money(a.floorCents)}</dd></div>
        <div><dt>{t('price.ceiling')}</dt><dd>{money(a.ceilingCents)}</dd></div>
        <div className="chosen"><dt>{t('price.chosen')}</dt><dd data-testid="approval-chosen">{money(a.chosenCents)}</dd></div>
        <div><dt>{t('price.deviation')}</dt><dd data-testid="approval-deviation">{formatDeviation(a.deviationCents, lang)}</dd></div>
      </dl>
      <p className="approval-reason">
        <span>{t('approvals.reason')}: <ReasonText reason={a.reason} text={a.reasonText} /></span>
        <span className="muted">{a.validUntil === null ? t('price.listPrice') : t('price.rangeUntil', { day: formatIsoDate(a.validUntil, lang) })}</span>
      </p>
      {a.status !== 'pending' && (
        <div className="decision" data-testid="approval-decision">
          <p>
            {t('approvals.decidedBy', {
              decision: t(`approvals.status.${a.status}`),
              who: a.decidedBy?.displayName ?? t('app.none'),
              when: a.decidedAt === null ? t('app.none') : formatDateTime(a.decidedAt, lang),
            })}
            {a.status === 'approved' && a.expiresOn && <> · {t('approvals.validUntil', { day: formatIsoDate(a.expiresOn, lang) })}</>}
          </p>
          {a.note && <p className="note"><q>{a.note}</q></p>}
        </div>
      )}
      {children}
    </article>
  );
}
