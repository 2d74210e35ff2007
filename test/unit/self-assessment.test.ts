// The self-assessment form's rules: which field stands for which question,
// what a returned form's fields answer, and when its identity is refused.
import { describe, expect, it } from 'vitest';
import { DomainError } from '#core/errors.ts';
import { PROFILE_ATTRIBUTES } from '#core/profile.ts';
import {
  answersOfForm, checkBoxField, FORM_QUESTIONS, formFileName, openIdentity, questionField, sealIdentity, type FormIdentity,
} from '#core/self-assessment.ts';

const secret = new Uint8Array(32).fill(7);
const identity: FormIdentity = {
  v: 1, formId: '0190d8a0-0000-7000-8000-000000000001', clientId: '0190d8a0-0000-7000-8000-000000000002',
  deviceId: '0190d8a0-0000-7000-8000-000000000003', issuedAt: Date.parse('2026-12-04T08:00:00Z'), language: 'de',
};
const expected = { clientId: identity.clientId, deviceId: identity.deviceId, secret };
const codeOf = (fn: () => unknown) => {
  try { fn(); return 'accepted'; } catch (e) { return e instanceof DomainError ? e.problems.map((p) => `${p.field}:${p.code}`).join() : String(e); }
};

describe('the form’s fields', () => {
  it('are numbered in profile order and say nothing of what they ask', () => {
    expect(FORM_QUESTIONS.map(questionField)).toEqual(['q01', 'q02', 'q03', 'q04', 'q05', 'q06', 'q07', 'q08', 'q09', 'q10', 'q11']);
    expect(checkBoxField('life_events', 3)).toBe('q09_o4');
  });

  it('answer each question with the choice at its position; a question left open answers nothing', () => {
    expect(answersOfForm({ q01: 'o1', q05: 'o4', q11: 'o2', q02: undefined, q03: '' })).toEqual([
      { attribute: 'purchase_driver', value: 'best_price' },
      { attribute: 'activity_level', value: 'high' },
      { attribute: 'product_complexity', value: 'complex' },
    ]);
    expect(answersOfForm({})).toEqual([]);
  });

  it('give the life events ticked in profile order, and none when no box is ticked', () => {
    const events = PROFILE_ATTRIBUTES.life_events;
    expect(answersOfForm({ q09_o10: true, q09_o1: true, q09_o3: false })).toEqual([{ attribute: 'life_events', value: [events[0], events[9]] }]);
    expect(answersOfForm({ q09_o1: false, q09_o2: false })).toEqual([]);
  });

  it('refuse a choice the question does not have as tampering', () => {
    for (const chosen of ['o0', 'o5', 'o99', 'best_price', '1', true]) {
      expect(codeOf(() => answersOfForm({ q06: chosen })), String(chosen)).toBe('file:form_tampered');
    }
    expect(codeOf(() => answersOfForm({ q06: 'o3' }))).toBe('accepted');
  });
});

describe('the form’s identity', () => {
  it('opens as sealed', () => {
    expect(openIdentity(sealIdentity(identity, secret), expected)).toEqual(identity);
  });

  it('is refused when changed, re-sealed with another key, cut or missing', () => {
    const sealed = sealIdentity(identity, secret);
    const other = '0190d8a0-0000-7000-8000-0000000000ff';
    expect(codeOf(() => openIdentity(sealed.replace(identity.clientId, other), { ...expected, clientId: other }))).toBe('file:form_tampered');
    expect(codeOf(() => openIdentity(sealed.replace('"de"', '"en"'), expected))).toBe('file:form_tampered');
    expect(codeOf(() => openIdentity(sealIdentity(identity, new Uint8Array(32).fill(8)), expected))).toBe('file:form_tampered');
    expect(codeOf(() => openIdentity(sealed.slice(0, sealed.lastIndexOf('.')), expected))).toBe('file:form_tampered');
    expect(codeOf(() => openIdentity(`${sealed.slice(0, -1)}x`, expected))).toBe('file:form_tampered');
    expect(codeOf(() => openIdentity('{"v":2}.00', expected))).toBe('file:form_tampered');
    expect(codeOf(() => openIdentity('not json', expected))).toBe('file:form_tampered');
    expect(codeOf(() => openIdentity(undefined, expected))).toBe('file:not_a_form');
    expect(codeOf(() => openIdentity('', expected))).toBe('file:not_a_form');
  });

  it('says whose form it is: another client’s, another workstation’s', () => {
    const sealed = sealIdentity(identity, secret);
    expect(codeOf(() => openIdentity(sealed, { ...expected, clientId: '0190d8a0-0000-7000-8000-0000000000ff' }))).toBe('file:form_other_client');
    expect(codeOf(() => openIdentity(sealed, { ...expected, deviceId: 'another' }))).toBe('file:form_other_device');
  });

  it('cannot be sealed incomplete', () => {
    expect(() => sealIdentity({ ...identity, clientId: 'x' }, secret)).toThrow();
  });
});

it('names the file in the client’s language after the client, safe on every file system', () => {
  const at = Date.parse('2026-12-04T08:00:00Z');
  expect(formFileName('de', 'Müller-Lüdenscheidt', at)).toBe('Selbstauskunft-Müller-Lüdenscheidt-2026-12-04.pdf');
  expect(formFileName('en', 'von Bülow', at)).toBe('Self-assessment-von-Bülow-2026-12-04.pdf');
  expect(formFileName('de', '../../etc/passwd', at)).toBe('Selbstauskunft-etc-passwd-2026-12-04.pdf');
  expect(formFileName('de', '///', at)).toBe('Selbstauskunft-client-2026-12-04.pdf');
});

it('dates the file by the day in Germany, where it is made', () => {
  expect(formFileName('de', 'Weber', Date.parse('2026-12-04T23:30:00Z'))).toBe('Selbstauskunft-Weber-2026-12-05.pdf');
});
