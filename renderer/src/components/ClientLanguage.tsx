// The language of something made for the client (their data as a PDF, the
// self-assessment form): German unless the advisor works in English; the
// client may want the other.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../hooks/useLang.ts';
import type { Language } from '../i18n/language.ts';

export function useClientLanguage() {
  return useState<Language>(useLang() === 'en' ? 'en' : 'de');
}

export function ClientLanguageField({ label, value, onChange, testId }: { label: string; value: Language; onChange: (l: Language) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <label className="field">{label}
      <select value={value} onChange={(e) => onChange(e.target.value === 'en' ? 'en' : 'de')} data-testid={testId}>
        {(['de', 'en'] as const).map((l) => <option key={l} value={l}>{t(`rights.languages.${l}`)}</option>)}
      </select>
    </label>
  );
}
