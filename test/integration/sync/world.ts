// A small world for sync tests: one real backend on loopback (PostgreSQL when
// DATABASE_URL is set, PGlite otherwise) and devices that are real encrypted
// books with the real sync engine, each with its own clock and, if asked,
// behind a fault-injecting proxy.
import { systemClock, type Clock } from '#backend/clock.ts';
import { createApp } from '#backend/app.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import type { BackendRole } from '#backend/roles.ts';
import { listen } from '#backend/server.ts';
import { ENTITIES } from '#core/records.ts';
import { openDatabase } from '#db/open.ts';
import { readSyncedState } from '#db/records.ts';
import { Store } from '#db/store.ts';
import { heldCatalogue } from '#services/catalogue.ts';
import { SyncEngine, type SyncOptions } from '#services/sync/engine.ts';
import { sql } from 'drizzle-orm';
import { memoryLogger, openTestDatabase } from '../backend/support.ts';
import { settled } from '../backend/sync-support.ts';
import { openTestStore } from '../../support/book.ts';
import { startFaultProxy, type Fault, type FaultProxy } from '../../support/fault-proxy.ts';

export const DAY = 24 * 3600 * 1000;

export interface Device {
  name: string;
  /** The book's file and key, to open it from another process. */
  path: string;
  key: Buffer;
  store: ReturnType<typeof openTestStore>['store'];
  engine: SyncEngine;
  proxy: FaultProxy | null;
  /**
   * Waits until transactions begun elsewhere in the cluster have ended: the
   * pull rightly holds back changes behind them (on PGlite there are none).
   */
  settle(): Promise<void>;
  /** The device's records as the merge sees them, keyed entity/id. */
  snapshot(): Record<string, Record<string, unknown>>;
  /** Sets the computer's clock this far off true time from now on, as a user setting the date does. */
  setClockOffset(ms: number): void;
}

/** `clock`: the backend's, when a test moves time (its devices then move theirs alike: setClockOffset). */
export async function startWorld(options: { clock?: Clock } = {}) {
  const database = await openTestDatabase();
  const log = memoryLogger();
  const app = createApp({ db: database.db, logger: log.logger, clock: options.clock ?? systemClock });
  let server = await listen(app, { port: 0, logger: log.logger });
  const port = Number(new URL(server.url).port);
  const closers: (() => Promise<void> | void)[] = [];

  async function person(name: string, roles: BackendRole[] = ['advisor']) {
    return createUser(database.db, { displayName: name, roles }, new Date());
  }

  /** Enrols a new device for the user; its clock runs `clockOffsetMs` off true time. */
  async function device(userId: string, name: string, options: { clockOffsetMs?: number; faults?: (path: string, n: number) => Fault; sync?: SyncOptions } = {}): Promise<Device> {
    let offset = options.clockOffsetMs ?? 0;
    // The device takes the roles the backend gave at enrolment, as the workstation does.
    const book = openTestStore({ now: () => Date.now() + offset, roles: (): readonly string[] => engine.backendRoles() ?? [] });
    const proxy = options.faults ? await startFaultProxy(server.url, options.faults) : null;
    const engine = new SyncEngine(book.store, { now: () => Date.now() + offset, batchSize: 50, pullLimit: 100, ...options.sync });
    // Enrolment goes over the same faulty wire: a lost answer used the code up, so each try gets a new one.
    for (let attempt = 1; ; attempt++) {
      const { code } = await issueEnrolmentCode(database.db, userId, new Date());
      try {
        await engine.enrol(proxy?.url ?? server.url, code, name);
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
      }
    }
    closers.push(async () => { engine.stop(); await proxy?.close(); if (book.store.sqlite.open) book.store.close(); book.cleanup(); });
    const snapshot = () => snapshotOf(book.store);
    return {
      name, path: book.path, key: book.key, store: book.store, engine, proxy, snapshot, settle: () => settled({ db: database.db }),
      setClockOffset: (ms: number) => { offset = ms; },
    };
  }

  /** Opens a device's book again from its file, as after a restart: a new store and engine, same data. */
  function reopen(device: Device, options: { sync?: SyncOptions } = {}): Device {
    const { sqlite, db } = openDatabase({ path: device.path, key: device.key });
    const store: Store = new Store(sqlite, db, { userId: 'restarted', person: () => ({ roles: engine.backendRoles() ?? [], ids: [] }), catalogue: heldCatalogue });
    const engine: SyncEngine = new SyncEngine(store, { batchSize: 50, pullLimit: 100, ...options.sync });
    store.userId = engine.backendUserId() ?? store.userId;
    closers.push(() => { engine.stop(); if (sqlite.open) store.close(); });
    return { ...device, store, engine, snapshot: () => snapshotOf(store) };
  }

  /** The backend's records of one user's clients, as a device would hold them. */
  async function backendSnapshot(userId: string): Promise<Record<string, Record<string, unknown>>> {
    const rows = await database.db.execute(sql`
      SELECT r.entity, r.id, r.fields FROM records r
      JOIN client_access a ON a.client_id = r.client_id AND a.user_id = ${userId}`);
    const out: Record<string, Record<string, unknown>> = {};
    for (const r of (rows as unknown as { rows: { entity: string; id: string; fields: Record<string, unknown> }[] }).rows ?? rows) {
      out[`${r.entity}/${r.id}`] = r.fields;
    }
    return out;
  }

  async function query<T>(text: ReturnType<typeof sql>): Promise<T[]> {
    const res = await database.db.execute(text) as unknown as { rows?: T[] } | T[];
    return Array.isArray(res) ? res : (res.rows ?? []);
  }

  /** Stops the backend and starts a new one on the same port and database, as a deployment or a crash and restart does. */
  async function restartBackend(): Promise<void> {
    await server.close();
    server = await listen(createApp({ db: database.db, logger: log.logger, clock: options.clock ?? systemClock }), { port, logger: log.logger });
  }

  return {
    db: database.db, url: server.url, log, person, device, reopen, backendSnapshot, query, restartBackend,
    async close() {
      for (const c of closers.reverse()) await c();
      await server.close();
      await database.dispose();
    },
  };
}

export type World = Awaited<ReturnType<typeof startWorld>>;

function snapshotOf(store: Store): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const entity of ENTITIES) {
    const ids = store.sqlite.prepare(`SELECT id FROM ${tableName(entity)}`).all() as { id: string }[];
    for (const { id } of ids) out[`${entity}/${id}`] = readSyncedState(store.db, entity, id)!.fields;
  }
  return out;
}

function tableName(entity: string): string {
  return entity.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Syncs until the device reports it is up to date (faults may need a few rounds). */
export async function syncUntilDone(device: Device, rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await device.settle();
    await device.engine.syncOnce();
    const s = device.engine.getStatus();
    if ((s.phase === 'up_to_date' || s.phase === 'needs_attention') && device.store.pendingCount() === 0 && !s.message) return;
  }
  throw new Error(`${device.name} did not finish syncing: ${JSON.stringify(device.engine.getStatus())}`);
}
