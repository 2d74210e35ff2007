// Clients per value tier (A, B, C), and those not assessed yet in grey: in a
// young book most are, and that is worth seeing too.
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { BookPictureView } from '#contract/views.ts';
import { formatNumber } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { FigureTable } from './FigureTable.tsx';
import { COLORS } from './palette.ts';

export function TierChart({ picture }: { picture: BookPictureView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (x: number) => formatNumber(x, lang);
  const data = [
    ...picture.byTier.map(({ tier, count }) => ({ name: t('book.tiers.name', { tier }), count, fill: COLORS.tiers[tier] })),
    { name: t('book.tiers.none'), count: picture.unassessed, fill: COLORS.none },
  ];

  return (
    <section className="card book-card book-tiers" aria-labelledby="book-tiers-title">
      <h2 id="book-tiers-title">{t('book.tiers.title')}</h2>
      <p className="muted small">{t('book.tiers.hint')}</p>
      <div className="book-chart" aria-hidden="true" data-testid="book-tiers-chart">
        <BarChart data={data} responsive accessibilityLayer={false} style={{ width: '100%', height: 280 }}
          margin={{ top: 8, right: 8, bottom: 4, left: 8 }}>
          <CartesianGrid vertical={false} stroke={COLORS.grid} />
          <XAxis dataKey="name" interval={0} tick={{ fill: COLORS.text, fontSize: 13 }} />
          <YAxis allowDecimals={false} tickFormatter={n} width={56} />
          <Tooltip formatter={(v) => [n(Number(v)), t('book.clients')]} />
          <Bar dataKey="count" name={t('book.clients')}
            shape={(p: BarShapeProps) => <Rectangle {...p} fill={(p.payload as { fill: string }).fill} />} />
        </BarChart>
      </div>
      <FigureTable
        testId="book-tiers-table"
        caption={t('book.tiers.caption')}
        head={[t('book.tiers.tier'), t('book.clients')]}
        rows={picture.byTier.map(({ tier, count }) => [t('book.tiers.name', { tier }), n(count)])}
        foot={[[t('book.tiers.none'), n(picture.unassessed)]]}
      />
    </section>
  );
}
