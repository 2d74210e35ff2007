// A client meeting and the interview answers captured in it.
import { z } from 'zod';
import { ANSWER_SOURCES, MULTI_VALUE_ATTRIBUTES, PROFILE_ATTRIBUTES, isAttributeId, type AnswerValue } from './profile.ts';
import { DomainError } from './errors.ts';
import { intBetween, optionalText, uuid } from './validate.ts';

export const MEETING_TEXT_LIMIT = 10_000;

export const meetingStartSchema = z.object({
  id: uuid,
  clientId: uuid,
  reason: optionalText(500),
}).strict();

/** The free-text fields of a meeting; each is saved as it is typed. */
export const MEETING_TEXT_FIELDS = ['reason', 'wishes', 'riskSituation', 'notes', 'advice', 'decision'] as const;
export type MeetingTextField = (typeof MEETING_TEXT_FIELDS)[number];

export const meetingUpdateSchema = z.object({
  id: uuid,
  patch: z.object({
    reason: optionalText(500),
    wishes: optionalText(MEETING_TEXT_LIMIT),
    riskSituation: optionalText(MEETING_TEXT_LIMIT),
    notes: optionalText(MEETING_TEXT_LIMIT),
    advice: optionalText(4000),
    decision: optionalText(2000),
    /** Would the client recommend us (0-10), and how easy was it (1 very hard to 7 very easy)? */
    nps: intBetween(0, 10).nullable(),
    ces: intBetween(1, 7).nullable(),
  }).partial().strict(),
}).strict();

export const meetingEndSchema = z.object({ id: uuid }).strict();

export const answerSetSchema = z.object({
  clientId: uuid,
  meetingId: uuid.nullable().optional(),
  // Bounded before checkAnswer looks at them, so a refusal never repeats a huge value back.
  attribute: z.string({ error: 'required' }).max(60, { error: 'too_long' }),
  /** null clears the answer (the client declined, or it was entered by mistake). */
  value: z.union([z.string().max(60, { error: 'too_long' }), z.array(z.string().max(60, { error: 'too_long' })).max(30, { error: 'too_long' })]).nullable(),
  answeredBy: z.enum(ANSWER_SOURCES, { error: 'unknown_value' }).default('client'),
}).strict();

/** Checks an answer against profile.md; unknown attributes and values are refused, not guessed at. */
export function checkAnswer(attribute: string, value: AnswerValue | null): AnswerValue | null {
  if (!isAttributeId(attribute)) {
    throw new DomainError([{ field: 'attribute', code: 'unknown_attribute', params: { attribute, allowed: Object.keys(PROFILE_ATTRIBUTES).join(', ') } }]);
  }
  if (value === null) return null;
  const allowed: readonly string[] = PROFILE_ATTRIBUTES[attribute];
  const multi = MULTI_VALUE_ATTRIBUTES.has(attribute);
  if (multi !== Array.isArray(value)) {
    throw new DomainError([{ field: attribute, code: 'invalid_value', params: { detail: multi ? 'expects a list of values' : 'expects one value' } }]);
  }
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) {
    if (!allowed.includes(v)) {
      throw new DomainError([{ field: attribute, code: 'unknown_value', params: { value: v, allowed: allowed.join(', ') } }]);
    }
  }
  // A set of life events has no order and no repeats: keep it canonical so equal answers compare equal.
  return Array.isArray(value) ? allowed.filter((a) => value.includes(a)) : value;
}
