// Routing by the URL hash: it works the same under app:// and http://, and a
// reload or a pasted link lands on the same screen.
import { useEffect, useSyncExternalStore } from 'react';
import { useClientViewMeeting } from './useClientView.ts';

export type Route =
  | { name: 'clients' }
  /** The advisor's day: planned meetings, tasks due, alerts waiting. */
  | { name: 'today' }
  | { name: 'newClient' }
  /** Bringing a client list in (CSV, Excel). */
  | { name: 'import' }
  | { name: 'client'; id: string }
  | { name: 'meeting'; id: string }
  | { name: 'advice'; id: string }
  | { name: 'tasks' }
  | { name: 'book' }
  | { name: 'sync' }
  | { name: 'settings' }
  | { name: 'alerts' }
  | { name: 'coach' }
  /** The retailer's sale, for a client already chosen when named. */
  | { name: 'sale'; clientId?: string }
  | { name: 'approvals' }
  | { name: 'rating' }
  /** No screen named (the app just opened): the user's home, by their roles. */
  | { name: 'home' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'clients' && parts[1] === 'new') return { name: 'newClient' };
  if (parts[0] === 'clients' && parts[1] === 'import') return { name: 'import' };
  if (parts[0] === 'clients' && parts[1]) return { name: 'client', id: parts[1] };
  if (parts[0] === 'meetings' && parts[1] && parts[2] === 'advice') return { name: 'advice', id: parts[1] };
  if (parts[0] === 'meetings' && parts[1]) return { name: 'meeting', id: parts[1] };
  if (parts[0] === 'today') return { name: 'today' };
  if (parts[0] === 'tasks') return { name: 'tasks' };
  if (parts[0] === 'book') return { name: 'book' };
  if (parts[0] === 'sync') return { name: 'sync' };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'alerts') return { name: 'alerts' };
  if (parts[0] === 'coach') return { name: 'coach' };
  if (parts[0] === 'sale') return parts[1] ? { name: 'sale', clientId: parts[1] } : { name: 'sale' };
  if (parts[0] === 'approvals') return { name: 'approvals' };
  if (parts[0] === 'rating') return { name: 'rating' };
  if (parts[0] === 'clients') return { name: 'clients' };
  return { name: 'home' };
}

export const paths = {
  clients: () => '#/clients',
  newClient: () => '#/clients/new',
  importList: () => '#/clients/import',
  client: (id: string) => `#/clients/${encodeURIComponent(id)}`,
  meeting: (id: string) => `#/meetings/${encodeURIComponent(id)}`,
  advice: (meetingId: string) => `#/meetings/${encodeURIComponent(meetingId)}/advice`,
  today: () => '#/today',
  tasks: () => '#/tasks',
  book: () => '#/book',
  sync: () => '#/sync',
  settings: () => '#/settings',
  alerts: () => '#/alerts',
  coach: () => '#/coach',
  sale: (clientId?: string) => (clientId ? `#/sale/${encodeURIComponent(clientId)}` : '#/sale'),
  approvals: () => '#/approvals',
  rating: () => '#/rating',
};

export function navigate(hash: string): void {
  if (location.hash !== hash) location.hash = hash;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The screen to show; while the screen faces the client, always that meeting. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  const locked = useClientViewMeeting();
  // A link, the back button or a typed address cannot leave the meeting: the address is put back.
  useEffect(() => {
    if (locked && hash !== paths.meeting(locked)) history.replaceState(null, '', paths.meeting(locked));
  }, [locked, hash]);
  return locked ? { name: 'meeting', id: locked } : parseRoute(hash);
}
