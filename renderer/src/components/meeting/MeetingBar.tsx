// The top of the meeting: whom we are talking to, how far the interview is,
// and the meeting's controls (next open question, client view, end).
import { useTranslation } from 'react-i18next';
import { formatClock } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';

interface Props {
  clientName: string;
  startedAt: number;
  answered: number;
  total: number;
  clientView: boolean;
  readOnly: boolean;
  ending: boolean;
  onNext: () => void;
  onToggleView: () => void;
  onEnd: () => void;
}

export function MeetingBar(p: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className={`meeting-bar${p.clientView ? ' is-client-view' : ''}`}>
      <div className="meeting-title">
        <h1>{t('meeting.with', { name: p.clientName })}</h1>
        <span className="muted small">{t('meeting.startedAt', { time: formatClock(p.startedAt, lang) })}</span>
      </div>
      <div className="meeting-progress">
        <progress value={p.answered} max={p.total} aria-hidden="true" />
        <span role="status" data-testid="progress">{t('meeting.progress', { answered: p.answered, total: p.total })}</span>
      </div>
      <div className="meeting-actions">
        {!p.readOnly && (
          <button type="button" className="btn" onClick={p.onNext} aria-keyshortcuts="Alt+N">
            {t('meeting.nextUnanswered')} <kbd>Alt+N</kbd>
          </button>
        )}
        <button
          type="button"
          className={`btn toggle${p.clientView ? ' on' : ''}`}
          aria-pressed={p.clientView}
          aria-keyshortcuts="F9"
          data-testid="client-view-toggle"
          onClick={p.onToggleView}
        >
          <span className="switch" aria-hidden="true" /> {t('meeting.clientView')} <kbd>F9</kbd>
        </button>
        {!p.readOnly && (
          <button type="button" className="btn btn-primary" onClick={p.onEnd} disabled={p.ending}>
            {p.ending ? t('meeting.ending') : t('meeting.end')}
          </button>
        )}
      </div>
    </div>
  );
}
