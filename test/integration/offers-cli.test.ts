// The offers command as a manufacturer runs it (offers.md, "The offers
// command"): a real process on real files, with its options and exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aw-offers-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

type Offer = Record<string, unknown> & { offer: string; kind: string; argument: { style: string; text: string }; reasons: string[]; within_mandate: boolean };
type Element = { id: string; segment?: string | null; profiling?: boolean; notice?: string | null; offers?: Offer[]; error?: string };

/** Tests run under Node 24, so the command runs the way `npm run offers` runs it. */
function offers(...args: string[]) {
  const r = spawnSync(process.execPath, ['cli/offers.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as Element[] };
}

const example = {
  id: 'c1', profile: { purchase_driver: 'convenience', life_events: ['moving'] }, owned: ['liability_private'],
  consent: { profiling: true }, mandate: { budget_remaining: 60, areas: ['travel', 'mobility'], per_purchase_cap: 40 },
};
const noConsent = { id: 'c2', profile: { purchase_driver: 'identity', identity_expression: 'brand' }, owned: ['car'], consent: { profiling: false } };
const coBuyer = { id: 'c3', profile: { purchase_driver: 'add_on_value', purchase_occasion: 'durable_good', trust_anchor: 'pos_staff' }, consent: { profiling: true } };

describe('offers command', () => {
  it('prints one element per case, in input order, in offers.md\'s shape', () => {
    const r = offers(file('ok.json', [example, noConsent, coBuyer]));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.json();
    expect(out.map((e) => [e.id, e.segment])).toEqual([['c1', 'convenient_non_searcher'], ['c2', null], ['c3', 'passive_co_buyer']]);
    for (const e of out) {
      expect(Object.keys(e).sort()).toEqual(['id', 'notice', 'offers', 'profiling', 'segment']);
      expect(e.offers!.length).toBeGreaterThan(0);
      expect(e.offers!.length).toBeLessThanOrEqual(10);
      for (const o of e.offers!) {
        expect(['base', 'module', 'temporary', 'partner_service', 'bundle']).toContain(o.kind);
        expect(['price_performance', 'identity', 'convenience', 'add_on_choice']).toContain(o.argument.style);
        expect(typeof o.score).toBe('number');
        expect(Object.keys(o.breakdown as object).sort()).toEqual(['context', 'lever', 'propensity', 'value']);
        expect(typeof o.within_mandate).toBe('boolean');
      }
    }
    expect(out[0]!.offers![0]).toMatchObject({
      offer: 'bundle_moving', kind: 'bundle', items: ['partner_moving_company', 'furniture_transit', 'partner_hotel_night'],
      argument: { style: 'convenience' }, within_mandate: false,
    });
    expect(out[0]!.offers![0]!.reasons).toContain('life event: moving');
    expect(out[1]).toMatchObject({ profiling: false, notice: expect.stringContaining('No profiling consent') });
    expect(out[1]!.offers!.map((o) => o.offer)).not.toContain('car');
    expect(out[2]!.offers!.every((o) => o.argument.style === 'add_on_choice' && (o.variants as { id: string }[]).map((v) => v.id).join() === 'A,B,C')).toBe(true);
  });

  it('leaves out score, breakdown and margin with --audience client, in the same order', () => {
    const path = file('client.json', [example]);
    const advisor = offers(path).json()[0]!;
    const r = offers(path, '--audience', 'client');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/"(score|breakdown|value|margin_rate|lever|propensity)"/);
    // Nor any reason drawn from the segment, which the advisor's output does give.
    expect(offers(path).stdout).toMatch(/suits a convenient non-searcher/);
    expect(r.stdout).not.toMatch(/suits an? |non-searcher/);
    const client = r.json()[0]!;
    expect(client.offers!.map((o) => o.offer)).toEqual(advisor.offers!.map((o) => o.offer));
  });

  it('speaks German with --lang de', () => {
    const [e] = offers(file('de.json', [example]), '--lang', 'de').json();
    expect(e!.offers![0]!.reasons).toContain('Lebensereignis: Umzug');
    expect(e!.offers![0]!.argument.text).toMatch(/^Umzugspaket für den Umzug: .* zusammen für 1\.014,00\s€ einmalig\. Ein Ja genügt\.$/);
  });

  it('uses another catalogue with --catalog', () => {
    const seed = JSON.parse(readFileSync(join(ROOT, 'backend/seed/catalog.json'), 'utf8')) as { products: { id: string; margin_rate: number }[] };
    for (const p of seed.products) p.margin_rate = p.id === 'ebike' ? 1 : 0.01;
    const [e] = offers(file('cases-nc.json', [{ id: 'n', consent: { profiling: false } }]), '--catalog', file('margins.json', seed)).json();
    expect(e!.offers![0]!.offer).toBe('ebike');
  });

  it('refuses a bad case by name, ranks the others, exits 1', () => {
    const r = offers(file('bad.json', [example, { id: 'x1', profile: { trust_anchor: 'horoscope' } }, { id: 'x2', owned: ['yacht'] }, 'c4', noConsent]));
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.map((e) => e.id)).toEqual(['c1', 'x1', 'x2', null, 'c2']);
    expect(out[1]).toEqual({ id: 'x1', error: expect.stringContaining('"horoscope" is not a value of trust_anchor: use one of self, online_community') });
    expect(out[2]!.error).toMatch(/^owned: "yacht" is not a product of the catalogue: use one of liability_private/);
    expect(out[3]!.error).toMatch(/^not a case/);
    expect(out[0]!.offers!.length).toBeGreaterThan(0);
    expect(out[4]!.offers!.length).toBeGreaterThan(0);
  });

  it.each<[string, () => string[], RegExp]>([
    ['a file that is not a JSON array', () => [file('object.json', { id: 'c1' })], /^offers: .*object\.json is not a JSON array: give an array of cases/],
    ['a file that is not JSON', () => [file('broken.json', '[{"id": ')], /^offers: cases file .*broken\.json is not valid JSON/],
    ['a missing file', () => [join(dir, 'nope.json')], /^offers: cannot read cases file .*nope\.json: no such file/],
    ['a catalogue that is not a catalogue', () => [file('c.json', [example]), '--catalog', file('bad-catalog.json', { products: [] })], /^offers: catalogue .*bad-catalog\.json is not a valid catalogue file: manufacturer is missing \(and \d+ more problems\)/],
    ['a missing catalogue', () => [file('c.json', [example]), '--catalog', join(dir, 'none.json')], /^offers: cannot read catalogue .*none\.json: no such file/],
    ['an unknown audience', () => [file('c.json', [example]), '--audience', 'public'], /^offers: --audience must be advisor or client, not "public"/],
    ['an unknown language', () => [file('c.json', [example]), '--lang', 'fr'], /^offers: --lang must be en or de/],
    ['no file at all', () => [], /^offers: usage: npm run --silent offers -- FILE/],
  ])('exits 2 with one line on %s', (_, args, message) => {
    const r = offers(...args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints an empty array for an empty file of cases', () => {
    const r = offers(file('empty.json', []));
    expect(r.code).toBe(0);
    expect(r.json()).toEqual([]);
  });
});
