// The top of the meeting: whom we are talking to, how far the interview is,
// and the meeting's controls (next open question, client view, end). Turned
// to the client, only what the client may use stays: ending the meeting is
// gone, and going back to the advisor's view asks first (F9 does not).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';

interface Props {
  clientName: string;
  startedAt: number;
  answered: number;
  total: number;
  clientView: boolean;
  readOnly: boolean;
  ending: boolean;
  onNext: () => void;
  onClientView: () => void;
  onAdvisorView: () => void;
  onEnd: () => void;
}

export function MeetingBar(p: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [unlocking, setUnlocking] = useState(false);
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
          onClick={() => (p.clientView ? setUnlocking(true) : p.onClientView())}
        >
          <span className="switch" aria-hidden="true" /> {t('meeting.clientView')} <kbd>F9</kbd>
        </button>
        {!p.readOnly && !p.clientView && (
          <button type="button" className="btn btn-primary" onClick={p.onEnd} disabled={p.ending}>
            {p.ending ? t('meeting.ending') : t('meeting.end')}
          </button>
        )}
      </div>
      <ConfirmDialog
        open={unlocking}
        title={t('meeting.unlockTitle')}
        confirmLabel={t('meeting.advisorView')}
        onConfirm={() => { setUnlocking(false); p.onAdvisorView(); }}
        onCancel={() => setUnlocking(false)}
        testId="unlock-dialog"
      >
        <p>{t('meeting.unlockExplain')}</p>
      </ConfirmDialog>
    </div>
  );
}
