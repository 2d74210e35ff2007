// What the signal rules read about each client a batch names, from the
// server's copy of the synced records, in two statements for the whole batch
// (never a round trip per client): the client record, consents, conclusions,
// the alerts that may take evidence, answers, holdings and mandates; and who
// the client's coach is. The same facts a device reads for the same rules.
import { sql } from 'drizzle-orm';
import type { AlertRules } from '#core/coach/alert-rules.ts';
import type { AlertClient } from '#core/coach/signals.ts';
import { effectiveSegment, type Conclusion } from '#core/conclusions.ts';
import { consentInForce, type ConsentEntry, type ConsentPurpose } from '#core/consent.ts';
import { berlinDay } from '#core/dates.ts';
import type { MandateTerms } from '#core/offers/index.ts';
import type { Profile } from '#core/profile.ts';
import type { Fields } from '#core/records.ts';
import type { SegmentId } from '#core/segments/index.ts';
import type { SyncedState } from '#core/sync/merge.ts';
import type { BackendDb } from './db/connect.ts';
import { clientAccess, records, users } from './db/schema.ts';

/** An alert record that may take a new signal's evidence, by the id of its first signal. */
export interface StoredAlert { id: string; state: SyncedState }

export interface SignalClient {
  client: AlertClient;
  /** Who the alerts are for: the coach of the mandate in force, else a life coach with access, else null. */
  coachId: string | null;
  alerts: Map<string, StoredAlert>;
}

const DAY = 86_400_000;

interface Row { entity: string; id: string; clientId: string; fields: Fields; stamps: Record<string, string> | null }

const rowsOf = <T>(res: unknown): T[] => ((res as { rows?: T[] }).rows ?? (res as T[]));

/**
 * The facts per client, for the clients that exist (not erased, not deleted).
 * Alerts closed before the dedupe window are not read: they can take nothing,
 * and a long-served client has many.
 */
export async function loadSignalClients(tx: BackendDb, clientIds: string[], now: number, rules: AlertRules): Promise<Map<string, SignalClient>> {
  if (clientIds.length === 0) return new Map();
  const today = berlinDay(now);
  // A day of slack either side of Berlin's midnight; the rules decide exactly.
  const closedSince = now - (rules.dedupe_days + 2) * DAY;
  const ids = sql.join(clientIds.map((id) => sql`${id}::uuid`), sql`, `);
  const rows = rowsOf<Row>(await tx.execute(sql`
    SELECT entity, id, client_id AS "clientId", fields, CASE WHEN entity = 'alerts' THEN stamps END AS stamps
    FROM ${records}
    WHERE client_id IN (${ids})
      AND entity IN ('clients', 'consents', 'conclusions', 'alerts', 'answers', 'holdings', 'mandates')
      AND fields->>'deletedAt' IS NULL
      AND (entity <> 'alerts' OR fields->>'status' <> 'done' OR (fields->>'createdAt')::bigint >= ${closedSince})
      AND (entity <> 'conclusions' OR fields->>'kind' IN ('segment', 'life_event'))`));
  // Shared users first: sharing hands a client to a coach; then the owner, if a coach too.
  const coaches = rowsOf<{ clientId: string; userId: string }>(await tx.execute(sql`
    SELECT DISTINCT ON (a.client_id) a.client_id AS "clientId", a.user_id AS "userId"
    FROM ${clientAccess} a JOIN ${users} u ON u.id = a.user_id
    WHERE a.client_id IN (${ids}) AND 'life_coach' = ANY(u.roles)
    ORDER BY a.client_id, (a.kind = 'shared') DESC, u.created_at, u.id`));
  const coachOf = new Map(coaches.map((c) => [c.clientId, c.userId]));

  const byClient = new Map<string, Row[]>();
  for (const r of rows) byClient.set(r.clientId, [...(byClient.get(r.clientId) ?? []), r]);
  const out = new Map<string, SignalClient>();
  for (const [clientId, list] of byClient) {
    const record = list.find((r) => r.entity === 'clients');
    if (!record) continue;
    const of = (entity: string) => list.filter((r) => r.entity === entity).map((r) => r.fields);
    const mandate = mandateInForce(of('mandates'), today);
    const alerts = new Map<string, StoredAlert>();
    const openAlerts: AlertClient['openAlerts'][number][] = [];
    for (const a of list.filter((r) => r.entity === 'alerts')) {
      const signal = String(a.fields.signal);
      openAlerts.push({ event: String(a.fields.event), createdAt: berlinDay(Number(a.fields.createdAt)), signal, open: a.fields.status !== 'done' });
      // Two alerts named by one signal id (from two assistants): the earlier made takes the evidence, as the rules pick it.
      const seen = alerts.get(signal);
      if (!seen || Number(a.fields.createdAt) < Number(seen.state.fields.createdAt)) alerts.set(signal, { id: a.id, state: { fields: a.fields, stamps: a.stamps ?? {} } });
    }
    const conclusions = of('conclusions');
    out.set(clientId, {
      coachId: (mandate?.coachId as string | undefined) ?? coachOf.get(clientId) ?? null,
      alerts,
      client: {
        name: [record.fields.firstName, record.fields.lastName].filter((s) => typeof s === 'string' && s).join(' '),
        profile: profileOf(of('answers')),
        owned: [...new Set(of('holdings').filter((h) => h.endedOn == null || String(h.endedOn) > today).map((h) => String(h.productId)))],
        consent: consentOf(of('consents')),
        mandate: mandate && termsOf(mandate),
        segment: segmentOf(conclusions),
        rejectedEvents: conclusions
          .filter((c) => c.kind === 'life_event' && c.status === 'rejected' && c.statusAt != null)
          .map((c) => ({ event: String(c.value), at: berlinDay(Number(c.statusAt)) })),
        openAlerts,
      },
    });
  }
  return out;
}

