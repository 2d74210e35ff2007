// Bad and borderline inputs generated from a zod schema, field by field: a new
// field (or a new procedure) is fuzzed without anyone listing it. The schema
// is walked through zod's own definitions; every place a value sits (a field,
// an array element, a nested object) gets wrong-typed, malformed, oversized,
// missing and boundary values, and the schema itself says which of them are
// valid, so a test knows whether to expect a refusal or a saved change.
import fc from 'fast-check';
import type { z } from 'zod';

export type Path = (string | number)[];

/** Marks a field left out altogether. */
export const OMIT = Symbol('omit');

export interface Probe { path: Path; value: unknown }

/** How many runs per procedure or mutation kind; FUZZ_RUNS raises it for a deeper search. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** Seeded, so a failure can be repeated; FUZZ_SEED explores elsewhere. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261002);

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

interface Bounds { min?: number; max?: number; format?: string; pattern?: RegExp }

function boundsOf(def: Def): Bounds {
  const b: Bounds = {};
  for (const check of (def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const c = check._zod.def;
    if (c.check === 'min_length') b.min = c.minimum as number;
    if (c.check === 'max_length') b.max = c.maximum as number;
    if (c.check === 'greater_than') b.min = c.value as number;
    if (c.check === 'less_than') b.max = c.value as number;
    if (c.check === 'string_format') { b.format = c.format as string; b.pattern = c.pattern as RegExp | undefined; }
    const params = c.params as { min?: unknown; max?: unknown } | undefined;
    if (c.check === 'custom' && params) {
      if (typeof params.min === 'number') b.min = params.min;
      if (typeof params.max === 'number') b.max = params.max;
    }
  }
  if (typeof def.format === 'string') b.format = def.format;
  return b;
}

/** The schema under wrappers that only say "may be absent" or "may be null". */
function unwrap(schema: unknown): unknown {
  let s = schema;
  for (;;) {
    const d = defOf(s);
    if (['optional', 'nullable', 'default', 'readonly', 'prefault', 'catch', 'nonoptional'].includes(d.type)) s = d.innerType;
    else if (d.type === 'pipe') s = d.in;
    else if (d.type === 'lazy') s = (d.getter as () => unknown)();
    else return s;
  }
}

/** Every place a value sits in the schema, with the schema found there. */
export function placesOf(schema: z.ZodType, path: Path = [], depth = 0): { path: Path; schema: unknown }[] {
  const inner = unwrap(schema);
  const d = defOf(inner);
  const here = path.length ? [{ path, schema }] : [];
  if (depth > 6) return here;
  if (d.type === 'object') {
    return [...here, ...Object.entries(d.shape as Record<string, z.ZodType>).flatMap(([k, v]) => placesOf(v, [...path, k], depth + 1))];
  }
  if (d.type === 'array') return [...here, ...placesOf(d.element as z.ZodType, [...path, 0], depth + 1)];
  return here;
}

const WRONG_TYPES: unknown[] = [null, true, false, 0, -1, 1.5, '', 'x', [], {}, { nested: { deeper: 1 } }, ['x', 1], OMIT];
const ODD_STRINGS = [
  ' ', '   ', '\t\n', '\u0000', 'a\u0000b', 'a\ud800b', '\udfff', '\u202e\u200b', '😀'.repeat(50), '<script>alert(1)</script>', "'; DROP TABLE clients; --",
  '__proto__', 'constructor', 'NaN', '-0', '1e400', 'null', 'undefined', 'true',
];
const ODD_DAYS = ['2025-02-30', '2025-13-01', '2025-00-10', '0001-01-01', '1899-12-31', '1900-01-01', '2199-12-31', '2200-01-01', '9999-12-31', '24.12.1980', '2025-1-1', '2025-01-01T00:00:00Z', ' 2025-03-01 '];
const ODD_NUMBERS = [0, -0, 1, -1, 0.5, -0.5, 2 ** 31, -(2 ** 31), Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 1e308, Infinity, -Infinity, NaN];

const UUID_ODD = ['00000000-0000-0000-0000-000000000000', 'not-a-uuid', '0190b2c47e1a7c3d9f005a6b7c8d9e0f', '{0190b2c4-7e1a-7c3d-9f00-5a6b7c8d9e0f}', '0190B2C4-7E1A-7C3D-9F00-5A6B7C8D9E0F', '0190b2c4-7e1a-7c3d-9f00-5a6b7c8d9e0f ', 'g190b2c4-7e1a-7c3d-9f00-5a6b7c8d9e0f'];

