// "Mein Bestand": the whole book at a glance. Clients per segment in force and
// per value tier, and where the forecasts say segments are heading; each
// chart with its figures in a table for screen readers.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MigrationFlow } from '../components/book/MigrationFlow.tsx';
import { SatisfactionTrend } from '../components/book/SatisfactionTrend.tsx';
import { SegmentChart } from '../components/book/SegmentChart.tsx';
import { TierChart } from '../components/book/TierChart.tsx';
import { formatNumber } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { errorMessage } from '../problems.ts';
import { orpc } from '../rpc.ts';

export function BookScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const picture = useQuery(orpc.book.picture.queryOptions());

  if (picture.isError) return <main id="main" className="screen"><p className="form-error" role="alert">{errorMessage(t, picture.error)}</p></main>;
  const data = picture.data;
  return (
    <main id="main" className="screen book">
      <div className="screen-head">
        <h1>{t('book.title')}</h1>
        {data && <span className="muted" data-testid="book-total">{t('book.clientsTotal', { count: data.total, formatted: formatNumber(data.total, lang) })}</span>}
      </div>
      <p className="muted">{t('book.intro')}</p>
      {!data && <p className="muted">{t('app.loading')}</p>}
      {data && (
        <div className="book-grid">
          <SegmentChart picture={data} />
          <TierChart picture={data} />
          <MigrationFlow picture={data} />
        </div>
      )}
      {data && <SatisfactionTrend />}
    </main>
  );
}
