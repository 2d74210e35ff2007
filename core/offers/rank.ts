// Next-best offers for one client (shared/domain/offers.md): eligibility
// first, then score = propensity × value × lever × context, life-event
// bundles kept in the top three, and every offer explained. Pure: the same
// request gives the same result.
import type { Product } from '../manufacturer.ts';
import type { LifeEvent } from '../profile.ts';
import { argumentStyle, argumentText } from './argument.ts';
import { compileCatalogue, isPointOfSale, valueOf, type Bundle, type CompiledCatalogue } from './catalogue.ts';
import { viewClient, type ClientView } from './client.ts';
import { contextFactor } from './context.ts';
import { DEFAULT_LEVERS, leverOf } from './levers.ts';
import { withinMandate } from './mandate.ts';
import { bundlePropensity, productPropensity, withLearned } from './propensity.ts';
import { clientMayRead, REASON, reasonKey, reasonText, type OfferReason } from './reasons.ts';
import type { ExplainedOffer, ExplainedResult, OfferKind, OfferRequest, OfferResult } from './types.ts';
import { meantFor } from './niche.ts';

export const OFFER_LIMIT = 10;

/** Said instead of offers when the client did not agree to be contacted about them. */
export const NO_CONTACT = {
  de: 'Keine Einwilligung zur Kontaktaufnahme: keine Angebote. Erst wenn der Kunde einwilligt, wegen Angeboten angesprochen zu werden, schlägt die App welche vor.',
  en: 'No consent to contact: no offers. Once the client agrees to be contacted about offers, the app proposes some.',
} as const;

/** Whether offers may be proposed to the client at all: not when they said no to being contacted (workflows.md). */
export const mayPropose = (req: Pick<OfferRequest, 'consent'>) => req.consent?.contact !== false;
/** A life event's bundle is kept among the first this many offers. */
export const LIFE_EVENT_SLOTS = 3;

type Candidate = {
  id: string; kind: OfferKind; items: Product[]; bundle: Bundle | null; index: number;
  propensity: number; value: number; lever: number; context: number; score: number;
};

const candidate = (id: string, kind: OfferKind, items: Product[], bundle: Bundle | null, index: number): Candidate =>
  ({ id, kind, items, bundle, index, propensity: 0, value: 0, lever: 0, context: 0, score: 0 });

/**
 * Never what the client holds; a module only on a held base, or in a bundle
 * that brings its base; a niche product only to a client it is meant for. A
 * passive co-buyer buying a durable good is offered point-of-sale add-ons
 * only: anything else would break the light choice.
 */
function eligible(cat: CompiledCatalogue, c: ClientView, posOnly: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const p of cat.products) {
    if (c.owned.has(p.id) || !meantFor(p, c)) continue;
    if (p.kind === 'module' && !(p.requires && c.owned.has(p.requires))) continue;
    if (posOnly && !isPointOfSale(p)) continue;
    out.push(candidate(p.id, p.kind, [p], null, out.length));
  }
  if (posOnly) return out;
  for (const b of cat.bundles) {
    const open: Product[] = [];
    for (const id of b.items) { const p = cat.byId.get(id); if (p && !c.owned.has(id) && meantFor(p, c)) open.push(p); }
    const items = open.filter((p) => p.kind !== 'module' || (p.requires !== undefined && (c.owned.has(p.requires) || open.some((q) => q.id === p.requires))));
    // One product left is no bundle: it is offered on its own anyway.
    if (items.length >= 2) out.push(candidate(b.id, 'bundle', items, b, out.length));
  }
  return out;
}

