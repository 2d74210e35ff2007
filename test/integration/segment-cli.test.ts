// The segment command as a manufacturer runs it (profile.md, "The segment
// command"): a real process on real files, JSON and CSV, with its exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aw-segment-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

type Element = {
  id: string; primary: string; confidence: number; error?: string; ask_next: string | null;
  ranking: { segment: string; score: number; reasons: string[] }[];
  situational: { segment: string; when: string }[];
  migration: { to: string; because: string }[];
};

/** Tests run under Node 24, so the command runs the way `npm run segment` runs it. */
function segment(...args: string[]) {
  const r = spawnSync(process.execPath, ['cli/segment.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as Element[] };
}

const advisorClient = { id: 'p1', purchase_driver: 'price_for_quality', trust_anchor: 'personal_advisor', data_sharing: 'on_request', activity_level: 'high', preferred_channel: 'advisor_meeting' };
const coachClient = {
  id: 'p2', purchase_driver: 'price_for_quality', identity_expression: 'none', trust_anchor: 'life_coach', data_sharing: 'full', activity_level: 'low',
  tech_affinity: 'high', preferred_channel: 'life_coach', assistant_app: 'installed_on_advice', life_events: ['time_scarce'], purchase_occasion: 'none', product_complexity: 'complex',
};
const assistantClient = { id: 'p3', purchase_driver: 'convenience', trust_anchor: 'technology', assistant_app: 'installed_self', life_events: ['income_rising', 'moving'] };

describe('segment command on JSON', () => {
  it('prints one element per profile, in input order, in the specified shape', () => {
    const r = segment(file('ok.json', [advisorClient, coachClient, assistantClient]));
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.map((e) => e.id)).toEqual(['p1', 'p2', 'p3']);
    expect(out.map((e) => e.primary)).toEqual(['conscious_purchase_seeker', 'responsibility_delegator', 'convenient_non_searcher']);
    for (const e of out) {
      expect(Object.keys(e).sort()).toEqual(['ask_next', 'confidence', 'id', 'migration', 'primary', 'ranking', 'situational']);
      expect(e.confidence).toBeGreaterThanOrEqual(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
      expect(e.ranking).toHaveLength(9);
      expect(e.ranking[0]!.segment).toBe(e.primary);
      for (const s of e.ranking) {
        expect(Object.keys(s).sort()).toEqual(['reasons', 'score', 'segment']);
        expect(s.reasons.every((x) => typeof x === 'string')).toBe(true);
      }
    }
    expect(out[0]!.ranking[0]!.reasons).toContain('trusts a personal advisor');
    expect(out[0]!.situational).toEqual([{ segment: 'cautious_self_searcher', when: expect.stringContaining('simple products') }]);
    expect(out[1]!.ask_next).toBeNull();
    expect(out[2]!.migration).toEqual([{ to: 'responsibility_delegator', because: 'income is rising' }]);
    expect(typeof out[2]!.ask_next).toBe('string');
  });

  it('gives German texts with --lang de', () => {
    const [e] = segment(file('de.json', [assistantClient]), '--lang', 'de').json();
    expect(e!.ranking[0]!.reasons).toContain('vertraut einem digitalen Assistenten');
    expect(e!.migration[0]!.because).toBe('das Einkommen steigt');
    expect(e!.situational[0]!.when).toContain('Verein');
  });

  it('refuses a profile with an unknown value or attribute by name, ranks the others, exits 1', () => {
    const r = segment(file('bad-value.json', [advisorClient, { id: 'x1', trust_anchor: 'horoscope' }, { id: 'x2', shoe_size: 42 }, coachClient]));
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.map((e) => e.id)).toEqual(['p1', 'x1', 'x2', 'p2']);
    expect(out[1]).toEqual({ id: 'x1', error: expect.stringContaining('"horoscope" is not a value of trust_anchor: use one of self, online_community') });
    expect(out[2]!.error).toContain('unknown profile attribute "shoe_size"');
    expect(out[0]!.primary).toBe('conscious_purchase_seeker');
    expect(out[3]!.primary).toBe('responsibility_delegator');
  });

  it('exits 2 with one line when the file is not a JSON array', () => {
    for (const content of ['{"id": "p1"}', '[{"id": "p1"']) {
      const r = segment(file('not-array.json', content));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('not-array.json');
    }
  });

  it('exits 2 with a clear message when the file is missing', () => {
    const r = segment(join(dir, 'nowhere.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^segment: cannot read .*nowhere\.json: no such file\n$/);
  });

  it('runs as the npm script the manufacturer is told to use', () => {
    const r = spawnSync('npm', ['run', '--silent', 'segment', '--', file('npm.json', [advisorClient])], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0].primary).toBe('conscious_purchase_seeker');
  });
});

describe('segment command on CSV', () => {
  const header = 'id,purchase_driver,identity_expression,trust_anchor,data_sharing,activity_level,tech_affinity,preferred_channel,assistant_app,life_events,purchase_occasion,product_complexity';
  it('reads one column per attribute, life events split by |, an empty cell as not answered', () => {
    const csv = [
      header,
      'p2,price_for_quality,none,life_coach,full,low,high,life_coach,installed_on_advice,time_scarce,none,complex',
      'p3,convenience,,technology,,,,,installed_self,income_rising|moving,,',
      '"p,4",price_for_quality,,personal_advisor,on_request,high,,advisor_meeting,,,,',
    ].join('\r\n');
    const r = segment('--csv', file('export.csv', csv));
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.map((e) => e.id)).toEqual(['p2', 'p3', 'p,4']);
    // The same profiles as JSON give the same answer.
    const fromJson = segment(file('same.json', [coachClient, assistantClient, { ...advisorClient, id: 'p,4' }])).json();
    expect(out).toEqual(fromJson);
  });

  it('refuses an unknown column or value per row and exits 1', () => {
    const r = segment('--csv', file('bad.csv', 'id,trust_anchor,mood\nc1,self,\nc2,self,happy\nc3,oracle,\n'));
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out[0]!.primary).toBe('cautious_self_searcher');
    expect(out[1]!.error).toContain('"mood"');
    expect(out[2]!.error).toContain('"oracle" is not a value of trust_anchor');
  });
});
