// Each retailer's rating by data contribution, with the figures it rests on,
// its place among the rated retailers and what the next rating would take.
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { formatDateTime, formatIsoDate, formatNumber } from '../format.ts';
import { useLang } from '../i18n/index.ts';
import { Section } from '../Section.tsx';
import { useLoad } from '../useLoad.ts';

export function Ratings() {
  const { t } = useTranslation();
  const lang = useLang();
  const loaded = useLoad(() => api.ratings(), 'ratings');
  const computedAt = loaded.data?.computedAt;
  const aside = loaded.data && (
    <span className="muted" data-testid="ratings-computed">
      {computedAt == null ? t('ratings.notYet') : t('ratings.computedAt', { when: formatDateTime(computedAt, lang) })}
    </span>
  );
  return (
    <Section title={t('ratings.title')} intro={t('ratings.intro')} loaded={loaded} aside={aside}>
      {({ ratings }) => ratings.length === 0 ? <p className="empty">{t('ratings.none')}</p> : (
        <table className="data-table" data-testid="ratings">
          <thead>
            <tr>
              <th scope="col">{t('ratings.retailer')}</th>
              <th scope="col">{t('ratings.rating')}</th>
              <th scope="col" className="num">{t('ratings.points')}</th>
              <th scope="col" className="num">{t('ratings.answers')}</th>
              <th scope="col" className="num">{t('ratings.outcomes')}</th>
              <th scope="col" className="num">{t('ratings.completeProfiles')}</th>
              <th scope="col">{t('ratings.place')}</th>
              <th scope="col">{t('ratings.next')}</th>
              <th scope="col">{t('ratings.window')}</th>
            </tr>
          </thead>
          <tbody>
            {[...ratings].sort((a, b) => b.points - a.points || a.retailerId.localeCompare(b.retailerId)).map((r) => (
              <tr key={r.retailerId} data-retailer={r.retailerId}>
                <th scope="row">{r.retailerId}</th>
                <td><span className={`rating rating-${r.rating}`}>{t(`ratings.names.${r.rating}`)}</span></td>
                <td className="num">{formatNumber(r.points, lang)}</td>
                <td className="num">{formatNumber(r.figures.answers, lang)}</td>
                <td className="num">{formatNumber(r.figures.outcomes, lang)}</td>
                <td className="num">{formatNumber(r.figures.completeProfiles, lang)}</td>
                <td className="nowrap">{r.place === null ? t('app.none') : t('ratings.placeOf', { place: r.place, of: r.of })}</td>
                <td>{r.next === null ? t('ratings.top') : t('ratings.nextStep', { count: r.next.points, rating: t(`ratings.names.${r.next.rating}`) })}</td>
                <td className="nowrap">{t('ratings.windowRange', { from: formatIsoDate(r.from, lang), until: formatIsoDate(r.until, lang) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
