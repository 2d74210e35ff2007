// A real encrypted database file in a fresh temporary folder, per test.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '#db/open.ts';
import { Store } from '#db/store.ts';
import { getLocalUser } from '#db/queries.ts';
import { heldCatalogue } from '#services/catalogue.ts';
import { peopleLookup } from '#services/sync/directory.ts';

export function tempDir(prefix = 'aw-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Roles of a test book's user unless a test says otherwise: client work and coaching. */
export const TEST_ROLES = ['advisor', 'life_coach'] as const;

export function openTestStore(options: { now?: () => number; roles?: () => readonly string[]; ids?: readonly string[] } = {}) {
  const { dir, cleanup } = tempDir();
  const key = randomBytes(32);
  const path = join(dir, 'book.db');
  const { sqlite, db } = openDatabase({ path, key });
  const person = () => ({ roles: options.roles?.() ?? TEST_ROLES, ids: options.ids ?? [] });
  // Whom a share may name, as on a workstation: the user, and the coaches of the directory the book holds.
  const people = (s: Store) => peopleLookup(s, () => ({ ...person(), ids: [s.userId, ...person().ids], displayName: getLocalUser(db)?.displayName ?? 'Anna Berger' }));
  const store = new Store(sqlite, db, { userId: 'advisor-1', now: options.now, person, catalogue: heldCatalogue, people });
  return { store, path, key, dir, cleanup, close: () => { store.close(); cleanup(); } };
}
