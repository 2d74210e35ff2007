// The coach's inbox on a device: the first page (50, newest first, with each
// alert's offers, budget and argument) over 5,000 alerts of 1,000 clients in a
// real encrypted book, read through the contract in-process, as the screen
// asks for it. Baseline: the bare page query on the same book, same run.
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { addDays, berlinDay } from '#core/dates.ts';
import { bulkLoad } from '#db/bulk.ts';
import { openTestRouter } from '../test/support/router.ts';
import { note, percentile, progress, round } from './lib.ts';

const ALERTS = 5_000;
const CLIENTS = 1_000;
const RUNS = 200;
const EVENTS = ['moving', 'travel_planned', 'family_growing', 'new_car', 'income_rising'] as const;
export const GOAL_INBOX_P99_MS = 50;

export async function inboxBench() {
  note(`inbox: first page of ${ALERTS} alerts over ${CLIENTS} clients, ${RUNS} times, then the bare query as baseline`);
  const { t, rpc } = openTestRouter();
  try {
    const now = Date.now();
    const today = berlinDay(now);
    const clients = Array.from({ length: CLIENTS }, (_, i) => ({
      id: uuidv7(), updatedAt: now, hlc: 'h', ownerId: t.store.userId, firstName: `Vorname${i}`, lastName: `Kunde${i}`,
    }));
    const mandates = clients.filter((_, i) => i % 4 === 0).map((c) => ({
      id: uuidv7(), updatedAt: now, hlc: 'h', clientId: c.id, coachId: t.store.userId, budgetCents: 10_000, period: 'month', areas: ['travel', 'mobility'],
      perPurchaseCapCents: 5_000, validFrom: '2026-01-01', purchaseLog: [],
    }));
    const alerts = Array.from({ length: ALERTS }, (_, i) => {
      const at = now - i * 60_000;
      const id = uuidv7();
      return {
        id, updatedAt: at, hlc: 'h', clientId: clients[i % CLIENTS]!.id, coachId: t.store.userId, event: EVENTS[i % EVENTS.length]!, signal: `s${i}`,
        signals: [{ id: `s${i}`, evidence: 'Hinweis aus der Assistenz-App', observedAt: new Date(at).toISOString(), eventDate: i % 3 === 0 ? addDays(today, i % 20) : null }],
        offers: i % 2 ? ['bundle_trip', 'car_short_term'] : ['bundle_moving', 'household_contents', 'car_short_term'], argumentStyle: 'convenience',
        reaction: 'propose', rulesVersion: '1', status: i % 5 === 0 ? 'done' : 'open', createdAt: at,
      };
    });
    bulkLoad(t.store.sqlite, { clients, mandates, alerts });

    for (let i = 0; i < 10; i++) await rpc.alerts.inbox({ filter: 'open', urgentOnly: false, lang: 'de' });
    const samples: number[] = [];
    let shown = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const page = await rpc.alerts.inbox({ filter: 'open', urgentOnly: false, lang: i % 2 ? 'en' : 'de' });
      samples.push(performance.now() - t0);
      shown = page.alerts.length;
      progress('inbox pages', i + 1, RUNS);
    }
    const bare = t.store.sqlite.prepare(`SELECT * FROM alerts JOIN clients ON clients.id = alerts.client_id
      WHERE alerts.status = 'open' ORDER BY alerts.created_at DESC LIMIT 50`);
    const baseline: number[] = [];
    for (let i = 0; i < RUNS + 10; i++) {
      const t0 = performance.now();
      bare.all();
      if (i >= 10) baseline.push(performance.now() - t0);
    }
    const p99 = percentile(samples, 99);
    return {
      inbox_alerts: ALERTS, inbox_clients: CLIENTS, inbox_page: shown, inbox_p50_ms: round(percentile(samples, 50)), inbox_p99_ms: round(p99),
      inbox_baseline_p99_ms: round(percentile(baseline, 99)), inbox_ratio: round(p99 / percentile(baseline, 99), 1),
      inbox_goal_p99_ms: GOAL_INBOX_P99_MS, inbox_ok: p99 < GOAL_INBOX_P99_MS,
    };
  } finally {
    t.close();
  }
}
