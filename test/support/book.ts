// A real encrypted database file in a fresh temporary folder, per test.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '#db/open.ts';
import { Store } from '#db/store.ts';
import { heldCatalogue } from '#services/catalogue.ts';

export function tempDir(prefix = 'aw-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openTestStore(options: { now?: () => number } = {}) {
  const { dir, cleanup } = tempDir();
  const key = randomBytes(32);
  const path = join(dir, 'book.db');
  const { sqlite, db } = openDatabase({ path, key });
  const store = new Store(sqlite, db, { userId: 'advisor-1', now: options.now, catalogue: heldCatalogue });
  return { store, path, key, dir, cleanup, close: () => { store.close(); cleanup(); } };
}
