// `npm start`'s own manufacturer: the real backend on embedded PGlite beside
// the app, with one demo advisor (who also sells for the demo's eco household
// shop, whose price ranges the demo catalogue grants) and one demo
// manufacturer's person for the console, so that a newcomer sees sync working,
// asks for a price approval in the app and decides it in the console, with one command. The workstation enrols with it on first start; when the demo
// book is loaded into the workstation, the same records are handed to the
// backend as the demo advisor's, so editing a demo client syncs like any other.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { BackendDb } from '#backend/db/connect.ts';
import { changeLog, clientAccess, manufacturerDocuments, records, users } from '#backend/db/schema.ts';
import { createLogger, privateLogFile } from '#backend/log.ts';
import { setConsolePassword } from '#backend/console/password.ts';
import { publishCatalogue, readCatalogueFile, SEED_CATALOGUE, setRetailer } from '#backend/manufacturer.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import type { BackendRole } from '#backend/roles.ts';
import { startBackend, type RunningBackend } from '#backend/server.ts';
import { ENTITIES } from '#core/records.ts';
import type { Db } from '#db/open.ts';
import { syncedStateOf } from '#db/records.ts';
import { SYNCED_TABLES } from '#db/schema.ts';
import { sendDemoSignals } from './demo-assistant.ts';

/** The demo learns every minute, so a newcomer sees outcomes change the offers soon. */
const DEMO_LEARN_EVERY_MS = 60_000;

const DEMO_ADVISOR = 'Demo-Beraterin';
/** The demo advisor's roles: a retailer too, so the sale at a granted price can be tried at once. */
const DEMO_ROLES: BackendRole[] = ['advisor', 'life_coach', 'retailer'];
/** The demo catalogue grants this retailer its ranges. */
const DEMO_RETAILER = 'retailer_oeko_haus';
/** The manufacturer's person who signs in to the demo's console. */
export const DEMO_MANUFACTURER = 'Demo-Hersteller';
/** The console password, made on first start and kept beside the demo's database, readable by the user only. */
const PASSWORD_FILE = 'console-password';
/** Life coaches of the demo, so the client page has someone to share a client with. */
const DEMO_COACHES = ['Lena Hoffmann', 'Jonas Weber'];
const PREFERRED_PORT = 8787;
/** Rows per INSERT when handing the demo book over: few statements, bounded memory. */
const CHUNK = 500;

export interface DemoBackend {
  url: string;
  /** Its database, for the manufacturer's side of a demo (and for tests). */
  db: BackendDb;
  advisorId: string;
  /** The manufacturer's console and how the demo manufacturer signs in to it. */
  console: { url: string; user: string; password: string };
  /** A fresh one-time code for the demo advisor. */
  enrolmentCode(): Promise<string>;
  /** Gives the backend the records of a demo book just loaded into a workstation. */
  adoptDemoBook(local: Db, onProgress?: (done: number, total: number) => void): Promise<number>;
  /** The demo assistant reports life events of the demo book's clients: alerts for the coach (build/demo-assistant.ts). */
  sendDemoSignals(local: Db): Promise<{ kept: number }>;
  close(): Promise<void>;
}

