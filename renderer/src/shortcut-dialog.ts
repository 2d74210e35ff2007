// The shortcut overview's dialog, for the app and the manufacturer's console
// alike: "?" opens it when the key is meant as a command (not typed into a
// field), and so does a button (showShortcuts); Escape, the close button or a
// click on the backdrop close it, and the focus goes back where it was. The
// two differ only in the keys they list.
import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';

let openHelp: (() => void) | null = null;

/** For a header's "?" button. */
export function showShortcuts(): void {
  openHelp?.();
}

/** `isCommand` must be a stable function (declared at module level): it is an effect's dependency. */
export function useShortcutDialog(isCommand: (e: KeyboardEvent) => boolean) {
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
      if (e.key === '?' && isCommand(e)) { e.preventDefault(); show(); }
    };
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('keydown', onKey); openHelp = null; };
  }, [show, isCommand]);

  const onClose = () => {
    setOpen(false);
    returnTo.current?.focus();
    returnTo.current = null;
  };

  return {
    open,
    close: () => dialog.current?.close(),
    /** Spread onto the <dialog>. */
    dialogProps: {
      ref: dialog,
      onClose,
      onClick: (e: MouseEvent<HTMLDialogElement>) => { if (e.target === dialog.current) dialog.current.close(); },
    },
  };
}
