// A book of N generated clients in an encrypted database in browser mode's
// layout (data folder with workstation.db and workstation.key), set up as if
// an advisor had already started the workstation once.
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '#db/open.ts';
import { localUser } from '#db/schema.ts';
import { loadOrCreateKey } from '#host/keyfile.ts';
import { loadDemoBook } from '#demo/index.ts';
import { progress } from './lib.ts';

/** Opens a book made by makeBook. */
export function openBook(dataDir: string) {
  const key = loadOrCreateKey(join(dataDir, 'workstation.key'), false);
  const { sqlite, db } = openDatabase({ path: join(dataDir, 'workstation.db'), key });
  return { sqlite, db, close: () => sqlite.close() };
}

export function makeBook(dataDir: string, clients: number) {
  const key = loadOrCreateKey(join(dataDir, 'workstation.key'), false);
  const { sqlite, db } = openDatabase({ path: join(dataDir, 'workstation.db'), key });
  const ownerId = uuidv7();
  db.insert(localUser).values({ id: ownerId, displayName: 'Bench', roles: ['advisor'], locale: 'de', createdAt: Date.now() }).run();
  const counts = loadDemoBook(sqlite, { clients, ownerId, onProgress: (d, t) => progress('rows', d, t) });
  return { sqlite, db, key, counts, close: () => sqlite.close() };
}

// `node bench/dataset.ts DIR CLIENTS`: makes the book in its own process, so a
// benchmark that times reads starts with none of the generator's garbage left
// to collect in the middle of its measurements.
if (import.meta.main) makeBook(process.argv[2]!, Number(process.argv[3])).close();
