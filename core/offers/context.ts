// The situation factor, 1 or more: what just happened or where the client
// stands makes some offers timely. A life event counts here as well as in
// propensity on purpose: the event makes the client likelier to accept
// (propensity) and makes now the moment to ask (context).
import type { Product } from '../manufacturer.ts';
import { isPointOfSale, type Bundle } from './catalogue.ts';
import type { ClientView } from './client.ts';
import { REASON, type OfferReason } from './reasons.ts';

export const CONTEXT = {
  bundleTrigger: 1.9,
  lifeEvent: 1.5,
  pointOfSale: 1.5,
  complexTopic: 1.3,
} as const;

export function contextFactor(items: readonly Product[], bundle: Bundle | null, c: ClientView, why?: OfferReason[]): number {
  let f = 1;
  if (bundle && c.events.has(bundle.trigger)) f *= CONTEXT.bundleTrigger;
  else if (items.some((p) => p.life_events.some((e) => c.events.has(e)))) f *= CONTEXT.lifeEvent;
  if (c.atPointOfSale && items.some(isPointOfSale)) { f *= CONTEXT.pointOfSale; why?.push(REASON.pointOfSale); }
  if (c.complexTopic && items.some((p) => p.complexity === 'complex')) { f *= CONTEXT.complexTopic; why?.push(REASON.complexTopic); }
  return f;
}
