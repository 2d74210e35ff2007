// The life coach's second list: the clients who gave them a mandate, with
// what is left of the budget in the current period and how many alerts wait.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatCents, formatDate, formatIsoDate, formatNumber } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { paths } from '../hooks/useRoute.ts';
import { errorMessage } from '../problems.ts';
import { orpc } from '../rpc.ts';

export function CoachScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useQuery(orpc.coach.clients.queryOptions());
  const money = (c: number) => formatCents(c, lang);
  const day = (d: string) => formatIsoDate(d, lang);
  return (
    <main id="main" className="screen coach-screen">
      <div className="screen-head"><h1>{t('coach.mandates.title')}</h1></div>
      <p className="muted">{t('coach.mandates.intro')}</p>
      {list.isError && <p className="form-error" role="alert">{errorMessage(t, list.error)}</p>}
      {list.isPending ? <p className="muted">{t('app.loading')}</p> : list.data && list.data.length === 0 ? (
        <p className="list-empty">{t('coach.mandates.empty')}</p>
      ) : list.data && (
        <table className="card mandate-table" data-testid="mandate-clients">
          <thead>
            <tr>
              <th scope="col">{t('coach.mandates.client')}</th>
              <th scope="col">{t('coach.mandates.areas')}</th>
              <th scope="col" className="num">{t('coach.mandates.left')}</th>
              <th scope="col">{t('coach.mandates.valid')}</th>
              <th scope="col" className="num">{t('coach.mandates.alerts')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((m) => (
              <tr key={m.mandateId} data-testid="mandate-client" data-revoked={m.revokedAt !== null || undefined}>
                <td><a href={paths.client(m.clientId)}>{[m.firstName, m.lastName].filter(Boolean).join(' ')}</a></td>
                <td>{m.areas.map((a) => t(`mandate.area.${a}`, { defaultValue: a })).join(', ')}</td>
                <td className="num">
                  {m.revokedAt === null ? (
                    <>
                      {t('coach.mandates.leftOf', { left: money(m.budget.leftCents), budget: money(m.budget.budgetCents) })}
                      <span className="muted small block">{t('coach.mandates.until', { date: day(m.budget.period.to) })}</span>
                    </>
                  ) : <span className="muted">–</span>}
                </td>
                <td>
                  {m.revokedAt !== null ? <span className="badge badge-plain">{t('coach.mandates.revoked', { date: formatDate(m.revokedAt, lang) })}</span>
                    : m.validUntil ? t('coach.mandates.validRange', { from: day(m.validFrom), to: day(m.validUntil) })
                      : t('coach.mandates.validFrom', { date: day(m.validFrom) })}
                </td>
                <td className="num">{m.openAlerts > 0 ? <a href={paths.alerts()}>{formatNumber(m.openAlerts, lang)}</a> : <span className="muted">0</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
