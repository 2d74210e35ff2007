// POST /v1/signals: an assistant's signals become alerts for the client's
// coach (coach.md, "Signals become alerts"). Per client the rules of
// core/coach/signals.ts decide, from the same facts a device holds; then, in
// one transaction: the kept signals are stored, new alerts are written as
// synced records and evidence is added to alerts that take it, each with a
// change-log row so the coach's devices pull them, and what became of every
// signal is counted. Dropped signals are never stored, only counted.
//
// The request's clients and events are locked (advisory locks, in one order)
// before their facts are read, so two requests about one client never both
// make "the" alert for an event. Every read and write is one statement for the
// whole request, whatever the number of clients.
import { sql, type SQL } from 'drizzle-orm';
import type { AlertRules } from '#core/coach/alert-rules.ts';
import { decideSignals, type DropReason, type NewAlert, type Signal } from '#core/coach/signals.ts';
import { berlinDay } from '#core/dates.ts';
import { formatHlc, parseHlc, tick } from '#core/hlc.ts';
import type { MergedWrite } from '#core/sync/apply.ts';
import { stampFields } from '#core/sync/merge.ts';
import { lockEvents } from './client-locks.ts';
import type { BackendDb } from './db/connect.ts';
import { changeLog, records, signals as signalTable } from './db/schema.ts';
import { newRecordId } from './ids.ts';
import { decisionDocuments } from './published.ts';
import { retrying } from './push.ts';
import { inOneStatement } from './records.ts';
import { countOutcomes, type Outcome } from './signal-counts.ts';
import { readSignalFacts, type SignalClient } from './signal-clients.ts';
import type { SignalBatch } from './signals-input.ts';

/** The backend's own stamps end in this node name, so a device can tell a server-made change. */
export const BACKEND_NODE = 'backend';

export type SignalResult =
  | { client: string; signal: string; outcome: 'alert'; alert: string }
  /** Its evidence went to an alert: one made from this request, or one that was open. */
  | { client: string; signal: string; outcome: 'merged'; alert: string; merged_into: string }
  /** The same id came before from this integration: stored then, nothing done now. */
  | { client: string; signal: string; outcome: 'resent'; alert: string }
  | { client: string; signal: string; outcome: 'dropped'; reason: DropReason | 'unknown_client' };

export interface SignalsAnswer {
  /** Signals stored now: each made an alert or added its evidence to one. */
  kept: number;
  /** The ids of the alerts made now. */
  alerts: string[];
  /** Of the kept signals, those that added evidence to an alert rather than making one. */
  merged: number;
  resent: number;
  /** Dropped by the rules, per reason; never stored. */
  dropped: Partial<Record<DropReason | 'unknown_client', number>>;
  /** What became of each signal, in the order sent. */
  signals: SignalResult[];
}

export async function receiveSignals(db: BackendDb, integrationId: string, batch: SignalBatch[], now: Date): Promise<SignalsAnswer> {
  const { rules, catalogue } = await decisionDocuments(db);
  return retrying(() => db.transaction(async (tx) => {
    const clientIds = [...new Set(batch.map((b) => b.client))];
    await lockEvents(tx, batch.flatMap((b) => b.signals.map((s) => ({ clientId: b.client, kind: s.kind }))));
    const signalIds = batch.flatMap((b) => b.signals.map((s) => s.id));
    const { resent, clients } = await readSignalFacts(tx, { integrationId, signalIds, clientIds }, now.getTime(), { rules, catalogue });
    const plan = new Plan(now, rules);
    for (const [clientId, signals] of byClient(batch)) {
      const fresh = signals.filter((s) => !resent.has(s.id));
      for (const s of signals) if (resent.has(s.id)) plan.resent(clientId, s.id, resent.get(s.id)!);
      const facts = clients.get(clientId);
      if (!facts) {
        for (const s of fresh) plan.dropped(clientId, s.id, 'unknown_client');
        continue;
      }
      if (fresh.length > 0) plan.decide(clientId, facts, fresh, catalogue);
    }
    await inOneStatement(tx, plan.writes(integrationId));
    return plan.answer(batch);
  }));
}

/** The signals of one client together (a client named twice in a batch counts once), in the order sent. */
function byClient(batch: SignalBatch[]): Map<string, Signal[]> {
  const out = new Map<string, Signal[]>();
  for (const b of batch) out.set(b.client, [...(out.get(b.client) ?? []), ...b.signals]);
  return out;
}

