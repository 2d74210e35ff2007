// Every error the core can raise, said in both languages: with the parameters
// the core attaches and without them (a refusal relayed by sync), never a
// placeholder, an "undefined" or a raw code; and every range names its range.
import i18next, { type TFunction } from 'i18next';
import { ORPCError } from '@orpc/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clientCreateSchema } from '#core/client.ts';
import { DOMAIN_ERROR_CODES, type FieldProblem } from '#core/errors.ts';
import { holdingAddSchema } from '#core/holding.ts';
import { mandateGrantSchema } from '#core/mandate.ts';
import { meetingUpdateSchema } from '#core/meeting.ts';
import { taskAddSchema } from '#core/task.ts';
import { problemsOf as problemsOfZod } from '#core/validate.ts';
import { de } from '../../../renderer/src/i18n/de.ts';
import { en } from '../../../renderer/src/i18n/en.ts';
import { errorMessage, problemMessage } from '../../../renderer/src/problems.ts';

const ID = '0190a000-0000-7000-8000-000000000001';
const langs = { de, en } as const;
const t: Record<'de' | 'en', TFunction> = {} as never;

beforeAll(async () => {
  for (const lang of ['de', 'en'] as const) {
    const instance = i18next.createInstance();
    await instance.init({ lng: lang, resources: { [lang]: { translation: langs[lang] } }, interpolation: { escapeValue: false } });
    t[lang] = instance.t;
  }
});

/** What a user must never read. */
function expectSpoken(text: string, code: string): void {
  expect(text).not.toMatch(/undefined|null|NaN|\{\{|\}\}/);
  expect(text).not.toContain(code);
  expect(text).not.toMatch(/\berrors\./);
  expect(text.length).toBeGreaterThan(10);
}

/** The problems core raises for an input, as the user's field would receive them. */
function problemsFor(schema: z.ZodType, input: unknown): FieldProblem[] {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return problemsOfZod(result.error);
}

const MANDATE = { id: ID, clientId: ID, budgetCents: 5_000, period: 'month', areas: ['travel'], perPurchaseCapCents: 1_000, validFrom: '2025-01-01' };

/** Real refusals of the core, one or more per code that takes parameters, and the words each must contain. */
const RANGES: [string, FieldProblem[], { de: string[]; en: string[] }][] = [
  ['household size 21', problemsFor(clientCreateSchema, { id: ID, firstName: 'A', lastName: 'B', householdSize: 21 }), { de: ['1', '20'], en: ['1', '20'] }],
  ['household size 0', problemsFor(clientCreateSchema, { id: ID, firstName: 'A', lastName: 'B', householdSize: 0 }), { de: ['1', '20'], en: ['1', '20'] }],
  ['NPS 11', problemsFor(meetingUpdateSchema, { id: ID, patch: { nps: 11 } }), { de: ['0', '10'], en: ['0', '10'] }],
  ['CES 0', problemsFor(meetingUpdateSchema, { id: ID, patch: { ces: 0 } }), { de: ['1', '7'], en: ['1', '7'] }],
  ['a premium of two million euros', problemsFor(holdingAddSchema, { id: ID, clientId: ID, productId: 'car', since: '2024-01-01', yearlyPremiumCents: 200_000_000 }),
    { de: ['0,00 €', '1.000.000,00 €'], en: ['€0.00', '€1,000,000.00'] }],
  ['a cap above the budget', problemsFor(mandateGrantSchema, { ...MANDATE, perPurchaseCapCents: 9_000 }), { de: ['50,00 €'], en: ['€50.00'] }],
  ['an end before the start', problemsFor(mandateGrantSchema, { ...MANDATE, validUntil: '2024-12-31' }), { de: ['01.01.2025'], en: ['01/01/2025'] }],
  ['a due date in 1850', problemsFor(taskAddSchema, { id: ID, clientId: ID, title: 'x', dueDate: '1850-03-01' }), { de: ['01.01.1900', '31.12.2199'], en: ['01/01/1900', '31/12/2199'] }],
  ['a name of 101 letters', problemsFor(clientCreateSchema, { id: ID, firstName: 'x'.repeat(101), lastName: 'B' }), { de: ['100'], en: ['100'] }],
];

describe('error messages', () => {
  it.each(DOMAIN_ERROR_CODES.flatMap((code) => (['de', 'en'] as const).map((lang) => [code, lang] as const)))(
    '%s is said in %s, with or without its parameters', (code, lang) => {
      expectSpoken(problemMessage(t[lang], { field: 'x', code }), code);
      expectSpoken(problemMessage(t[lang], { field: 'x', code, params: { min: 1, max: 20 } }), code);
    });

  it.each(RANGES)('%s: the message names the bounds, in each language’s format', (_, problems, words) => {
    expect(problems).toHaveLength(1);
    for (const lang of ['de', 'en'] as const) {
      const text = problemMessage(t[lang], problems[0]!);
      expectSpoken(text, problems[0]!.code);
      for (const w of words[lang]) expect(text.replace(/\u00a0/g, ' ')).toContain(w);
    }
  });

  it.each([
    [1800, 'Zu viele Versuche. Bitte in 30 Minuten erneut versuchen.', 'Too many attempts. Please try again in 30 minutes.'],
    [61, 'Zu viele Versuche. Bitte in 2 Minuten erneut versuchen.', 'Too many attempts. Please try again in 2 minutes.'],
    [5, 'Zu viele Versuche. Bitte in 1 Minute erneut versuchen.', 'Too many attempts. Please try again in 1 minute.'],
  ])('too many enrolment attempts, %i s to wait: says in whole minutes when to try again', (seconds, deText, enText) => {
    const error = new ORPCError('BAD_GATEWAY', { data: { kind: 'rate_limited', retryAfterSeconds: seconds } });
    expect(errorMessage(t.de, error)).toBe(deText);
    expect(errorMessage(t.en, error)).toBe(enText);
  });

  it('a four-digit postal code is refused with its own message', () => {
    const [p] = problemsFor(clientCreateSchema, { id: ID, firstName: 'A', lastName: 'B', postalCode: '1011' });
    expect(p).toMatchObject({ field: 'postalCode', code: 'invalid_postal_code' });
    expect(problemMessage(t.de, p!)).toContain('fünf Ziffern');
    expect(problemMessage(t.en, p!)).toContain('five digits');
  });

  it('failures that are not about the input are said in the user’s language, never in the core’s English', () => {
    const internal = new ORPCError('INTERNAL_SERVER_ERROR', { message: 'Internal server error' });
    const gateway = new ORPCError('BAD_GATEWAY', { message: 'The backend cannot be reached.', data: { kind: 'offline' } });
    const strange = new ORPCError('BAD_GATEWAY', { message: 'x', data: { kind: 'something_new' } });
    for (const lang of ['de', 'en'] as const) {
      for (const error of [internal, gateway, strange, new ORPCError('CONFLICT', { message: 'This workstation is already set up.' })]) {
        const text = errorMessage(t[lang], error);
        expectSpoken(text, error.code);
        expect(text).not.toContain(error.message);
      }
    }
    expect(errorMessage(t.de, gateway)).toContain('nicht erreichbar');
    expect(errorMessage(t.de, internal)).toContain('nicht geklappt');
  });
});