export async function startDemoBackend(dataDir: string): Promise<DemoBackend> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Its log goes to a file: the terminal keeps the one line to open.
  const logger = createLogger({ level: 'info', destination: privateLogFile(join(dataDir, 'backend.log')) });
  let backend: RunningBackend;
  try {
    backend = await startBackend({ dataDir: join(dataDir, 'db'), port: PREFERRED_PORT, logger, learnEveryMs: DEMO_LEARN_EVERY_MS });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    backend = await startBackend({ dataDir: join(dataDir, 'db'), port: 0, logger, learnEveryMs: DEMO_LEARN_EVERY_MS });
  }
  const db = backend.database.db;
  const [existing] = await db.select().from(users).where(eq(users.displayName, DEMO_ADVISOR));
  const advisor = existing ?? await createUser(db, { displayName: DEMO_ADVISOR, roles: DEMO_ROLES }, new Date());
  // A demo folder from before the retailer's workspace: the advisor becomes the shop's retailer too.
  if (!DEMO_ROLES.every((r) => advisor.roles.includes(r))) {
    await db.update(users).set({ roles: [...new Set([...advisor.roles, ...DEMO_ROLES])] }).where(eq(users.id, advisor.id));
  }
  for (const name of DEMO_COACHES) {
    const [coach] = await db.select({ id: users.id }).from(users).where(eq(users.displayName, name));
    if (!coach) await createUser(db, { displayName: name, roles: ['life_coach'] }, new Date());
  }
  // The demo catalogue, published once, so the first sync brings it down too.
  const [published] = await db.select({ kind: manufacturerDocuments.kind }).from(manufacturerDocuments).limit(1);
  if (!published) await publishCatalogue(db, readCatalogueFile(SEED_CATALOGUE), new Date());
  if (advisor.retailerId !== DEMO_RETAILER) await setRetailer(db, advisor.id, DEMO_RETAILER, new Date());
  const consoleLogin = await demoManufacturer(db, dataDir);

  return {
    url: backend.url,
    db,
    advisorId: advisor.id,
    console: { url: `${backend.url}/console`, ...consoleLogin },
    enrolmentCode: async () => (await issueEnrolmentCode(db, advisor.id, new Date())).code,
    async adoptDemoBook(local, onProgress) {
      const rows: { entity: (typeof ENTITIES)[number]; row: Record<string, unknown> }[] = [];
      for (const entity of ENTITIES) {
        const table = SYNCED_TABLES[entity] as typeof SYNCED_TABLES.clients;
        for (const row of local.select().from(table).all() as Record<string, unknown>[]) rows.push({ entity, row });
      }
      const clientIds = rows.filter((r) => r.entity === 'clients').map((r) => r.row.id as string);
      for (let i = 0; i < clientIds.length; i += CHUNK) {
        await db.insert(clientAccess).values(clientIds.slice(i, i + CHUNK).map((clientId) => ({ clientId, userId: advisor.id, kind: 'owner' as const })))
          .onConflictDoNothing();
      }
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK).map(({ entity, row }) => {
          const state = syncedStateOf(row as Parameters<typeof syncedStateOf>[0]);
          if (entity === 'clients') state.fields.ownerId = advisor.id;
          // The owner coaches these clients too: under the name the backend knows them by.
          if (entity === 'mandates') state.fields.coachId = advisor.id;
          const clientId = (entity === 'clients' ? row.id : row.clientId) as string;
          return { entity, id: row.id as string, clientId, fields: state.fields, stamps: state.stamps };
        });
        await db.transaction(async (tx) => {
          await tx.insert(records).values(chunk.map((c) => ({ ...c, createdAt: new Date(), updatedAt: new Date() }))).onConflictDoNothing();
          await tx.insert(changeLog).values(chunk.map(({ entity, id, clientId }) => ({ entity, id, clientId })));
        });
        onProgress?.(Math.min(i + CHUNK, rows.length), rows.length);
      }
      return clientIds.length;
    },
    sendDemoSignals: (local) => sendDemoSignals(db, { url: backend.url, dir: dataDir }, local),
    close: () => backend.close(),
  };
}


/** The demo's manufacturer's person and the console password kept for them (made on first start). */
async function demoManufacturer(db: BackendDb, dataDir: string): Promise<{ user: string; password: string }> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.displayName, DEMO_MANUFACTURER));
  const user = existing ?? await createUser(db, { displayName: DEMO_MANUFACTURER, roles: ['manufacturer'] }, new Date());
  const file = join(dataDir, PASSWORD_FILE);
  let password = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (password.length < 12) {
    password = randomBytes(12).toString('base64url');
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
  }
  // Set on every start: the file is the demo's one truth, also after the database folder was removed.
  await setConsolePassword(db, user.id, password, new Date());
  return { user: DEMO_MANUFACTURER, password };
}
