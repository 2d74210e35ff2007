// A case from outside is refused by name, with what is allowed, never guessed at.
import { describe, expect, it } from 'vitest';
import { validateOfferCase } from '#core/offers/index.ts';
import { DEMO } from './fixtures.ts';

const check = (input: unknown) => validateOfferCase(input, DEMO);
const error = (input: unknown) => { const r = check(input); return r.ok ? null : r.message; };

describe('validateOfferCase', () => {
  it('accepts offers.md\'s example case', () => {
    const r = check({
      id: 'c1', profile: { purchase_driver: 'convenience', life_events: ['moving'] }, owned: ['liability_private'],
      consent: { profiling: true }, mandate: { budget_remaining: 60, areas: ['travel', 'mobility'], per_purchase_cap: 40 },
    });
    expect(r).toEqual({ ok: true, case: {
      id: 'c1', profile: { purchase_driver: 'convenience', life_events: ['moving'] }, owned: ['liability_private'],
      consent: { profiling: true }, mandate: { budget_remaining: 60, areas: ['travel', 'mobility'], per_purchase_cap: 40 }, context: {},
    } });
  });

  it('takes a missing consent as none, and an explicit segment or null', () => {
    expect(check({ id: 1 })).toMatchObject({ ok: true, case: { consent: { profiling: false }, owned: [], mandate: null } });
    expect(check({ id: 1, segment: null })).toMatchObject({ ok: true, case: { segment: null } });
    expect(check({ id: 1, segment: 'passive_co_buyer', context: { at_point_of_sale: true } })).toMatchObject({ ok: true, case: { segment: 'passive_co_buyer', context: { at_point_of_sale: true } } });
  });

  it.each<[string, unknown, string | RegExp]>([
    ['not an object', 'c1', /^not a case/],
    ['no id', { profile: {} }, /^id is missing/],
    ['an unknown field', { id: 'x', wishes: [] }, 'unknown field "wishes": use id, profile, owned, consent, mandate, segment, context'],
    ['an unknown attribute', { id: 'x', profile: { shoe_size: 42 } }, /^profile: unknown profile attribute "shoe_size": use one of purchase_driver/],
    ['an unknown value', { id: 'x', profile: { trust_anchor: 'horoscope' } }, /^profile: "horoscope" is not a value of trust_anchor: use one of self, /],
    ['an unknown product', { id: 'x', owned: ['yacht'] }, /^owned: "yacht" is not a product of the catalogue: use one of liability_private, liability_drone, /],
    ['owned not a list', { id: 'x', owned: 'car' }, /^owned must be a list of product ids/],
    ['a bad consent', { id: 'x', consent: { profiling: 'yes' } }, /^consent must be \{"profiling": true\}/],
    ['an unknown mandate area', { id: 'x', mandate: { budget_remaining: 1, areas: ['space'], per_purchase_cap: 1 } }, /^mandate.areas: "space" is not an area of the catalogue: use one of liability, household/],
    ['a negative amount', { id: 'x', mandate: { budget_remaining: -1, areas: ['travel'], per_purchase_cap: 1 } }, /^mandate.budget_remaining must be an amount in euros/],
    ['cents instead of euros, by field name', { id: 'x', mandate: { budgetCents: 100, areas: ['travel'], per_purchase_cap: 1 } }, /^mandate has an unknown field "budgetCents"/],
    ['an unknown segment', { id: 'x', segment: 'vip' }, /^segment: "vip" is not a segment: use one of cautious_self_searcher, .* or null/],
    ['a bad context', { id: 'x', context: { at_point_of_sale: 'yes' } }, 'context.at_point_of_sale must be true or false'],
  ])('refuses %s', (_, input, message) => {
    const m = error(input);
    if (typeof message === 'string') expect(m).toBe(message); else expect(m).toMatch(message);
  });

  it('keeps the id of a refused case so the output can say which one', () => {
    expect(check({ id: 'c9', owned: ['yacht'] })).toMatchObject({ ok: false, id: 'c9' });
  });
});
