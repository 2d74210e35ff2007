// A device in its own process, for crash tests: opens an enrolled book and
// syncs it, printing a line per step so the parent can kill it mid-push or
// mid-pull with SIGKILL, as a dead battery would.
//   node test/support/sync-child.ts BOOK_PATH KEY_HEX
import { openDatabase } from '#db/open.ts';
import { Store } from '#db/store.ts';
import { heldCatalogue } from '#services/catalogue.ts';
import { SyncEngine } from '#services/sync/engine.ts';

const [path, keyHex] = process.argv.slice(2);
const { sqlite, db } = openDatabase({ path: path!, key: Buffer.from(keyHex!, 'hex') });
// The roles the backend gave at enrolment, as the workstation takes them.
const store: Store = new Store(sqlite, db, { userId: 'child', person: () => ({ roles: engine.backendRoles() ?? [], ids: [] }), catalogue: heldCatalogue });
const engine: SyncEngine = new SyncEngine(store, {
  batchSize: 20,
  pullLimit: 20,
  onStatus: (s) => { if (s.progress) console.log(`progress ${s.progress.pushed} ${s.progress.pulled}`); },
});
store.userId = engine.backendUserId() ?? store.userId;
await engine.syncOnce();
console.log(`done ${engine.getStatus().phase}`);
store.close();
