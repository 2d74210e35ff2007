// NPS and CES per month over the last six months, for all clients, per segment
// in force and per value tier: a table, month by month, so a trend is read
// along a row and a group is compared down a column.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SEGMENT_NAMES } from '#core/segments/ids.ts';
import { useLang } from '../../hooks/useLang.ts';
import { orpc } from '../../rpc.ts';

type Point = { month: string; nps: number | null; ces: number | null; responses: number };

export function SatisfactionTrend() {
  const { t } = useTranslation();
  const lang = useLang();
  const trend = useQuery(orpc.book.satisfaction.queryOptions({ input: { months: 6 } }));
  const d = trend.data;
  if (!d) return null;
  const monthName = (month: string) => new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(Date.parse(`${month}-01T00:00:00Z`));
  const cell = (p: Point) => (p.responses === 0 ? <td key={p.month} className="empty">–</td> : (
    <td key={p.month}>{t('satisfaction.cell', { nps: p.nps ?? '–', ces: p.ces === null ? '–' : p.ces.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB'), n: p.responses })}</td>
  ));
  const answered = d.sources.meetings + d.sources.purchases + d.sources.sales;
  return (
    <section className="card" aria-labelledby="satisfaction-title" data-testid="satisfaction-trend">
      <h2 id="satisfaction-title">{t('satisfaction.trendTitle')}</h2>
      <p className="hint">{t('satisfaction.trendHint')}</p>
      {answered === 0 ? <p className="muted">{t('satisfaction.empty')}</p> : (
        <div className="table-scroll">
          <table className="satisfaction-table">
            <thead><tr><th scope="col">{t('satisfaction.group')}</th>{d.months.map((m) => <th key={m} scope="col">{monthName(m)}</th>)}</tr></thead>
            <tbody>
              <tr><th scope="row">{t('satisfaction.overall')}</th>{d.overall.map(cell)}</tr>
              {d.bySegment.map((s) => <tr key={s.id}><th scope="row">{SEGMENT_NAMES[s.id][lang]}</th>{s.points.map(cell)}</tr>)}
              {d.byTier.map((x) => <tr key={x.id}><th scope="row">{t('satisfaction.tier', { tier: x.id })}</th>{x.points.map(cell)}</tr>)}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">{t('satisfaction.sources', d.sources)}</p>
    </section>
  );
}