interface StoredSignal { clientId: string; signal: Signal; alertId: string }

/** What one request does: built up client by client, then written in one statement. */
class Plan {
  private readonly results = new Map<string, SignalResult>();
  private readonly created: MergedWrite[] = [];
  /** Evidence added to alerts that exist: alert id → the new entries and the stamp. */
  private readonly additions = new Map<string, { clientId: string; entries: AlertEvidence[]; stamp: string }>();
  private readonly stored: StoredSignal[] = [];
  private readonly counts = new Map<Outcome, number>();
  private readonly stamp: string;
  private readonly now: Date;
  private readonly rules: AlertRules;

  constructor(now: Date, rules: AlertRules) {
    this.now = now;
    this.rules = rules;
    this.stamp = formatHlc({ wall: now.getTime(), counter: 0, node: BACKEND_NODE });
  }

  private count(outcome: Outcome): void {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
  }

  resent(client: string, signal: string, alert: string): void {
    this.results.set(signal, { client, signal, outcome: 'resent', alert });
    this.count('resent');
  }

  dropped(client: string, signal: string, reason: DropReason | 'unknown_client'): void {
    this.results.set(signal, { client, signal, outcome: 'dropped', reason });
    this.count(reason);
  }

  decide(clientId: string, facts: SignalClient, signals: Signal[], catalogue: Parameters<typeof decideSignals>[0]['catalogue']): void {
    const decision = decideSignals({ now: this.now.toISOString(), signals, client: facts.client, rules: this.rules, catalogue });
    const byId = new Map(signals.map((s) => [s.id, s]));
    // The alert each first signal names: made now, or one the client has.
    const alertOf = new Map<string, string>();
    for (const a of decision.alerts) {
      const id = newRecordId(this.now.getTime());
      alertOf.set(a.signal, id);
      this.created.push(this.newAlert(id, clientId, facts.coachId, a));
      if (a.conclude) this.created.push(this.newConclusion(newRecordId(this.now.getTime()), clientId, a));
      this.results.set(a.signal, { client: clientId, signal: a.signal, outcome: 'alert', alert: id });
      this.count('alert');
      for (const s of a.signals) this.stored.push({ clientId, signal: byId.get(s.id)!, alertId: id });
    }
    for (const m of decision.merged) {
      const alert = facts.alerts.get(m.into)!;
      alertOf.set(m.into, alert.id);
      const added = this.additions.get(alert.id)
        ?? { clientId, entries: [], stamp: formatHlc(tick(parseHlc(alert.signalsStamp ?? this.stamp), this.now.getTime(), BACKEND_NODE)) };
      added.entries.push(evidenceOf(byId.get(m.signal)!));
      this.additions.set(alert.id, added);
      this.stored.push({ clientId, signal: byId.get(m.signal)!, alertId: alert.id });
    }
    for (const d of decision.dropped) {
      if (d.reason !== 'duplicate') { this.dropped(clientId, d.signal, d.reason); continue; }
      this.results.set(d.signal, { client: clientId, signal: d.signal, outcome: 'merged', alert: alertOf.get(d.merged_into!)!, merged_into: d.merged_into! });
      this.count('duplicate');
    }
  }

  private newAlert(id: string, clientId: string, coachId: string | null, a: NewAlert): MergedWrite {
    const fields = {
      clientId, coachId, event: a.event, signal: a.signal, signals: a.signals.map(evidenceOf),
      offers: a.offers, argumentStyle: a.argumentStyle, reaction: a.reaction, rulesVersion: this.rules.version,
      status: 'open', snoozedUntil: null, outcome: null, dismissReason: null, note: null,
      createdAt: this.now.getTime(), doneAt: null, doneBy: null, deletedAt: null,
    };
    return { entity: 'alerts', id, clientId, created: true, state: { fields, stamps: stampFields(fields, this.stamp) }, changed: Object.keys(fields) };
  }

  /** The life event as a conclusion of the alert rules, for the client to confirm or reject (shown on the client page). */
  private newConclusion(id: string, clientId: string, a: NewAlert): MergedWrite {
    const fields = {
      clientId, kind: 'life_event', value: a.event, inputs: {}, ruleSetVersion: `alert_rules.v${this.rules.version}`, source: 'rule', reason: null,
      decidedBy: 'backend', decidedAt: this.now.getTime(), status: 'unconfirmed', statusAt: null, statusNote: null, deletedAt: null,
    };
    return { entity: 'conclusions', id, clientId, created: true, state: { fields, stamps: stampFields(fields, this.stamp) }, changed: Object.keys(fields) };
  }

