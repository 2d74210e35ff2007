// Every contact with the client, newest first.
import { useTranslation } from 'react-i18next';
import type { TouchpointView } from '#contract/views.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { KindIcon } from './KindIcon.tsx';

export function Timeline({ items }: { items: TouchpointView[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (items.length === 0) return <p className="muted">{t('client.timelineEmpty')}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {items.map((tp) => (
        <li key={tp.id} className={`tp tp-${tp.kind}`}>
          <span className="tp-icon"><KindIcon kind={tp.kind} /></span>
          <div className="tp-body">
            <p className="tp-head">
              <strong>{t(`touchpoint.kinds.${tp.kind}`)}</strong>
              <span className="muted"> · {t(`touchpoint.channels.${tp.channel}`)} · {t(`touchpoint.directions.${tp.direction}`)}</span>
              <time className="tp-time muted" dateTime={new Date(tp.occurredAt).toISOString()}>{formatDateTime(tp.occurredAt, lang)}</time>
            </p>
            {tp.summary && <p className="tp-summary">{tp.summary}</p>}
            {tp.outcome && <p className="tp-outcome">→ {tp.outcome}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
