// Checks shared by the case commands' inputs (offers, alerts, mandate, price): each case is
// refused by name with what to give instead, never guessed at. A Refused
// error carries the message for that case's `{ id, error }` element.
import { FIRST_DAY, LAST_DAY, isRealDate } from './dates.ts';

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export class Refused extends Error {}
export const refuse = (message: string): never => { throw new Refused(message); };

/** The object at `field` ('' for the case itself): no field it does not know, none it needs missing. */
export function fields(value: unknown, field: string, allowed: string[], required: string[], example: string): Record<string, unknown> {
  if (!isObject(value)) return refuse(`${field} must be an object like ${example}`);
  const extra = Object.keys(value).find((k) => !allowed.includes(k));
  if (extra) refuse(`${field ? `${field} has an unknown field` : 'unknown field'} "${extra}": use ${allowed.join(', ')}`);
  const missing = required.find((k) => value[k] === undefined);
  if (missing) refuse(`${field ? `${field}.` : ''}${missing} is missing: give it, like ${example}`);
  return value;
}

export function day(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isRealDate(value)) return refuse(`${field} must be a date like 2027-03-20, not ${JSON.stringify(value)}`);
  if (value < FIRST_DAY || value > LAST_DAY) refuse(`${field} must lie from ${FIRST_DAY} to ${LAST_DAY}, not ${value}`);
  return value;
}

/** A case's id: a text or a number; anything else cannot be echoed back to say which case failed. */
export function caseId(input: Record<string, unknown>): string | number | null {
  const id = input.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

export type CaseCheck<C> = { ok: true; case: C } | { ok: false; id: unknown; message: string };

/**
 * One case of a command's file: not an object, or without an id to answer
 * under, it is refused whole; else `parse` reads it and a Refused names what
 * is wrong with it. Any other error is a bug and is thrown.
 */
export function checkCase<C>(input: unknown, example: string, parse: (input: Record<string, unknown>) => C): CaseCheck<C> {
  if (!isObject(input)) return { ok: false, id: null, message: `not a case: each element must be an object like ${example}` };
  const id = caseId(input);
  if (id === null) return { ok: false, id: input.id ?? null, message: 'id is missing: give every case a text or number "id"' };
  try {
    return { ok: true, case: parse(input) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, id, message: e.message };
    throw e;
  }
}
