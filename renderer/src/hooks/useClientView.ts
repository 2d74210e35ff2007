// Whether the screen is turned to the client: internal details are hidden
// everywhere (header included) until the advisor switches back.
import { useSyncExternalStore } from 'react';

let on = false;
const listeners = new Set<() => void>();

export function setClientView(next: boolean): void {
  on = next;
  document.documentElement.dataset.view = next ? 'client' : 'advisor';
  for (const l of listeners) l();
}

export function isClientView(): boolean {
  return on;
}

export function useClientView(): boolean {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => on);
}
