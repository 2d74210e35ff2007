// The alerts command as a manufacturer runs it (coach.md, "The alerts
// command"): a real process on real files, with its options and exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aw-alerts-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

type Alert = {
  signal: string; event: string; urgent: boolean; reaction: string; offers: string[]; evidence: string[];
  argument: { style: string; text: string } | null; conclusion: string;
};
type Element = { id: unknown; alerts?: Alert[]; dropped?: { signal: string; reason: string; merged_into?: string }[]; error?: string };

/** Tests run under Node 24, so the command runs the way `npm run alerts` runs it. */
function alerts(...args: string[]) {
  const r = spawnSync(process.execPath, ['cli/alerts.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as Element[] };
}

/** coach.md's example, as it stands there. */
const example = {
  id: 'k1', now: '2027-03-01T09:00:00Z',
  signals: [{ id: 's1', kind: 'moving', observed_at: '2027-02-27T18:00:00Z', event_date: '2027-03-10', confidence: 0.8, evidence: 'three removal quotes in the mailbox' }],
  client: {
    name: 'Weber', profile: { purchase_driver: 'convenience' }, owned: ['liability_private'],
    consent: { assistant_data: true, contact: true, profiling: true },
    mandate: { budget_remaining: 60, areas: ['travel', 'mobility'], per_purchase_cap: 40 },
    rejected_events: [{ event: 'new_car', at: '2027-01-05' }],
    open_alerts: [{ event: 'travel_planned', created_at: '2027-02-20', signal: 's0' }],
  },
};

const sig = (id: string, kind: string, patch: Record<string, unknown> = {}) => ({
  id, kind, observed_at: '2027-02-28T08:00:00+01:00', confidence: 0.9, evidence: `evidence of ${id}`, ...patch,
});

/** Every rule at once: a trip merged into the open alert, a rejected car, two moves, and the rest dropped. */
const busy = {
  ...example, id: 'k2',
  signals: [
    sig('t1', 'travel_planned'), sig('c1', 'new_car'), sig('m2', 'moving', { observed_at: '2027-02-28T10:00:00Z', event_date: '2027-04-30' }),
    sig('low', 'new_job', { confidence: 0.59 }), sig('old', 'new_job', { observed_at: '2026-11-30T09:00:00Z' }), sig('x', 'hobby'),
    sig('m1', 'moving', { observed_at: '2027-02-20T10:00:00Z' }), sig('j1', 'new_job', { observed_at: '2027-02-28T12:00:00Z' }),
  ],
};
const noContact = { ...example, id: 'k3', client: { name: 'Klaus', consent: { assistant_data: true } } };
const noConsent = { ...example, id: 'k4', client: { ...example.client, consent: { contact: true, profiling: true } } };

describe('alerts command', () => {
  it('answers coach.md\'s example', () => {
    const r = alerts(file('example.json', [example]));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const [e] = r.json();
    expect(Object.keys(e!)).toEqual(['id', 'alerts', 'dropped']);
    expect(e!.dropped).toEqual([]);
    expect(e!.alerts).toHaveLength(1);
    const a = e!.alerts![0]!;
    expect(Object.keys(a)).toEqual(['signal', 'event', 'urgent', 'reaction', 'offers', 'evidence', 'argument', 'conclusion']);
    expect(a).toMatchObject({
      signal: 's1', event: 'moving', urgent: true, reaction: 'propose', evidence: ['three removal quotes in the mailbox'],
      argument: { style: 'convenience' }, conclusion: 'Weber is probably moving',
    });
    // The offer engine's three best offers for a move, the moving bundle first (core/offers; see README, "alerts").
    expect(a.offers).toEqual(['bundle_moving', 'legal_protection', 'car_short_term']);
    expect(a.argument!.text).toMatch(/^Moving bundle for the move: .*€1,014\.00 one-off; one yes is all it takes\.$/);
  });

  it('applies every rule in one batch, alerts newest first, the dropped in input order', () => {
    const [e] = alerts(file('busy.json', [busy])).json();
    expect(e!.alerts!.map((a) => [a.signal, a.event, a.urgent, a.evidence])).toEqual([
      ['j1', 'new_job', false, ['evidence of j1']],
      ['m1', 'moving', false, ['evidence of m1', 'evidence of m2']],
    ]);
    expect(e!.dropped).toEqual([
      { signal: 't1', reason: 'duplicate', merged_into: 's0' },
      { signal: 'c1', reason: 'rejected_by_client' },
      { signal: 'm2', reason: 'duplicate', merged_into: 'm1' },
      { signal: 'low', reason: 'low_confidence' },
      { signal: 'old', reason: 'stale' },
      { signal: 'x', reason: 'unknown_kind' },
    ]);
  });

  it('suggests only a note without contact consent, and drops all without consent for assistant data', () => {
    const [a, b] = alerts(file('consents.json', [noContact, noConsent])).json();
    expect(a!.alerts![0]).toMatchObject({ reaction: 'note_only', conclusion: 'Klaus is probably moving' });
    expect(a!.alerts![0]!.offers[0]).toBe('bundle_moving');
    expect(b).toEqual({ id: 'k4', alerts: [], dropped: [{ signal: 's1', reason: 'no_consent' }] });
  });

  it('speaks German with --lang de, deciding the same', () => {
    const en = alerts(file('en.json', [example])).json()[0]!.alerts![0]!;
    const [e] = alerts(file('de.json', [example]), '--lang', 'de').json();
    const a = e!.alerts![0]!;
    expect(a.conclusion).toBe('Weber zieht wahrscheinlich um');
    expect(a.argument!.text).toMatch(/^Umzugspaket für den Umzug: .* zusammen für 1\.014,00\s€ einmalig\. Ein Ja genügt\.$/);
    expect({ ...a, conclusion: '', argument: null }).toEqual({ ...en, conclusion: '', argument: null });
  });

  it('uses another catalogue with --catalog', () => {
    const seed = JSON.parse(readFileSync(join(ROOT, 'backend/seed/catalog.json'), 'utf8')) as { bundles: unknown[] };
    seed.bundles = [];
    const [e] = alerts(file('cases-c.json', [example]), '--catalog', file('no-bundles.json', seed)).json();
    expect(e!.alerts![0]!.offers).not.toContain('bundle_moving');
    expect(e!.alerts![0]!.offers).toHaveLength(3);
  });

  it('refuses bad cases by name, answers the others, exits 1', () => {
    const s = example.signals[0]!;
    const bad = (id: string, patch: Record<string, unknown>) => ({ ...example, id, ...patch });
    const cases = [
      example,
      bad('x1', { signals: [{ ...s, certainty: 1 }] }),
      bad('x2', { signals: [{ ...s, observed_at: '2027-02-27 18:00' }] }),
      bad('x3', { signals: [{ ...s, event_date: '2027-02-30' }] }),
      bad('x4', { signals: [{ ...s, confidence: 1.5 }] }),
      bad('x5', { now: '2027-03-01' }),
      bad('x6', { client: { ...example.client, rejected_events: [{ event: 'moving', at: '01.03.2027' }] } }),
      bad('x7', { client: { ...example.client, consent: { assistant_data: 'yes' } } }),
      bad('x8', { client: { ...example.client, open_alerts: [{ event: 'party', created_at: '2027-02-01', signal: 's0' }] } }),
      bad('x9', { signals: [s, s] }),
      bad('x10', { urgent: true }),
      bad('x11', { client: { ...example.client, owned: ['yacht'] } }),
      bad('x12', { client: { ...example.client, name: '' } }),
      bad('x13', { signals: [{ ...s, confidence: undefined }] }),
      'k5',
    ];
    const r = alerts(file('bad.json', cases));
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.map((e) => e.id)).toEqual(['k1', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9', 'x10', 'x11', 'x12', 'x13', null]);
    expect(out[0]!.alerts).toHaveLength(1);
    expect(out.slice(1).map((e) => e.error)).toEqual([
      'signal "s1" has an unknown field "certainty": use id, kind, observed_at, event_date, confidence, evidence',
      'signal "s1": observed_at must be a date-time with its offset, like 2027-02-27T18:00:00Z or 2027-02-27T19:00:00+01:00, not "2027-02-27 18:00"',
      'signal "s1": event_date must be an existing day like 2027-03-10, not "2027-02-30"',
      'signal "s1": confidence must be from 0 to 1, not 1.5',
      'now must be a date-time with its offset, like 2027-03-01T09:00:00Z, not "2027-03-01"',
      'client.rejected_events[0].at must be an existing day like 2027-01-05, not "01.03.2027"',
      'client.consent.assistant_data must be true or false',
      expect.stringMatching(/^client\.open_alerts\[0\]\.event: "party" is not a life event: use one of income_rising, time_scarce, .*child_starts_school$/),
      'signals: the id "s1" is given twice: every signal has its own id',
      'unknown field "urgent": use id, now, signals, client',
      expect.stringMatching(/^client\.owned: "yacht" is not a product of the catalogue: use one of liability_private, /),
      'client.name must be how the coach calls the client, like "Weber" (at most 200 characters)',
      'signal "s1": confidence is missing: it must be a number from 0 to 1',
      expect.stringMatching(/^not a case: each element must be an object like/),
    ]);
  });

  it.each<[string, () => string[], RegExp]>([
    ['a file that is not a JSON array', () => [file('object.json', example)], /^alerts: .*object\.json is not a JSON array: give an array of cases like \[\{"id": "k1", "now"/],
    ['a file that is not JSON', () => [file('broken.json', '[{"id": ')], /^alerts: cases file .*broken\.json is not valid JSON/],
    ['a missing file', () => [join(dir, 'nope.json')], /^alerts: cannot read cases file .*nope\.json: no such file/],
    ['a catalogue that is not a catalogue', () => [file('c.json', [example]), '--catalog', file('bad-catalog.json', { products: [] })], /^alerts: catalogue .*bad-catalog\.json is not a valid catalogue file/],
    ['an unknown language', () => [file('c.json', [example]), '--lang', 'fr'], /^alerts: --lang must be en or de, not "fr"/],
    ['an unknown option', () => [file('c.json', [example]), '--audience', 'client'], /^alerts: Unknown option '--audience'.*; usage: npm run --silent alerts -- FILE/],
    ['no file at all', () => [], /^alerts: usage: npm run --silent alerts -- FILE \[--lang en\|de\] \[--catalog PATH\]/],
  ])('exits 2 with one line on %s', (_, args, message) => {
    const r = alerts(...args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints an empty array for an empty file of cases, and an empty answer for a case without signals', () => {
    expect(alerts(file('empty.json', [])).json()).toEqual([]);
    const r = alerts(file('quiet.json', [{ id: 7, now: '2027-03-01T10:00:00+01:00', signals: [], client: { name: 'Weber' } }]));
    expect(r.code).toBe(0);
    expect(r.json()).toEqual([{ id: 7, alerts: [], dropped: [] }]);
  });
});
