// What the signal rules read about each client a batch names, from the
// server's copy of the synced records, in one statement for the whole batch
// (never a round trip per client): the client record, consents, conclusions,
// the alerts that may take evidence, answers, holdings and mandates; who the
// client's coach is; and which of the signals came before. The same facts a
// device reads for the same rules.
import { sql } from 'drizzle-orm';
import type { AlertRules } from '#core/coach/alert-rules.ts';
import { budgetState, type PurchaseMandate } from '#core/coach/purchase.ts';
import type { PurchaseLogEntry } from '#core/coach/records.ts';
import type { AlertClient } from '#core/coach/signals.ts';
import { effectiveSegment, type Conclusion } from '#core/conclusions.ts';
import { consentInForce, type ConsentEntry, type ConsentPurpose } from '#core/consent.ts';
import { berlinDay } from '#core/dates.ts';
import type { CatalogueDocument } from '#core/manufacturer.ts';
import type { MandateTerms } from '#core/offers/index.ts';
import type { Profile } from '#core/profile.ts';
import type { Fields } from '#core/records.ts';
import type { SegmentId } from '#core/segments/index.ts';
import type { BackendDb } from './db/connect.ts';
import { clientAccess, records, signals as signalTable, users } from './db/schema.ts';

/** An alert that may take a new signal's evidence: its record id, when made, and the stamp of its evidence. */
export interface StoredAlert { id: string; createdAt: number; signalsStamp: string | null }

export interface SignalClient {
  client: AlertClient;
  /** Who the alerts are for: the coach of the mandate in force, else a life coach with access, else null. */
  coachId: string | null;
  /** By the id of each alert's first signal, which the rules name when they merge. */
  alerts: Map<string, StoredAlert>;
}

export interface SignalFacts {
  /** Of the request's signal ids, those this integration sent before, with the alert each went to. */
  resent: Map<string, string>;
  /** Per client that exists (not erased, not deleted). */
  clients: Map<string, SignalClient>;
}

const DAY = 86_400_000;

interface Row { entity: string; id: string; clientId: string; fields: Fields; stamp: string | null }

