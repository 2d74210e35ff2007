// A book of N generated clients in an encrypted database in browser mode's
// layout (data folder with workstation.db and workstation.key), set up as if
// an advisor had already started the workstation once.
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '#db/open.ts';
import { localUser } from '#db/schema.ts';
import { loadOrCreateKey } from '#host/keyfile.ts';
import { loadDemoBook } from '#services/demo/index.ts';
import { progress } from './lib.ts';

export function makeBook(dataDir: string, clients: number) {
  const key = loadOrCreateKey(join(dataDir, 'workstation.key'), false);
  const { sqlite, db } = openDatabase({ path: join(dataDir, 'workstation.db'), key });
  const ownerId = uuidv7();
  db.insert(localUser).values({ id: ownerId, displayName: 'Bench', roles: ['advisor'], locale: 'de', createdAt: Date.now() }).run();
  const counts = loadDemoBook(sqlite, { clients, ownerId, onProgress: (d, t) => progress('rows', d, t) });
  return { sqlite, db, key, counts, close: () => sqlite.close() };
}
