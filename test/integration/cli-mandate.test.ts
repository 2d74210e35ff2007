// The mandate command as a manufacturer runs it (coach.md, "The mandate
// command"): a real process on real files, amounts in euros, exit codes 0/1/2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aw-mandate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

type Element = Record<string, unknown> & { id: unknown; error?: string };

/** Tests run under Node 24, so the command runs the way `npm run mandate` runs it. */
function mandate(...args: string[]) {
  const r = spawnSync(process.execPath, ['cli/mandate.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as Element[] };
}

/** coach.md's example case, word for word. */
const example = {
  id: 'm1',
  mandate: { budget: 100, period: 'month', areas: ['travel'], per_purchase_cap: 60, valid_from: '2027-01-01', valid_until: null, revoked_at: null },
  purchases: [{ items: ['travel_cancellation'], at: '2027-03-02' }],
  attempt: { items: ['travel_health_abroad'], at: '2027-03-20', days: 1, single_consent: false },
};
type Case = typeof example;
const variant = (id: string, change: (c: Case) => void): Case => {
  const c = structuredClone(example);
  c.id = id;
  change(c);
  return c;
};

describe('mandate command', () => {
  it('gives coach.md\'s example exactly the documented output', () => {
    const r = mandate(file('example.json', [example]));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('[\n{"id":"m1","decision":"allowed","reason":null,"price":12,"charge":12,'
      + '"period":{"from":"2027-03-01","to":"2027-03-31"},"spent_before":34,"remaining_after":54}\n]\n');
  });

  it('answers every case in input order, in euros', () => {
    const cases = [
      variant('consent', (c) => { c.attempt.items = ['building']; }),
      variant('consented', (c) => { c.attempt.items = ['building']; c.attempt.single_consent = true; }),
      variant('budget', (c) => { c.mandate.budget = 45.99; }),
      variant('unknown', (c) => { c.attempt.items = ['yacht']; }),
      variant('bundle', (c) => { c.purchases = []; c.attempt.items = ['bundle_trip']; }),
      variant('year', (c) => {
        Object.assign(c.mandate, { period: 'year', areas: ['electronics'], budget: 200 });
        c.purchases = [];
        c.attempt.items = ['device_protection'];
        c.attempt.at = '2027-02-01';
      }),
      variant('revoked', (c) => { (c.mandate as Record<string, unknown>).revoked_at = '2027-03-20'; }),
    ];
    const r = mandate(file('cases.json', cases));
    expect(r.code).toBe(0);
    const march = { from: '2027-03-01', to: '2027-03-31' };
    expect(r.json()).toEqual([
      { id: 'consent', decision: 'needs_consent', reason: 'complex_product', price: 39, charge: 0, period: march, spent_before: 34, remaining_after: 66 },
      { id: 'consented', decision: 'allowed', reason: null, price: 39, charge: 0, period: march, spent_before: 34, remaining_after: 66 },
      { id: 'budget', decision: 'refused', reason: 'over_budget', price: 12, charge: 12, period: march, spent_before: 34, remaining_after: 11.99 },
      { id: 'unknown', decision: 'refused', reason: 'unknown_product', price: null, charge: null, period: null, spent_before: null, remaining_after: null },
      { id: 'bundle', decision: 'allowed', reason: null, price: 46, charge: 46, period: march, spent_before: 0, remaining_after: 54 },
      // €5.99 a month from February to December.
      { id: 'year', decision: 'allowed', reason: null, price: 5.99, charge: 65.89, period: { from: '2027-01-01', to: '2027-12-31' }, spent_before: 0, remaining_after: 134.11 },
      { id: 'revoked', decision: 'refused', reason: 'revoked', price: 12, charge: 12, period: march, spent_before: 34, remaining_after: 66 },
    ]);
  });

  it('takes a revocation as a moment, on its day in Berlin', () => {
    // 23:30 UTC on the 19th is already the 20th in Berlin.
    const late = variant('late', (c) => { (c.mandate as Record<string, unknown>).revoked_at = '2027-03-19T23:30:00Z'; });
    const early = variant('early', (c) => { (c.mandate as Record<string, unknown>).revoked_at = '2027-03-20T23:30:00Z'; });
    const r = mandate(file('moments.json', [late, early]));
    expect(r.json().map((e) => e.reason)).toEqual(['revoked', null]);
  });

  it('refuses a bad case by name, answers the others, exits 1', () => {
    const bad: [unknown, RegExp][] = [
      [variant('x1', (c) => { (c as Record<string, unknown>).coach = 'Meier'; }), /^unknown field "coach": use id, mandate, purchases, attempt$/],
      [variant('x2', (c) => { (c.mandate as Record<string, unknown>).budget_remaining = 60; }), /^mandate has an unknown field "budget_remaining": use budget, period/],
      [variant('x3', (c) => { c.attempt.at = '2027-02-30'; }), /^attempt\.at must be a date like 2027-03-20, not "2027-02-30"$/],
      [variant('x4', (c) => { c.mandate.valid_from = '01.01.2027'; }), /^mandate\.valid_from must be a date like 2027-03-20/],
      [variant('x5', (c) => { c.attempt.days = 0; }), /^attempt\.days must be a whole number of at least 1, like 3, not 0$/],
      [variant('x6', (c) => { c.attempt.days = 1.5; }), /^attempt\.days must be a whole number of at least 1/],
      [variant('x7', (c) => { c.attempt.items = []; }), /^attempt\.items may not be empty: name what is bought/],
      [variant('x8', (c) => { delete (c.mandate as Record<string, unknown>).budget; }), /^mandate\.budget is missing: give it, like \{"budget": 100/],
      [variant('x9', (c) => { delete (c as Record<string, unknown>).attempt; }), /^attempt is missing/],
      [variant('x10', (c) => { c.purchases[0]!.items = ['yacht']; }), /^purchases\[0\]\.items: "yacht" is not a product or bundle of the catalogue/],
      [variant('x11', (c) => { c.mandate.period = 'week'; }), /^mandate\.period must be one of month, quarter, year, not "week"$/],
      [variant('x12', (c) => { c.mandate.areas = ['pets']; }), /^mandate\.areas: "pets" is not an area of the catalogue: use one of liability, household/],
      [variant('x13', (c) => { c.mandate.per_purchase_cap = -5; }), /^mandate\.per_purchase_cap must be an amount in euros, 0 or more, like 60, not -5$/],
      [variant('x14', (c) => { (c.attempt as Record<string, unknown>).single_consent = 'yes'; }), /^attempt\.single_consent must be true or false$/],
      [variant('x15', (c) => { (c.purchases[0] as Record<string, unknown>).price = 34; }), /^purchases\[0\] has an unknown field "price": use items, at, days, single_consent$/],
      [variant('x16', (c) => { c.mandate.areas = []; }), /^mandate\.areas may not be empty/],
      [variant('x17', (c) => { (c.mandate as Record<string, unknown>).revoked_at = 'yesterday'; }), /^mandate\.revoked_at must be a date like 2027-03-20 \(or a moment/],
    ];
    const r = mandate(file('bad.json', [example, ...bad.map(([c]) => c), 'm2', { mandate: example.mandate }]));
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.map((e) => e.id)).toEqual(['m1', ...bad.map((_, i) => `x${i + 1}`), null, null]);
    expect(out[0]).toMatchObject({ decision: 'allowed', remaining_after: 54 });
    bad.forEach(([, message], i) => {
      expect(Object.keys(out[i + 1]!)).toEqual(['id', 'error']);
      expect(out[i + 1]!.error).toMatch(message);
    });
    expect(out.at(-2)!.error).toMatch(/^not a case: each element must be an object like \{"id": "m1", "mandate": /);
    expect(out.at(-1)!.error).toBe('id is missing: give every case a text or number "id"');
  });

  it('takes a mandate without valid_until and revoked_at, and a case without earlier purchases', () => {
    const c = { id: 7, mandate: { budget: 100, period: 'quarter', areas: ['mobility'], per_purchase_cap: 60, valid_from: '2027-01-01' }, attempt: { items: ['ebike'], at: '2027-02-10' } };
    const r = mandate(file('short.json', [c]));
    expect(r.code).toBe(0);
    expect(r.json()).toEqual([{ id: 7, decision: 'allowed', reason: null, price: 7.9, charge: 15.8, period: { from: '2027-01-01', to: '2027-03-31' }, spent_before: 0, remaining_after: 84.2 }]);
  });

  it('uses another catalogue with --catalog', () => {
    const seed = JSON.parse(readFileSync(join(ROOT, 'backend/seed/catalog.json'), 'utf8')) as { products: { id: string; price: { amount: number } }[] };
    seed.products.find((p) => p.id === 'travel_health_abroad')!.price.amount = 70;
    const [e] = mandate(file('cases-cat.json', [example]), '--catalog', file('dear.json', seed)).json();
    expect(e).toMatchObject({ id: 'm1', decision: 'refused', reason: 'over_cap', price: 70 });
  });

  it.each<[string, () => string[], RegExp]>([
    ['a file that is not a JSON array', () => [file('object.json', example)], /^mandate: .*object\.json is not a JSON array: give an array of cases like \[\{"id": "m1", "mandate"/],
    ['a file that is not JSON', () => [file('broken.json', '[{"id": ')], /^mandate: cases file .*broken\.json is not valid JSON/],
    ['a missing file', () => [join(dir, 'nope.json')], /^mandate: cannot read cases file .*nope\.json: no such file/],
    ['a catalogue that is not a catalogue', () => [file('c.json', [example]), '--catalog', file('bad-catalog.json', { products: [] })], /^mandate: catalogue .*bad-catalog\.json is not a valid catalogue file/],
    ['an unknown option', () => [file('c.json', [example]), '--lang', 'de'], /^mandate: Unknown option '--lang'.*usage: npm run --silent mandate -- FILE \[--catalog PATH\]/],
    ['no file at all', () => [], /^mandate: usage: npm run --silent mandate -- FILE/],
  ])('exits 2 with one line on %s', (_, args, message) => {
    const r = mandate(...args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints an empty array for an empty file of cases', () => {
    const r = mandate(file('empty.json', []));
    expect(r.code).toBe(0);
    expect(r.json()).toEqual([]);
  });

  it('runs as the npm script the README names', () => {
    const r = spawnSync('npm', ['run', '--silent', 'mandate', '--', file('npm.json', [example])], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ id: 'm1', remaining_after: 54 })]);
  });
});
