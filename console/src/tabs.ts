// The console's sections, in the order of their digit keys (1–6) and of the
// navigation. The address keeps the section (#/ratings), so a reload or a
// shared link opens the same one.
export const TABS = ['approvals', 'deviations', 'ratings', 'signals', 'learning', 'documents'] as const;
export type Tab = (typeof TABS)[number];

export function tabOf(hash: string): Tab {
  const name = hash.replace(/^#\/?/, '');
  return (TABS as readonly string[]).includes(name) ? (name as Tab) : 'approvals';
}

export const hrefOf = (tab: Tab) => `#/${tab}`;
