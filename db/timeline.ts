// What the timeline needs besides the touchpoints themselves: the outcome
// record behind each offer touchpoint (same id), so the screen can say it in
// the user's language instead of the words stored when it was recorded.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from './open.ts';
import { offerOutcomes } from './schema.ts';

export interface OfferOutcomeFacts { id: string; offerId: string; outcome: string; reasonCode: string | null; note: string | null }

export function offerOutcomesOfClient(db: Db, clientId: string): OfferOutcomeFacts[] {
  return db.select({ id: offerOutcomes.id, offerId: offerOutcomes.offerId, outcome: offerOutcomes.outcome, reasonCode: offerOutcomes.reasonCode, note: offerOutcomes.note })
    .from(offerOutcomes).where(and(eq(offerOutcomes.clientId, clientId), isNull(offerOutcomes.deletedAt))).all();
}
