// What the segment rules would have concluded about the demo clients by now:
// the demo book holds answers, and an advisor who has worked with them for
// years would see segment hints and forecasts recorded, a few of them
// confirmed or rejected by the client, a few corrected by hand. Drawn from its
// own random stream, so the rows generate.ts builds stay exactly as they were.
import { consentInForce } from '#core/consent.ts';
import type { Profile } from '#core/profile.ts';
import { RULESET_V1, rankSegments, type SegmentId } from '#core/segments/index.ts';
import { assessValueTier } from '#core/tiers.ts';
import { DEMO_VERSION, shippedCatalogue } from '#services/catalogue.ts';
import { RECORD_CONFIDENCE } from '#services/segments.ts';
import { berlinDay } from '#core/dates.ts';
import { tierRulesVersion } from '#services/tiers.ts';
import type { ConclusionRow, DemoBook } from './book.ts';
import { demoHlc } from './time.ts';
import { createRandom, uuidv7, type Random } from './random.ts';


const MINUTE = 60_000;
/** Shares of clients who told the advisor what they think of the segment hint. */
const REJECTED = 0.03;
const CONFIRMED = 0.10;
/** Share of clients whose segment the advisor set by hand. */
const OVERRIDDEN = 0.02;

/** Why an advisor would put a client into a segment by hand: what the answers could not show. */
const OVERRIDE_REASONS: Record<SegmentId, string> = {
  cautious_self_searcher: 'Vergleicht jedes Angebot selbst im Netz; Beratung ist nicht erwünscht, nur die Unterlagen.',
  social_media_user: 'Fragt vor jeder Entscheidung in einer Online-Gruppe nach; das zählt mehr als meine Empfehlung.',
  convenient_non_searcher: 'Nutzt die Assistenz-App inzwischen für fast alles und bestätigt Vorschläge nur noch kurz.',
  passive_co_buyer: 'Schließt praktisch nur beim Autokauf oder im Reisebüro etwas ab, nie aus eigenem Antrieb.',
  conscious_purchase_seeker: 'Recherchiert gründlich, entscheidet aber nur im persönlichen Gespräch mit mir.',
  responsibility_delegator: 'Hat die Versicherungsthemen dem Life Coach übergeben und möchte sich nicht selbst kümmern.',
  brand_identity_seeker: 'Kauft bewusst Marken, die für Nachhaltigkeit stehen; der Preis ist zweitrangig.',
  entrepreneurial_identity_seeker: 'Schließt am liebsten über das Portal des Sportvereins ab, um den Verein zu unterstützen.',
  community_identity_seeker: 'Vertraut dem Fachhändler vor Ort, der denselben Sport betreibt, und kauft, was dieser empfiehlt.',
};
const REJECT_NOTES = [
  'Sieht sich selbst anders und möchte nicht so eingeordnet werden.',
  'Hat im Gespräch widersprochen.',
  null,
] as const;
const CONFIRM_NOTES = ['Hat im Gespräch zugestimmt.', 'Findet sich darin wieder.', null] as const;

/** Rows grouped by client, in one pass (generate.ts writes each client's rows together, but this does not rely on it). */
function byClient<T extends { clientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.clientId);
    if (list) list.push(r);
    else map.set(r.clientId, [r]);
  }
  return map;
}

export interface DemoConclusionOptions { seed: number; ownerId: string }

