// What a client accepted in a meeting counts as held for the rest of it: the
// contract is not in the book yet, but offering it again, alone or inside
// another bundle, would tell the client the advisor was not listening.
import type { CatalogueDocument } from '../manufacturer.ts';

export type Decision = { offerId: string; outcome: string };

/** The products held once this meeting's acceptances count: a bundle stands for its items. */
export function heldInMeeting(owned: readonly string[], decisions: readonly Decision[], catalogue: CatalogueDocument): string[] {
  const held = new Set(owned);
  for (const d of decisions) {
    if (d.outcome !== 'accepted') continue;
    const bundle = catalogue.bundles.find((b) => b.id === d.offerId);
    for (const id of bundle ? bundle.items : [d.offerId]) held.add(id);
  }
  return [...held];
}
