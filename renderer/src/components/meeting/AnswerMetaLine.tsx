// Who gave an answer and when; internal, so hidden in the client view.
import { useTranslation } from 'react-i18next';
import type { AnswerMeta } from '../../hooks/useAnswer.ts';
import { formatClock, formatDate } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';

export function AnswerMetaLine({ meta, meetingId }: { meta: AnswerMeta | null; meetingId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!meta) return null;
  const earlier = meta.meetingId !== meetingId;
  const when = earlier ? formatDate(meta.at, lang) : formatClock(meta.at, lang);
  return (
    <span className="internal small muted answer-meta" data-testid="answer-meta">
      {meta.by === 'advisor' ? t('meeting.byAdvisor') : t('meeting.byClient')} · {when}
      {earlier && ` · ${t('meeting.earlier')}`}
    </span>
  );
}
