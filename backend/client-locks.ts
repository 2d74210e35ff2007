// Per-client advisory locks, held until the transaction ends: a request of
// signals about a client, and the client's erasure, never run interleaved, so
// no alert is made for a client erased meanwhile and no two requests both
// make "the" alert for one event.
import { sql } from 'drizzle-orm';
import type { BackendDb } from './db/connect.ts';

/** The namespace of these locks (the key: 32 bits of the client's id). */
const CLIENT_LOCKS = 7_315_006;

export async function lockClients(tx: BackendDb, clientIds: string[]): Promise<void> {
  const keys = [...new Set(clientIds.map((id) => Number.parseInt(id.replace(/-/g, '').slice(-8), 16) | 0))].sort((a, b) => a - b);
  if (keys.length === 0) return;
  // In ascending order, so two requests never wait for each other.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CLIENT_LOCKS}, k) FROM unnest(${`{${keys.join(',')}}`}::int[]) AS t(k)`);
}
