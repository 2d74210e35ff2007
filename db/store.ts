// The one way anything on the device changes. Each mutation is validated by
// the domain schema, applied, and appended to the outbox in the same SQLite
// transaction, so a change and its record for sync can never part.
import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { formatHlc, parseHlc, receive, tick, type Hlc, HLC_ZERO } from '#core/hlc.ts';
import { DomainError } from '#core/errors.ts';
import type { CatalogueLookup } from '#core/manufacturer.ts';
import { MUTATIONS, type MutationArgs, type MutationInput, type MutationName } from '#core/mutations/index.ts';
import { planMutation } from '#core/mutations/plan.ts';
import { accessOf, consentsNeeded, issueProblem, REGISTRY } from '#core/mutations/registry.ts';
import { parseOrThrow } from '#core/validate.ts';
import type { RecordReader } from '#core/records.ts';
import type { PeopleLookup } from '#core/share.ts';
import type { Db, Sqlite } from './open.ts';
import { eraseClientLocally } from './erase.ts';
import { logDisclosure } from './retention.ts';
import type { AdviceDisclose } from '#core/retention.ts';
import { consentRecords } from './profile.ts';
import { applyWrite, recordReader } from './records.ts';
import { heldRanges } from './ranges.ts';
import { consultsRanges } from '#core/mutations/rules.ts';
import { deviceState, outbox, type UndoEntry } from './schema.ts';

function stateQueries(db: Db) {
  return {
    outbox: db.insert(outbox).values({
      mutationId: sql.placeholder('mutationId'), name: sql.placeholder('name'), args: sql.placeholder('args'), hlc: sql.placeholder('hlc'),
      createdAt: sql.placeholder('createdAt'), clientId: sql.placeholder('clientId'), undo: sql.placeholder('undo'),
    }).prepare(),
    read: db.select({ value: deviceState.value }).from(deviceState).where(eq(deviceState.key, sql.placeholder('key'))).prepare(),
    write: db.insert(deviceState).values({ key: sql.placeholder('key'), value: sql.placeholder('value') })
      .onConflictDoUpdate({ target: deviceState.key, set: { value: sql`excluded.value` } }).prepare(),
  };
}

/** What a change returns: the record, its client, its new version and when it was saved. */
export interface Saved { id: string; clientId: string; version: number; savedAt: number }

export interface StoreOptions {
  /** Who is making changes on this device. */
  userId: string;
  /**
   * The person using the device, asked at every change: their roles (the
   * backend's once enrolled, else the ones chosen at set-up) and every id they
   * go by besides `userId` (the local one, the backend's). Injected, because
   * the shell knows where they come from; the store only applies the rules.
   */
  person: () => { roles: readonly string[]; ids: readonly (string | undefined)[] };
  /** Physical time; injected so tests can run laptops whose clocks are off. */
  now?: () => number;
  /** The catalogue this device holds (services/catalogue.ts), for the product, bundle and area ids a change carries. */
  catalogue: (store: Store) => CatalogueLookup;
  /** The people a change may name (a coach to share a client with): the directory this device keeps, and the person using it. */
  people?: (store: Store) => PeopleLookup;
}

export class Store {
  readonly sqlite: Sqlite;
  readonly db: Db;
  readonly deviceId: string;
  userId: string;
  private readonly person: StoreOptions['person'];
  /** The store's clock: the services decide with the day the store will record. */
  readonly now: () => number;
  /** Asked only by a change that carries catalogue ids, so no other change reads the catalogue. */
  private readonly catalogue: CatalogueLookup;
  /** Asked only by a change that names a person. */
  private readonly people: PeopleLookup;
  private clock: Hlc;
  private readonly committed = new Set<() => void>();
  /** Built once: every change reads who is acting, writes its outbox entry and the clock. */
  private readonly state: ReturnType<typeof stateQueries>;

  constructor(sqlite: Sqlite, db: Db, options: StoreOptions) {
    this.sqlite = sqlite;
    this.db = db;
    this.state = stateQueries(db);
    this.userId = options.userId;
    this.person = options.person;
    this.now = options.now ?? Date.now;
    const held = () => options.catalogue(this);
    this.catalogue = { has: (item, id) => held().has(item, id), get current() { return held().current; } };
    this.people = { find: (id) => options.people?.(this).find(id) ?? null };
    this.deviceId = this.readState('device_id') ?? this.writeState('device_id', uuidv7());
    const saved = this.readState('hlc');
    this.clock = saved ? parseHlc(saved) : HLC_ZERO;
  }

  /** Calls fn after each mutation that reached the outbox (sync uses it to send soon). */
  onCommit(fn: () => void): () => void {
    this.committed.add(fn);
    return () => this.committed.delete(fn);
  }

  /** Validates, applies and records one mutation; returns what was saved. */
  mutate<N extends MutationName>(name: N, input: MutationInput<N>): Saved {
    const args = parseOrThrow(MUTATIONS[name], input);
    const saved = this.transaction(() => this.apply(name, args as MutationArgs<N>));
    if (!this.sqlite.inTransaction) for (const fn of this.committed) fn();
    return saved;
  }

