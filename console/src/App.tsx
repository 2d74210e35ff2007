// The console: the login form until the backend knows who is there, then the
// header with the sections and the chosen section. A 401 on any call brings
// the login form back with a word on why.
import { useCallback, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isUnauthorized, onSignedOut, signOut } from './api.ts';
import { errorMessage } from './errors.ts';
import { Header } from './Header.tsx';
import { Login } from './Login.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { isCommandKey } from './keys.ts';
import { hrefOf, tabOf, TABS, type Tab } from './tabs.ts';
import { Approvals } from './sections/Approvals.tsx';
import { Deviations } from './sections/Deviations.tsx';
import { Ratings } from './sections/Ratings.tsx';
import { Signals } from './sections/Signals.tsx';
import { Learning } from './sections/Learning.tsx';
import { Documents } from './sections/Documents.tsx';

type Session =
  | { state: 'checking' }
  | { state: 'out'; why: 'expired' | 'signedOut' | null }
  | { state: 'failed'; error: unknown }
  | { state: 'in'; me: { id: string; displayName: string } };

const SECTIONS: Record<Tab, ComponentType> = {
  approvals: Approvals, deviations: Deviations, ratings: Ratings, signals: Signals, learning: Learning, documents: Documents,
};

function useTab(): Tab {
  const [tab, setTab] = useState(() => tabOf(location.hash));
  useEffect(() => {
    const onHash = () => setTab(tabOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return tab;
}

export function App() {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const tab = useTab();

  const check = useCallback((why: 'expired' | null = null) => {
    api.me().then(
      (me) => setSession({ state: 'in', me }),
      (error: unknown) => setSession(isUnauthorized(error) ? { state: 'out', why } : { state: 'failed', error }),
    );
  }, []);

  useEffect(() => check(), [check]);
  useEffect(() => onSignedOut(() => setSession((s) => (s.state === 'in' ? { state: 'out', why: 'expired' } : s))), []);

  // Digits switch sections wherever the focus is, unless it is in a field.
  useEffect(() => {
    if (session.state !== 'in') return;
    const onKey = (e: KeyboardEvent) => {
      if (!isCommandKey(e)) return;
      const index = Number(e.key) - 1;
      const next = TABS[index];
      if (next && /^[1-6]$/.test(e.key)) { e.preventDefault(); location.hash = hrefOf(next); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session.state]);

  useEffect(() => { document.title = `${t(`tabs.${tab}`)} · ${t('app.title')}`; }, [t, tab]);

  if (session.state === 'checking') return <p className="console-wait muted">{t('app.loading')}</p>;
  if (session.state === 'failed') {
    return (
      <main className="first-start">
        <div className="card setup-card">
          <h1>{t('app.title')}</h1>
          <p className="form-error" role="alert">{errorMessage(t, session.error)}</p>
          <button type="button" className="btn" onClick={() => { setSession({ state: 'checking' }); check(); }}>{t('app.retry')}</button>
        </div>
      </main>
    );
  }
  if (session.state === 'out') return <Login why={session.why} onSignedIn={() => check()} />;

  const Section = SECTIONS[tab];
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <Header tab={tab} me={session.me} onSignOut={async () => { await signOut(); setSession({ state: 'out', why: 'signedOut' }); }} />
      <main id="main" className="screen" tabIndex={-1} data-tab={tab}>
        <Section key={tab} />
      </main>
      <ShortcutHelp />
    </>
  );
}
