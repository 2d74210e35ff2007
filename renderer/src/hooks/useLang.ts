// The current language, re-rendering when it changes.
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/index.ts';

export function useLang(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'de';
}