function consentOf(rows: Fields[]): AlertClient['consent'] {
  const entries: ConsentEntry[] = rows.map((r) => ({ purpose: r.purpose as ConsentPurpose, granted: r.granted === true, recordedAt: Number(r.recordedAt) }));
  const inForce = consentInForce(entries);
  return { assistant_data: inForce.assistant_data, contact: inForce.contact, profiling: inForce.profiling };
}

/** Answer records (`<clientId>:<attribute>`) as the profile the offers read. */
function profileOf(rows: Fields[]): Profile {
  const profile: Record<string, unknown> = {};
  for (const a of rows) if (typeof a.attribute === 'string' && a.value != null) profile[a.attribute] = a.value;
  return profile as Profile;
}

/** The mandate in force today, as the device picks it (services/offers.ts): not revoked, within its days; the newest if several. */
function mandateInForce(rows: Fields[], today: string): Fields | null {
  const live = rows.filter((m) => m.revokedAt == null && String(m.validFrom) <= today && (m.validUntil == null || String(m.validUntil) >= today));
  live.sort((a, b) => String(b.validFrom).localeCompare(String(a.validFrom)));
  return live[0] ?? null;
}

/**
 * In euros, as the offer engine takes them. What remains of the period's
 * budget is the whole budget until purchases under a mandate are recorded.
 */
function termsOf(m: Fields): MandateTerms {
  return { budget_remaining: Number(m.budgetCents) / 100, areas: (m.areas as string[]) ?? [], per_purchase_cap: Number(m.perPurchaseCapCents) / 100 };
}

/** As the offers take it: the segment in force; null when the client rejected it; left out when nothing was concluded. */
function segmentOf(rows: Fields[]): SegmentId | null | undefined {
  const list: Conclusion[] = rows.filter((c) => c.kind === 'segment').map((c) => ({
    id: '', kind: 'segment', value: String(c.value), source: c.source === 'advisor' ? 'advisor' : 'rule',
    status: (c.status as Conclusion['status']) ?? 'unconfirmed', decidedAt: Number(c.decidedAt), ruleSetVersion: null, reason: null,
  }));
  if (list.length === 0) return undefined;
  return (effectiveSegment(list)?.segment as SegmentId | undefined) ?? null;
}
