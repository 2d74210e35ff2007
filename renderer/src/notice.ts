// A notice that outlives the screen it was raised on ("the client was erased",
// shown on the client list the erasure leads to). Words are kept as a key and
// parameters, so they follow a change of language; it goes at the next move
// to another screen or when dismissed.
import { useSyncExternalStore } from 'react';

export interface Notice { key: 'erased'; params: Record<string, string>; hash: string }

let current: Notice | null = null;
const listeners = new Set<() => void>();
const emit = () => { for (const l of listeners) l(); };

/** Raised now, shown on the screen at `hash` (where the app goes next). */
export function raiseNotice(notice: Notice): void {
  current = notice;
  emit();
}

export function dismissNotice(): void {
  current = null;
  emit();
}

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    if (current && location.hash !== current.hash) dismissNotice();
  });
}

export function useNotice(): Notice | null {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => current);
}
