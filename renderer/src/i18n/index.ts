// The app speaks German unless the user chose English; the choice is stored
// with the user (session.setLocale) and applied here.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de.ts';
import { en } from './en.ts';

import type { Language } from './language.ts';

export { LANGUAGES, type Language } from './language.ts';

void i18next.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: 'de',
  fallbackLng: 'de',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'de';
}

export function applyLanguage(lang: Language): void {
  document.documentElement.lang = lang;
  if (i18next.language !== lang) void i18next.changeLanguage(lang);
}

export { i18next };
