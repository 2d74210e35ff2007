// The console's name, its sections (their digit keys in the tooltip and the
// shortcut overview, so the bar fits 1280 pixels), who is signed in,
// the language, the shortcuts and signing out.
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { showShortcuts } from './ShortcutHelp.tsx';
import { hrefOf, TABS, type Tab } from './tabs.ts';

interface Props {
  tab: Tab;
  me: { displayName: string };
  onSignOut: () => void;
}

export function Header({ tab, me, onSignOut }: Props) {
  const { t } = useTranslation();
  return (
    <header className="app-header console-header">
      <span className="app-name">{t('app.title')}</span>
      <nav className="main-nav" aria-label={t('app.tabs')}>
        {TABS.map((name, i) => (
          <a key={name} href={hrefOf(name)} aria-current={tab === name ? 'page' : undefined} data-testid={`tab-${name}`}
            aria-keyshortcuts={String(i + 1)} title={t('app.tabKey', { key: i + 1 })}>
            {t(`tabs.${name}`)}
          </a>
        ))}
      </nav>
      <div className="header-end">
        <span className="user" data-testid="me">{me.displayName}</span>
        <LanguageSwitch />
        <button type="button" className="btn btn-small header-button" onClick={showShortcuts} aria-label={t('app.shortcuts')} title={t('app.shortcuts')}>?</button>
        <button type="button" className="btn btn-small header-button" onClick={onSignOut}>{t('app.signOut')}</button>
      </div>
    </header>
  );
}
