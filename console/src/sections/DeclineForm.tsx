// Declining needs a note the retailer will read: the form opens with the note
// field focused and refuses to send without one. Escape cancels.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

const MAX = 500;

interface Props {
  id: string;
  busy: boolean;
  onSend: (note: string) => void;
  onCancel: () => void;
}

export function DeclineForm({ id, busy, onSend, onCancel }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const field = `decline-note-${id}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = note.trim();
    if (text === '') { setProblem(t('errors.required')); return; }
    if (text.length > MAX) { setProblem(t('errors.too_long', { max: MAX })); return; }
    setProblem(null);
    onSend(text);
  };

  return (
    <form className="decline-form" onSubmit={submit} noValidate data-testid="decline-form"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onCancel(); } }}>
      <div className="field">
        <label htmlFor={field}>{t('approvals.note')}</label>
        <textarea id={field} value={note} autoFocus maxLength={MAX * 2} onChange={(e) => { setNote(e.target.value); setProblem(null); }}
          aria-invalid={problem ? true : undefined} aria-describedby={`${field}-hint`} aria-required="true" />
        {problem
          ? <p id={`${field}-hint`} className="field-error" role="alert" data-testid="decline-problem">{problem}</p>
          : <p id={`${field}-hint`} className="hint">{t('approvals.noteHint')}</p>}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-danger" disabled={busy}>{busy ? t('approvals.busy') : t('approvals.sendDecline')}</button>
        <button type="button" className="btn" onClick={onCancel}>{t('approvals.cancel')}</button>
      </div>
    </form>
  );
}
