// The console speaks German unless its user chose English; the choice is kept
// in this browser (localStorage), since the console has no settings of its own.
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Language } from '../../../renderer/src/i18n/language.ts';
import { de } from './de.ts';
import { en } from './en.ts';

export type { Language };
const STORED = 'console.language';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORED) === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}

const initial = storedLanguage();
document.documentElement.lang = initial;
void i18next.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'de',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function chooseLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORED, lang);
  } catch {
    // A browser that stores nothing still switches, for this visit.
  }
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

/** The current language, re-rendering when it changes. */
export function useLang(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'de';
}
