// The propensity versions the backend learned, newest first, and the newest
// one's acceptance rates: one row per offer, one column per segment, to a
// tenth of a percent (the learned figures carry more than anyone reads).
import { useTranslation } from 'react-i18next';
import { SEGMENT_IDS, SEGMENT_NAMES } from '#core/segments/ids.ts';
import { api } from '../api.ts';
import { formatDateTime, formatNumber, formatPercent } from '../format.ts';
import { useLang } from '../i18n/index.ts';
import { Section } from '../Section.tsx';
import { useLoad } from '../useLoad.ts';

/** learnedAt is an ISO moment; anything else is shown as it came. */
const moment = (iso: string) => (Number.isNaN(Date.parse(iso)) ? null : Date.parse(iso));

export function Learning() {
  const { t } = useTranslation();
  const lang = useLang();
  const loaded = useLoad(() => api.propensities(), 'propensities');
  return (
    <Section title={t('learning.title')} intro={t('learning.intro')} loaded={loaded}>
      {({ versions, rates }) => {
        if (versions.length === 0) return <p className="empty">{t('learning.none')}</p>;
        const newest = [...versions].sort((a, b) => b.version - a.version);
        // Segments in their usual order, then any the rule set added since.
        const segments = [...SEGMENT_IDS.filter((s) => s in rates), ...Object.keys(rates).filter((s) => !(SEGMENT_IDS as readonly string[]).includes(s))];
        const offers = [...new Set(Object.values(rates).flatMap((r) => Object.keys(r)))].sort();
        const segmentName = (s: string) => (SEGMENT_NAMES as Record<string, { de: string; en: string }>)[s]?.[lang] ?? s;
        return (
          <>
            <h2>{t('learning.versions')}</h2>
            <table className="data-table narrow-table" data-testid="propensity-versions">
              <thead>
                <tr>
                  <th scope="col" className="num">{t('learning.version')}</th><th scope="col">{t('learning.publishedAt')}</th>
                  <th scope="col">{t('learning.learnedAt')}</th><th scope="col" className="num">{t('learning.outcomes')}</th>
                </tr>
              </thead>
              <tbody>
                {newest.map((v) => {
                  const learned = moment(v.learnedAt);
                  return (
                    <tr key={v.version}>
                      <th scope="row" className="num">{v.version}</th>
                      <td>{formatDateTime(v.publishedAt, lang)}</td>
                      <td>{learned === null ? v.learnedAt : formatDateTime(learned, lang)}</td>
                      <td className="num">{formatNumber(v.outcomes, lang)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <h2 className="section-gap">{t('learning.rates', { version: newest[0]!.version })}</h2>
            {offers.length === 0 ? <p className="empty">{t('learning.noRates')}</p> : (
              <div className="table-scroll">
                <table className="data-table rates-table" data-testid="propensity-rates">
                  <thead>
                    <tr>
                      <th scope="col">{t('learning.offer')}</th>
                      {segments.map((s) => <th key={s} scope="col" className="num">{segmentName(s)}</th>)}
                    </tr>
                  </thead>
                  <tbody>
                    {offers.map((o) => (
                      <tr key={o}>
                        <th scope="row"><code>{o}</code></th>
                        {segments.map((s) => {
                          const rate = rates[s]?.[o];
                          return <td key={s} className="num">{rate === undefined ? t('app.none') : formatPercent(Math.round(rate * 1000) / 1000, lang)}</td>;
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        );
      }}
    </Section>
  );
}
