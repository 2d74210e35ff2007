// One version of the advice record as the client will read it.
import { useTranslation } from 'react-i18next';
import type { AdviceContent } from '#core/advice.ts';
import { formatDateTime } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';

export function AdviceContentView({ content: c }: { content: AdviceContent }) {
  const { t } = useTranslation();
  const lang = useLang();
  const block = (key: string, text: string | null, testid?: string) => (
    <section className="advice-block" data-testid={testid}>
      <h3>{t(`advice.section.${key}`)}</h3>
      <p className="prewrap">{text || t('common.none')}</p>
    </section>
  );
  return (
    <div className="advice-content">
      <p className="small">{c.client.name}{c.client.address ? `, ${c.client.address}` : ''} · {t('advice.meetingOn', { when: formatDateTime(c.meeting.startedAt, lang) })} · {c.advisor}</p>
      {block('reason', c.reason)}
      {block('wishes', c.wishes)}
      {block('risk', c.riskSituation)}
      <section className="advice-block" data-testid="advice-course">
        <h3>{t('advice.section.course')}</h3>
        {c.offers.length === 0 ? <p>{t('advice.noOffers')}</p> : (
          <ul>
            {c.offers.map((o, i) => (
              <li key={`${o.offer}-${i}`} data-testid="advice-offer" data-outcome={o.outcome} data-offer={o.offer}>
                <strong>{o.name}</strong>: {t(`offers.outcome.${o.outcome}`)}
                {o.reasonCode && ` – ${t(`offers.reason.${o.reasonCode}`)}`}{o.note && ` („${o.note}“)`}
                {o.reasons.length > 0 && <span className="muted small"> · {o.reasons.join('; ')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {block('advice', c.advice)}
      {block('decision', c.decision, 'advice-decision')}
    </div>
  );
}
