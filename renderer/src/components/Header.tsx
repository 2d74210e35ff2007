// App name, navigation, language, who is signed in and what still waits to sync.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, todayIso } from '../format.ts';
import { applyLanguage, LANGUAGES, type Language } from '../i18n/index.ts';
import { useClientView } from '../hooks/useClientView.ts';
import { useLang } from '../hooks/useLang.ts';
import { paths, useRoute } from '../hooks/useRoute.ts';
import { client, onChange, orpc } from '../rpc.ts';
import { HeaderTools } from './HeaderTools.tsx';

const LANGUAGE_NAMES: Record<Language, string> = { de: 'Deutsch', en: 'English' };

export function Header() {
  const { t } = useTranslation();
  const lang = useLang();
  const route = useRoute();
  const clientView = useClientView();
  const queryClient = useQueryClient();
  const status = useQuery({ ...orpc.session.status.queryOptions(), refetchInterval: 15_000 });
  const tasks = useQuery({ ...orpc.tasks.open.queryOptions(), refetchInterval: 60_000 });
  // Faster while a sync runs, so what waits and where sync stands follow it closely.
  const sync = useQuery({ ...orpc.sync.status.queryOptions(), refetchInterval: (q) => (q.state.data?.phase === 'syncing' ? 1_000 : 5_000) });
  const setLocale = useMutation({
    mutationFn: (locale: Language) => client.session.setLocale({ locale }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: orpc.session.key() }),
  });

  // The pending count follows every saved change, a moment later so a burst of typing asks once.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: orpc.session.status.key() });
        void queryClient.invalidateQueries({ queryKey: orpc.sync.status.key() });
      }, 400);
    });
    return () => { off(); clearTimeout(timer); };
  }, [queryClient]);

  const today = todayIso();
  const due = (tasks.data ?? []).filter((task) => task.dueDate !== null && task.dueDate <= today).length;
  const pending = sync.data?.pending ?? status.data?.pendingChanges ?? 0;
  const onClients = route.name === 'clients' || route.name === 'client' || route.name === 'newClient';

  const choose = (next: Language) => {
    applyLanguage(next);
    setLocale.mutate(next);
  };

  return (
    <header className="app-header">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <span className="app-name">{t('app.name')}</span>
      <nav aria-label={t('nav.main')} className="main-nav">
        <a href={paths.clients()} aria-current={onClients ? 'page' : undefined}>{t('nav.clients')}</a>
        <a href={paths.tasks()} aria-current={route.name === 'tasks' ? 'page' : undefined}>
          {t('nav.tasks')}
          {due > 0 && !clientView && <span className="badge" data-testid="tasks-due">{t('nav.tasksDue', { count: due })}</span>}
        </a>
        <a href={paths.book()} aria-current={route.name === 'book' ? 'page' : undefined}>{t('book.title')}</a>
      </nav>
      <div className="header-end">
        {!clientView && (
          <a href={paths.sync()} className="sync-badge small" data-phase={sync.data?.phase} title={t('nav.syncHint')} data-testid="sync-badge"
            aria-current={route.name === 'sync' ? 'page' : undefined}>
            {sync.data && <span className="sync-phase">{t(`sync.phase.${sync.data.phase}`)}</span>}
            <span className="pending muted" title={t('nav.pendingHint')} data-testid="pending-changes">
              {pending === 0 ? t('nav.pendingNone') : t('nav.pending', { count: pending, formatted: formatNumber(pending, lang) })}
            </span>
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
