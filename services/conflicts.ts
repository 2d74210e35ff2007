// Deciding a money conflict (docs/sync.md, "Money"): the backend refused a
// mandate amount because someone else changed it meanwhile. The user either
// keeps what holds now, or makes their change again, knowingly, over it.
import { MANDATE_MONEY_FIELDS } from '#core/mandate.ts';
import { DomainError } from '#core/errors.ts';
import type { MutationArgs } from '#core/mutations/index.ts';
import { readSyncedState } from '#db/records.ts';
import type { Store } from '#db/store.ts';
import { refusedArgs } from '#db/sync.ts';

export function resolveMoneyConflict(store: Store, seq: number, keep: 'mine' | 'current'): void {
  const refused = refusedArgs(store, seq);
  if (!refused || refused.name !== 'mandate.update') throw new DomainError([{ field: 'change', code: 'not_found' }]);
  if (keep === 'current') return;
  const args = refused.args as MutationArgs<'mandate.update'>;
  const now = readSyncedState(store.db, 'mandates', args.id);
  if (!now) throw new DomainError([{ field: 'mandate', code: 'not_found' }]);
  // What the user saw when deciding is what holds now: the new change says so.
  const expected = Object.fromEntries(MANDATE_MONEY_FIELDS.filter((f) => args.patch[f] !== undefined).map((f) => [f, now.fields[f] as number]));
  store.mutate('mandate.update', { id: args.id, patch: args.patch, expected });
}
