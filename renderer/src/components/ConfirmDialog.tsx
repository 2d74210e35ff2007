// A question that must be answered before going on, as a modal <dialog>: the
// browser traps focus inside it, Esc cancels, and focus returns to where it
// was. Used where one click would otherwise do something hard to take back.
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** The safe choice; "Abbrechen" unless it can say more. */
  cancelLabel?: string;
  /** The safe choice is focused first; 'danger' colours the confirming button. */
  tone?: 'normal' | 'danger';
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, tone = 'normal', busy = false, onConfirm, onCancel, testId }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // In the commit itself, so focus is back where it was before a caller moves it elsewhere.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} data-testid={testId}
      onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="dialog-actions">
        <button type="button" className="btn" autoFocus onClick={onCancel}>{cancelLabel ?? t('common.cancel')}</button>
        <button type="button" className={tone === 'danger' ? 'btn btn-danger' : 'btn btn-primary'} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