  private apply<N extends MutationName>(name: N, args: MutationArgs<N>): Saved {
    const at = this.now();
    const read = recordReader(this.db);
    this.mayIssue(name, args, read);
    // Only a change that prices a sale reads the ranges this device was granted.
    const ranges = consultsRanges(name) ? heldRanges(this.db) : undefined;
    const plan = planMutation(name, args, { at, userId: this.userId, read, catalogue: this.catalogue, people: this.people, ranges });
    this.clock = tick(this.clock, at, this.deviceId);
    const hlc = formatHlc(this.clock);
    let version = 0;
    const undo: UndoEntry[] = [];
    for (const write of plan.writes) {
      const applied = applyWrite(this.db, write, { at, hlc });
      if (applied.undo) undo.push(applied.undo);
      if (write.id === plan.id && write.entity === plan.writes[0]?.entity) version = applied.version;
    }
    const mutationId = uuidv7();
    // What was queued about the client is emptied first; the erasure itself then joins the queue.
    if (plan.erase) eraseClientLocally(this.db, plan.clientId, { at, restrict: true, except: mutationId });
    // A disclosure is logged here and sent with the rest.
    if (plan.disclose) logDisclosure(this.db, args as AdviceDisclose, this.userId, at);
    // A repeated create or start changes nothing and owes the backend nothing.
    if (plan.writes.length > 0 || plan.erase || plan.disclose) {
      this.state.outbox.run({ mutationId, name, args, hlc, createdAt: at, clientId: plan.clientId, undo });
      this.writeState('hlc', hlc);
    }
    if (version === 0) version = (recordReader(this.db).get(plan.writes[0]?.entity ?? REGISTRY[name].entity, plan.id)?.version as number | undefined) ?? 0;
    return { id: plan.id, clientId: plan.clientId, version, savedAt: at };
  }

  /**
   * The registry's rules on who may issue the change, as the backend checks
   * them again: the person's roles, how they stand to the client (its ownerId
   * is them: owner; else it was shared with them) and to the mandate, and the
   * client's consents. A client not on this device is left to the plan, which
   * says it is not there.
   */
  private mayIssue<N extends MutationName>(name: N, args: MutationArgs<N>, read: RecordReader): void {
    const { roles, ids } = this.person();
    const refuse = (problem: ReturnType<typeof issueProblem>) => { if (problem) throw new DomainError([problem]); };
    refuse(issueProblem(name, { roles }));
    const via = REGISTRY[name].client;
    const a = args as Record<string, unknown>;
    const record = 'record' in via ? read.get(via.record, String(a[via.key ?? 'id'])) : null;
    const clientId = 'record' in via ? (record?.clientId as string | undefined) : String(a[via.arg]);
    const client = clientId === undefined ? null : read.get('clients', clientId);
    if ('record' in via ? !record || !client : !client && !via.creates) return;
    // Changes made before enrolment carry the local id; after it, the backend's.
    const me = new Set([this.userId, ...ids]);
    const isMe = (id: unknown) => typeof id === 'string' && me.has(id);
    const clientAccess = client ? (isMe(client.ownerId) ? 'owner' : 'shared') : null;
    const access = accessOf(name, { clientAccess, clientExists: client !== null, record, isMe });
    // Consent records are read only for a kind that needs a consent, as on the backend: an answer typed in a meeting reads none.
    const needsConsent = consentsNeeded(name, args).length > 0;
    refuse(issueProblem(name, { roles, access, consents: client && needsConsent ? consentRecords(this.db, client.id) : [] }, args));
  }

  /**
   * Takes in a stamp seen from elsewhere (the backend, another device's
   * change), so that every later local change sorts after it, however slow
   * this laptop's clock is.
   */
  observe(remote: string): void {
    this.clock = receive(this.clock, parseHlc(remote), this.now(), this.deviceId);
    this.writeState('hlc', formatHlc(this.clock));
  }

  /**
   * Sets the clock back, only for db/restamp.ts: after this computer's clock
   * ran ahead and none of the stamps it made then was accepted anywhere.
   * Everywhere else the clock only ever moves forward.
   */
  rewindClock(to: Hlc): void {
    this.clock = to;
    this.writeState('hlc', formatHlc(to));
  }

  /**
   * Runs several mutations (and writes of the device's own) in one transaction,
   * and tells sync once it committed, as mutate does for one.
   */
  batch<T>(fn: () => T): T {
    const result = this.transaction(fn);
    if (!this.sqlite.inTransaction) for (const fn of this.committed) fn();
    return result;
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
    return this.state.read.get({ key })?.value;
  }

  writeState(key: string, value: string): string {
    this.state.write.run({ key, value });
    return value;
  }

  deleteState(key: string): void {
    this.db.delete(deviceState).where(eq(deviceState.key, key)).run();
  }

  close(): void {
    this.sqlite.close();
  }
}