export function demoConclusions(book: DemoBook, { seed, ownerId }: DemoConclusionOptions): ConclusionRow[] {
  const rng = createRandom(seed + 2);
  const answers = byClient(book.answers);
  const consents = byClient(book.consents);
  const meetings = byClient(book.meetings);
  const rows: ConclusionRow[] = [];
  const tierAt = new Map<string, { at: number; profile: Record<string, string | string[]> }>();

  for (const client of book.clients) {
    const given = answers.get(client.id);
    if (!given || !consentInForce(consents.get(client.id) ?? []).profiling) continue;
    const profile: Record<string, string | string[]> = {};
    let lastAnswerAt = 0;
    for (const a of given) {
      if (a.value !== null) profile[a.attribute] = a.value as string | string[];
      lastAnswerAt = Math.max(lastAnswerAt, a.answeredAt);
    }
    const result = rankSegments(profile as Profile, RULESET_V1, { reasonsPerSide: 0 });
    if (result.confidence < RECORD_CONFIDENCE) continue;

    // Decided when the client was last seen in a meeting; without one, when the advisor typed the answers in.
    const lastMeeting = meetings.get(client.id)?.reduce((x, m) => (m.startedAt > x.startedAt ? m : x));
    const decidedAt = Math.max(lastMeeting?.endedAt ?? 0, lastAnswerAt);
    const row = (kind: 'segment' | 'migration', value: string, at: number): ConclusionRow => ({
      id: uuidv7(at, rng), version: 1, updatedAt: at, hlc: demoHlc(at), stamps: null, deletedAt: null,
      clientId: client.id, kind, value, inputs: profile, ruleSetVersion: RULESET_V1.version, source: 'rule', reason: null,
      decidedBy: ownerId, decidedAt: at, status: 'unconfirmed', statusAt: null, statusNote: null,
    });

    tierAt.set(client.id, { at: decidedAt, profile });
    const segment = row('segment', result.primary, decidedAt);
    rows.push(segment);
    for (const m of result.migration) rows.push(row('migration', m.to, decidedAt));

    const r = rng.next();
    if (r < REJECTED + CONFIRMED) review(rng, segment, r < REJECTED ? 'rejected' : 'confirmed');
    // The advisor knows the client better than the answers show: the segment the client really belongs to, or the runner-up.
    if (segment.status !== 'rejected' && rng.chance(OVERRIDDEN)) {
      const drawn = book.segmentOf.get(client.id);
      const value = drawn && drawn !== result.primary ? drawn : result.ranking[1]!.segment;
      const at = decidedAt + rng.int(5, 30) * MINUTE;
      rows.push({
        ...row('segment', value, at), source: 'advisor', ruleSetVersion: null, reason: OVERRIDE_REASONS[value],
      });
    }
  }
  return [...rows, ...tierConclusions(book, tierAt, seed, ownerId)];
}

/**
 * The value tier each consenting client had when last seen, by the shipped
 * criteria and their holdings then; its own random stream (ids only), so the
 * segment rows above stay as they were.
 */
function tierConclusions(book: DemoBook, when: Map<string, { at: number; profile: Record<string, string | string[]> }>, seed: number, ownerId: string): ConclusionRow[] {
  const rng = createRandom(seed + 3);
  const { catalogue, valueTiers } = shippedCatalogue();
  const holdings = byClient(book.holdings);
  const firstContact = new Map<string, number>();
  for (const t of book.touchpoints) firstContact.set(t.clientId, Math.min(firstContact.get(t.clientId) ?? Infinity, t.occurredAt));
  const rows: ConclusionRow[] = [];
  for (const client of book.clients) {
    const seen = when.get(client.id);
    if (!seen) continue;
    const first = firstContact.get(client.id);
    const { tier } = assessValueTier({
      rules: valueTiers.tiers, products: catalogue.products, holdings: holdings.get(client.id) ?? [], profile: seen.profile as Profile,
      today: berlinDay(seen.at), firstContact: first === undefined ? null : berlinDay(first),
    });
    rows.push({
      id: uuidv7(seen.at, rng), version: 1, updatedAt: seen.at, hlc: demoHlc(seen.at), stamps: null, deletedAt: null,
      clientId: client.id, kind: 'value_tier', value: tier, inputs: {}, ruleSetVersion: tierRulesVersion(DEMO_VERSION), source: 'rule', reason: null,
      decidedBy: ownerId, decidedAt: seen.at, status: 'unconfirmed', statusAt: null, statusNote: null,
    });
  }
  return rows;
}

/** The client's word on the hint, a few minutes after it was shown to them. */
function review(rng: Random, c: ConclusionRow, status: 'confirmed' | 'rejected'): void {
  const at = c.decidedAt + rng.int(1, 20) * MINUTE;
  c.status = status;
  c.statusAt = at;
  c.statusNote = rng.pick(status === 'rejected' ? REJECT_NOTES : CONFIRM_NOTES);
  c.updatedAt = at;
  c.hlc = demoHlc(at);
}