/** Values to try at one place: what it should never take, and its edges, some of which are valid. */
function valuesFor(schema: unknown): fc.Arbitrary<unknown> {
  const inner = unwrap(schema);
  const d = defOf(inner);
  const b = boundsOf(d);
  const arbs: fc.Arbitrary<unknown>[] = [fc.constantFrom(...WRONG_TYPES), fc.anything({ maxDepth: 2 })];
  switch (d.type) {
    case 'string': {
      const lengths = [b.min, b.max].filter((n): n is number => n !== undefined).flatMap((n) => [n - 1, n, n + 1]).filter((n) => n >= 0);
      arbs.push(
        fc.constantFrom(...ODD_STRINGS, ...ODD_DAYS),
        fc.constantFrom(...lengths, 10_000).map((n) => 'x'.repeat(n)),
        fc.string({ maxLength: (b.max ?? 40) + 5, unit: 'binary' }),
        fc.constantFrom(...ODD_NUMBERS),
      );
      if (b.format === 'uuid') arbs.push(fc.constantFrom(...UUID_ODD), fc.uuid({ version: 7 }));
      if (b.pattern) arbs.push(fc.stringMatching(b.pattern).map((s) => s.slice(0, 120)));
      // A day anywhere in five centuries, for every text: days hide in plain strings (birth dates).
      arbs.push(fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10)));
      break;
    }
    case 'number': {
      const edges = [b.min, b.max].filter((n): n is number => n !== undefined).flatMap((n) => [n - 1, n, n + 1, n + 0.5]);
      arbs.push(fc.constantFrom(...ODD_NUMBERS, ...edges), fc.integer(), fc.double(), fc.constantFrom('1', '0', '1e3'));
      break;
    }
    case 'enum': {
      const options = Object.values(d.entries as Record<string, string>);
      arbs.push(fc.constantFrom(...options), fc.constantFrom(...options).map((o) => o.toUpperCase()), fc.constantFrom(...options).map((o) => ` ${o}`), fc.string({ maxLength: 12 }));
      break;
    }
    case 'literal': arbs.push(fc.constantFrom(...(d.values as unknown[]))); break;
    case 'boolean': arbs.push(fc.constantFrom('true', 'false', 1, 0)); break;
    case 'array': {
      const n = Math.min((b.max ?? 20) + 1, 2_000);
      const element = defOf(unwrap(d.element));
      const fill = element.type === 'enum' ? Object.values(element.entries as Record<string, string>)[0] : element.type === 'number' ? 1 : 'x';
      arbs.push(fc.constantFrom([], Array(n).fill(fill), Array(5_000).fill(fill), [null], [[]]), fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 4 }));
      break;
    }
    case 'record': arbs.push(
      fc.constantFrom({ unknown_key: 'x' }, { '': 'x' }, JSON.parse('{"__proto__": "x"}') as unknown, Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, 'x']))),
      fc.dictionary(fc.string({ maxLength: 20 }), fc.oneof(fc.string({ maxLength: 60 }), fc.integer(), fc.array(fc.string(), { maxLength: 25 })), { maxKeys: 3 }),
    ); break;
    case 'object': arbs.push(fc.constantFrom({ unexpected: 1 }, 'object', [{}])); break;
    default: arbs.push(fc.string({ maxLength: 50 }));
  }
  return fc.oneof(...arbs);
}

/** One bad or borderline value at one place in `base`. */
export function probes(schema: z.ZodType): fc.Arbitrary<Probe> {
  const places = placesOf(schema);
  if (places.length === 0) throw new Error('the schema has no fields to fuzz');
  return fc.constantFrom(...places).chain((place) => valuesFor(place.schema).map((value) => ({ path: place.path, value })));
}

/** `base` with the probe's value put in place (a deep copy; missing containers are made). */
export function withProbe(base: unknown, probe: Probe): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of probe.path.slice(0, -1)) {
    const next = at[key];
    if (next === null || typeof next !== 'object') at[key] = typeof key === 'number' ? [] : {};
    at = at[key] as Record<string | number, unknown>;
  }
  const last = probe.path.at(-1)!;
  if (probe.value === OMIT) delete at[last];
  else at[last] = probe.value;
  return copy;
}

export const pathText = (path: Path) => path.map(String).join('.');

/** A short picture of a value for a failure message (10,000 x's stay readable). */
export function shown(value: unknown): string {
  if (value === OMIT) return '(left out)';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 60)}... (${text.length} characters)` : text;
}

/**
 * Whether a refusal names the field that was changed: the field itself, the
 * object it sits in, something within it, or a field next to it (a rule
 * across two fields, like a cap above its budget, names the one it is about).
 */
export function namesField(fields: string[], path: Path): boolean {
  const changed = pathText(path);
  const parent = pathText(path.slice(0, -1));
  return fields.some((f) => f !== '' && f !== 'input' && (
    f === changed || changed.startsWith(`${f}.`) || f.startsWith(`${changed}.`)
    || (f.split('.').slice(0, -1).join('.') === parent)
    // The amount a change expected names the amount changed (patch.budgetCents, expected.budgetCents).
    || (path.length > 1 && f.split('.').at(-1) === String(path.at(-1)))));
}