/** Best first; a life event's bundles move into the first slots, in score order among themselves. */
function arrange(sorted: Candidate[], c: ClientView, limit: number): Candidate[] {
  const pinned = sorted.filter((x) => x.bundle && c.events.has(x.bundle.trigger)).slice(0, LIFE_EVENT_SLOTS);
  let free = LIFE_EVENT_SLOTS - pinned.length;
  const head: Candidate[] = [];
  const rest: Candidate[] = [];
  for (const x of sorted) {
    if (pinned.includes(x)) head.push(x);
    else if (free > 0) { head.push(x); free--; } else rest.push(x);
  }
  return [...head, ...rest].slice(0, limit);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function timelyEvent(x: Candidate, c: ClientView): LifeEvent | null {
  if (x.bundle && c.events.has(x.bundle.trigger)) return x.bundle.trigger;
  for (const p of x.items) for (const e of p.life_events) if (c.events.has(e)) return e;
  return null;
}

function explain(x: Candidate, c: ClientView, cat: CompiledCatalogue, req: OfferRequest): ExplainedOffer {
  const lang = req.lang ?? 'de';
  const client = req.audience === 'client';
  const found: OfferReason[] = [];
  if (x.bundle) bundlePropensity(x.bundle, x.items, c, found); else productPropensity(x.items[0]!, c, found);
  withLearned(0, x.id, c, found); // only for its reason: the number was computed while ranking
  contextFactor(x.items, x.bundle, c, found);
  if (x.bundle) {
    for (const p of x.items) if (p.requires && !c.owned.has(p.requires)) found.push(REASON.baseInBundle(p.requires));
  }
  // Each reason once; turned to the client, none drawn from the segment or from other clients.
  const seen = new Set<string>();
  const why = found.filter((r) => (!client || clientMayRead(r)) && !seen.has(reasonKey(r)) && seen.add(reasonKey(r)));
  const productName = (id: string) => cat.byId.get(id)?.name[lang] ?? id;
  const within = withinMandate(req.mandate, x.items);
  const style = argumentStyle(c);
  const first = x.items[0]!;
  const name = (x.bundle ?? first).name[lang];
  const text = argumentText(style, { name, items: x.items, bundle: x.bundle, event: timelyEvent(x, c), withinMandate: within }, c, cat, lang);
  const variants = x.bundle ? undefined : first.variants?.map((v) => ({ id: v.id, name: v.name[lang], price: { ...v.price } }));
  return {
    offer: x.id, kind: x.kind, name,
    ...(x.bundle ? { items: x.items.map((p) => p.id) } : {}),
    ...(variants ? { variants } : {}),
    // The client-facing view leaves out every number derived from margin; the order stays the advisor's.
    ...(client ? {} : {
      score: round(x.score),
      breakdown: { propensity: round(x.propensity), value: round(x.value), lever: round(x.lever), context: round(x.context) },
    }),
    argument: { style, text },
    reasons: why.map((r) => reasonText(r, lang, productName)),
    within_mandate: within,
    why,
  };
}

/**
 * The ranking with each offer's reasons also as codes (`why`), for what the
 * app stores with an outcome: words in one language would not read in the other.
 */
export function rankOffersExplained(req: OfferRequest): ExplainedResult {
  const cat = compileCatalogue(req.catalogue);
  const c = viewClient(req, cat);
  if (!mayPropose(req)) return { segment: c.segment, profiling: c.profiling, notice: NO_CONTACT[req.lang ?? 'de'], offers: [] };
  const levers = req.levers ?? DEFAULT_LEVERS;
  const all = eligible(cat, c, argumentStyle(c) === 'add_on_choice');
  for (const x of all) {
    const raw = x.bundle ? bundlePropensity(x.bundle, x.items, c) : productPropensity(x.items[0]!, c);
    x.propensity = withLearned(raw, x.id, c);
    x.value = valueOf(cat, x.items);
    x.lever = leverOf(levers, x.id, x.items, x.bundle !== null);
    x.context = contextFactor(x.items, x.bundle, c);
    x.score = x.propensity * x.value * x.lever * x.context;
  }
  // Ties keep catalogue order, so the same request always ranks the same way.
  all.sort((a, b) => b.score - a.score || a.index - b.index);
  const shown = arrange(all, c, Math.max(0, req.limit ?? OFFER_LIMIT));
  return {
    segment: c.segment,
    profiling: c.profiling,
    notice: c.notice ? c.notice[req.lang ?? 'de'] : null,
    offers: shown.map((x) => explain(x, c, cat, req)),
  };
}

/** Next-best offers in the shape offers.md specifies (the `offers` command prints it as it is). */
export function rankOffers(req: OfferRequest): OfferResult {
  const r = rankOffersExplained(req);
  return { ...r, offers: r.offers.map(({ why: _why, ...offer }) => offer) };
}

/**
 * The argument for one offer exactly as rankOffers writes it, without ranking
 * the others: a list that shows one offer per client (the coach's inbox) need
 * not pay for the rest. null when the client is not offered it.
 */
export function argumentFor(req: OfferRequest, offerId: string): ExplainedOffer['argument'] | null {
  const cat = compileCatalogue(req.catalogue);
  const c = viewClient(req, cat);
  const style = argumentStyle(c);
  const x = mayPropose(req) ? eligible(cat, c, style === 'add_on_choice').find((o) => o.id === offerId) : undefined;
  if (!x) return null;
  const lang = req.lang ?? 'de';
  const name = (x.bundle ?? x.items[0]!).name[lang];
  return { style, text: argumentText(style, { name, items: x.items, bundle: x.bundle, event: timelyEvent(x, c), withinMandate: withinMandate(req.mandate, x.items) }, c, cat, lang) };
}
