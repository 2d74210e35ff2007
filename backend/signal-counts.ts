// What became of the signals each integration sent, counted per day
// (Europe/Berlin): the only trace a dropped signal leaves. The report is what
// the manufacturer's console shows per integration (received, kept, dropped
// per reason); `npm run backend -- signals-report` prints it.
import { sql, type SQL } from 'drizzle-orm';
import { DROP_REASONS, type DropReason } from '#core/coach/signals.ts';
import type { BackendDb } from './db/connect.ts';
import { integrations, signalCounts } from './db/schema.ts';

/**
 * `alert`: made an alert; `duplicate`: added its evidence to one (both are
 * kept); `resent`: an id this integration had sent before; otherwise the
 * reason it was dropped, `unknown_client` for a client the backend does not have.
 */
export type Outcome = 'alert' | 'resent' | DropReason | 'unknown_client';

/** Rows per integration, day and outcome that requests spread their counts over. */
export const COUNT_SLOTS = 8;

/** The statement part that adds this request's counts to the day's. */
export function countOutcomes(integrationId: string, day: string, counts: Map<Outcome, number>): SQL {
  if (counts.size === 0) return sql`cnt AS (SELECT 1)`;
  const rows = [...counts].map(([outcome, n]) => ({ outcome, n }));
  // In one order, so two requests of one integration never wait for each other's rows crosswise.
  rows.sort((a, b) => a.outcome.localeCompare(b.outcome));
  const slot = Math.floor(Math.random() * COUNT_SLOTS);
  return sql`cnt AS (INSERT INTO ${signalCounts} (integration_id, day, outcome, slot, count)
    SELECT ${integrationId}::uuid, ${day}::date, outcome, ${slot}, n FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(outcome text, n int)
    ON CONFLICT (integration_id, day, outcome, slot) DO UPDATE SET count = ${signalCounts}.count + EXCLUDED.count)`;
}

export const DROPPED_OUTCOMES = [...DROP_REASONS.filter((r) => r !== 'duplicate'), 'unknown_client'] as const;
export type DroppedOutcome = (typeof DROPPED_OUTCOMES)[number];

export interface IntegrationReport {
  id: string;
  name: string;
  revoked: boolean;
  /** Every signal sent, resent ones included. */
  received: number;
  /** Stored: made an alert or added evidence to one. */
  kept: number;
  alerts: number;
  merged: number;
  resent: number;
  dropped: Record<DroppedOutcome, number>;
}

/** Per integration (revoked ones too), from `since` (a day, Europe/Berlin) on, or all time. */
export async function signalsReport(db: BackendDb, since?: string): Promise<IntegrationReport[]> {
  const res = await db.execute(sql`
    SELECT i.id, i.name, i.revoked_at IS NOT NULL AS revoked, c.outcome, coalesce(sum(c.count), 0)::int AS n
    FROM ${integrations} i LEFT JOIN ${signalCounts} c ON c.integration_id = i.id ${since ? sql`AND c.day >= ${since}::date` : sql``}
    GROUP BY i.id, i.name, i.revoked_at, i.created_at, c.outcome
    ORDER BY i.created_at, i.id`);
  const rows = ((res as { rows?: unknown[] }).rows ?? res) as { id: string; name: string; revoked: boolean; outcome: string | null; n: number }[];
  const out = new Map<string, IntegrationReport>();
  for (const r of rows) {
    let report = out.get(r.id);
    if (!report) {
      report = { id: r.id, name: r.name, revoked: r.revoked, received: 0, kept: 0, alerts: 0, merged: 0, resent: 0, dropped: Object.fromEntries(DROPPED_OUTCOMES.map((o) => [o, 0])) as Record<DroppedOutcome, number> };
      out.set(r.id, report);
    }
    if (r.outcome === null) continue;
    report.received += r.n;
    if (r.outcome === 'alert') report.alerts += r.n;
    else if (r.outcome === 'duplicate') report.merged += r.n;
    else if (r.outcome === 'resent') report.resent += r.n;
    else if (r.outcome in report.dropped) report.dropped[r.outcome as DroppedOutcome] += r.n;
    report.kept = report.alerts + report.merged;
  }
  return [...out.values()];
}

/** One line per integration, for the CLI. */
export function reportLine(r: IntegrationReport): string {
  const dropped = Object.entries(r.dropped).map(([reason, n]) => `${reason}=${n}`).join(' ');
  return `${r.id} ${JSON.stringify(r.name)}${r.revoked ? ' (revoked)' : ''} received=${r.received} kept=${r.kept} alerts=${r.alerts} merged=${r.merged} resent=${r.resent} ${dropped}`;
}
