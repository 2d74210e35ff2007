// Per retailer: how many sales, how many at another price than the proposal,
// the requests and decisions, the mean deviation; then every deviating sale
// with who sold it, the prices and the reason.
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { formatCents, formatDeviation, formatIsoDate, formatNumber } from '../format.ts';
import { useLang } from '../i18n/index.ts';
import { ReasonText } from '../Reason.tsx';
import { Section } from '../Section.tsx';
import { useLoad } from '../useLoad.ts';

export function Deviations() {
  const { t } = useTranslation();
  const lang = useLang();
  const loaded = useLoad(() => api.deviations({}), 'deviations');
  return (
    <Section title={t('deviations.title')} intro={t('deviations.intro')} loaded={loaded}>
      {(retailers) => retailers.length === 0 ? <p className="empty">{t('deviations.none')}</p> : retailers.map((r) => (
        <section key={r.retailerId} className="card" aria-labelledby={`dev-${r.retailerId}`} data-testid="retailer-deviations" data-retailer={r.retailerId}>
          <h2 id={`dev-${r.retailerId}`}>{r.retailerId}</h2>
          <dl className="figures">
            <div><dt>{t('deviations.sales')}</dt><dd>{formatNumber(r.sales, lang)}</dd></div>
            <div><dt>{t('deviations.deviations')}</dt><dd>{formatNumber(r.deviations, lang)}</dd></div>
            <div><dt>{t('deviations.requests')}</dt><dd>{formatNumber(r.requests, lang)}</dd></div>
            <div><dt>{t('deviations.approved')}</dt><dd>{formatNumber(r.approved, lang)}</dd></div>
            <div><dt>{t('deviations.declined')}</dt><dd>{formatNumber(r.declined, lang)}</dd></div>
            <div><dt>{t('deviations.mean')}</dt><dd>{r.meanDeviationCents === null ? t('app.none') : formatDeviation(Math.round(r.meanDeviationCents), lang)}</dd></div>
          </dl>
          {r.rows.length === 0 ? <p className="muted">{t('deviations.noRows')}</p> : (
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('deviations.day')}</th>
                    <th scope="col">{t('approvals.product')}</th>
                    <th scope="col">{t('approvals.client')}</th>
                    <th scope="col">{t('deviations.soldBy')}</th>
                    <th scope="col" className="num">{t('price.proposed')}</th>
                    <th scope="col" className="num">{t('price.sold')}</th>
                    <th scope="col" className="num">{t('price.deviation')}</th>
                    <th scope="col">{t('approvals.reason')}</th>
                    <th scope="col">{t('deviations.basis')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.rows.map((row) => (
                    <tr key={row.id}>
                      <td className="nowrap">{formatIsoDate(row.on, lang)}</td>
                      <td>{row.productName[lang]}{row.variant && <span className="muted"> · {t('price.variant', { variant: row.variant })}</span>}</td>
                      <td>{row.clientRef === null ? <span className="muted small" data-testid="client-not-shared">{t('approvals.notShared')}</span> : <code>{row.clientRef}</code>}</td>
                      <td>{row.soldBy.displayName}</td>
                      <td className="num">{formatCents(row.proposedCents, lang)}</td>
                      <td className="num">{formatCents(row.chosenCents, lang)}</td>
                      <td className="num">{formatDeviation(row.deviationCents, lang)}</td>
                      <td><ReasonText reason={row.reason} text={row.reasonText} /></td>
                      <td>{row.decision === 'approved' ? t('deviations.approvedBasis') : t('deviations.within_range')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </Section>
  );
}
