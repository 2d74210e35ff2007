// Advisory locks per client and life event, held until the transaction ends:
// two requests of signals about one client and event never both make "the"
// alert for it, nor add evidence crosswise; a client's erasure takes the locks
// of all its events, so no alert is made for a client erased meanwhile.
// Per event rather than per client: an assistant's batches name many clients,
// and concurrent requests would otherwise wait for each other most of the time.
import { sql } from 'drizzle-orm';
import { PROFILE_ATTRIBUTES } from '#core/profile.ts';
import type { BackendDb } from './db/connect.ts';

/** The first key of these locks: this plus the event's place in the list of life events. */
const EVENT_LOCKS = 7_315_100;
const EVENTS: readonly string[] = PROFILE_ATTRIBUTES.life_events;

/** 32 bits of a client's id (UUIDv7: the random end). */
const clientKey = (clientId: string) => Number.parseInt(clientId.replace(/-/g, '').slice(-8), 16) | 0;

/** Locks these (client, event) pairs; a kind that is no life event makes no alert and needs none. */
export async function lockEvents(tx: BackendDb, pairs: { clientId: string; kind: string }[]): Promise<void> {
  const keys = new Map<string, [number, number]>();
  for (const p of pairs) {
    const event = EVENTS.indexOf(p.kind);
    if (event >= 0) keys.set(`${event}:${clientKey(p.clientId)}`, [EVENT_LOCKS + event, clientKey(p.clientId)]);
  }
  if (keys.size === 0) return;
  // In one order, so two requests never wait for each other crosswise.
  const sorted = [...keys.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(k1, k2)
    FROM unnest(${`{${sorted.map((k) => k[0]).join(',')}}`}::int[], ${`{${sorted.map((k) => k[1]).join(',')}}`}::int[]) AS t(k1, k2)`);
}

/** Every event of the client: for its erasure. */
export async function lockClient(tx: BackendDb, clientId: string): Promise<void> {
  await lockEvents(tx, EVENTS.map((kind) => ({ clientId, kind })));
}
