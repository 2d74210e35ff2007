// "What happened last" in one line, on top of the client page.
import { useTranslation } from 'react-i18next';
import type { TouchpointView } from '#contract/views.ts';
import { formatDate, formatRelative } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { touchpointWords } from '../touchpoint-words.ts';
import { KindIcon } from './KindIcon.tsx';

export function LastContact({ timeline }: { timeline: TouchpointView[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const last = timeline[0];
  if (!last) return <p className="last-contact muted" data-testid="last-contact-line">{t('client.noContact')}</p>;
  const words = touchpointWords(t, lang, last);
  // An offer's line names itself ("Angebot Umzugspaket: abgelehnt"); others say their kind first.
  const what = last.kind === 'offer' && last.offer ? words.summary : [words.what, words.summary].filter(Boolean).join(': ');
  return (
    <p className="last-contact" data-testid="last-contact-line">
      <KindIcon kind={last.kind} />
      <span>{t('client.lastContact', { date: formatDate(last.occurredAt, lang), relative: formatRelative(last.occurredAt, lang), what })}</span>
    </p>
  );
}
