// signals: an assistant integration posting signals to one backend over
// loopback HTTP, each batch decided by the rules (core/coach/signals.ts) from
// the clients' records and written in one transaction. Baseline, same run,
// same database: the rows a batch may write at most (each signal stored, an
// alert record and its change-log row per signal, the day's counts), inserted
// directly, one transaction per batch, without reading or deciding anything.
// PostgreSQL at DATABASE_URL (a fresh database per run), else PGlite.
// SIGNALS (default 100,000), SIGNALS_CLIENTS (10,000), SIGNALS_BATCH (100)
// and SIGNALS_IN_FLIGHT (requests at once, default 4) set the size.
import { inboxBench } from './inbox.ts';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { changeLog, records, signalCounts, signals as signalTable } from '#backend/db/schema.ts';
import { createIntegration } from '#backend/integrations.ts';
import { createLogger } from '#backend/log.ts';
import { COUNT_SLOTS } from '#backend/signal-counts.ts';
import { createUser } from '#backend/people.ts';
import { startBackend } from '#backend/server.ts';
import { PROFILE_ATTRIBUTES } from '#core/profile.ts';
import { databaseTarget } from '../test/integration/backend/support.ts';
import { seedCoachBook } from './coach-seed.ts';
import { note, percentile, progress, report, round } from './lib.ts';

const SIGNALS = Number(process.env.SIGNALS ?? 100_000);
const CLIENTS = Number(process.env.SIGNALS_CLIENTS ?? 10_000);
const BATCH = Number(process.env.SIGNALS_BATCH ?? 100);
const IN_FLIGHT = Number(process.env.SIGNALS_IN_FLIGHT ?? 4);
const DAY = 86_400_000;

/** The same data every run (mulberry32). */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(11);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

const target = await databaseTarget();
const quiet = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
const backend = await startBackend({ databaseUrl: target.url, dataDir: target.dataDir, port: 0, logger: quiet });
const db = backend.database.db;
note(`signals: ${SIGNALS} signals over ${CLIENTS} clients in batches of ${BATCH}, ${IN_FLIGHT} at once, on ${backend.database.kind}`);

const advisor = await createUser(db, { displayName: 'Bench Advisor', roles: ['advisor'] }, new Date());
const coach = await createUser(db, { displayName: 'Bench Coach', roles: ['life_coach'] }, new Date());
const t0 = performance.now();
const clientIds = await seedCoachBook(db, { advisorId: advisor.id, coachId: coach.id }, CLIENTS, random);
await db.execute(sql`ANALYZE`);
note(`  seeded ${CLIENTS} clients in ${round((performance.now() - t0) / 1000, 1)} s`);

/**
 * What an assistant reports: ten signals a client, mostly sure and recent, of
 * every life event and now and then one this version does not know; in a
 * random order, so a batch names up to a hundred clients.
 */
const now = Date.now();
const kinds = [...PROFILE_ATTRIBUTES.life_events, 'won_the_lottery'];
const all = Array.from({ length: SIGNALS }, (_, i) => ({
  client: clientIds[i % clientIds.length]!,
  signal: {
    id: `s${i}`, kind: random() < 0.02 ? 'won_the_lottery' : pick(kinds.slice(0, -1)),
    observed_at: new Date(now - Math.floor(random() * 100 * DAY)).toISOString(),
    ...(random() < 0.5 ? { event_date: new Date(now + Math.floor(random() * 60) * DAY).toISOString().slice(0, 10) } : {}),
    confidence: round(0.4 + random() * 0.6, 2),
    evidence: `Kalendereintrag und ${1 + Math.floor(random() * 5)} passende E-Mails`,
  },
}));
for (let i = all.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [all[i], all[j]] = [all[j]!, all[i]!];
}
const batches: { client: string; signals: (typeof all)[number]['signal'][] }[][] = [];
for (let i = 0; i < all.length; i += BATCH) {
  const byClient = new Map<string, (typeof all)[number]['signal'][]>();
  for (const s of all.slice(i, i + BATCH)) byClient.set(s.client, [...(byClient.get(s.client) ?? []), s.signal]);
  batches.push([...byClient].map(([client, signals]) => ({ client, signals })));
}

/** Runs `work` for every batch, `IN_FLIGHT` at once; the duration of each. */
async function inFlight(label: string, work: (i: number) => Promise<void>): Promise<{ ms: number; each: number[] }> {
  const each: number[] = [];
  let next = 0;
  let done = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < batches.length) {
      const i = next++;
      const t = performance.now();
      await work(i);
      each.push(performance.now() - t);
      progress(label, ++done, batches.length);
    }
  }));
  return { ms: performance.now() - started, each };
}

