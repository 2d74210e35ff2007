// The one way anything on the device changes. Each mutation is validated by
// the domain schema, applied, and appended to the outbox in the same SQLite
// transaction, so a change and its record for sync can never part.
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { formatHlc, parseHlc, tick, type Hlc, HLC_ZERO } from '#core/hlc.ts';
import { MUTATIONS, type MutationInput, type MutationName } from '#core/mutations.ts';
import { parseOrThrow } from '#core/validate.ts';
import type { Db, Sqlite } from './open.ts';
import { MUTATORS, type MutationMeta } from './mutators.ts';
import { deviceState, outbox } from './schema.ts';

export interface StoreOptions {
  /** Who is making changes on this device. */
  userId: string;
  /** Physical time; injected so tests can run laptops whose clocks are off. */
  now?: () => number;
}

export class Store {
  readonly sqlite: Sqlite;
  readonly db: Db;
  readonly deviceId: string;
  userId: string;
  private readonly now: () => number;
  private clock: Hlc;

  constructor(sqlite: Sqlite, db: Db, options: StoreOptions) {
    this.sqlite = sqlite;
    this.db = db;
    this.userId = options.userId;
    this.now = options.now ?? Date.now;
    this.deviceId = this.readState('device_id') ?? this.writeState('device_id', uuidv7());
    const saved = this.readState('hlc');
    this.clock = saved ? parseHlc(saved) : HLC_ZERO;
  }

  /** Validates, applies and records one mutation; returns what the mutator returns. */
  mutate<N extends MutationName>(name: N, input: MutationInput<N>): ReturnType<(typeof MUTATORS)[N]> {
    const args = parseOrThrow(MUTATIONS[name], input);
    return this.transaction(() => {
      const at = this.now();
      this.clock = tick(this.clock, at, this.deviceId);
      const hlc = formatHlc(this.clock);
      const meta: MutationMeta = { at, hlc, userId: this.userId };
      const mutator = MUTATORS[name] as (db: Db, args: unknown, meta: MutationMeta) => ReturnType<(typeof MUTATORS)[N]>;
      const result = mutator(this.db, args, meta);
      this.db.insert(outbox).values({
        mutationId: uuidv7(), name, args, hlc, createdAt: at,
        clientId: clientIdOf(name, args as Record<string, unknown>, result),
      }).run();
      this.writeState('hlc', hlc);
      return result;
    });
  }

  /** Runs several mutations atomically (better-sqlite3 nests them as savepoints). */
  transaction<T>(fn: () => T): T {
    return this.sqlite.transaction(fn)();
  }

  pendingCount(): number {
    const row = this.sqlite.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number };
    return row.n;
  }

  readState(key: string): string | undefined {
    return this.db.select().from(deviceState).where(eq(deviceState.key, key)).get()?.value;
  }

  writeState(key: string, value: string): string {
    this.db.insert(deviceState).values({ key, value }).onConflictDoUpdate({ target: deviceState.key, set: { value } }).run();
    return value;
  }

  close(): void {
    this.sqlite.close();
  }
}

/** The client a mutation is about, so erasure can purge its outbox entries too. */
function clientIdOf(name: MutationName, args: Record<string, unknown>, result: unknown): string | null {
  if (name.startsWith('client.')) return String(args.id);
  if (typeof args.clientId === 'string') return args.clientId;
  const r = result as { clientId?: unknown } | undefined;
  return typeof r?.clientId === 'string' ? r.clientId : null;
}
