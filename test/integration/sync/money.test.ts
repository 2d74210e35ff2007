// Money is never merged silently: two devices that change a mandate's amount
// without seeing each other's change get a conflict for the user to decide.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getClient } from '#db/queries.ts';
import type { Store } from '#db/store.ts';
import { resolveMoneyConflict } from '#services/conflicts.ts';
import { newClient } from './support.ts';
import { startWorld, syncUntilDone, type Device, type World } from './world.ts';

let w: World;
beforeEach(async () => { w = await startWorld(); });
afterEach(async () => { await w.close(); });

function grant(store: Store, clientId: string, budgetCents = 20_000): string {
  const id = uuidv7();
  store.mutate('mandate.grant', { id, clientId, budgetCents, period: 'month', areas: ['mobility'], perPurchaseCapCents: 5_000, validFrom: '2026-11-01' });
  return id;
}
const mandateOf = (store: Store, clientId: string) => getClient(store.db, clientId)!.mandates[0]!;

async function twoDevicesWithAMandate() {
  const coach = await w.person('Clara Vogt', ['life_coach']);
  const laptop = await w.device(coach.id, 'Laptop');
  const tablet = await w.device(coach.id, 'Tablet');
  const clientId = newClient(laptop.store);
  const mandateId = grant(laptop.store, clientId);
  await syncUntilDone(laptop);
  await syncUntilDone(tablet);
  expect(mandateOf(tablet.store, clientId).budgetCents).toBe(20_000);
  return { coach, laptop, tablet, clientId, mandateId };
}

/** Both devices change the budget from 200 € without seeing each other: the laptop to 300 €, then the tablet to 250 €. */
async function editBudgetOnBoth(laptop: Device, tablet: Device, mandateId: string) {
  laptop.store.mutate('mandate.update', { id: mandateId, patch: { budgetCents: 30_000 }, expected: { budgetCents: 20_000 } });
  tablet.store.mutate('mandate.update', { id: mandateId, patch: { budgetCents: 25_000 }, expected: { budgetCents: 20_000 } });
  await syncUntilDone(laptop);
  await syncUntilDone(tablet);
}

describe('money conflicts', () => {
  it('concurrent edits of a mandate budget are not merged but listed for the user to decide, with both amounts', async () => {
    const { coach, laptop, tablet, clientId, mandateId } = await twoDevicesWithAMandate();
    await editBudgetOnBoth(laptop, tablet, mandateId);

    const status = tablet.engine.getStatus();
    expect(status.phase).toBe('needs_attention');
    expect(status.refused).toMatchObject([{
      name: 'mandate.update', code: 'money_conflict',
      conflict: { mandateId, fields: [{ field: 'budgetCents', yours: 25_000, current: 30_000 }] },
    }]);
    // Not merged: the tablet shows what the backend holds, not its own amount, until the user decides.
    expect(mandateOf(tablet.store, clientId).budgetCents).toBe(30_000);
    expect((await w.backendSnapshot(coach.id))[`mandates/${mandateId}`]!.budgetCents).toBe(30_000);
  });

  it('deciding for one’s own amount makes the change again, knowingly, and every device ends with it', async () => {
    const { coach, laptop, tablet, clientId, mandateId } = await twoDevicesWithAMandate();
    await editBudgetOnBoth(laptop, tablet, mandateId);
    const [refused] = tablet.engine.getStatus().refused;

    resolveMoneyConflict(tablet.store, refused!.seq, 'mine');
    tablet.engine.dismiss([refused!.seq]);
    await syncUntilDone(tablet);
    await syncUntilDone(laptop);
    expect(tablet.engine.getStatus().refused).toEqual([]);
    expect(mandateOf(tablet.store, clientId).budgetCents).toBe(25_000);
    expect(mandateOf(laptop.store, clientId).budgetCents).toBe(25_000);
    expect((await w.backendSnapshot(coach.id))[`mandates/${mandateId}`]!.budgetCents).toBe(25_000);
  });

  it('deciding for the amount that holds drops one’s own change and changes nothing anywhere', async () => {
    const { coach, laptop, tablet, clientId, mandateId } = await twoDevicesWithAMandate();
    await editBudgetOnBoth(laptop, tablet, mandateId);
    const [refused] = tablet.engine.getStatus().refused;
    resolveMoneyConflict(tablet.store, refused!.seq, 'current');
    tablet.engine.dismiss([refused!.seq]);
    await syncUntilDone(tablet);
    expect(tablet.store.pendingCount()).toBe(0);
    expect(mandateOf(tablet.store, clientId).budgetCents).toBe(30_000);
    expect((await w.backendSnapshot(coach.id))[`mandates/${mandateId}`]!.budgetCents).toBe(30_000);
  });

  it('an amount changed on one device and the areas on another merge without asking anyone', async () => {
    const { coach, laptop, tablet, clientId, mandateId } = await twoDevicesWithAMandate();
    laptop.store.mutate('mandate.update', { id: mandateId, patch: { budgetCents: 30_000 }, expected: { budgetCents: 20_000 } });
    tablet.store.mutate('mandate.update', { id: mandateId, patch: { areas: ['mobility', 'travel'] } });
    await syncUntilDone(laptop);
    await syncUntilDone(tablet);
    await syncUntilDone(laptop);
    expect(tablet.engine.getStatus().refused).toEqual([]);
    for (const d of [laptop, tablet]) expect(mandateOf(d.store, clientId)).toMatchObject({ budgetCents: 30_000, areas: ['mobility', 'travel'] });
    expect((await w.backendSnapshot(coach.id))[`mandates/${mandateId}`]).toMatchObject({ budgetCents: 30_000, areas: ['mobility', 'travel'] });
  });

  it('a tampered device that claims to have seen the new amount is still held to the per-purchase cap', async () => {
    const { coach, tablet, mandateId } = await twoDevicesWithAMandate();
    // The device's own check is skipped: the outbox entry is written as a tampered client would.
    tablet.store.mutate('mandate.update', { id: mandateId, patch: { areas: ['travel'] } });
    tablet.store.sqlite.prepare(`UPDATE outbox SET args = json_set(args, '$.patch', json('{"perPurchaseCapCents": 900000}'), '$.expected', json('{"perPurchaseCapCents": 5000}')) WHERE status = 'pending'`).run();
    await syncUntilDone(tablet);
    expect(tablet.engine.getStatus().refused).toMatchObject([{ name: 'mandate.update', code: 'out_of_range' }]);
    expect((await w.backendSnapshot(coach.id))[`mandates/${mandateId}`]!.perPurchaseCapCents).toBe(5_000);
  });
});
