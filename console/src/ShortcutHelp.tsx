// The console's keyboard shortcuts: "?" opens the overview (not while typing),
// as does the header's button; Escape closes it and the focus goes back.
import { useTranslation } from 'react-i18next';
import { isCommandKey } from './keys.ts';
import { useShortcutDialog } from '../../renderer/src/shortcut-dialog.ts';

export { showShortcuts } from '../../renderer/src/shortcut-dialog.ts';

/** Each key with what it does; the handlers live in App.tsx (digits) and sections/Approvals.tsx (j, k, a, d, Escape). */
const KEYS: { keys: string[]; does: string }[] = [
  { keys: ['?'], does: 'help' },
  { keys: ['1', '…', '6'], does: 'tabs' },
  { keys: ['j', 'k'], does: 'move' },
  { keys: ['a'], does: 'approve' },
  { keys: ['d'], does: 'decline' },
  { keys: ['Esc'], does: 'escape' },
];

export function ShortcutHelp() {
  const { t } = useTranslation();
  const { open, close, dialogProps } = useShortcutDialog(isCommandKey);

  return (
    <dialog {...dialogProps} className="shortcut-help" aria-labelledby="shortcut-help-title" data-testid="shortcut-help">
      {open && (
        <div className="shortcut-body">
          <div className="console-dialog-head">
            <h2 id="shortcut-help-title">{t('shortcuts.title')}</h2>
            <button type="button" className="btn btn-small" onClick={close} autoFocus>{t('shortcuts.close')}</button>
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
