// What this device holds about one client, for the client's export: every
// synced record of theirs (taken-back ones left out), as plain fields, and the
// names of the people they name as far as this device knows them (its user,
// the coaches of its directory, the client's owner and shares).
import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import { dataFields } from '#core/export-records.ts';
import type { EntityName, Fields } from '#core/records.ts';
import { sharesOf } from '#core/share.ts';
import { getLocalUser } from '#db/queries.ts';
import { SYNCED_TABLES } from '#db/schema.ts';
import type { Store } from '#db/store.ts';
import { heldDirectory } from './sync/directory.ts';

export interface HeldRecord { entity: EntityName; id: string; fields: Fields }

export function deviceRecords(store: Store, clientId: string): HeldRecord[] {
  const { clients, ...rest } = SYNCED_TABLES;
  const client = store.db.select().from(clients).where(and(eq(clients.id, clientId), isNull(clients.deletedAt))).get();
  if (!client) throw new DomainError([{ field: 'client', code: 'not_found' }]);
  const held: HeldRecord[] = [{ entity: 'clients', id: client.id, fields: dataFields(client) }];
  for (const [entity, table] of Object.entries(rest) as [EntityName, typeof SYNCED_TABLES.touchpoints][]) {
    for (const row of store.db.select().from(table).where(and(eq(table.clientId, clientId), isNull(table.deletedAt))).all()) {
      held.push({ entity, id: row.id, fields: dataFields(row as unknown as Fields) });
    }
  }
  return held;
}

/** The people this device can name: its user (under every id they go by), the coaches of its directory, the client's owner and shares. */
export function devicePeople(store: Store, me: { ids: readonly (string | undefined)[]; displayName: string | undefined }, client: Fields): Record<string, string> {
  const people: Record<string, string> = {};
  for (const p of heldDirectory(store)?.people ?? []) people[p.id] = p.displayName;
  for (const s of sharesOf(client.sharedWith)) people[s.userId] = s.displayName;
  if (typeof client.ownerId === 'string' && typeof client.ownerName === 'string') people[client.ownerId] = client.ownerName;
  const name = me.displayName ?? getLocalUser(store.db)?.displayName;
  if (name) for (const id of me.ids) if (id) people[id] = name;
  return people;
}
