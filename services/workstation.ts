// Opens a workstation: the encrypted book, the store, and the router that
// every shell serves. Shells only choose the key and the transport.
import { openDatabase, type Sqlite } from '#db/open.ts';
import { startCheckpoints } from '#db/checkpoint.ts';
import { getLocalUser, meetingRunningSince } from '#db/queries.ts';
import { Store } from '#db/store.ts';
import { purgeRestricted } from '#db/retention.ts';
import { heldCatalogue } from './catalogue.ts';
import { createRouter, type WorkstationRouter } from './router.ts';
import { peopleLookup } from './sync/directory.ts';
import { SyncEngine, type SyncOptions } from './sync/engine.ts';

/** A meeting not ended within this many hours of its start was left open, not held: it holds no update back. */
const MEETING_HOURS = 12;

export interface WorkstationOptions {
  dbPath: string;
  key: Buffer;
  mode: 'desktop' | 'browser';
  migrationsFolder?: string;
  /** Size of the demo book offered at first start. */
  demoClients?: number;
  /**
   * Writes the demo book offered at first start (demo/index.ts): handed in by
   * the shell, so the application services do not carry the generator.
   */
  loadDemoBook?: DemoBookLoader;
  now?: () => number;
  /** Sync settings; tests shorten the pauses. */
  sync?: SyncOptions;
  /** Called once a demo book has been loaded and committed (npm start hands it to its demo backend). */
  onDemoBookLoaded?: () => void;
  /** The shell's version and data folder, for the settings screen. */
  about?: { version: string; dataDir: string };
}

export type DemoBookLoader = (sqlite: Sqlite, options: { clients: number; ownerId: string; advisorName: string; now: number }) => void;

export interface Workstation {
  router: WorkstationRouter;
  store: Store;
  sync: SyncEngine;
  /** Whether a meeting started in the last 12 hours is still running: the desktop shell offers no restart into an update then. */
  meetingRunning(): boolean;
  close(): void;
}

/** How often a running workstation deletes restricted advice records whose retention has ended. */
export const PURGE_EVERY_MS = 24 * 3600_000;

/** Before set-up, changes are attributed to this placeholder; set-up replaces it. */
const UNASSIGNED = 'unassigned';

export function openWorkstation(options: WorkstationOptions): Workstation {
  const { sqlite, db } = openDatabase({ path: options.dbPath, key: options.key, migrationsFolder: options.migrationsFolder });
  // Once enrolled, the backend decides the person's roles; before, the ones chosen at set-up count.
  // Records carry the local id (made before enrolment) or the backend's (made, or adopted, after it).
  const person = () => {
    const local = getLocalUser(db);
    return { roles: sync.backendRoles() ?? local?.roles ?? [], ids: [local?.id, sync.backendUserId()] };
  };
  // Whom a share may name: the person themselves (under the name the backend knows) and the coaches of the directory held.
  const people = (s: Store) => peopleLookup(s, () => ({ ...person(), displayName: sync.backendUserName() ?? getLocalUser(db)?.displayName ?? '' }));
  const store = new Store(sqlite, db, { userId: getLocalUser(db)?.id ?? UNASSIGNED, now: options.now, person, catalogue: heldCatalogue, people });
  const sync: SyncEngine = new SyncEngine(store, { now: options.now, ...options.sync });
  // Once enrolled, changes are made in the name the backend knows this person by.
  store.userId = sync.backendUserId() ?? store.userId;
  store.onCommit(() => sync.nudge());
  const router = createRouter({
    store,
    mode: options.mode,
    about: options.about,
    loadDemoBook: (owner) => {
      if (!options.loadDemoBook) throw new Error('this workstation was opened without the demo book');
      options.loadDemoBook(sqlite, { clients: options.demoClients ?? 2000, ownerId: owner.id, advisorName: owner.displayName, now: (options.now ?? Date.now)() });
      // This runs inside set-up's transaction: tell once it has committed.
      if (options.onDemoBookLoaded) setImmediate(options.onDemoBookLoaded);
    },
    sync,
  });
  sync.start();
  // Restricted advice records whose retention has ended go at open and then daily while the app runs.
  const purge = () => { try { purgeRestricted(db, store.now()); } catch (error) { console.error('purging restricted advice records:', error); } };
  purge();
  const purging = setInterval(purge, PURGE_EVERY_MS);
  purging.unref();
  const checkpoints = startCheckpoints(sqlite, { path: options.dbPath, key: options.key });
  return {
    router, store, sync,
    meetingRunning: () => meetingRunningSince(db, store.now() - MEETING_HOURS * 60 * 60 * 1000),
    close: () => { clearInterval(purging); sync.stop(); checkpoints.stop(); store.close(); },
  };
}
