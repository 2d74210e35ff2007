// What the value tier reads from the book: the products a client holds (ended
// ones too, for loyalty) and when the relationship began.
import { and, asc, eq, isNull, min } from 'drizzle-orm';
import type { Db } from './open.ts';
import { holdings, touchpoints } from './schema.ts';

export interface HoldingRow { id: string; productId: string; since: string; yearlyPremiumCents: number; endedOn: string | null }

export function holdingsOf(db: Db, clientId: string): HoldingRow[] {
  return db.select({
    id: holdings.id, productId: holdings.productId, since: holdings.since, yearlyPremiumCents: holdings.yearlyPremiumCents, endedOn: holdings.endedOn,
  }).from(holdings).where(and(eq(holdings.clientId, clientId), isNull(holdings.deletedAt)))
    .orderBy(asc(holdings.since), asc(holdings.id)).all();
}

/** The instant of the client's first recorded contact of any kind, or null. */
export function firstContactAt(db: Db, clientId: string): number | null {
  return db.select({ at: min(touchpoints.occurredAt) }).from(touchpoints)
    .where(and(eq(touchpoints.clientId, clientId), isNull(touchpoints.deletedAt))).get()?.at ?? null;
}
