// The console's keyboard shortcuts: "?" opens the overview (not while typing),
// as does the header's button; Escape closes it and the focus goes back.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCommandKey } from './keys.ts';

/** Each key with what it does; the handlers live in App.tsx (digits) and sections/Approvals.tsx (j, k, a, d, Escape). */
const KEYS: { keys: string[]; does: string }[] = [
  { keys: ['?'], does: 'help' },
  { keys: ['1', '…', '6'], does: 'tabs' },
  { keys: ['j', 'k'], does: 'move' },
  { keys: ['a'], does: 'approve' },
  { keys: ['d'], does: 'decline' },
  { keys: ['Esc'], does: 'escape' },
];

let openHelp: (() => void) | null = null;

export function showShortcuts(): void {
  openHelp?.();
}

export function ShortcutHelp() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const [open, setOpen] = useState(false);

  const show = useCallback(() => {
    if (dialog.current?.open) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    openHelp = show;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && isCommandKey(e)) { e.preventDefault(); show(); }
    };
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('keydown', onKey); openHelp = null; };
  }, [show]);

  const onClose = () => {
    setOpen(false);
    returnTo.current?.focus();
    returnTo.current = null;
  };

  return (
    <dialog ref={dialog} className="shortcut-help" aria-labelledby="shortcut-help-title" onClose={onClose}
      onClick={(e) => { if (e.target === dialog.current) dialog.current.close(); }} data-testid="shortcut-help">
      {open && (
        <div className="shortcut-body">
          <div className="console-dialog-head">
            <h2 id="shortcut-help-title">{t('shortcuts.title')}</h2>
            <button type="button" className="btn btn-small" onClick={() => dialog.current?.close()} autoFocus>{t('shortcuts.close')}</button>
          </div>
          <p className="muted small">{t('shortcuts.intro')}</p>
          <dl className="console-keys">
            {KEYS.map((k) => (
              <div key={k.does}>
                <dt>{k.keys.map((key) => (key === '…' ? <span key={key}> – </span> : <kbd key={key}>{key}</kbd>))}</dt>
                <dd>{t(`shortcuts.${k.does}`)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </dialog>
  );
}
