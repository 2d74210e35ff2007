// Mandates some demo clients gave their life coach (the book's owner, who
// coaches too): clients who hand the search to others (convenient
// non-searchers, delegators) and have the assistant app with its data shared,
// so the coach's inbox has clients to buy for. Drawn from its own random
// stream (seed + 3), so every row of the rest of the book stays as it was.
import { consentInForce } from '#core/consent.ts';
import type { DemoBook, MandateRow } from './book.ts';
import { createRandom, uuidv7 } from './random.ts';
import { demoHlc, isoDate } from './time.ts';


const DAY = 86_400_000;
/** Segments that delegate: a mandate is their way of being served. */
const DELEGATING = new Set(['convenient_non_searcher', 'responsibility_delegator']);
/** Share of those clients who gave one. */
const SHARE = 0.6;
const AREAS = [['travel', 'mobility'], ['travel', 'mobility', 'household'], ['travel', 'electronics']] as const;

export function demoMandates(book: Pick<DemoBook, 'clients' | 'consents' | 'segmentOf'>, options: { seed: number; now: number; ownerId: string }): MandateRow[] {
  const rng = createRandom(options.seed + 3);
  const consents = new Map<string, DemoBook['consents']>();
  for (const c of book.consents) consents.set(c.clientId, [...(consents.get(c.clientId) ?? []), c]);
  const rows: MandateRow[] = [];
  for (const client of book.clients) {
    const inForce = consentInForce(consents.get(client.id) ?? []);
    if (!DELEGATING.has(book.segmentOf.get(client.id) ?? '') || !inForce.assistant_data || !rng.chance(SHARE)) continue;
    // Granted on a day of the last year, valid from the first of that month.
    const at = options.now - rng.int(20, 365) * DAY;
    const from = `${isoDate(at).slice(0, 7)}-01`;
    const budgetCents = rng.pick([10_000, 15_000, 20_000, 25_000]);
    rows.push({
      id: uuidv7(at, rng), version: 1, updatedAt: at, hlc: demoHlc(at), stamps: null, deletedAt: null, clientId: client.id, coachId: options.ownerId,
      budgetCents, period: 'month', areas: [...rng.pick(AREAS)], perPurchaseCapCents: Math.min(budgetCents, rng.pick([6_000, 8_000, 10_000])),
      validFrom: from, validUntil: null, revokedAt: null, purchaseLog: [],
    });
  }
  return rows;
}
