// The header's way to the shortcut overview (what "?" opens) and to settings.
import { useTranslation } from 'react-i18next';
import { paths, useRoute } from '../hooks/useRoute.ts';
import { showShortcuts } from './ShortcutHelp.tsx';

export function HeaderTools() {
  const { t } = useTranslation();
  const route = useRoute();
  return (
    <>
      <button type="button" className="header-icon" onClick={showShortcuts} aria-keyshortcuts="?" title={t('shortcuts.hint')}
        aria-label={`${t('shortcuts.open')} (?)`} data-testid="shortcuts-button">?</button>
      <a className="header-icon" href={paths.settings()} aria-current={route.name === 'settings' ? 'page' : undefined} title={t('settings.open')}
        aria-label={t('settings.open')} data-testid="settings-link">
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z"
            fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </a>
    </>
  );
}
