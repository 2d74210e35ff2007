// App name, navigation, language, who is signed in and what still waits to
// sync. Turned to the client, the navigation and the sync state are gone and
// the header says the screen is locked to the meeting.
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber, todayIso } from '../format.ts';
import { applyLanguage, LANGUAGES, type Language } from '../i18n/index.ts';
import { useClientView } from '../hooks/useClientView.ts';
import { useLang } from '../hooks/useLang.ts';
import { paths, useRoute } from '../hooks/useRoute.ts';
import { useConnection } from '../hooks/useConnection.ts';
import { useSyncStatus, useSyncWatch } from '../hooks/useSyncStatus.ts';
import { useWorkspaces } from '../hooks/useRoles.ts';
import { client, onChange, orpc } from '../rpc.ts';
import { HeaderTools } from './HeaderTools.tsx';
import type { Workspace } from '../workspaces.ts';
import { syncBadge } from '../sync-badge.ts';

/** Up to this many workspaces the header also has room for the app's name. */
const CALM_ENTRIES = 5;
/** More than this (all three roles), tighter still. */
const CROWDED_ENTRIES = 8;

const LANGUAGE_NAMES: Record<Language, string> = { de: 'Deutsch', en: 'English' };

export function Header() {
  const { t } = useTranslation();
  const lang = useLang();
  const route = useRoute();
  const clientView = useClientView();
  const queryClient = useQueryClient();
  const status = useQuery({ ...orpc.session.status.queryOptions(), refetchInterval: 15_000 });
  const { workspaces, home } = useWorkspaces();
  const has = (w: Workspace) => workspaces.includes(w);
  const tasks = useQuery({ ...orpc.tasks.open.queryOptions(), refetchInterval: 60_000, enabled: has('tasks') });
  // The inbox's counts only: one alert is the smallest page there is.
  const alerts = useQuery({ ...orpc.alerts.inbox.queryOptions({ input: { filter: 'open', lang, limit: 1 } }), refetchInterval: 60_000, enabled: has('alerts') });
  const approvals = useQuery({ ...orpc.retail.approvals.queryOptions({ input: { status: 'pending' } }), refetchInterval: 60_000, enabled: has('approvals') });
  useSyncWatch();
  // The counts here follow every change at once (a task done, a client added, an alert acted on), not only the next poll.
  useEffect(() => onChange(() => {
    void queryClient.invalidateQueries({ queryKey: orpc.session.status.key() });
    void queryClient.invalidateQueries({ queryKey: orpc.tasks.open.key() });
    void queryClient.invalidateQueries({ queryKey: orpc.alerts.inbox.key() });
    void queryClient.invalidateQueries({ queryKey: orpc.retail.approvals.key() });
  }), [queryClient]);
  const core = useConnection().status;
  const badge = syncBadge(core, useSyncStatus());
  const setLocale = useMutation({
    mutationFn: (locale: Language) => client.session.setLocale({ locale }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: orpc.session.key() }),
  });

  const today = todayIso();
  const due = (tasks.data ?? []).filter((task) => task.dueDate !== null && task.dueDate <= today).length;
  const current = route.name === 'home' ? home : route.name;
  const onClients = current === 'clients' || current === 'client' || current === 'newClient' || current === 'import';
  const openAlerts = alerts.data?.counts.open ?? 0;
  const pendingApprovals = approvals.data?.length ?? 0;

  const choose = (next: Language) => {
    applyLanguage(next);
    setLocale.mutate(next);
  };

  return (
    // Someone with all three roles has eight workspaces: the app's name gives way (still read out), so nothing is cut off at 1280 pixels.
    <header className={['app-header', workspaces.length > CALM_ENTRIES ? 'crowded' : '', workspaces.length > CROWDED_ENTRIES ? 'very' : ''].filter(Boolean).join(' ')}>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <span className="app-name">{t('app.name')}</span>
      {clientView ? (
        <span className="client-view-lock" data-testid="client-view-lock">{t('meeting.clientViewOn')}</span>
      ) : (
        <nav aria-label={t('nav.main')} className="main-nav">
          {workspaces.map((w) => {
            switch (w) {
              case 'today': return <a key={w} href={paths.today()} aria-current={current === 'today' ? 'page' : undefined}>{t('nav.today')}</a>;
              case 'clients': return <a key={w} href={paths.clients()} aria-current={onClients ? 'page' : undefined}>{t('nav.clients')}</a>;
              case 'tasks': return (
                <a key={w} href={paths.tasks()} aria-current={current === 'tasks' ? 'page' : undefined}>
                  {t('nav.tasks')}
                  {due > 0 && <span className="badge" data-testid="tasks-due">{t('nav.tasksDue', { count: due })}</span>}
                </a>
              );
              case 'book': return <a key={w} href={paths.book()} aria-current={current === 'book' ? 'page' : undefined}>{t('book.title')}</a>;
              case 'alerts': return (
                <a key={w} href={paths.alerts()} aria-current={current === 'alerts' ? 'page' : undefined} data-testid="nav-alerts">
                  {t('nav.alerts')}
                  {openAlerts > 0 && (
                    <span className="badge" data-testid="alerts-open" title={t('nav.alertsOpen', { count: openAlerts })}>
                      {formatNumber(openAlerts, lang)}<span className="sr-only"> {t('nav.alertsOpenWord')}</span>
                    </span>
                  )}
                </a>
              );
              case 'sale': return <a key={w} href={paths.sale()} aria-current={current === 'sale' ? 'page' : undefined}>{t('nav.sale')}</a>;
              case 'approvals': return (
                <a key={w} href={paths.approvals()} aria-current={current === 'approvals' ? 'page' : undefined}>
                  {t('nav.approvals')}
                  {pendingApprovals > 0 && <span className="badge" data-testid="approvals-pending">{formatNumber(pendingApprovals, lang)}<span className="sr-only"> {t('nav.alertsOpenWord')}</span></span>}
                </a>
              );
              case 'rating': return <a key={w} href={paths.rating()} aria-current={current === 'rating' ? 'page' : undefined}>{t('nav.rating')}</a>;
              default: return <a key={w} href={paths.coach()} aria-current={current === 'coach' ? 'page' : undefined}>{t('nav.mandates')}</a>;
            }
          })}
        </nav>
      )}
      <div className="header-end">
        {!clientView && (
          <a href={paths.sync()} className="sync-badge small" data-state={badge.state} title={t('nav.syncHint')} data-testid="sync-badge"
            aria-current={route.name === 'sync' ? 'page' : undefined}>
            <span className="sync-phase">{t(`nav.badge.${badge.state}`)}</span>
            {badge.pending !== null && (
              <span className="pending muted" title={t('nav.pendingHint')} data-testid="pending-changes">
                {badge.pending === 0 ? t('nav.pendingNone') : t('nav.pending', { count: badge.pending, formatted: formatNumber(badge.pending, lang) })}
              </span>
            )}
          </a>
        )}
        <div className="lang-switch" role="group" aria-label={t('nav.language')}>
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              aria-pressed={lang === l}
              aria-label={LANGUAGE_NAMES[l]}
              onClick={() => choose(l)}
            >
              {l.toUpperCase()}
            </button>
          ))}
        </div>
        {status.data?.user && (
          <span className="user" title={t('nav.signedInAs', { name: status.data.user.displayName })}>
            {status.data.user.displayName}
          </span>
        )}
        {!clientView && <HeaderTools />}
      </div>
    </header>
  );
}
