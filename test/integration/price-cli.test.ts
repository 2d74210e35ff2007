// The price command as a manufacturer runs it (retail.md, "The price
// command"): a real process on real files, euros in and out, exit codes 0/1/2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aw-price-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

type Element = Record<string, unknown> & { id: unknown; error?: string };

function price(...args: string[]) {
  const r = spawnSync(process.execPath, ['cli/price.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as Element[] };
}

/** retail.md's example, word for word. */
const example = {
  id: 'p1', retailer: 'retailer_oeko_haus', product: 'green_household',
  range: { proposed: 12.4, floor: 11.2, ceiling: 14.9, valid_until: '2027-06-30' },
  chosen: 13.5, reason: 'client_value', at: '2027-03-01',
};
const like = (id: string, change: Record<string, unknown>) => ({ ...example, id, ...change });

describe('npm run price', () => {
  it("answers retail.md's example exactly as it prints it", () => {
    const r = price(file('example.json', [example]));
    expect(r.code).toBe(0);
    expect(r.json()).toEqual([{ id: 'p1', decision: 'within_range', code: null, deviation: 1.1 }]);
  });

  it('decides every rule, in input order', () => {
    const r = price(file('rules.json', [
      like('proposed-late', { chosen: 12.4, reason: undefined, at: '2028-01-01' }),
      like('no-reason', { chosen: 13.5, reason: undefined }),
      like('other-no-text', { reason: 'other' }),
      like('other-text', { reason: 'other', reason_text: 'wie im Onlineshop' }),
      like('floor', { chosen: 11.2, reason: 'competition' }),
      like('below', { chosen: 11.19, reason: 'competition' }),
      like('above', { chosen: 15, reason: 'loyalty' }),
      like('expired', { at: '2027-07-01' }),
    ]));
    expect(r.code).toBe(0);
    expect(r.json()).toEqual([
      { id: 'proposed-late', decision: 'proposed', code: null, deviation: 0 },
      { id: 'no-reason', decision: 'refused', code: 'reason_required', deviation: 1.1 },
      { id: 'other-no-text', decision: 'refused', code: 'reason_required', deviation: 1.1 },
      { id: 'other-text', decision: 'within_range', code: null, deviation: 1.1 },
      { id: 'floor', decision: 'within_range', code: null, deviation: -1.2 },
      { id: 'below', decision: 'needs_approval', code: null, deviation: -1.21 },
      { id: 'above', decision: 'needs_approval', code: null, deviation: 2.6 },
      { id: 'expired', decision: 'needs_approval', code: null, deviation: 1.1 },
    ]);
  });

  it("takes the retailer's range from the catalogue when the case gives none, else the list price", () => {
    const catalogue = JSON.parse(readFileSync(join(ROOT, 'backend/seed/catalog.json'), 'utf8'));
    catalogue.retailer_price_ranges = [{ retailer: 'retailer_a', product: 'liability_private', proposed: 7, floor: 6, ceiling: 8, valid_until: '2027-12-31' }];
    const path = file('catalog.json', catalogue);
    const base = { retailer: 'retailer_a', product: 'liability_private', at: '2027-03-01' };
    const r = price(file('from-catalogue.json', [
      { id: 'granted', ...base, chosen: 7.5, reason: 'bundle' },
      { id: 'other-retailer', ...base, retailer: 'retailer_b', chosen: 7.5, reason: 'bundle' },
      { id: 'list', ...base, retailer: 'retailer_b', chosen: 6.9 },
    ]), '--catalog', path);
    expect(r.json()).toEqual([
      { id: 'granted', decision: 'within_range', code: null, deviation: 0.5 },
      // retailer_b has no range: the list price (6.90) is floor, proposal and ceiling.
      { id: 'other-retailer', decision: 'needs_approval', code: null, deviation: 0.6 },
      { id: 'list', decision: 'proposed', code: null, deviation: 0 },
    ]);
  });

  it('answers bad input per case with what is wrong, the others still decided, exit 1', () => {
    const r = price(file('bad.json', [
      like('zero', { chosen: 0 }),
      like('negative', { chosen: -3 }),
      like('text', { chosen: '13,50' }),
      like('unknown-reason', { reason: 'cheaper' }),
      like('range-upside-down', { range: { proposed: 12, floor: 14, ceiling: 11, valid_until: '2027-06-30' } }),
      like('no-date', { at: '1.3.2027' }),
      like('extra', { discount: 5 }),
      { retailer: 'r', product: 'p', chosen: 1, at: '2027-03-01' },
      example,
    ]));
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.map((e) => e.id)).toEqual(['zero', 'negative', 'text', 'unknown-reason', 'range-upside-down', 'no-date', 'extra', null, 'p1']);
    expect(out[0]!.error).toMatch(/chosen must be above zero/);
    expect(out[1]!.error).toMatch(/above zero/);
    expect(out[2]!.error).toMatch(/chosen must be a price in euros, like 13.5, not "13,50"/);
    expect(out[3]!.error).toMatch(/reason must be one of client_value, competition, loyalty, bundle, other/);
    expect(out[4]!.error).toMatch(/floor .* above range.ceiling/);
    expect(out[5]!.error).toMatch(/at must be a date like/);
    expect(out[6]!.error).toMatch(/unknown field "discount"/);
    expect(out[7]!.error).toMatch(/id is missing/);
    expect(out[8]).toEqual({ id: 'p1', decision: 'within_range', code: null, deviation: 1.1 });
  });

  it('exits 2 with one line for a file that is not an array, or is missing', () => {
    const notArray = price(file('object.json', example));
    expect(notArray.code).toBe(2);
    expect(notArray.stderr.trim().split('\n')).toHaveLength(1);
    expect(notArray.stderr).toMatch(/^price: .* is not a JSON array/);
    expect(price(join(dir, 'missing.json')).stderr).toMatch(/no such file/);
    expect(price().code).toBe(2);
  });
});
