// A labelled input for plain forms, with its problem shown beneath it.
import { forwardRef, useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Base { label: string; error?: string; hint?: string; optionalLabel?: string }
type InputProps = Base & InputHTMLAttributes<HTMLInputElement> & { multiline?: false };
type AreaProps = Base & TextareaHTMLAttributes<HTMLTextAreaElement> & { multiline: true };

export const FormField = forwardRef<HTMLInputElement & HTMLTextAreaElement, InputProps | AreaProps>(
  function FormField({ label, error, hint, optionalLabel, multiline, className, ...rest }, ref) {
    const id = useId();
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    const a11y = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
    return (
      <div className={`field ${className ?? ''}`}>
        <div className="field-head">
          <label htmlFor={id}>{label}</label>
          {optionalLabel && <span className="muted small">{optionalLabel}</span>}
        </div>
        {multiline
          ? <textarea ref={ref} rows={3} {...(rest as TextareaHTMLAttributes<HTMLTextAreaElement>)} {...a11y} />
          : <input ref={ref} {...(rest as InputHTMLAttributes<HTMLInputElement>)} {...a11y} />}
        {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
        {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
      </div>
    );
  },
);
