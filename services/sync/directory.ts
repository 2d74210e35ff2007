// The directory of life coaches (GET /v1/people?role=life_coach), kept in the
// book at every sync, so the client page can offer whom to share a client
// with while offline, and say how old the list is. The same list tells the
// store whom a share may name (core/mutations/share.ts); the backend checks
// the person again against its own users when the share arrives.
import { SHARE_ROLE, type PeopleLookup } from '#core/share.ts';
import type { PeopleResponse } from '#core/sync/protocol.ts';
import type { Store } from '#db/store.ts';

const KEY = 'coach_directory';

export interface Directory {
  people: PeopleResponse['people'];
  /** When this device last received the list. */
  updatedAt: number;
}

export function heldDirectory(store: Store): Directory | null {
  const raw = store.readState(KEY);
  return raw === undefined ? null : (JSON.parse(raw) as Directory);
}

export function storeDirectory(store: Store, people: PeopleResponse['people'], at: number): void {
  store.writeState(KEY, JSON.stringify({ people, updatedAt: at } satisfies Directory));
}

/** The person using the device: every id they go by, their name and roles. */
export interface Me { ids: readonly (string | undefined)[]; displayName: string; roles: readonly string[] }

/** Whom a change on this device may name: its user, and the coaches of the directory it holds. */
export function peopleLookup(store: Store, me: () => Me): PeopleLookup {
  return {
    find(id) {
      const self = me();
      if (self.ids.includes(id)) return { displayName: self.displayName, roles: self.roles };
      const coach = heldDirectory(store)?.people.find((p) => p.id === id);
      return coach ? { displayName: coach.displayName, roles: [SHARE_ROLE] } : null;
    },
  };
}
