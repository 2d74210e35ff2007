// Who recorded each consent, by name: the client page's history says "recorded
// by Anna Berger", never an id. The names this device knows: its own user, the
// client's owner, the people the client is shared with, the coaches of the
// directory it holds. Anyone else is `null`, said in words by the UI.
import type { Store } from '#db/store.ts';
import { heldDirectory } from './sync/directory.ts';

interface Client { ownerId: string; ownerName: string | null; sharedWith: readonly { userId: string; displayName: string }[] }

export function withRecorders<C extends { recordedBy: string }>(store: Store, history: readonly C[], client: Client, me: ReadonlySet<string>):
  (C & { recordedByMe: boolean; recordedByName: string | null })[] {
  const names = new Map<string, string>();
  for (const p of heldDirectory(store)?.people ?? []) names.set(p.id, p.displayName);
  for (const s of client.sharedWith) names.set(s.userId, s.displayName);
  if (client.ownerName) names.set(client.ownerId, client.ownerName);
  // The id this device's changes are made in counts as the person's too (before set-up, or enrolment, it is the only one).
  const mine = (id: string) => me.has(id) || id === store.userId;
  return history.map((c) => ({ ...c, recordedByMe: mine(c.recordedBy), recordedByName: names.get(c.recordedBy) ?? null }));
}