// Baseline: every signal stored and made an alert, on clients nobody has, under an integration of its own.
const other = (await createIntegration(db, 'Baseline', new Date())).integration.id;
const baseline = await inFlight('baseline', async (i) => {
  const list = batches[i]!.flatMap((b) => b.signals.map((s) => ({ s, clientId: uuidv7(), alertId: uuidv7() })));
  const at = new Date();
  await db.transaction(async (tx) => {
    await tx.insert(signalTable).values(list.map(({ s, clientId, alertId }) => ({
      integrationId: other, signalId: s.id, clientId, kind: s.kind, observedAt: new Date(s.observed_at), eventDate: s.event_date ?? null,
      confidence: s.confidence, evidence: s.evidence, alertId, receivedAt: at,
    })));
    await tx.insert(records).values(list.map(({ s, clientId, alertId }) => ({
      entity: 'alerts' as const, id: alertId, clientId, fields: { clientId, event: s.kind, signals: [s] }, stamps: { event: 'x', signals: 'x' }, createdAt: at, updatedAt: at,
    })));
    await tx.insert(changeLog).values(list.map(({ clientId, alertId }) => ({ entity: 'alerts' as const, id: alertId, clientId })));
    await tx.insert(signalCounts).values({ integrationId: other, day: '2026-01-01', outcome: 'alert', slot: Math.floor(Math.random() * COUNT_SLOTS), count: list.length })
      .onConflictDoUpdate({ target: [signalCounts.integrationId, signalCounts.day, signalCounts.outcome, signalCounts.slot], set: { count: sql`${signalCounts.count} + EXCLUDED.count` } });
  });
});

// The real thing: POST /v1/signals with the integration's token.
const { token, integration } = await createIntegration(db, 'Assistant app', new Date());
const answers = { kept: 0, alerts: 0, merged: 0, dropped: {} as Record<string, number> };
const ours = await inFlight('posted', async (i) => {
  const res = await fetch(`${backend.url}/v1/signals`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ batch: batches[i] }),
  });
  const body = await res.json() as { kept: number; alerts: string[]; merged: number; dropped: Record<string, number> };
  if (res.status !== 200) throw new Error(`batch ${i}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  answers.kept += body.kept;
  answers.alerts += body.alerts.length;
  answers.merged += body.merged;
  for (const [reason, n] of Object.entries(body.dropped)) answers.dropped[reason] = (answers.dropped[reason] ?? 0) + n;
});

// Every signal accounted for, and what the answers said is what the tables hold.
const [check] = (await db.execute(sql`SELECT
  (SELECT count(*)::int FROM ${signalTable} WHERE integration_id = ${integration.id}) AS stored,
  (SELECT count(*)::int FROM ${records} WHERE entity = 'alerts' AND client_id IN (SELECT client_id FROM ${signalTable} WHERE integration_id = ${integration.id})) AS alerts,
  (SELECT coalesce(sum(count), 0)::int FROM ${signalCounts} WHERE integration_id = ${integration.id}) AS counted`) as unknown as { rows: { stored: number; alerts: number; counted: number }[] }).rows;
const droppedTotal = Object.values(answers.dropped).reduce((a, b) => a + b, 0);
if (check!.stored !== answers.kept || check!.alerts !== answers.alerts || check!.counted !== SIGNALS || answers.kept + droppedTotal !== SIGNALS) {
  throw new Error(`signals unaccounted for: ${JSON.stringify({ check, answers })}`);
}

await backend.close();
await target.cleanup();
const perSecond = SIGNALS / (ours.ms / 1000);
const baselinePerSecond = SIGNALS / (baseline.ms / 1000);
// The other half: the coach's inbox on a device with 5,000 alerts (bench/inbox.ts).
const inbox = await inboxBench();
report({
  bench: 'signals', database: backend.database.kind, signals: SIGNALS, clients: CLIENTS, batch: BATCH, in_flight: IN_FLIGHT,
  seconds: round(ours.ms / 1000, 2), signals_per_s: round(perSecond, 0),
  batch_p50_ms: round(percentile(ours.each, 50), 1), batch_p99_ms: round(percentile(ours.each, 99), 1),
  kept: answers.kept, alerts: answers.alerts, merged: answers.merged, dropped: answers.dropped,
  baseline_seconds: round(baseline.ms / 1000, 2), baseline_signals_per_s: round(baselinePerSecond, 0),
  ratio: round(baselinePerSecond / perSecond, 2),
  ...inbox,
});
