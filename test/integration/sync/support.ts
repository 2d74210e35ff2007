// Small helpers for sync tests: changes as an advisor makes them.
import { v7 as uuidv7 } from 'uuid';
import type { Store } from '#db/store.ts';

export function newClient(store: Store, fields: Record<string, unknown> = {}, id = uuidv7()): string {
  store.mutate('client.create', { id, firstName: 'Jürgen', lastName: 'Müller', ...fields });
  return id;
}

export function setCity(store: Store, id: string, city: string): void {
  store.mutate('client.update', { id, patch: { city } });
}
