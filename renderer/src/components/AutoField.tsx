// A labelled text field that saves itself as it is typed (after a short pause
// and on leaving the field) and shows its save state beside the label.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAutosave } from '../hooks/useAutosave.ts';
import { problemMessage, problemsOf } from '../problems.ts';
import type { Autosaver } from '../autosaver.ts';
import { SaveStatus } from './SaveStatus.tsx';

export interface AutoFieldProps {
  testId: string;
  label: string;
  initial: string;
  /** Receives the trimmed text. */
  save: (value: string) => Promise<{ savedAt: number }>;
  multiline?: boolean;
  type?: 'text' | 'email' | 'tel' | 'date' | 'number';
  maxLength?: number;
  hint?: string;
  /** For a field alone under a heading that already names it: the label is read out, not shown twice. */
  labelHidden?: boolean;
  badge?: ReactNode;
  draftKey?: string;
  disabled?: boolean;
  hidden?: boolean;
  autoComplete?: string;
  className?: string;
  onSaver?: (saver: Autosaver<string>) => void;
}

const trim = (s: string) => s.trim();

export function AutoField(props: AutoFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [snap, saver] = useAutosave(props.initial, {
    save: props.save, normalize: trim, debounceMs: 300, draftKey: props.draftKey,
  });
  props.onSaver?.(saver);
  const problem = problemsOf(snap.error)?.[0];
  const describedBy = [props.hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  // Pickers and number fields change in one step; text waits for a pause in typing.
  const immediate = props.type === 'date';
  const common = {
    id,
    value: snap.value,
    disabled: props.disabled,
    maxLength: props.maxLength,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy,
    onBlur: () => void saver.flush(),
  };

  return (
    <div
      className={`field auto-field ${props.className ?? ''}`}
      data-testid={props.testId}
      data-save-state={snap.state}
      data-saved-value={snap.saved}
      hidden={props.hidden}
    >
      <div className="field-head">
        <label htmlFor={id} className={props.labelHidden ? 'sr-only' : undefined}>{props.label}</label>
        {props.badge}
        <SaveStatus snap={snap} />
      </div>
      {props.multiline ? (
        <textarea {...common} onChange={(e) => saver.set(e.target.value)} rows={3} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete ?? 'off'}
          onChange={(e) => saver.set(e.target.value, immediate)}
        />
      )}
      {props.hint && <p className="hint" id={`${id}-hint`}>{props.hint}</p>}
      {problem && <p className="field-error" id={`${id}-error`}>{problemMessage(t, problem)}</p>}
    </div>
  );
}
