// Everything the backend's database holds, table by table, to show that a
// refused push changed nothing but the verdict it records, and an accepted one
// only what it is about.
import { sql } from 'drizzle-orm';
import type { BackendDb } from '#backend/db/connect.ts';
import type { Contents } from '../../support/book-contents.ts';

/**
 * Columns that record an attempt, not its effect: the verdict of each pushed
 * mutation, the device's place in its sequence and when it (or an assistant
 * integration) was last heard from.
 */
const ATTEMPT = { mutation_results: null, devices: ['last_seq', 'last_seen_at'], integrations: ['last_seen_at'] } as const;

const rowsOf = <T>(res: unknown): T[] => ((res as { rows?: T[] }).rows ?? (res as T[]));

/**
 * In one round trip: every table's rows as JSON text, the columns that record
 * an attempt left out (or, with attempts 'compare', kept: a request turned
 * away at the door records nothing at all).
 */
export async function backendContents(db: BackendDb, options: { attempts?: 'leave_out' | 'compare' } = {}): Promise<Contents> {
  const leaveOut: Record<string, readonly string[] | null> = options.attempts === 'compare' ? {} : ATTEMPT;
  const tables = rowsOf<{ name: string }>(await db.execute(sql`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)).map((t) => t.name)
    .filter((name) => leaveOut[name] !== null);
  const parts = tables.map((name) => {
    const minus = (leaveOut[name] ?? []).map((c) => ` - '${c}'`).join('');
    return sql.raw(`'${name}', (SELECT coalesce(json_agg((to_jsonb(t)${minus})::text), '[]'::json) FROM "${name}" t)`);
  });
  const [{ all }] = rowsOf<{ all: Record<string, string[]> | string }>(await db.execute(sql`SELECT json_build_object(${sql.join(parts, sql`, `)}) AS all`)) as [{ all: Record<string, string[]> | string }];
  const byTable = typeof all === 'string' ? JSON.parse(all) as Record<string, string[]> : all;
  return Object.fromEntries(Object.entries(byTable).map(([k, rows]) => [k, [...rows].sort()]));
}
