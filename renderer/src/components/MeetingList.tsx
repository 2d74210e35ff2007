// The client's meetings, newest first; a running one can be continued.
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '#contract/views.ts';
import { formatClock, formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { paths } from '../hooks/useRoute.ts';

export function MeetingList({ meetings }: { meetings: MeetingView[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t('client.meetings')}</h2>
      {meetings.length === 0 ? <p className="muted">{t('client.meetingsEmpty')}</p> : (
        <ul className="meeting-list" data-testid="meeting-list">
          {meetings.map((m) => (
            <li key={m.id}>
              <a href={paths.meeting(m.id)}>
                {formatDateTime(m.startedAt, lang)} – {m.reason ?? t('client.noReason')}
              </a>
              <span className={m.endedAt === null ? 'badge badge-live' : 'muted small'}>
                {m.endedAt === null ? t('client.meetingRunning') : t('client.meetingEnded', { time: formatClock(m.endedAt, lang) })}
              </span>
              {m.endedAt !== null && <a className="small" href={paths.advice(m.id)} data-testid="advice-link">{t('advice.open')}</a>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
