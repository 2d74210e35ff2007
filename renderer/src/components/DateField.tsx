// A labelled date field for plain forms: typed in the UI's format (TT.MM.JJJJ
// or DD/MM/YYYY, never the browser's), with the calendar beside it. The form
// keeps the text; dayForCore() turns it into what the core checks.
import { forwardRef, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dayText } from '../dates.ts';
import { useLang } from '../hooks/useLang.ts';
import { CalendarButton } from './Calendar.tsx';

interface Props {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string;
  optionalLabel?: string;
  className?: string;
  testId?: string;
}

export const DateField = forwardRef<HTMLInputElement, Props>(function DateField({ label, value, onChange, error, optionalLabel, className, testId }, ref) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field date-field ${className ?? ''}`} data-testid={testId}>
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        {optionalLabel && <span className="muted small">{optionalLabel}</span>}
      </div>
      <div className="date-input">
        <input ref={ref} id={id} type="text" inputMode="numeric" autoComplete="off" placeholder={t('dates.pattern')} value={value}
          aria-invalid={error ? true : undefined} aria-describedby={describedBy} maxLength={10}
          onChange={(e) => onChange(e.target.value)} />
        <CalendarButton value={value} field={label} onPick={(iso) => onChange(dayText(iso, lang))} />
      </div>
      <p className="sr-only" id={`${id}-hint`}>{t('dates.hint')}</p>
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
});
