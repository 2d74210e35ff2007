// Deutsch | English, as in the app's header; the choice stays in this browser.
import { chooseLanguage, useLang, type Language } from './i18n/index.ts';
import { useTranslation } from 'react-i18next';

const NAMES: Record<Language, string> = { de: 'Deutsch', en: 'English' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.languageLabel')}>
      {(['de', 'en'] as const).map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => chooseLanguage(l)} data-testid={`lang-${l}`}>
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
