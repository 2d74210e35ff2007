// The forecast moves between segments as a flow: today's segment on the left,
// the forecast one on the right, each band as wide as the clients it carries.
// The two sides are separate nodes, so a segment that both loses and gains
// clients never makes the diagram circular.
import { useTranslation } from 'react-i18next';
import { Sankey, Tooltip, type SankeyNodeProps } from 'recharts';
import type { BookPictureView } from '#contract/views.ts';
import { SEGMENT_AREA, SEGMENT_NAMES, type SegmentArea, type SegmentId } from '#core/segments/ids.ts';
import { formatNumber } from '../../format.ts';
import type { Language } from '../../i18n/index.ts';
import { useLang } from '../../hooks/useLang.ts';
import { FigureTable } from './FigureTable.tsx';
import { COLORS } from './palette.ts';

/** Room beside the nodes for the segment names, which are long in German. */
const LABEL_ROOM = 320;

type FlowNodeData = { name: string; side: 'from' | 'to'; area: SegmentArea };

function FlowNode({ x, y, width, height, payload, lang }: SankeyNodeProps & { lang: Language }) {
  const node = payload as unknown as FlowNodeData & { value: number };
  const left = node.side === 'from';
  return (
    <g>
      <rect x={x} y={y} width={width} height={height} fill={COLORS[node.area]} />
      <text x={left ? x - 8 : x + width + 8} y={y + height / 2} textAnchor={left ? 'end' : 'start'} dominantBaseline="middle"
        fill={COLORS.text} fontSize={13}>
        {`${node.name} (${formatNumber(node.value, lang)})`}
      </text>
    </g>
  );
}

export function MigrationFlow({ picture }: { picture: BookPictureView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = (s: SegmentId) => SEGMENT_NAMES[s][lang];
  const flows = picture.migrations.filter((m) => m.count > 0);
  const froms = [...new Set(flows.map((m) => m.from))];
  const tos = [...new Set(flows.map((m) => m.to))];
  const data = {
    nodes: [
      ...froms.map((s): FlowNodeData => ({ name: name(s), side: 'from', area: SEGMENT_AREA[s] })),
      ...tos.map((s): FlowNodeData => ({ name: name(s), side: 'to', area: SEGMENT_AREA[s] })),
    ],
    links: flows.map((m) => ({ source: froms.indexOf(m.from), target: froms.length + tos.indexOf(m.to), value: m.count })),
  };
  const height = Math.max(180, Math.max(froms.length, tos.length) * 48 + 24);

  return (
    <section className="card book-card book-migrations" aria-labelledby="book-migrations-title">
      <h2 id="book-migrations-title">{t('book.migrations.title')}</h2>
      {flows.length === 0
        ? <p className="muted" data-testid="book-migrations-empty">{t('book.migrations.empty')}</p>
        : (
          <>
            <p className="muted small">{t('book.migrations.hint')}</p>
            <div className="book-flow-heads muted small" aria-hidden="true">
              <span>{t('book.migrations.from')}</span><span>{t('book.migrations.to')}</span>
            </div>
            <div className="book-chart" aria-hidden="true" data-testid="book-migrations-chart">
              <Sankey data={data} width="100%" height={height} nodeWidth={12} nodePadding={20}
                margin={{ top: 8, bottom: 8, left: LABEL_ROOM, right: LABEL_ROOM }}
                node={(p: SankeyNodeProps) => <FlowNode {...p} lang={lang} />}
                link={{ stroke: COLORS.flow, strokeOpacity: 0.35 }}>
                <Tooltip formatter={(v) => formatNumber(Number(v), lang)} />
              </Sankey>
            </div>
          </>
        )}
      <FigureTable
        testId="book-migrations-table"
        caption={t('book.migrations.caption')}
        head={[t('book.migrations.from'), t('book.migrations.to'), t('book.clients')]}
        rows={flows.map((m) => [name(m.from), name(m.to), formatNumber(m.count, lang)])}
      />
    </section>
  );
}
