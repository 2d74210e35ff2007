// Every contact with the client, newest first, in the UI's language.
import { useTranslation } from 'react-i18next';
import type { TouchpointView } from '#contract/views.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { touchpointWords } from '../touchpoint-words.ts';
import { KindIcon } from './KindIcon.tsx';

export function Timeline({ items }: { items: TouchpointView[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (items.length === 0) return <p className="muted">{t('client.timelineEmpty')}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {items.map((tp) => {
        const words = touchpointWords(t, lang, tp);
        const kind = t(`touchpoint.kinds.${tp.kind}`, { defaultValue: t('touchpoint.kinds.other') });
        const channel = t(`touchpoint.channels.${tp.channel}`, { defaultValue: t('touchpoint.channels.other') });
        // "E-Mail · E-Mail" says nothing twice; a purchase has no channel worth naming.
        const sameWord = channel.toLowerCase() === kind.toLowerCase() || tp.kind === 'purchase';
        const head = [sameWord ? null : channel, t(`touchpoint.directions.${tp.direction}`, { defaultValue: '' })].filter(Boolean);
        return (
          <li key={tp.id} className={`tp tp-${tp.kind}`}>
            <span className="tp-icon"><KindIcon kind={tp.kind} /></span>
            <div className="tp-body">
              <p className="tp-head">
                <strong>{kind}</strong>
                {head.length > 0 && <span className="muted"> · {head.join(' · ')}</span>}
                <time className="tp-time muted" dateTime={new Date(tp.occurredAt).toISOString()}>{formatDateTime(tp.occurredAt, lang)}</time>
              </p>
              {words.summary && <p className="tp-summary">{words.summary}</p>}
              {words.outcome && <p className="tp-outcome">→ {words.outcome}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
