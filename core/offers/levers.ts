// The manufacturer's business weight per offer: data, in one place, so a
// campaign is a line here (and later a document synced down), not code.
import type { Product } from '../manufacturer.ts';
import type { Levers } from './types.ts';

export const DEFAULT_LEVERS: Levers = {
  version: 'levers.v1',
  // Adaptive products run on the assistant app's usage data, so each one sold
  // is a step towards the app on the client's phone: the manufacturer's
  // strategic aim in most Economy segments (segments.md).
  adaptive: 1.2,
  // Campaigns: offer or bundle id → weight. None in the demo catalogue.
  offers: {},
};

/** 1.0 unless a campaign or the strategic weight says otherwise; a bundle weighs what its items weigh on average. */
export function leverOf(levers: Levers, id: string, items: readonly Product[], isBundle: boolean): number {
  const campaign = levers.offers[id];
  if (campaign !== undefined) return campaign;
  const one = (p: Product) => levers.offers[p.id] ?? (p.adaptive ? levers.adaptive : 1);
  if (!isBundle) return one(items[0]!);
  let sum = 0;
  for (const p of items) sum += one(p);
  return sum / items.length;
}
