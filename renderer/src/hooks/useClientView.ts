// Whether the screen is turned to the client, and to which meeting. While it
// is, internal details are hidden everywhere (header included) and the rest of
// the app is locked: routing stays on that meeting (useRoute) until the
// advisor turns the view back with F9 or a deliberate unlock. The lock is kept
// in the tab's session storage, so a reload does not open the book to the client.
import { useSyncExternalStore } from 'react';

const KEY = 'aw:client-view';
let meetingId: string | null = read();
const listeners = new Set<() => void>();

function read(): string | null {
  try { return sessionStorage.getItem(KEY); } catch { return null; }
}

function apply(): void {
  document.documentElement.dataset.view = meetingId ? 'client' : 'advisor';
}
apply();

/** Turns the screen to the client during the given meeting, or back to the advisor (null). */
export function setClientView(meeting: string | null): void {
  meetingId = meeting;
  try {
    if (meeting) sessionStorage.setItem(KEY, meeting); else sessionStorage.removeItem(KEY);
  } catch { /* storage refused: the lock then lasts until a reload */ }
  apply();
  for (const l of listeners) l();
}

export function isClientView(): boolean {
  return meetingId !== null;
}

/** The meeting the screen is locked to while it faces the client. */
export function clientViewMeeting(): string | null {
  return meetingId;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useClientView(): boolean {
  return useSyncExternalStore(subscribe, () => meetingId !== null);
}

export function useClientViewMeeting(): string | null {
  return useSyncExternalStore(subscribe, () => meetingId);
}
