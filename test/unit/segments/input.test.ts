// validateProfileInput guards every door into the engine: an unknown attribute
// or answer is refused by name with what would be allowed.
import { describe, expect, it } from 'vitest';
import { validateProfileInput } from '#core/segments/index.ts';

describe('validateProfileInput', () => {
  it('accepts a valid profile, drops nulls and repeated life events', () => {
    const check = validateProfileInput({ trust_anchor: 'self', tech_affinity: null, life_events: ['moving', 'moving'] });
    expect(check).toEqual({ ok: true, profile: { trust_anchor: 'self', life_events: ['moving'] } });
  });

  it('names an unknown attribute and lists the attributes', () => {
    const check = validateProfileInput({ shoe_size: '42' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problem).toMatchObject({ field: 'shoe_size', code: 'unknown_attribute' });
    expect(check.message).toContain('shoe_size');
    expect(check.message).toContain('purchase_driver, identity_expression');
  });

  it('names an unknown value, its attribute and the allowed values', () => {
    const check = validateProfileInput({ trust_anchor: 'horoscope' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problem).toMatchObject({ field: 'trust_anchor', code: 'unknown_value' });
    expect(check.message).toContain('"horoscope" is not a value of trust_anchor');
    expect(check.message).toContain('self, online_community, technology');
  });

  it('checks each life event, and wants a list', () => {
    const bad = validateProfileInput({ life_events: ['moving', 'lottery_win'] });
    expect(!bad.ok && bad.message).toContain('"lottery_win" is not a value of life_events');
    const notList = validateProfileInput({ life_events: 'moving' });
    expect(!notList.ok && notList.problem.field).toBe('life_events');
  });

  it('refuses what is not an object', () => {
    for (const x of [null, 'p1', 3, ['a']]) expect(validateProfileInput(x).ok).toBe(false);
  });
});
