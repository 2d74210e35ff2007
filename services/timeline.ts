// The client's timeline as the screen reads it: each offer touchpoint carries
// its outcome record (offer, outcome, reason as codes) and the offer's name
// in both languages from the catalogue, so it is said in the UI's language at
// display time. The summary stored with the touchpoint stays, for rows whose
// record this device does not hold.
import { offerOutcomesOfClient } from '#db/timeline.ts';
import type { Store } from '#db/store.ts';
import { currentCatalogue } from './catalogue.ts';

export function withOfferWords<T extends { id: string; kind: string }>(store: Store, clientId: string, timeline: T[]) {
  if (!timeline.some((tp) => tp.kind === 'offer')) return timeline.map((tp) => ({ ...tp, offer: null }));
  const outcomes = new Map(offerOutcomesOfClient(store.db, clientId).map((o) => [o.id, o]));
  const catalogue = currentCatalogue(store).body;
  const names = new Map([...catalogue.products, ...catalogue.bundles].map((p) => [p.id, p.name]));
  return timeline.map((tp) => {
    const o = tp.kind === 'offer' ? outcomes.get(tp.id) : undefined;
    return {
      ...tp,
      offer: o ? { offerId: o.offerId, name: names.get(o.offerId) ?? null, outcome: o.outcome, reasonCode: o.reasonCode, note: o.note } : null,
    };
  });
}
