// Chooses the screen: first start until someone is set up, then the app.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ClockBanner } from './components/ClockBanner.tsx';
import { ConnectionBanner } from './components/ConnectionBanner.tsx';
import { Header } from './components/Header.tsx';
import { NoticeBar } from './components/NoticeBar.tsx';
import { connection } from './connection.ts';
import { applyLanguage } from './i18n/index.ts';
import { useRoute, type Route } from './hooks/useRoute.ts';
import { errorMessage } from './problems.ts';
import { orpc } from './rpc.ts';
import { ClientList } from './screens/ClientList.tsx';
import { ClientPage } from './screens/ClientPage.tsx';
import { FirstStart } from './screens/FirstStart.tsx';
import { MeetingMode } from './screens/MeetingMode.tsx';
import { ImportScreen } from './screens/ImportScreen.tsx';
import { TodayScreen } from './screens/TodayScreen.tsx';
import { NewClient } from './screens/NewClient.tsx';
import { SyncScreen } from './screens/SyncScreen.tsx';
import { TasksScreen } from './screens/TasksScreen.tsx';
import { BookScreen } from './screens/BookScreen.tsx';
import { AdviceRecord } from './screens/AdviceRecord.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';
import { ShortcutHelp } from './components/ShortcutHelp.tsx';
import { AlertsScreen } from './screens/AlertsScreen.tsx';
import { CoachScreen } from './screens/CoachScreen.tsx';
import { SaleScreen } from './screens/SaleScreen.tsx';
import { ApprovalsScreen } from './screens/ApprovalsScreen.tsx';
import { RatingScreen } from './screens/RatingScreen.tsx';
import { useWorkspaces } from './hooks/useRoles.ts';

export function App() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery(orpc.session.status.queryOptions());
  const locale = status.data?.user?.locale;

  useEffect(() => { if (locale) applyLanguage(locale); }, [locale]);
  // Back online: whatever is on screen is read again.
  useEffect(() => {
    let wasOnline = true;
    return connection.subscribe(() => {
      const online = connection.get().status === 'online';
      if (online && !wasOnline) void queryClient.invalidateQueries();
      wasOnline = online;
    });
  }, [queryClient]);

  if (status.isPending) {
    return (
      <>
        <ConnectionBanner />
        <main id="main" className="screen"><p className="muted">{t('app.loading')}</p></main>
      </>
    );
  }
  if (status.isError) {
    return (
      <>
        <ConnectionBanner />
        <main id="main" className="screen"><p className="form-error" role="alert">{errorMessage(t, status.error)}</p></main>
      </>
    );
  }
  if (!status.data.user) {
    return (
      <>
        <ConnectionBanner />
        <FirstStart />
      </>
    );
  }
  return (
    <>
      <Header />
      <ConnectionBanner />
      <ClockBanner />
      <NoticeBar />
      <Screen />
      <ShortcutHelp />
    </>
  );
}

function Screen() {
  const route = useRoute();
  const { home } = useWorkspaces();
  // Nothing named: where this person's work starts (a coach without the advisor's role: the inbox).
  const r: Route = route.name === 'home' ? { name: home } : route;
  switch (r.name) {
    case 'newClient': return <NewClient />;
    case 'import': return <ImportScreen />;
    case 'client': return <ClientPage key={r.id} id={r.id} />;
    case 'meeting': return <MeetingMode key={r.id} id={r.id} />;
    case 'advice': return <AdviceRecord key={r.id} meetingId={r.id} />;
    case 'today': return <TodayScreen />;
    case 'tasks': return <TasksScreen />;
    case 'book': return <BookScreen />;
    case 'sync': return <SyncScreen />;
    case 'settings': return <SettingsScreen />;
    case 'alerts': return <AlertsScreen />;
    case 'coach': return <CoachScreen />;
    case 'sale': return <SaleScreen key={r.clientId ?? ''} clientId={r.clientId} />;
    case 'approvals': return <ApprovalsScreen />;
    case 'rating': return <RatingScreen />;
    default: return <ClientList />;
  }
}
