// Clients per segment in force: Economy and Premium in their own colours, in
// the model's order (the six Economy segments first), and those without a
// segment in grey below them.
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { BookPictureView } from '#contract/views.ts';
import { SEGMENT_AREA, SEGMENT_NAMES } from '#core/segments/ids.ts';
import { formatNumber } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { FigureTable } from './FigureTable.tsx';
import { COLORS } from './palette.ts';

const ROW_HEIGHT = 30;

export function SegmentChart({ picture }: { picture: BookPictureView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (x: number) => formatNumber(x, lang);
  const areaName = { economy: t('book.segments.economy'), premium: t('book.segments.premium') };
  // One key per colour; a row fills only its own, so each bar takes its area's colour and the legend names the areas.
  const data = [
    ...picture.bySegment.map(({ segment, count }) => ({
      name: SEGMENT_NAMES[segment][lang],
      economy: SEGMENT_AREA[segment] === 'economy' ? count : null,
      premium: SEGMENT_AREA[segment] === 'premium' ? count : null,
      none: null,
    })),
    { name: t('book.segments.none'), economy: null, premium: null, none: picture.unsegmented },
  ];
  const segmented = picture.total - picture.unsegmented;

  return (
    <section className="card book-card book-segments" aria-labelledby="book-segments-title">
      <h2 id="book-segments-title">{t('book.segments.title')}</h2>
      <p className="muted small">{t('book.segments.hint')}</p>
      <div className="book-chart" aria-hidden="true" data-testid="book-segments-chart">
        <BarChart layout="vertical" data={data} responsive accessibilityLayer={false}
          style={{ width: '100%', height: data.length * ROW_HEIGHT + 70 }} margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={COLORS.grid} />
          <XAxis type="number" allowDecimals={false} tickFormatter={n} />
          <YAxis type="category" dataKey="name" width={300} interval={0} tick={{ fill: COLORS.text, fontSize: 13 }} />
          <Tooltip formatter={(v) => n(Number(v))} />
          <Legend />
          <Bar dataKey="economy" stackId="area" name={areaName.economy} fill={COLORS.economy} />
          <Bar dataKey="premium" stackId="area" name={areaName.premium} fill={COLORS.premium} />
          <Bar dataKey="none" stackId="area" name={t('book.segments.none')} fill={COLORS.none} legendType="none" />
        </BarChart>
      </div>
      <FigureTable
        testId="book-segments-table"
        caption={t('book.segments.caption')}
        head={[t('book.segments.segment'), t('book.segments.area'), t('book.clients')]}
        rows={picture.bySegment.map(({ segment, count }) => [SEGMENT_NAMES[segment][lang], areaName[SEGMENT_AREA[segment]], n(count)])}
        foot={[[t('book.segments.total'), '', n(segmented)], [t('book.segments.none'), '', n(picture.unsegmented)]]}
      />
    </section>
  );
}
