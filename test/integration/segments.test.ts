// Conclusions drawn as answers come in: only with consent to profiling, kept
// with what they read and which rule set, never put again once rejected, and
// drawn with the newest rule set the manufacturer sent.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULESET_V1 } from '#core/segments/index.ts';
import { storeManufacturerData } from '#db/manufacturer.ts';
import type { openTestStore } from '../support/book.ts';
import { openTestRouter, type Workstation } from '../support/router.ts';

let t: ReturnType<typeof openTestStore>;
let rpc: Workstation;
beforeEach(() => {
  ({ t, rpc } = openTestRouter());
});
afterEach(() => t.close());

async function client(profiling: boolean): Promise<string> {
  const { id } = await rpc.clients.create({ firstName: 'Sabine', lastName: 'Lorenz' });
  if (profiling) await rpc.consents.record({ clientId: id, purpose: 'profiling', granted: true, method: 'written' });
  return id;
}
const CONSCIOUS = { purchase_driver: 'price_for_quality', trust_anchor: 'personal_advisor', data_sharing: 'on_request', activity_level: 'high', preferred_channel: 'advisor_meeting' } as const;
async function answerAll(clientId: string, answers: Record<string, string | string[]>) {
  for (const [attribute, value] of Object.entries(answers)) await rpc.answers.set({ clientId, attribute, value, answeredBy: 'client' });
}

/** The segment conclusions alone: a value tier is recorded beside them once answers come in. */
const segments = <C extends { kind: string }>(state: { conclusions: C[] }) => state.conclusions.filter((c) => c.kind === 'segment');

describe('segment conclusions', () => {
  it('are drawn once the answers make a case, with the answers read and the rule set named', async () => {
    const id = await client(true);
    await answerAll(id, { purchase_driver: 'price_for_quality' });
    expect(segments(await rpc.segments.state({ clientId: id }))).toEqual([]);
    await answerAll(id, CONSCIOUS);
    const state = await rpc.segments.state({ clientId: id });
    const segment = state.conclusions.filter((c) => c.kind === 'segment');
    expect(segment).toHaveLength(1);
    expect(segment[0]).toMatchObject({ value: 'conscious_purchase_seeker', source: 'rule', status: 'unconfirmed', ruleSetVersion: RULESET_V1.version });
    // The answers it rests on: every one given, since the later ones drew the same conclusion again.
    expect(segment[0]!.inputs).toEqual(CONSCIOUS);
    expect(state.effective).toMatchObject({ segment: 'conscious_purchase_seeker', source: 'rule' });
  });

  it('drawn again from more answers, the same conclusion names them all and keeps the client’s confirmation', async () => {
    const id = await client(true);
    await answerAll(id, CONSCIOUS);
    const [drawn] = (await rpc.segments.state({ clientId: id })).conclusions.filter((c) => c.kind === 'segment');
    await rpc.conclusions.review({ id: drawn!.id, status: 'confirmed' });
    const more = { tech_affinity: 'medium', assistant_app: 'none' } as const;
    await answerAll(id, more);
    const after = (await rpc.segments.state({ clientId: id })).conclusions.filter((c) => c.kind === 'segment');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: drawn!.id, value: drawn!.value, status: 'confirmed', decidedAt: drawn!.decidedAt });
    expect(after[0]!.inputs).toEqual({ ...CONSCIOUS, ...more });
  });

  it('are not drawn, and cannot be set by hand, without consent to profiling', async () => {
    const id = await client(false);
    await answerAll(id, CONSCIOUS);
    const state = await rpc.segments.state({ clientId: id });
    expect(state).toMatchObject({ profiling: false, conclusions: [], effective: null });
    await expect(rpc.segments.override({ clientId: id, segment: 'social_media_user', reason: 'weiß ich' })).rejects.toMatchObject({ data: { problems: [{ code: 'consent_missing' }] } });
  });

  it('a rejected segment is not used and not put to the client again when the same answers come back', async () => {
    const id = await client(true);
    await answerAll(id, CONSCIOUS);
    const [first] = segments(await rpc.segments.state({ clientId: id }));
    await rpc.conclusions.review({ id: first!.id, status: 'rejected', note: 'Sieht sich anders.' });
    expect((await rpc.segments.state({ clientId: id })).effective).toBeNull();
    await answerAll(id, { activity_level: 'medium' });
    await answerAll(id, { activity_level: 'high' });
    expect(segments(await rpc.segments.state({ clientId: id })).map((c) => [c.value, c.status])).toEqual([['conscious_purchase_seeker', 'rejected']]);
  });

  it('the advisor’s override wins over later rule conclusions, and needs a reason', async () => {
    const id = await client(true);
    await expect(rpc.segments.override({ clientId: id, segment: 'social_media_user', reason: '  ' })).rejects.toMatchObject({ data: { problems: [{ field: 'reason', code: 'required' }] } });
    await rpc.segments.override({ clientId: id, segment: 'entrepreneurial_identity_seeker', reason: 'Kauft über den Sportverein.' });
    await answerAll(id, CONSCIOUS);
    const state = await rpc.segments.state({ clientId: id });
    expect(state.effective).toMatchObject({ segment: 'entrepreneurial_identity_seeker', source: 'advisor' });
    expect(state.conclusions.map((c) => c.value)).toContain('conscious_purchase_seeker');
  });

  it('use the newest rule set the manufacturer sent, and the shipped one when it cannot be read', async () => {
    const id = await client(true);
    storeManufacturerData(t.store, { documents: [{ kind: 'rule_set', version: 2, body: { ...RULESET_V1, version: 'segments.v2' } }], priceRanges: null }, Date.now());
    expect((await rpc.segments.ruleSet()).version).toBe('segments.v2');
    await answerAll(id, CONSCIOUS);
    expect(segments(await rpc.segments.state({ clientId: id }))[0]!.ruleSetVersion).toBe('segments.v2');
    // A damaged document (as a newer app might write one) does not stop the hints.
    t.store.sqlite.prepare(`UPDATE manufacturer_data SET body = '{"version":"x"}', version = '3' WHERE kind = 'rule_set'`).run();
    expect((await rpc.segments.ruleSet()).version).toBe(RULESET_V1.version);
  });

  it('a review of a conclusion that does not exist is refused and changes nothing', async () => {
    await expect(rpc.conclusions.review({ id: uuidv7(), status: 'confirmed' })).rejects.toMatchObject({ data: { problems: [{ code: 'not_found' }] } });
  });
});
