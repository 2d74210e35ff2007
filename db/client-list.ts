// The book as a client list sees it: who is in it (to find likely duplicates)
// and each client's list fields (to export and to merge).
import { and, asc, inArray, isNull } from 'drizzle-orm';
import type { BookClient } from '#core/client-list/duplicates.ts';
import type { Db } from './open.ts';
import { clients } from './schema.ts';

const LIST_COLUMNS = {
  id: clients.id, lastName: clients.lastName, firstName: clients.firstName, street: clients.street, postalCode: clients.postalCode,
  city: clients.city, email: clients.email, phone: clients.phone, birthDate: clients.birthDate,
};

/** Every live client, with what a duplicate is recognised by. */
export function bookForMatching(db: Db): BookClient[] {
  return db.select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, birthDate: clients.birthDate, email: clients.email })
    .from(clients).where(isNull(clients.deletedAt)).all();
}

export type ListedClient = { id: string; lastName: string; firstName: string; street: string | null; postalCode: string | null; city: string | null; email: string | null; phone: string | null; birthDate: string | null };

/** The list fields of the live clients named (all of them without ids), by name. */
export function listedClients(db: Db, ids?: readonly string[]): ListedClient[] {
  if (ids === undefined) return db.select(LIST_COLUMNS).from(clients).where(isNull(clients.deletedAt)).orderBy(asc(clients.lastName), asc(clients.firstName)).all();
  const found = new Map<string, ListedClient>();
  // SQLite takes a bounded number of parameters per statement.
  for (let at = 0; at < ids.length; at += 500) {
    for (const c of db.select(LIST_COLUMNS).from(clients).where(and(isNull(clients.deletedAt), inArray(clients.id, ids.slice(at, at + 500)))).all()) found.set(c.id, c);
  }
  return ids.map((id) => found.get(id)).filter((c): c is ListedClient => c !== undefined);
}
