// A mutation as the backend applies it: the same validation and plan as on
// the device (core/mutations), then the merge rule for every record write,
// stamped with the mutation's clock, then the records' rules on the MERGED
// result: a change whose stamp is older than some stored fields wins only
// part of its patch, and what that leaves must still hold. Pure: the caller
// reads the records the plan may touch beforehand and writes the results afterwards.
import { DomainError, type FieldProblem } from '../errors.ts';
import { parseHlc, stampAfter } from '../hlc.ts';
import type { CatalogueLookup } from '../manufacturer.ts';
import { MUTATIONS, type MutationArgs, type MutationName } from '../mutations/index.ts';
import { recordProblems } from '../mutations/invariants.ts';
import { planMutation, type Plan } from '../mutations/plan.ts';
import { APPLIED_IN_ORDER, type EntityName, type RecordReader } from '../records.ts';
import type { PeopleLookup } from '../share.ts';
import type { PriceRangeLookup } from '../retail/price.ts';
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
  /** The catalogue the rules check product, bundle and area ids against. */
  catalogue: CatalogueLookup;
  /** The people a change may name (a client shared with a coach); asked only by the kinds that name one. */
  people?: PeopleLookup;
  /** The issuer's granted price ranges; asked only by the kinds that price a sale. */
  ranges?: PriceRangeLookup;
  /** The records as they are now, with their field stamps. */
  read(entity: EntityName, id: string): (SyncedState & { clientId: string }) | null;
}

export { isMutationName } from '../mutations/registry.ts';

/** Validates and plans one mutation and merges its writes. Throws DomainError for bad input. */
export function applyMutation(name: MutationName, rawArgs: unknown, ctx: ApplyContext): { clientId: string; writes: MergedWrite[]; erase: boolean; access: Plan['access'] } {
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
  const plan = planMutation(name, args, { at: ctx.at, userId: ctx.userId, read: reader, catalogue: ctx.catalogue, people: ctx.people, ranges: ctx.ranges });
  const writes: MergedWrite[] = [];
  for (const w of plan.writes) {
    const base = current(w.entity, w.id);
    const fields = w.insert ? { deletedAt: null, ...w.fields } : w.fields;
    const merged = mergeFields(base, { fields, stamps: inOrder(w.entity, fields, base, ctx.hlc) });
    pending.set(`${w.entity}\u0000${w.id}`, { ...merged.state, clientId: w.clientId });
    writes.push({ entity: w.entity, id: w.id, clientId: w.clientId, created: base === null, ...merged });
  }
  for (const [key, state] of pending) {
    const [entity, id] = key.split('\u0000') as [EntityName, string];
    const problems = newProblems(entity, ctx.read(entity, id), state, ctx.at);
    if (problems.length) throw new DomainError(problems);
  }
  return { clientId: plan.clientId, writes, erase: plan.erase === true, access: plan.access };
}

/**
 * The stamps of a write: the change's own, except for a field worked out from
 * the stored value (APPLIED_IN_ORDER) whose stored stamp is as new or newer;
 * that one is stamped right after it, so the result the plan worked out stands.
 */
function inOrder(entity: EntityName, fields: Record<string, unknown>, base: SyncedState | null, hlc: string): Record<string, string> {
  const stamps = stampFields(fields, hlc);
  for (const f of APPLIED_IN_ORDER[entity] ?? []) {
    const stored = base?.stamps[f];
    if (f in fields && stored !== undefined && stored >= hlc) stamps[f] = stampAfter(stored, parseHlc(hlc).node);
  }
  return stamps;
}

/**
 * What the merged record breaks that the stored one did not: a rule the record
 * broke already (a rule tightened since, a day that has passed) is not this
 * change's doing, so an unrelated edit is not refused for it.
 */
function newProblems(entity: EntityName, before: SyncedState | null, after: SyncedState, at: number): FieldProblem[] {
  const had = new Set(before ? recordProblems(entity, before.fields, at).map((p) => `${p.field}\u0000${p.code}`) : []);
  return recordProblems(entity, after.fields, at).filter((p) => !had.has(`${p.field}\u0000${p.code}`));
}
