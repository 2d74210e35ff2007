// A date field that saves itself (AutoField's way: after a pause, on leaving
// the field, on picking from the calendar), typed and shown in the UI's
// format. Part of a day is kept, not sent, until the field is left: "24.12."
// is not yet wrong.
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dayForCore, dayText, isWholeDay } from '../dates.ts';
import { useAutosave } from '../hooks/useAutosave.ts';
import { useLang } from '../hooks/useLang.ts';
import { problemMessage, problemsOf } from '../problems.ts';
import { CalendarButton } from './Calendar.tsx';
import { SaveStatus } from './SaveStatus.tsx';

interface Props {
  testId: string;
  label: string;
  /** The stored day, YYYY-MM-DD, or empty. */
  initial: string;
  /** Receives the day as YYYY-MM-DD, empty to clear it, or the text as typed when it is no day (for the core to refuse by name). */
  save: (value: string) => Promise<{ savedAt: number }>;
}

export function AutoDateField({ testId, label, initial, save }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const [snap, saver] = useAutosave(dayText(initial, lang), { save, normalize: dayForCore, debounceMs: 300 });
  const problem = problemsOf(snap.error)?.[0];

  // Another language shows the same saved day in its own format; a day being typed stays as it is.
  useEffect(() => {
    const s = saver.snapshot();
    if (dayForCore(s.value) === s.saved && /^\d{4}-\d{2}-\d{2}$/.test(s.saved)) saver.set(dayText(s.saved, lang));
  }, [lang, saver]);

  const type = (text: string) => (isWholeDay(text) ? saver.set(text) : saver.hold(text));
  return (
    <div className="field auto-field date-field" data-testid={testId} data-save-state={snap.state} data-saved-value={snap.saved}>
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        <SaveStatus snap={snap} />
      </div>
      <div className="date-input">
        <input id={id} type="text" inputMode="numeric" autoComplete="off" placeholder={t('dates.pattern')} value={snap.value} maxLength={10}
          aria-invalid={problem ? true : undefined} aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
          onChange={(e) => type(e.target.value)} onBlur={() => void saver.flush()} />
        <CalendarButton value={snap.value} field={label} onPick={(iso) => saver.set(dayText(iso, lang), true)} />
      </div>
      <p className="sr-only" id={`${id}-hint`}>{t('dates.hint')}</p>
      {problem && <p className="field-error" id={`${id}-error`}>{problemMessage(t, problem)}</p>}
    </div>
  );
}
