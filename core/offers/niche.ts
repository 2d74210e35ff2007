// Niche products (a club's white label, cover for horse owners) carry in the
// catalogue whom they are for (`offered_if`, conditions on the answers). Such
// a product is offered only when the client's answers meet them: nobody else
// needs it, and offering it to a retired couple would cost the advisor trust.
import type { Product } from '../manufacturer.ts';
import type { AttributeId } from '../profile.ts';
import { answersMeeting } from '../segments/index.ts';
import type { ClientView } from './client.ts';
import { REASON, type OfferReason } from './reasons.ts';

/** The answers that show the client is one the product is for: [] for a product meant for anybody, null when not meant for this client. */
export function audienceMet(p: Product, c: ClientView): { attribute: AttributeId; value: string }[] | null {
  if (!p.offered_if) return [];
  // Without profiling consent the answers may not be read, so nothing points to a niche.
  if (!c.answers) return null;
  return answersMeeting(p.offered_if, c.answers);
}

export const meantFor = (p: Product, c: ClientView) => audienceMet(p, c) !== null;

/** The answers that make a niche product fit, as reasons; none for other products. */
export function audienceReasons(p: Product, c: ClientView): OfferReason[] {
  return (p.offered_if ? audienceMet(p, c) ?? [] : []).map((a) => REASON.fitsAnswer(a.attribute, a.value));
}
