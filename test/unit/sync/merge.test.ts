// The merge rule every copy of a record obeys. Replays, late deliveries and
// any order of delivery must give the same record, or devices drift apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '#core/hlc.ts';
import { mergeFields, recordStamp, type SyncedState } from '#core/sync/merge.ts';

const stamp = (wall: number, counter = 0, node = 'dev-a') => formatHlc({ wall, counter, node });

describe('mergeFields', () => {
  it('takes a field only from a newer change', () => {
    const base: SyncedState = { fields: { city: 'Köln', email: 'a@b.de' }, stamps: { city: stamp(10), email: stamp(10) } };
    const { state, changed } = mergeFields(base, { fields: { city: 'Bonn', email: 'old@b.de' }, stamps: { city: stamp(20), email: stamp(5) } });
    expect(state.fields).toEqual({ city: 'Bonn', email: 'a@b.de' });
    expect(changed).toEqual(['city']);
  });

  it('keeps edits of different fields from two devices', () => {
    const base: SyncedState = { fields: { city: 'Köln', phone: '1' }, stamps: { city: stamp(1), phone: stamp(1) } };
    const a = mergeFields(base, { fields: { city: 'Bonn' }, stamps: { city: stamp(5, 0, 'dev-a') } }).state;
    const ab = mergeFields(a, { fields: { phone: '2' }, stamps: { phone: stamp(3, 0, 'dev-b') } }).state;
    expect(ab.fields).toEqual({ city: 'Bonn', phone: '2' });
  });

  it('on a tie lets the backend correct a device, but never the other way round', () => {
    const device: SyncedState = { fields: { ownerId: 'local' }, stamps: { ownerId: stamp(7) } };
    const backend: SyncedState = { fields: { ownerId: 'u-1' }, stamps: { ownerId: stamp(7) } };
    expect(mergeFields(device, backend, { authoritative: true }).state.fields.ownerId).toBe('u-1');
    expect(mergeFields(backend, device).state.fields.ownerId).toBe('u-1');
  });

  it('names the newest stamp of a record', () => {
    expect(recordStamp({ a: stamp(3), b: stamp(3, 2), c: stamp(1) })).toBe(stamp(3, 2));
  });

  // Stamps of distinct changes are distinct (the node and counter make them so); values may repeat.
  const change = fc.record({
    field: fc.constantFrom('city', 'email', 'notes'),
    value: fc.oneof(fc.string({ maxLength: 3 }), fc.constant(null)),
    wall: fc.integer({ min: 0, max: 50 }),
    node: fc.constantFrom('a', 'b', 'c'),
  });
  const changes = fc.uniqueArray(change, { selector: (c) => `${c.wall}:${c.node}:${c.field}`, maxLength: 12 });
  const asState = (c: { field: string; value: unknown; wall: number; node: string }): SyncedState =>
    ({ fields: { [c.field]: c.value }, stamps: { [c.field]: stamp(c.wall, 0, c.node) } });
  const fold = (list: SyncedState[]) => list.reduce<SyncedState | null>((acc, s) => mergeFields(acc, s).state, null);

  it('gives the same record in any order of delivery, with any change delivered twice', () => {
    fc.assert(fc.property(changes, fc.func(fc.integer()), fc.array(fc.nat(), { maxLength: 5 }), (list, order, dupes) => {
      const states = list.map(asState);
      const shuffled = states.map((s, i) => ({ s, k: order(i) })).sort((x, y) => x.k - y.k).map((x) => x.s);
      const withReplays = [...shuffled, ...dupes.filter((d) => d < states.length).map((d) => states[d]!)];
      expect(fold(withReplays)).toEqual(fold(states));
    }), { seed: 42, numRuns: 300 });
  });
});
