// A mutation as the backend applies it: the same validation and plan as on
// the device (core/mutations), then the merge rule for every record write,
// stamped with the mutation's clock. Pure: the caller reads the records the
// plan may touch beforehand and writes the results afterwards.
import { MUTATIONS, type MutationArgs, type MutationName } from '../mutations/index.ts';
import { planMutation } from '../mutations/plan.ts';
import type { EntityName, RecordReader } from '../records.ts';
import { parseOrThrow } from '../validate.ts';
import { mergeFields, stampFields, type SyncedState } from './merge.ts';

export interface MergedWrite {
  entity: EntityName;
  id: string;
  clientId: string;
  /** The record was not there before. */
  created: boolean;
  state: SyncedState;
  changed: string[];
}

export interface ApplyContext {
  at: number;
  hlc: string;
  userId: string;
  /** The records as they are now, with their field stamps. */
  read(entity: EntityName, id: string): (SyncedState & { clientId: string }) | null;
}

export { isMutationName } from '../mutations/registry.ts';

/** Validates and plans one mutation and merges its writes. Throws DomainError for bad input. */
export function applyMutation(name: MutationName, rawArgs: unknown, ctx: ApplyContext): { clientId: string; writes: MergedWrite[]; erase: boolean } {
  const args = parseOrThrow(MUTATIONS[name], rawArgs) as MutationArgs<MutationName>;
  // Writes of this mutation are visible to its own later reads (a plan reads before it writes, but be exact).
  const pending = new Map<string, SyncedState & { clientId: string }>();
  const current = (entity: EntityName, id: string) => pending.get(`${entity}\u0000${id}`) ?? ctx.read(entity, id);
  const reader: RecordReader = {
    get(entity, id) {
      const r = current(entity, id);
      if (!r) return null;
      return { ...r.fields, id, version: 0, deletedAt: (r.fields.deletedAt as number | null | undefined) ?? null };
    },
  };
  const plan = planMutation(name, args, { at: ctx.at, userId: ctx.userId, read: reader });
  const writes: MergedWrite[] = [];
  for (const w of plan.writes) {
    const base = current(w.entity, w.id);
    const fields = w.insert ? { deletedAt: null, ...w.fields } : w.fields;
    const merged = mergeFields(base, { fields, stamps: stampFields(fields, ctx.hlc) });
    pending.set(`${w.entity}\u0000${w.id}`, { ...merged.state, clientId: w.clientId });
    writes.push({ entity: w.entity, id: w.id, clientId: w.clientId, created: base === null, ...merged });
  }
  return { clientId: plan.clientId, writes, erase: plan.erase === true };
}