/** A list of texts as one parameter (ids are any text: no array literal to escape), as an array in SQL. */
const textArray = (values: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/** Only the fields the rules read, per entity: a client's whole record would be sent and parsed for nothing. */
const SLIM = sql`CASE r.entity
  WHEN 'clients' THEN jsonb_build_object('firstName', f->'firstName', 'lastName', f->'lastName')
  WHEN 'consents' THEN jsonb_build_object('purpose', f->'purpose', 'granted', f->'granted', 'recordedAt', f->'recordedAt')
  WHEN 'conclusions' THEN jsonb_build_object('kind', f->'kind', 'value', f->'value', 'source', f->'source', 'status', f->'status', 'decidedAt', f->'decidedAt', 'statusAt', f->'statusAt')
  WHEN 'alerts' THEN jsonb_build_object('signal', f->'signal', 'event', f->'event', 'createdAt', f->'createdAt', 'status', f->'status', 'outcome', f->'outcome', 'doneAt', f->'doneAt')
  WHEN 'answers' THEN jsonb_build_object('attribute', f->'attribute', 'value', f->'value')
  WHEN 'holdings' THEN jsonb_build_object('productId', f->'productId', 'endedOn', f->'endedOn')
  ELSE jsonb_build_object('budgetCents', f->'budgetCents', 'period', f->'period', 'areas', f->'areas', 'perPurchaseCapCents', f->'perPurchaseCapCents',
    'validFrom', f->'validFrom', 'validUntil', f->'validUntil', 'coachId', f->'coachId', 'revokedAt', f->'revokedAt', 'purchaseLog', f->'purchaseLog') END`;

/**
 * Everything a request's decisions read, in one statement. Alerts closed
 * before the dedupe window are not read: they can take nothing, and a
 * long-served client has many.
 */
export async function readSignalFacts(tx: BackendDb, request: { integrationId: string; signalIds: string[]; clientIds: string[] }, now: number, documents: { rules: AlertRules; catalogue: CatalogueDocument }): Promise<SignalFacts> {
  const { rules } = documents;
  // A day of slack either side of Berlin's midnight; the rules decide exactly.
  const closedSince = now - (rules.dedupe_days + 2) * DAY;
  // An alert closed because the client rejected its conclusion counts for rule 2 as long as a rejection does.
  const rejectedSince = now - (rules.rejected_days + 2) * DAY;
  const clients = sql`ANY(${textArray(request.clientIds)}::uuid[])`;
  const res = await tx.execute(sql`SELECT
    (SELECT coalesce(json_agg(json_build_array(s.signal_id, s.alert_id)), '[]') FROM ${signalTable} s
      WHERE s.integration_id = ${request.integrationId} AND s.signal_id = ANY(${textArray(request.signalIds)})) AS resent,
    (SELECT coalesce(json_agg(json_build_object('entity', r.entity, 'id', r.id, 'clientId', r.client_id, 'fields', ${SLIM},
        'stamp', CASE WHEN r.entity = 'alerts' THEN r.stamps->>'signals' END)), '[]')
      FROM ${records} r, LATERAL (SELECT r.fields AS f) x
      WHERE r.client_id = ${clients}
        AND r.entity IN ('clients', 'consents', 'conclusions', 'alerts', 'answers', 'holdings', 'mandates')
        AND r.fields->>'deletedAt' IS NULL
        AND (r.entity <> 'alerts' OR r.fields->>'status' <> 'done' OR (r.fields->>'createdAt')::bigint >= ${closedSince}
          OR (r.fields->>'outcome' = 'conclusion_rejected' AND (r.fields->>'doneAt')::bigint >= ${rejectedSince}))
        AND (r.entity <> 'conclusions' OR r.fields->>'kind' IN ('segment', 'life_event'))) AS records,
    -- Shared users first: sharing hands a client to a coach; then the owner, if a coach too.
    (SELECT coalesce(json_agg(json_build_array(c.client_id, c.user_id)), '[]') FROM (
      SELECT DISTINCT ON (a.client_id) a.client_id, a.user_id
      FROM ${clientAccess} a JOIN ${users} u ON u.id = a.user_id
      WHERE a.client_id = ${clients} AND 'life_coach' = ANY(u.roles)
      ORDER BY a.client_id, (a.kind = 'shared') DESC, u.created_at, u.id) c) AS coaches`);
  const [row] = ((res as { rows?: unknown[] }).rows ?? res) as { resent: [string, string][]; records: Row[]; coaches: [string, string][] }[];
  return { resent: new Map(row!.resent), clients: clientsOf(row!.records, new Map(row!.coaches), berlinDay(now), documents.catalogue) };
}

function clientsOf(rows: Row[], coachOf: Map<string, string>, today: string, catalogue: CatalogueDocument): Map<string, SignalClient> {
  const byClient = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byClient.get(r.clientId);
    if (list) list.push(r); else byClient.set(r.clientId, [r]);
  }
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
      const createdAt = Number(a.fields.createdAt);
      openAlerts.push({ event: String(a.fields.event), createdAt: berlinDay(createdAt), signal, open: a.fields.status !== 'done' });
      // Two alerts named by one signal id (from two assistants): the earlier made takes the evidence, as the rules pick it.
      const seen = alerts.get(signal);
      if (!seen || createdAt < seen.createdAt) alerts.set(signal, { id: a.id, createdAt, signalsStamp: a.stamp });
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
        mandate: mandate && termsOf(mandate, today, catalogue),
        segment: segmentOf(conclusions),
        // The client's no counts however the coach recorded it: as a rejected conclusion, or (without
        // consent to profiling, when no conclusion may be kept) as an alert closed because of it.
        rejectedEvents: [
          ...conclusions.filter((c) => c.kind === 'life_event' && c.status === 'rejected' && c.statusAt != null)
            .map((c) => ({ event: String(c.value), at: berlinDay(Number(c.statusAt)) })),
          ...of('alerts').filter((a) => a.outcome === 'conclusion_rejected' && a.doneAt != null)
            .map((a) => ({ event: String(a.event), at: berlinDay(Number(a.doneAt)) })),
        ],
        openAlerts,
        concludedEvents: conclusions.filter((c) => c.kind === 'life_event' && c.status !== 'rejected').map((c) => String(c.value)),
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
 * In euros, as the offer engine takes them; what remains is the budget less
 * what the current period has spent (core/coach/purchase.ts), as a device
 * shows it on the mandate card.
 */
function termsOf(m: Fields, today: string, catalogue: CatalogueDocument): MandateTerms {
  const log = (m.purchaseLog as PurchaseLogEntry[] | null | undefined) ?? [];
  const { leftCents } = budgetState({
    mandate: {
      budgetCents: Number(m.budgetCents), period: m.period as PurchaseMandate['period'], areas: (m.areas as string[]) ?? [],
      perPurchaseCapCents: Number(m.perPurchaseCapCents), validFrom: String(m.validFrom), validUntil: (m.validUntil as string | null) ?? null, revokedOn: null,
    },
    earlier: log.map((p) => ({ items: p.items, at: p.on, days: p.days })),
    on: today,
    catalogue,
  });
  return { budget_remaining: leftCents / 100, areas: (m.areas as string[]) ?? [], per_purchase_cap: Number(m.perPurchaseCapCents) / 100 };
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
