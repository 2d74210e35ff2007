// The shape of a segment rule set. Weights, prototypes, triggers and advice
// are data so the manufacturer can ship a better rule set by sync without a
// new app; this schema is what a device checks before it uses one.
import { z } from 'zod';
import { ATTRIBUTE_IDS, PROFILE_ATTRIBUTES, type AttributeId } from '../profile.ts';
import { SEGMENT_IDS } from './ids.ts';

const attributeIds = ATTRIBUTE_IDS as [AttributeId, ...AttributeId[]];
const attribute = z.enum(attributeIds, { error: `must be a profile attribute: ${attributeIds.join(', ')}` });
const segment = z.enum(SEGMENT_IDS, { error: `must be a segment id: ${SEGMENT_IDS.join(', ')}` });
const text = z.strictObject({ de: z.string().trim().min(1), en: z.string().trim().min(1) });
const code = z.string().regex(/^[a-z][a-z0-9_.]*$/, { error: 'must be a code of lower-case letters, digits, _ and .' });

/** How typical each answer is for a segment, -1 (speaks against) to 1 (typical); '*' = every answer not listed. */
const valueWeights = z.record(z.string(), z.number().min(-1).max(1));

/** Holds when every clause holds; a clause holds when any of its conditions does (AND of ORs). */
const condition = z.strictObject({ attribute, in: z.array(z.string()).min(1) });

function checkValues(attr: AttributeId, values: string[], wildcard: boolean): string | null {
  const allowed: readonly string[] = PROFILE_ATTRIBUTES[attr];
  const bad = values.find((v) => !allowed.includes(v) && !(wildcard && v === '*'));
  return bad === undefined ? null : `"${bad}" is not a value of ${attr}: use one of ${allowed.join(', ')}${wildcard ? ' or *' : ''}`;
}

/**
 * Conditions on a client's answers, as rule sets and catalogues write them:
 * every clause must hold, a clause holds when any of its conditions does.
 */
export const profileClauses = z.array(z.array(condition).min(1)).min(1).superRefine((cs, ctx) => {
  cs.forEach((c, i) => c.forEach((cond, j) => {
    const problem = checkValues(cond.attribute, cond.in, false);
    if (problem) ctx.addIssue({ code: 'custom', path: [i, j, 'in'], message: problem });
  }));
});

const approach = z.strictObject({
  channels: z.array(z.enum(PROFILE_ATTRIBUTES.preferred_channel)).min(1),
  argument: z.enum(['price_performance', 'identity']),
  product: z.enum(['standard', 'partly_individualised', 'adaptive']),
  /** Whether a push from a person (advisor, coach, staff) is welcome. */
  personal_push: z.boolean(),
  text,
  /** Where getting the assistant app onto the client's phone fits (Economy segments). */
  assistant: text.optional(),
});

export const RuleSetSchema = z.strictObject({
  version: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, { error: 'must be a short version like "segments.v1"' }),
  /** How much each attribute counts, the same for every segment. */
  importance: z.record(attribute, z.number().min(0).max(10)),
  segments: z.record(segment, z.strictObject({ prototype: z.partialRecord(attribute, valueWeights), approach })),
  situational: z.array(z.strictObject({ code, primary: segment, also: segment, if: profileClauses, when: text })),
  migration: z.array(z.strictObject({
    from: segment, to: segment,
    triggers: z.array(z.strictObject({ code, if: profileClauses, because: text })).min(1),
  })),
}).superRefine((rs, ctx) => {
  const bad = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (Object.values(rs.importance).every((w) => w === 0)) bad(['importance'], 'at least one attribute must count');
  for (const [seg, def] of Object.entries(rs.segments)) {
    for (const [attr, weights] of Object.entries(def.prototype)) {
      const problem = checkValues(attr as AttributeId, Object.keys(weights ?? {}), true);
      if (problem) bad(['segments', seg, 'prototype', attr], problem);
    }
  }
  const codes = new Set<string>();
  const unique = (c: string, path: (string | number)[]) => { if (codes.has(c)) bad(path, `code "${c}" is used twice`); codes.add(c); };
  rs.situational.forEach((s, i) => {
    if (s.primary === s.also) bad(['situational', i, 'also'], 'must differ from primary');
    unique(s.code, ['situational', i, 'code']);
  });
  rs.migration.forEach((m, i) => {
    if (m.from === m.to) bad(['migration', i, 'to'], 'must differ from from');
    m.triggers.forEach((t, j) => unique(t.code, ['migration', i, 'triggers', j, 'code']));
  });
});

export type RuleSet = z.infer<typeof RuleSetSchema>;
export type Clauses = z.infer<typeof profileClauses>;
export type Approach = z.infer<typeof approach>;
