// The demo's assistant app: an integration of the embedded backend that, once
// the demo book is there, reports a few life events of demo clients through
// the real route (POST /v1/signals, its own token), so a newcomer finds a
// living inbox. Its token and the backend's address are kept in the data
// folder (owner-only), so a later signal can be sent by hand or by a test.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendDb } from '#backend/db/connect.ts';
import { createIntegration } from '#backend/integrations.ts';
import { consentInForce, type ConsentEntry } from '#core/consent.ts';
import { addDays, berlinDay } from '#core/dates.ts';
import type { Db } from '#db/open.ts';
import { clients, consents, mandates } from '#db/schema.ts';

export const DEMO_ASSISTANT_FILE = 'demo-assistant.json';

/** The address and token the demo assistant posts with. */
export function readDemoAssistant(backendDir: string): { url: string; token: string } | null {
  try {
    return JSON.parse(readFileSync(join(backendDir, DEMO_ASSISTANT_FILE), 'utf8')) as { url: string; token: string };
  } catch {
    return null;
  }
}

type Signal = { id: string; kind: string; observed_at: string; event_date?: string; confidence: number; evidence: string };

/**
 * Picks the clients (who shared their assistant data and consented to
 * profiling): a trip for a mandate client whose mandate covers it, three more
 * mandate clients, two others; and one report too unsure to keep.
 */
function demoSignals(local: Db, now: number): { client: string; signals: Signal[] }[] {
  const today = berlinDay(now);
  const byClient = new Map<string, ConsentEntry[]>();
  for (const c of local.select().from(consents).all()) byClient.set(c.clientId, [...(byClient.get(c.clientId) ?? []), c as ConsentEntry]);
  const shares = (id: string) => { const f = consentInForce(byClient.get(id) ?? []); return f.assistant_data && f.profiling; };
  const names = new Map(local.select({ id: clients.id, last: clients.lastName, first: clients.firstName }).from(clients).all().map((c) => [c.id, `${c.last} ${c.first}`]));
  const byName = (a: string, b: string) => (names.get(a) ?? '').localeCompare(names.get(b) ?? '');
  const withMandate = local.select().from(mandates).all().filter((m) => m.revokedAt === null && shares(m.clientId)).sort((a, b) => byName(a.clientId, b.clientId));
  // The trip bundle (46 €) fits budget and cap, and the 49 € travel cover would not.
  const trip = withMandate.find((m) => m.areas.includes('travel') && m.budgetCents === 10_000 && m.perPurchaseCapCents >= 4_600 && m.perPurchaseCapCents < 9_500)
    ?? withMandate.find((m) => m.areas.includes('travel'));
  const others = withMandate.filter((m) => m !== trip).slice(0, 3).map((m) => m.clientId);
  const mandated = new Set(withMandate.map((m) => m.clientId));
  const plain = [...names.keys()].filter((id) => shares(id) && !mandated.has(id)).sort(byName).slice(0, 3);
  const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
  const n = (i: number) => `demo-${today}-${i}`;
  const out: { client: string; signals: Signal[] }[] = [];
  if (trip) out.push({ client: trip.clientId, signals: [{ id: n(1), kind: 'travel_planned', observed_at: at(2), event_date: addDays(today, 10), confidence: 0.9, evidence: 'Flugbuchung nach Lissabon im Kalender, Hotel für acht Nächte reserviert' }] });
  const events: [string, string, number | null][] = [
    ['moving', 'Drei Angebote von Umzugsfirmen im Postfach, Mietvertrag für eine neue Wohnung unterschrieben', 24],
    ['family_growing', 'Termine beim Frauenarzt im Kalender, Babyausstattung im Warenkorb', null],
    ['new_car', 'Probefahrt beim Autohaus vereinbart, Finanzierungsrechner geöffnet', 40],
  ];
  others.forEach((client, i) => {
    const [kind, evidence, days] = events[i]!;
    out.push({ client, signals: [{ id: n(2 + i), kind, observed_at: at(5 + i * 7), ...(days === null ? {} : { event_date: addDays(today, days) }), confidence: 0.75, evidence }] });
  });
  const [a, b, c] = plain;
  if (a) out.push({ client: a, signals: [{ id: n(10), kind: 'income_rising', observed_at: at(30), confidence: 0.7, evidence: 'Gehaltseingang seit zwei Monaten deutlich höher' }] });
  if (b) out.push({ client: b, signals: [{ id: n(11), kind: 'travel_planned', observed_at: at(50), event_date: addDays(today, 45), confidence: 0.8, evidence: 'Ferienhaus an der Ostsee gebucht' }] });
  // Too unsure to keep: counted as dropped, never stored.
  if (c) out.push({ client: c, signals: [{ id: n(12), kind: 'new_job', observed_at: at(3), confidence: 0.4, evidence: 'Profil in einem Jobportal aktualisiert' }] });
  return out;
}

/** Makes the demo assistant (once) and sends its reports about the demo book just loaded. */
export async function sendDemoSignals(db: BackendDb, backend: { url: string; dir: string }, local: Db, now = Date.now()): Promise<{ kept: number }> {
  let assistant = readDemoAssistant(backend.dir);
  if (!assistant) {
    const { token } = await createIntegration(db, 'Demo-Assistent', new Date(now));
    assistant = { url: backend.url, token };
  }
  assistant = { ...assistant, url: backend.url };
  writeFileSync(join(backend.dir, DEMO_ASSISTANT_FILE), JSON.stringify(assistant), { mode: 0o600 });
  const res = await fetch(new URL('/v1/signals', backend.url), {
    method: 'POST', headers: { authorization: `Bearer ${assistant.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ batch: demoSignals(local, now) }),
  });
  if (!res.ok) throw new Error(`the demo assistant's signals were refused: ${res.status} ${await res.text()}`);
  return (await res.json()) as { kept: number };
}
