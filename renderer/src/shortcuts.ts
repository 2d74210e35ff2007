// The keyboard shortcuts the app has, by screen: what the overview on "?"
// lists. Each entry names where its handler lives, so a new key is added here
// with it.
export interface Shortcut { key: string; does: string }

export const SHORTCUTS: { group: string; items: Shortcut[] }[] = [
  // components/ShortcutHelp.tsx; Escape also in components/Calendar.tsx
  { group: 'everywhere', items: [{ key: 'question', does: 'help' }, { key: 'escape', does: 'escape' }] },
  // screens/ClientList.tsx
  {
    group: 'clients',
    items: [
      { key: 'slash', does: 'search' }, { key: 'upDown', does: 'choose' }, { key: 'pageUpDown', does: 'page' },
      { key: 'homeEnd', does: 'firstLast' }, { key: 'enter', does: 'open' },
    ],
  },
  // screens/MeetingMode.tsx (Alt+N, F9), components/meeting/* (answers)
  {
    group: 'meeting',
    items: [
      { key: 'tab', does: 'question' }, { key: 'arrows', does: 'answer' }, { key: 'digits', does: 'digits' }, { key: 'space', does: 'tick' },
      { key: 'delete', does: 'clear' }, { key: 'altN', does: 'next' }, { key: 'f9', does: 'clientView' },
    ],
  },
  // screens/AlertsScreen.tsx (moving, Enter), components/alerts/AlertCard.tsx (digits, Escape)
  {
    group: 'alerts',
    items: [
      { key: 'jk', does: 'alertMove' }, { key: 'homeEnd', does: 'alertFirstLast' }, { key: 'digits16', does: 'alertAction' },
      { key: 'escape', does: 'alertClose' }, { key: 'enter', does: 'alertClient' },
    ],
  },
  // components/Calendar.tsx
  {
    group: 'dates',
    items: [
      { key: 'arrows', does: 'day' }, { key: 'pageUpDown', does: 'month' }, { key: 'shiftPage', does: 'year' },
      { key: 'homeEnd', does: 'week' }, { key: 'enter', does: 'pick' },
    ],
  },
];

/** Where a key is text, not a command: fields one types into. Radio buttons and checkboxes are not. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  return !['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes((target as HTMLInputElement).type);
}
