// Checks one case of the `alerts` command (coach.md) before the rules see it:
// as for the segment and offers commands, an unknown field, a malformed date
// or a confidence outside 0 to 1 is refused by name with what is allowed,
// never guessed at. The client's profile, holdings and mandate are checked by
// the offer engine's own case check, so both commands refuse the same things.
import { z } from 'zod';
import { checkCase, isObject, refuse, type CaseCheck } from '../case-input.ts';
import { isRealDate } from '../dates.ts';
import type { CatalogueDocument } from '../manufacturer.ts';
import { PROFILE_ATTRIBUTES } from '../profile.ts';
import { validateOfferCase } from '../offers/index.ts';
import { isLifeEvent, signalSchema, type AlertClient, type Signal } from './signals.ts';

export type AlertCase = { id: string | number; now: string; signals: Signal[]; client: AlertClient };
export type AlertCaseCheck = CaseCheck<AlertCase>;

const FIELDS = ['id', 'now', 'signals', 'client'];
const CLIENT_FIELDS = ['name', 'profile', 'owned', 'consent', 'mandate', 'rejected_events', 'open_alerts'];
const CONSENT_FIELDS = ['assistant_data', 'contact', 'profiling'];
const SIGNAL_FIELDS = Object.keys(signalSchema.shape);
const EVENTS = PROFILE_ATTRIBUTES.life_events.join(', ');
const NOW = z.iso.datetime({ offset: true });

const unknownKey = (x: Record<string, unknown>, allowed: string[]) => Object.keys(x).find((k) => !allowed.includes(k));

/** A wrong value as the file wrote it, so the reader finds it; nothing for a missing one. */
const shown = (x: unknown) => (x === undefined ? 'nothing' : JSON.stringify(x));


function fields(value: unknown, where: string, allowed: string[], example: string): Record<string, unknown> {
  if (!isObject(value)) return refuse(`${where} must be an object like ${example}`);
  const extra = unknownKey(value, allowed);
  if (extra) refuse(`${where} has an unknown field "${extra}": use ${allowed.join(', ')}`);
  return value;
}

function list(value: unknown, where: string, example: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) refuse(`${where} must be a list like ${example}`);
  return value as unknown[];
}

function event(value: unknown, where: string): string {
  if (typeof value !== 'string' || !isLifeEvent(value)) refuse(`${where}: "${String(value)}" is not a life event: use one of ${EVENTS}`);
  return value as string;
}

function day(value: unknown, where: string): string {
  if (typeof value !== 'string' || !isRealDate(value)) refuse(`${where} must be an existing day like 2027-01-05, not ${shown(value)}`);
  return value as string;
}

function signal(value: unknown, i: number): Signal {
  const checked = signalSchema.safeParse(value);
  if (checked.success) return checked.data;
  // Named by its id when it has one: that is what the assistant's own log shows.
  const where = isObject(value) && typeof value.id === 'string' && value.id !== '' ? `signal "${value.id}"` : `signals[${i}]`;
  const issue: z.core.$ZodIssue = checked.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return refuse(`${where} has an unknown field "${issue.keys[0]}": use ${SIGNAL_FIELDS.join(', ')}`);
  if (issue.path.length === 0) return refuse(`${where} must be an object like {"id": "s1", "kind": "moving", "observed_at": "2027-02-27T18:00:00Z", "confidence": 0.8, "evidence": "..."}`);
  const field = String(issue.path[0]);
  const given = (value as Record<string, unknown>)[field];
  if (given === undefined) return refuse(`${where}: ${field} is missing: it ${issue.message}`);
  // A short wrong value is echoed so it can be found; a long text or a list would drown the message.
  const echo = typeof given === 'number' || typeof given === 'boolean' || (typeof given === 'string' && given.length <= 40);
  return refuse(`${where}: ${field} ${issue.message}${echo ? `, not ${shown(given)}` : ''}`);
}

function client(value: unknown, catalogue: CatalogueDocument): AlertClient {
  const c = fields(value, 'client', CLIENT_FIELDS, '{"name": "Weber", "consent": {"assistant_data": true}}');
  if (typeof c.name !== 'string' || c.name.trim() === '' || c.name.length > 200) refuse('client.name must be how the coach calls the client, like "Weber" (at most 200 characters)');
  // Profile, holdings and mandate as the offers command checks them; its messages then name the client's field.
  const offer = validateOfferCase({ id: 0, profile: c.profile, owned: c.owned, mandate: c.mandate }, catalogue);
  if (!offer.ok) refuse(`client.${offer.message}`);
  const consent: AlertClient['consent'] = {};
  if (c.consent !== undefined && c.consent !== null) {
    const given = fields(c.consent, 'client.consent', CONSENT_FIELDS, '{"assistant_data": true, "contact": true, "profiling": true}');
    for (const k of CONSENT_FIELDS) {
      if (given[k] !== undefined && typeof given[k] !== 'boolean') refuse(`client.consent.${k} must be true or false`);
      if (given[k] !== undefined) consent[k as keyof AlertClient['consent']] = given[k] as boolean;
    }
  }
  const rejectedEvents = list(c.rejected_events, 'client.rejected_events', '[{"event": "new_car", "at": "2027-01-05"}]').map((r, i) => {
    const where = `client.rejected_events[${i}]`;
    const x = fields(r, where, ['event', 'at'], '{"event": "new_car", "at": "2027-01-05"}');
    return { event: event(x.event, `${where}.event`), at: day(x.at, `${where}.at`) };
  });
  const openAlerts = list(c.open_alerts, 'client.open_alerts', '[{"event": "travel_planned", "created_at": "2027-02-20", "signal": "s0"}]').map((a, i) => {
    const where = `client.open_alerts[${i}]`;
    const x = fields(a, where, ['event', 'created_at', 'signal'], '{"event": "travel_planned", "created_at": "2027-02-20", "signal": "s0"}');
    if (typeof x.signal !== 'string' || x.signal === '') refuse(`${where}.signal must be the id of the alert's first signal, like "s0"`);
    return { event: event(x.event, `${where}.event`), createdAt: day(x.created_at, `${where}.created_at`), signal: x.signal as string };
  });
  const { profile, owned, mandate } = (offer as Extract<typeof offer, { ok: true }>).case;
  return { name: c.name as string, profile, owned, consent, mandate, rejectedEvents, openAlerts };
}

function parse(input: Record<string, unknown>, catalogue: CatalogueDocument): AlertCase {
  const extra = unknownKey(input, FIELDS);
  if (extra) refuse(`unknown field "${extra}": use ${FIELDS.join(', ')}`);
  const now = input.now;
  if (!NOW.safeParse(now).success) refuse(`now must be a date-time with its offset, like 2027-03-01T09:00:00Z, not ${shown(now)}`);
  if (!Array.isArray(input.signals)) refuse('signals must be a list of signals, like [{"id": "s1", "kind": "moving", ...}], or [] for none');
  const signals = (input.signals as unknown[]).map(signal);
  const seen = new Set<string>();
  for (const s of signals) {
    if (seen.has(s.id)) refuse(`signals: the id "${s.id}" is given twice: every signal has its own id`);
    seen.add(s.id);
  }
  return { id: input.id as string | number, now: now as string, signals, client: client(input.client, catalogue) };
}

export function validateAlertCase(input: unknown, catalogue: CatalogueDocument): AlertCaseCheck {
  return checkCase(input, '{"id": "k1", "now": "2027-03-01T09:00:00Z", "signals": [], "client": {"name": "Weber"}}', (c) => parse(c, catalogue));
}
