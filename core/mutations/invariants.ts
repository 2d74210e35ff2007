// What must hold for a record as it stands, whatever wrote it. The backend
// merges each field of a change with the stored record by stamp, so a change
// with an old stamp can win some fields and lose others: a plan that checked
// its own patch proves nothing about the result. These rules are checked on
// the MERGED record (core/sync/apply.ts); a result that breaks one is refused.
import { birthDateProblem } from '../client.ts';
import type { FieldProblem } from '../errors.ts';
import { termProblems } from '../mandate.ts';
import type { EntityName, Fields } from '../records.ts';

type Invariant = (fields: Fields, at: number) => FieldProblem[];

const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
const num = (x: unknown) => (typeof x === 'number' ? x : undefined);

const INVARIANTS: Partial<Record<EntityName, Invariant>> = {
  clients: (f, at) => {
    const problem = birthDateProblem(str(f.birthDate), at);
    return problem ? [problem] : [];
  },
  mandates: (f) => termProblems({
    budgetCents: num(f.budgetCents), perPurchaseCapCents: num(f.perPurchaseCapCents), validFrom: str(f.validFrom), validUntil: str(f.validUntil) ?? null,
  }).map((p) => ({ field: p.path, code: p.code, params: p.params })),
  holdings: (f) => {
    const since = str(f.since);
    const ended = str(f.endedOn);
    return since && ended && ended < since ? [{ field: 'endedOn', code: 'date_too_early', params: { min: since } }] : [];
  },
  meetings: (f) => {
    const started = num(f.startedAt);
    const ended = num(f.endedAt);
    return started !== undefined && ended !== undefined && ended < started
      ? [{ field: 'endedAt', code: 'invalid_value', params: { detail: 'a meeting cannot end before it started' } }] : [];
  },
  adviceRecords: (f) => ((f.deliveredAt == null) !== (f.deliveryChannel == null)
    ? [{ field: 'deliveryChannel', code: 'invalid_value', params: { detail: 'a delivered record names how it was delivered' } }] : []),
};

/** The rules the record breaks as it stands; none: it may be stored. */
export function recordProblems(entity: EntityName, fields: Fields, at: number): FieldProblem[] {
  return INVARIANTS[entity]?.(fields, at) ?? [];
}
