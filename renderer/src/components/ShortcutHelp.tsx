// The overview of keyboard shortcuts: "?" opens it anywhere (not while typing
// in a field), as does the header's button; Escape closes it and the focus
// goes back where it was.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isTyping, SHORTCUTS } from '../shortcuts.ts';

let openHelp: (() => void) | null = null;

/** For the header's button. */
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
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) { e.preventDefault(); show(); }
    };
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('keydown', onKey); openHelp = null; };
  }, [show]);

  // Closed by Escape, the button or a click on the backdrop: the focus goes back.
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
          <div className="card-head">
            <h2 id="shortcut-help-title">{t('shortcuts.title')}</h2>
            <button type="button" className="btn btn-small head-action" onClick={() => dialog.current?.close()} autoFocus>{t('shortcuts.close')}</button>
          </div>
          <p className="muted small">{t('shortcuts.intro')}</p>
          <div className="shortcut-groups">
            {SHORTCUTS.map((g) => (
              <section key={g.group} aria-labelledby={`shortcuts-${g.group}`}>
                <h3 id={`shortcuts-${g.group}`}>{t(`shortcuts.group.${g.group}`)}</h3>
                <dl>
                  {g.items.map((s) => (
                    <div key={s.does} className="shortcut">
                      <dt>{t(`shortcuts.key.${s.key}`).split(' | ').map((k) => <kbd key={k}>{k}</kbd>)}</dt>
                      <dd>{t(`shortcuts.does.${s.does}`)}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        </div>
      )}
    </dialog>
  );
}
