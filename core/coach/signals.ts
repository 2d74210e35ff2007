// Signals become alerts (shared/domain/coach.md): the client's assistant app
// reports a life event it believes it saw; these rules decide whether it is
// dropped, adds its evidence to an alert that exists, or makes a new alert
// for the client's coach. Pure: "now" is an argument, so the backend, the
// devices and the `alerts` command give the same answer for the same input.
//
// A new alert is language-neutral (codes and ids): the backend stores it and
// each device says it in its user's language with alertConclusion and
// alertArgument, and recomputes isUrgent every day.
import { z } from 'zod';
import { addDays, berlinDay } from '../dates.ts';
import type { CatalogueDocument } from '../manufacturer.ts';
import { PROFILE_ATTRIBUTES, type LifeEvent } from '../profile.ts';
import type { ArgumentStyle } from '../offers/index.ts';
import { alertOffers, reactionFor, type OfferClient, type Reaction } from './alert-offers.ts';
import type { AlertRules } from './alert-rules.ts';

export { alertArgument, alertOffers, mayActOn, reactionFor, ALERT_OFFERS, REACTIONS, type OfferClient, type Reaction } from './alert-offers.ts';
export { alertConclusion } from './alert-words.ts';

/** In rule order: the first that applies is the reason a signal is dropped. */
export const DROP_REASONS = ['no_consent', 'rejected_by_client', 'low_confidence', 'stale', 'unknown_kind', 'duplicate'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

const LIFE_EVENTS: readonly string[] = PROFILE_ATTRIBUTES.life_events;
export const isLifeEvent = (kind: string): kind is LifeEvent => LIFE_EVENTS.includes(kind);

const text = (max: number, example: string) => z.string({ error: `must be a text like ${example}` })
  .min(1, { error: 'may not be empty' }).max(max, { error: `is too long: at most ${max} characters` });

/**
 * One signal as an assistant reports it. `kind` is any text: one the product
 * does not know is dropped as `unknown_kind` (rule 5), not refused, so an
 * assistant that knows more events than this version does is not locked out.
 */
export const signalSchema = z.strictObject({
  id: text(100, '"s1"'),
  kind: text(60, '"moving"'),
  observed_at: z.iso.datetime({ offset: true, error: 'must be a date-time with its offset, like 2027-02-27T18:00:00Z or 2027-02-27T19:00:00+01:00' }),
  /** When the event happens; absent or null when the assistant does not know. */
  event_date: z.iso.date({ error: 'must be an existing day like 2027-03-10' }).nullish(),
  confidence: z.number({ error: 'must be a number from 0 to 1' }).min(0, { error: 'must be from 0 to 1' }).max(1, { error: 'must be from 0 to 1' }),
  evidence: text(500, '"three removal quotes in the mailbox"'),
});
export type Signal = z.infer<typeof signalSchema>;

/** What the rules read about the client, besides what the offers read. */
export type AlertClient = OfferClient & {
  /** How the conclusion names the client ("Weber zieht wahrscheinlich um"). */
  name: string;
  /** Each purpose true only when that consent is in force; missing means not given. */
  consent: { assistant_data?: boolean; contact?: boolean; profiling?: boolean };
  /** The client rejected the conclusion "this life event" on day `at` (YYYY-MM-DD, Europe/Berlin). */
  rejectedEvents: readonly { event: string; at: string }[];
  /**
   * The client's alerts that may take a new signal's evidence: open ones, and
   * closed ones marked `open: false`, which count only within the dedupe
   * window from `createdAt` (YYYY-MM-DD). Left out, `open` means open.
   */
  openAlerts: readonly { event: string; createdAt: string; signal: string; open?: boolean }[];
  /** Life events already concluded about the client and not rejected: not concluded again. Left out: none. */
  concludedEvents?: readonly string[];
};

export type AlertSignal = { id: string; evidence: string; observed_at: string; event_date?: string };

export type NewAlert = {
  /** The id of its first signal, which names the alert to the assistant and in merges. */
  signal: string;
  event: LifeEvent;
  /** First signal first, the others in the order they were observed. */
  signals: AlertSignal[];
  /** Offer ids, at most three, the event's bundle first. */
  offers: string[];
  /** The register of the first offer's argument; null when nothing is offered. */
  argumentStyle: ArgumentStyle | null;
  reaction: Reaction;
  /**
   * Whether the event is also kept as a life-event conclusion the client can
   * confirm or reject (a rejection stops alerts for it, rule 2): only under
   * consent to profiling, and not when one stands already.
   */
  conclude: boolean;
};

export type Dropped = { signal: string; reason: DropReason; merged_into?: string };

export type SignalDecision = {
  /** Newest first, by their first signal's observed_at. */
  alerts: NewAlert[];
  /** Signals whose evidence goes to an alert that exists already, in the order observed. */
  merged: { signal: string; into: string }[];
  /** In the input order of the signals; duplicates name the alert they went to. */
  dropped: Dropped[];
};

/** Whether any event date lies from today to `urgent_days` days after it; a device asks again every day. */
export function isUrgent(eventDates: readonly (string | null | undefined)[], today: string, rules: Pick<AlertRules, 'urgent_days'>): boolean {
  const last = addDays(today, rules.urgent_days);
  return eventDates.some((d) => typeof d === 'string' && d >= today && d <= last);
}

type Kept = { signal: Signal; index: number; at: number };

const byObserved = (a: Kept, b: Kept) => a.at - b.at || a.index - b.index;

/** Rules 1 to 5, in order; null when the signal passes them all. */
function firstFailing(s: Signal, at: number, c: AlertClient, rules: AlertRules, now: number, today: string): DropReason | null {
  if (c.consent.assistant_data !== true) return 'no_consent';
  const since = addDays(today, -rules.rejected_days);
  if (c.rejectedEvents.some((r) => r.event === s.kind && r.at >= since && r.at <= today)) return 'rejected_by_client';
  if (s.confidence < rules.min_confidence) return 'low_confidence';
  if (now - at > rules.stale_hours * 3_600_000) return 'stale';
  if (!isLifeEvent(s.kind)) return 'unknown_kind';
  return null;
}

/** Rule 6 against what exists: the earliest created alert of the event that still takes evidence. */
function existingAlert(event: string, c: AlertClient, rules: AlertRules, today: string): string | null {
  const since = addDays(today, -rules.dedupe_days);
  let best: AlertClient['openAlerts'][number] | null = null;
  for (const a of c.openAlerts) {
    if (a.event !== event || (a.open === false && a.createdAt < since)) continue;
    if (!best || a.createdAt < best.createdAt) best = a;
  }
  return best?.signal ?? null;
}

const alertSignal = (s: Signal): AlertSignal => ({
  id: s.id, evidence: s.evidence, observed_at: s.observed_at, ...(s.event_date ? { event_date: s.event_date } : {}),
});

function makeAlert(event: LifeEvent, group: Kept[], client: AlertClient, catalogue: CatalogueDocument): NewAlert {
  const offers = alertOffers(event, client, catalogue);
  return {
    signal: group[0]!.signal.id,
    event,
    signals: group.map((k) => alertSignal(k.signal)),
    offers: offers.map((o) => o.offer),
    argumentStyle: offers[0]?.argument.style ?? null,
    reaction: reactionFor(offers[0], client),
    conclude: client.consent.profiling === true && !(client.concludedEvents ?? []).includes(event),
  };
}

export function decideSignals(input: {
  /** ISO date-time with offset: the moment the signals are decided. */
  now: string;
  signals: readonly Signal[];
  client: AlertClient;
  rules: AlertRules;
  catalogue: CatalogueDocument;
}): SignalDecision {
  const { client, rules, catalogue } = input;
  const now = Date.parse(input.now);
  if (Number.isNaN(now)) throw new RangeError(`now must be an ISO date-time with its offset, not "${input.now}"`);
  const today = berlinDay(now);

  const reasons = new Map<number, Dropped>();
  const intoExisting: (Kept & { into: string })[] = [];
  const fresh = new Map<LifeEvent, Kept[]>();
  input.signals.forEach((signal, index) => {
    const kept: Kept = { signal, index, at: Date.parse(signal.observed_at) };
    const reason = firstFailing(signal, kept.at, client, rules, now, today);
    if (reason) { reasons.set(index, { signal: signal.id, reason }); return; }
    const event = signal.kind as LifeEvent;
    const into = existingAlert(event, client, rules, today);
    if (into !== null) {
      reasons.set(index, { signal: signal.id, reason: 'duplicate', merged_into: into });
      intoExisting.push({ ...kept, into });
      return;
    }
    fresh.set(event, [...(fresh.get(event) ?? []), kept]);
  });

  // Within the batch, the earliest kept signal of an event makes the alert; the others add to it.
  const made: { alert: NewAlert; first: Kept }[] = [];
  for (const [event, group] of fresh) {
    group.sort(byObserved);
    const first = group[0]!;
    for (const k of group.slice(1)) reasons.set(k.index, { signal: k.signal.id, reason: 'duplicate', merged_into: first.signal.id });
    made.push({ alert: makeAlert(event, group, client, catalogue), first });
  }
  made.sort((a, b) => b.first.at - a.first.at || a.first.index - b.first.index);

  return {
    alerts: made.map((m) => m.alert),
    merged: intoExisting.sort(byObserved).map((k) => ({ signal: k.signal.id, into: k.into })),
    dropped: [...reasons].sort(([a], [b]) => a - b).map(([, d]) => d),
  };
}
