// English texts of the keyboard-shortcut overview.
import type { shortcutsDe } from './shortcuts-de.ts';

export const shortcutsEn: typeof shortcutsDe = {
  title: 'Keyboard shortcuts',
  open: 'Show keyboard shortcuts',
  hint: 'Press ? for all keyboard shortcuts.',
  close: 'Close',
  intro: 'Shortcuts work while the cursor is not in a text field.',
  group: {
    everywhere: 'Everywhere',
    clients: 'Client book',
    meeting: 'Client meeting',
    dates: 'Calendar of date fields',
  },
  key: {
    question: '?', escape: 'Esc', slash: '/', upDown: '↑ | ↓', pageUpDown: 'Page Up | Page Down', homeEnd: 'Home | End', enter: 'Enter',
    tab: 'Tab | Shift+Tab', arrows: '← → ↑ ↓', digits: '1 … 9 | 0', space: 'Space', delete: 'Delete', altN: 'Alt+N', f9: 'F9',
    shiftPage: 'Shift+Page Up | Shift+Page Down',
  },
  does: {
    help: 'Open this overview',
    escape: 'Close the overview or the calendar',
    search: 'Jump to the search',
    choose: 'Choose a client',
    page: 'One page down or up',
    firstLast: 'To the first or last client in the list',
    open: 'Open the chosen client',
    question: 'Next or previous question',
    answer: 'Choose an answer',
    digits: 'Choose an answer directly (0 for the tenth)',
    tick: 'Tick or untick an answer where several are possible',
    clear: 'Remove the answer',
    next: 'To the next open question',
    clientView: 'Turn the client view on and off',
    day: 'One day or one week forward or back',
    month: 'One month forward or back',
    year: 'One year forward or back',
    week: 'To the start or end of the week',
    pick: 'Pick the day',
  },
};
