// When a key is a command: not while typing in a field (the app's own rule,
// renderer/src/shortcuts.ts), not with a modifier, not inside a dialog.
import { isTyping } from '../../renderer/src/shortcuts.ts';

export function isCommandKey(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return false;
  if (isTyping(e.target)) return false;
  return !(e.target instanceof Element && e.target.closest('dialog'));
}