  /**
   * The request's writes as parts of one statement. Each table's rows travel
   * as one JSON parameter, unpacked by jsonb_to_recordset: a batch is a few
   * parameters to send and parse, not ten per signal.
   */
  writes(integrationId: string): SQL[] {
    const parts: SQL[] = [];
    const at = sql`${this.now}::timestamptz`;
    if (this.created.length > 0) {
      // Alerts, and the life events concluded with them.
      const rows = this.created.map((w) => ({ entity: w.entity, id: w.id, client_id: w.clientId, fields: w.state.fields, stamps: w.state.stamps }));
      parts.push(sql`made AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(entity text, id text, client_id uuid, fields jsonb, stamps jsonb))`);
      // Inserted, never upserted: an id already there fails the request, which is then tried again.
      parts.push(sql`ins AS (INSERT INTO ${records} (entity, id, client_id, fields, stamps, created_at, updated_at)
        SELECT entity, id, client_id, fields, stamps, ${at}, ${at} FROM made)`);
      parts.push(sql`log AS (INSERT INTO ${changeLog} (entity, id, client_id) SELECT entity, id, client_id FROM made)`);
    }
    if (this.additions.size > 0) {
      // One UPDATE per alert, by its whole key: the primary key finds it however stale the table's statistics
      // (a list of ids lets the planner scan every alert when it believes there are none). A merge is rare.
      // Only `signals` changes, added to what is stored: a coach's edit of the status meanwhile stays as it is.
      [...this.additions].forEach(([id, a], i) => parts.push(sql`${sql.identifier(`mrg${i}`)} AS (UPDATE ${records}
        SET fields = jsonb_set(fields, '{signals}', coalesce(fields->'signals', '[]'::jsonb) || ${JSON.stringify(a.entries)}::jsonb),
          stamps = jsonb_set(stamps, '{signals}', to_jsonb(${a.stamp}::text)), updated_at = ${at}
        WHERE entity = 'alerts' AND id = ${id})`));
      const logged = [...this.additions].map(([id, a]) => sql`('alerts', ${id}, ${a.clientId}::uuid)`);
      parts.push(sql`mlog AS (INSERT INTO ${changeLog} (entity, id, client_id) VALUES ${sql.join(logged, sql`, `)})`);
    }
    if (this.stored.length > 0) {
      const rows = this.stored.map(({ clientId, signal: s, alertId }) => ({
        signal_id: s.id, client_id: clientId, kind: s.kind, observed_at: s.observed_at, event_date: s.event_date ?? null, confidence: s.confidence, evidence: s.evidence, alert_id: alertId,
      }));
      parts.push(sql`sig AS (INSERT INTO ${signalTable} (integration_id, signal_id, client_id, kind, observed_at, event_date, confidence, evidence, alert_id, received_at)
        SELECT ${integrationId}::uuid, signal_id, client_id, kind, observed_at, event_date, confidence, evidence, alert_id, ${at}
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS x(signal_id text, client_id uuid, kind text, observed_at timestamptz, event_date date, confidence real, evidence text, alert_id text)
        ON CONFLICT DO NOTHING)`);
    }
    parts.push(countOutcomes(integrationId, berlinDay(this.now.getTime()), this.counts));
    return parts;
  }

  answer(batch: SignalBatch[]): SignalsAnswer {
    const results = batch.flatMap((b) => b.signals.map((s) => this.results.get(s.id)!));
    const dropped: SignalsAnswer['dropped'] = {};
    for (const r of results) if (r.outcome === 'dropped') dropped[r.reason] = (dropped[r.reason] ?? 0) + 1;
    const alerts = results.flatMap((r) => (r.outcome === 'alert' ? [r.alert] : []));
    const merged = results.filter((r) => r.outcome === 'merged').length;
    return { kept: alerts.length + merged, alerts, merged, resent: this.counts.get('resent') ?? 0, dropped, signals: results };
  }
}

/** One signal as an alert keeps it (core/coach/records.ts): the evidence a person can check. */
interface AlertEvidence { id: string; evidence: string; observedAt: string; eventDate: string | null }

function evidenceOf(s: { id: string; evidence: string; observed_at: string; event_date?: string | null }): AlertEvidence {
  return { id: s.id, evidence: s.evidence, observedAt: s.observed_at, eventDate: s.event_date ?? null };
}
