// The client's timeline as the screen reads it: each offer touchpoint carries
// its outcome record (offer, outcome, reason as codes) and each purchase its
// products, with their names in both languages from the catalogue, so it is
// said in the UI's language at display time. The summary stored with the
// touchpoint stays, for rows whose record this device does not hold.
import { purchasesOfClient } from '#db/coach.ts';
import { offerOutcomesOfClient } from '#db/timeline.ts';
import type { Store } from '#db/store.ts';
import { currentCatalogue } from './catalogue.ts';

export function withOfferWords<T extends { id: string; kind: string }>(store: Store, clientId: string, timeline: T[]) {
  const offers = timeline.some((tp) => tp.kind === 'offer');
  const bought = timeline.some((tp) => tp.kind === 'purchase');
  if (!offers && !bought) return timeline.map((tp) => ({ ...tp, offer: null, purchase: null }));
  const outcomes = new Map(offers ? offerOutcomesOfClient(store.db, clientId).map((o) => [o.id, o]) : []);
  // A purchase's touchpoint has the purchase's id.
  const purchases = new Map(bought ? purchasesOfClient(store.db, clientId).map((p) => [p.id, p]) : []);
  const catalogue = currentCatalogue(store).body;
  const names = new Map([...catalogue.products, ...catalogue.bundles].map((p) => [p.id, p.name]));
  return timeline.map((tp) => {
    const o = tp.kind === 'offer' ? outcomes.get(tp.id) : undefined;
    const p = tp.kind === 'purchase' ? purchases.get(tp.id) : undefined;
    return {
      ...tp,
      offer: o ? { offerId: o.offerId, name: names.get(o.offerId) ?? null, outcome: o.outcome, reasonCode: o.reasonCode, note: o.note } : null,
      purchase: p ? { items: p.items.map((id) => ({ id, name: names.get(id) ?? null })), priceCents: p.priceCents } : null,
    };
  });
}
