// The overview of keyboard shortcuts: "?" opens it anywhere (not while typing
// in a field), as does the header's button; Escape closes it and the focus
// goes back where it was.
import { useTranslation } from 'react-i18next';
import { isTyping, SHORTCUTS } from '../shortcuts.ts';
import { useShortcutDialog } from '../shortcut-dialog.ts';

export { showShortcuts } from '../shortcut-dialog.ts';

const isCommand = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);

export function ShortcutHelp() {
  const { t } = useTranslation();
  const { open, close, dialogProps } = useShortcutDialog(isCommand);

  return (
    <dialog {...dialogProps} className="shortcut-help" aria-labelledby="shortcut-help-title" data-testid="shortcut-help">
      {open && (
        <div className="shortcut-body">
          <div className="card-head">
            <h2 id="shortcut-help-title">{t('shortcuts.title')}</h2>
            <button type="button" className="btn btn-small head-action" onClick={close} autoFocus>{t('shortcuts.close')}</button>
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
