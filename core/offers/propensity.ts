// How likely the client accepts an offer, 0..1: a prior, moved by segment fit,
// needs gaps, life events and the client's stated needs, then blended with the
// acceptance rate the backend learned for this segment and offer. Each step
// can push its reason; the ranking pass leaves reasons out (speed) and the
// offers shown are explained by running the same function again.
import type { Product } from '../manufacturer.ts';
import { SEGMENT_AREA } from '../segments/index.ts';
import { isPointOfSale, type Bundle } from './catalogue.ts';
import type { ClientView } from './client.ts';
import { audienceReasons } from './niche.ts';
import { REASON, type OfferReason } from './reasons.ts';

/** The weights, in one place. Sums stay near 0..1 by construction; the result is clamped anyway. */
export const PROPENSITY = {
  prior: 0.3,
  gap: 0.15,
  moduleOnHeldBase: 0.1,
  lifeEvent: 0.25,
  extraLifeEvent: 0.05,
  bundleTrigger: 0.3,
  needsMatch: 0.1,
  /** A niche product whose audience the answers show (catalogue `offered_if`). */
  audience: 0.15,
  durableGood: 0.15,
  /** How much a learned acceptance rate counts against the rules' estimate. */
  learned: 0.5,
} as const;

const clamp = (x: number) => Math.min(1, Math.max(0.01, x));

/** Segment fit: the approach's product type against the product; identity for Premium. */
function segmentFit(p: Product, c: ClientView, why?: OfferReason[]): number {
  const s = c.segment;
  if (!s || !c.approach) return 0;
  if (SEGMENT_AREA[s] === 'premium') {
    // Premium clients buy who they are; a product without an identity has little to say to them.
    if (!p.identity?.length) return -0.1;
    why?.push(REASON.identity(p.identity, s));
    if (s === 'entrepreneurial_identity_seeker' && p.white_label) { why?.push(REASON.whiteLabel); return 0.4; }
    return 0.3;
  }
  if (s === 'passive_co_buyer' && isPointOfSale(p)) { why?.push(REASON.fit('point_of_sale', s)); return 0.3; }
  switch (c.approach.product) {
    case 'adaptive':
      if (p.adaptive) { why?.push(REASON.fit('adaptive', s)); return 0.25; }
      return -0.05;
    case 'standard':
      if (p.complexity === 'simple' && !p.adaptive) { why?.push(REASON.fit('standard', s)); return 0.2; }
      return p.complexity === 'complex' ? -0.1 : 0;
    case 'partly_individualised':
      if (p.kind === 'module' || p.adaptive) { why?.push(REASON.fit('tailored', s)); return 0.15; }
      return p.complexity === 'simple' ? 0.05 : 0;
  }
}

/** The rules' estimate for one product, before any learned rate. */
export function productPropensity(p: Product, c: ClientView, why?: OfferReason[]): number {
  let x = PROPENSITY.prior;
  let matched = 0;
  for (const e of p.life_events) {
    if (!c.events.has(e)) continue;
    x += matched++ === 0 ? PROPENSITY.lifeEvent : PROPENSITY.extraLifeEvent;
    why?.push(REASON.lifeEvent(e));
  }
  if (p.kind === 'module') {
    if (p.requires && c.owned.has(p.requires)) { x += PROPENSITY.moduleOnHeldBase; why?.push(REASON.moduleFits(p.requires)); }
  } else if (p.kind !== 'partner_service' && !c.held.has(p.area)) {
    x += PROPENSITY.gap;
    why?.push(REASON.gap(p.area));
  }
  const audience = audienceReasons(p, c);
  if (audience.length > 0) { x += PROPENSITY.audience; why?.push(...audience); }
  x += segmentFit(p, c, why);
  if (c.needs === 'complex' && p.complexity === 'complex') { x += PROPENSITY.needsMatch; why?.push(REASON.needsComplex); }
  if (c.needs === 'simple' && p.complexity === 'complex') x -= PROPENSITY.needsMatch;
  if (c.durableGood && isPointOfSale(p)) { x += PROPENSITY.durableGood; why?.push(REASON.durableGood); }
  return clamp(x);
}

/** A bundle: its items on average, plus its life event when that event just happened. */
export function bundlePropensity(b: Bundle, items: readonly Product[], c: ClientView, why?: OfferReason[]): number {
  let x = 0;
  if (c.events.has(b.trigger)) why?.push(REASON.lifeEvent(b.trigger));
  for (const p of items) {
    x += productPropensity(p, c, why);
  }
  x /= items.length;
  if (c.events.has(b.trigger)) x += PROPENSITY.bundleTrigger;
  return clamp(x);
}

/** Blends in what the backend learned for this segment and offer, when it has. */
export function withLearned(x: number, offerId: string, c: ClientView, why?: OfferReason[]): number {
  const rate = c.rates?.[offerId];
  if (rate === undefined || !Number.isFinite(rate)) return x;
  const r = Math.min(1, Math.max(0, rate));
  why?.push(REASON.learned(r));
  return clamp((1 - PROPENSITY.learned) * x + PROPENSITY.learned * r);
}
