// The advice record: its hash chain (any change to a stored version, a missing
// version or a broken link is found), and the parts a meeting must not end without unasked.
import { describe, expect, it } from 'vitest';
import { canonicalJson, missingRecordParts, verifyChain, versionHash, type AdviceContent, type StoredVersion } from '#core/advice.ts';

const meetingId = '0195a4b2-7c3d-7e8f-9a0b-1c2d3e4f5a6b';
const content = (decision: string): AdviceContent => ({
  language: 'de', client: { name: 'Sabine Lorenz', birthDate: '1984-03-02', address: 'Ringstraße 4, 50667 Köln' }, advisor: 'Anna Berger',
  meeting: { id: meetingId, startedAt: 1_764_000_000_000, endedAt: 1_764_003_600_000 }, reason: 'Umzug', wishes: 'Hausrat absichern',
  riskSituation: null, offers: [{ offer: 'household_contents', name: 'Hausratversicherung', outcome: 'accepted', reasonCode: null, note: null, reasons: ['Umzug'] }],
  advice: 'Hausrat zum Neuwert', decision,
});
function chain(n: number): StoredVersion[] {
  const out: StoredVersion[] = [];
  for (let v = 1; v <= n; v++) {
    const base = { meetingId, recordVersion: v, previousHash: out.at(-1)?.contentHash ?? null, content: content(`Fassung ${v}`) };
    out.push({ ...base, contentHash: versionHash(base) });
  }
  return out;
}

describe('the advice record chain', () => {
  it('hashes the same content the same, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    const c = content('ja');
    const shuffled = Object.fromEntries(Object.entries(c).reverse());
    expect(versionHash({ meetingId, recordVersion: 1, previousHash: null, content: shuffled })).toBe(versionHash({ meetingId, recordVersion: 1, previousHash: null, content: c }));
  });
  it('verifies an untouched chain', () => expect(verifyChain(chain(3))).toEqual({ ok: true }));
  it('finds a changed word in a stored version', () => {
    const c = chain(3);
    (c[1]!.content as AdviceContent).decision = 'Fassung 2, nachträglich geändert';
    expect(verifyChain(c)).toEqual({ ok: false, version: 2, problem: 'content' });
  });
  it('finds a version recomputed after a change, because the next one links to the old hash', () => {
    const c = chain(3);
    const changed = { ...c[1]!, content: content('anders') };
    c[1] = { ...changed, contentHash: versionHash(changed) };
    expect(verifyChain(c)).toEqual({ ok: false, version: 3, problem: 'link' });
  });
  it('finds a missing version', () => expect(verifyChain(chain(3).filter((v) => v.recordVersion !== 2))).toEqual({ ok: false, version: 3, problem: 'gap' }));
});

describe('missingRecordParts: what the advice record still lacks before a meeting ends', () => {
  it('names every empty or blank part in the record’s order, and never the internal notes', () => {
    expect(missingRecordParts({ reason: 'Umzug', wishes: '  ', riskSituation: null, advice: 'Hausrat', decision: undefined }))
      .toEqual(['wishes', 'riskSituation', 'decision']);
    expect(missingRecordParts({})).toEqual(['reason', 'wishes', 'riskSituation', 'advice', 'decision']);
  });
  it('is empty when every part says something', () => {
    expect(missingRecordParts({ reason: 'a', wishes: 'b', riskSituation: 'c', advice: 'd', decision: 'e' })).toEqual([]);
  });
});
