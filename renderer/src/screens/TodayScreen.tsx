// "Heute": where an advisor's day starts. The meetings planned for today in
// order, each with the client's last contact and open tasks and a button that
// starts the meeting; the tasks due; for a life coach the alerts waiting; and
// the plan as a calendar file for the advisor's own calendar.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { download } from '../download.ts';
import { formatClock, formatDate, formatIsoDate, todayIso } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { navigate, paths } from '../hooks/useRoute.ts';
import { errorMessage } from '../problems.ts';
import { client, orpc } from '../rpc.ts';

const DAY_MS = 86_400_000;
/** Tasks due listed on the day; the rest are a click away on the tasks screen. */
const TASKS_SHOWN = 8;

/** Today in this computer's time zone: its first moment, the next day's, and its date. */
function today() {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return { from: start.getTime(), to: next.getTime(), day: todayIso(start) };
}

export function TodayScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const span = today();
  const view = useQuery(orpc.day.view.queryOptions({ input: span }));
  const start = useMutation({
    mutationFn: (id: string) => client.appointments.start({ id }),
    onSuccess: ({ meetingId }) => navigate(paths.meeting(meetingId)),
  });
  const calendar = useMutation({
    mutationFn: () => client.appointments.calendar({ from: span.from, to: span.from + 30 * DAY_MS, language: lang === 'en' ? 'en' : 'de' }),
    onSuccess: ({ fileName, text }) => download(fileName, new Blob([text], { type: 'text/calendar' })),
  });
  const d = view.data;
  const weekday = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(span.from);
  return (
    <main id="main" className="screen today-screen">
      <div className="screen-head">
        <h1>{t('day.title')}</h1>
        <span className="count">{weekday}</span>
        <button type="button" className="btn head-action" onClick={() => calendar.mutate()} disabled={calendar.isPending} title={t('day.calendarHint')} data-testid="calendar-export">
          {t('day.calendar')}
        </button>
      </div>
      {calendar.data && <p className="hint" role="status">{t('day.calendarSaved', { fileName: calendar.data.fileName })}</p>}
      {(calendar.error ?? start.error) && <p className="form-error" role="alert">{errorMessage(t, calendar.error ?? start.error)}</p>}
      <div className="today-columns">
        <section aria-labelledby="today-meetings" className="today-meetings">
          <h2 id="today-meetings">{t('day.meetings')}</h2>
          {d && d.appointments.length === 0 && (
            <div className="card" data-testid="today-empty"><p>{t('day.none')}</p><p className="hint">{t('day.noneHint')}</p></div>
          )}
          {d?.appointments.map((a) => (
            <article key={a.id} className="card today-meeting" data-testid="today-meeting">
              <div className="today-meeting-head">
                <span className="today-time">{t('day.time', { from: formatClock(a.startsAt, lang), to: formatClock(a.startsAt + a.minutes * 60_000, lang) })}</span>
                <a href={paths.client(a.client.id)}><strong>{a.client.firstName} {a.client.lastName}</strong></a>
                <button type="button" className={a.meetingId ? 'btn' : 'btn btn-primary'} disabled={start.isPending} onClick={() => start.mutate(a.id)}>
                  {a.meetingId ? t('day.resume') : t('day.start')}
                </button>
              </div>
              <p className="today-purpose">{a.purpose}{a.place ? <span className="muted"> · {a.place}</span> : null}</p>
              <p className="hint">
                {a.lastContact ? t('day.lastContact', { when: formatDate(a.lastContact.occurredAt, lang), summary: a.lastContact.summary }) : t('day.noContact')}
              </p>
              {a.openTasks.length > 0 && (
                <ul className="today-tasks" aria-label={t('day.openTasks')}>
                  {a.openTasks.map((task) => (
                    <li key={task.id}>{task.title}{task.dueDate ? <span className="muted"> · {t('day.due', { date: formatIsoDate(task.dueDate, lang) })}</span> : null}</li>
                  ))}
                </ul>
              )}
            </article>
          ))}
        </section>
        <aside className="today-side">
          {d?.alerts && (
            <section className="card" aria-labelledby="today-alerts" data-testid="today-alerts">
              <h2 id="today-alerts">{t('day.alerts')}</h2>
              <p>{t('day.alertsOpen', { count: d.alerts.open })}{d.alerts.urgent > 0 ? `, ${t('day.alertsUrgent', { count: d.alerts.urgent })}` : ''}</p>
              <a className="btn" href={paths.alerts()}>{t('day.toInbox')}</a>
            </section>
          )}
          <section className="card" aria-labelledby="today-due" data-testid="today-due">
            <h2 id="today-due">{t('day.tasksDue')}</h2>
            {d && d.tasksDue.length === 0 ? <p className="muted">{t('day.tasksDueNone')}</p> : (
              <ul className="today-tasks">
                {d?.tasksDue.slice(0, TASKS_SHOWN).map((task) => (
                  <li key={task.id}>
                    <a href={paths.client(task.clientId)}>{task.clientName}</a>: {task.title}
                    {task.dueDate && task.dueDate < span.day ? <span className="warn"> · {t('day.due', { date: formatIsoDate(task.dueDate, lang) })}</span> : null}
                  </li>
                ))}
              </ul>
            )}
            {d && d.tasksDue.length > TASKS_SHOWN && <a href={paths.tasks()}>{t('day.moreTasks', { count: d.tasksDue.length - TASKS_SHOWN })}</a>}
          </section>
        </aside>
      </div>
    </main>
  );
}
