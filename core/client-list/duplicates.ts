// Likely duplicates: a list row that is probably a client the book already
// holds (or an earlier row of the same list). The same person, in the sense
// an advisor would accept: the same first and last name and birth date, or
// the same e-mail address. Names are compared folded (case, umlauts, accents,
// hyphens), so "Müller" and "Mueller" meet.
import { foldText } from './columns.ts';
import type { ListClient } from './rows.ts';

export interface BookClient {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  email: string | null;
}

export type DuplicateMatch = 'name_and_birth_date' | 'email';

const nameKey = (c: { firstName: string; lastName: string; birthDate?: string | null }) =>
  c.birthDate ? `${foldText(c.firstName)}|${foldText(c.lastName)}|${c.birthDate}` : null;
const emailKey = (email: string | null | undefined) => (email ? email.trim().toLowerCase() : null);

/** An index of clients to look a row up in: the book's, and the list's rows seen so far. */
export class DuplicateIndex<T> {
  private readonly byName = new Map<string, T>();
  private readonly byEmail = new Map<string, T>();

  add(client: { firstName: string; lastName: string; birthDate?: string | null; email?: string | null }, value: T): void {
    const name = nameKey(client);
    const email = emailKey(client.email);
    if (name && !this.byName.has(name)) this.byName.set(name, value);
    if (email && !this.byEmail.has(email)) this.byEmail.set(email, value);
  }

  find(client: ListClient): { match: DuplicateMatch; value: T } | null {
    const name = nameKey(client);
    const byName = name ? this.byName.get(name) : undefined;
    if (byName !== undefined) return { match: 'name_and_birth_date', value: byName };
    const email = emailKey(client.email);
    const byEmail = email ? this.byEmail.get(email) : undefined;
    return byEmail !== undefined ? { match: 'email', value: byEmail } : null;
  }
}
