// The retailer's rating by data contribution, as the backend last sent it:
// the rating, the figures behind it, the place among the rated retailers, the
// window counted, and how many more data points would reach the next rating.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate, formatIsoDate, formatNumber } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { errorMessage } from '../problems.ts';
import { orpc } from '../rpc.ts';

export function RatingScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const held = useQuery(orpc.retail.rating.queryOptions());
  const n = (x: number) => formatNumber(x, lang);
  const r = held.data?.rating;
  return (
    <main id="main" className="screen rating-screen">
      <div className="screen-head"><h1>{t('retail.rating.title')}</h1></div>
      <p className="muted">{t('retail.rating.intro')}</p>
      {held.isError && <p className="form-error" role="alert">{errorMessage(t, held.error)}</p>}
      {held.isPending ? <p className="muted">{t('app.loading')}</p> : !r ? <p className="list-empty" data-testid="rating-none">{t('retail.rating.none')}</p> : (
        <div className="rating-grid">
          <section className="card rating-card" data-rating={r.rating} data-testid="rating">
            <p className="rating-level">{t(`retail.rating.level.${r.rating}`)}</p>
            <p>{r.place !== null ? t('retail.rating.place', { place: n(r.place), of: n(r.of) }) : t('retail.rating.unplaced', { of: n(r.of) })}</p>
            <p className="muted small">{t('retail.rating.window', { from: formatIsoDate(r.from, lang), until: formatIsoDate(r.until, lang) })}</p>
            <p className="muted small">{t('retail.rating.received', { date: formatDate(held.data!.receivedAt, lang) })}</p>
          </section>
          <section className="card" aria-labelledby="rating-figures">
            <h2 id="rating-figures">{t('retail.rating.figures')}</h2>
            <table className="rating-figures">
              <tbody>
                <tr><th scope="row">{t('retail.rating.answers')}</th><td className="num">{n(r.figures.answers)}</td></tr>
                <tr><th scope="row">{t('retail.rating.outcomes')}</th><td className="num">{n(r.figures.outcomes)}</td></tr>
                <tr><th scope="row">{t('retail.rating.completeProfiles')}</th><td className="num">{n(r.figures.completeProfiles)}</td></tr>
                <tr className="total"><th scope="row">{t('retail.rating.points')}</th><td className="num">{n(r.points)}</td></tr>
              </tbody>
            </table>
            <p className="rating-next" data-testid="rating-next">
              {r.next ? t('retail.rating.next', { points: n(r.next.points), rating: t(`retail.rating.level.${r.next.rating}`) }) : t('retail.rating.top')}
            </p>
            <p className="muted small">{t('retail.rating.how')}</p>
          </section>
        </div>
      )}
    </main>
  );
}
