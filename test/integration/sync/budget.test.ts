// Two devices of one coach spend the same mandate's budget while offline.
// Each device allows its own purchase (it cannot see the other's); the backend
// decides them one after the other on the mandate it holds and never lets the
// period's spend pass the budget. The purchase that came second is refused and
// put to the coach with both figures, like a money conflict.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { berlinDay } from '#core/dates.ts';
import { purchasesOfClient } from '#db/coach.ts';
import type { Store } from '#db/store.ts';
import { makePurchase } from '#services/coach.ts';
import { newClient } from './support.ts';
import { startWorld, syncUntilDone, type World } from './world.ts';

let w: World;
beforeEach(async () => { w = await startWorld(); });
afterEach(async () => { await w.close(); });

const monthStart = `${berlinDay(Date.now()).slice(0, 7)}-01`;

function grant(store: Store, clientId: string): string {
  const id = uuidv7();
  // 50 € a month, trips only, up to 40 € a purchase.
  store.mutate('mandate.grant', { id, clientId, budgetCents: 5_000, period: 'month', areas: ['travel'], perPurchaseCapCents: 4_000, validFrom: monthStart });
  return id;
}

describe('two devices, one budget', () => {
  it('the backend keeps the period’s spend within the budget and puts the later purchase to the coach with both figures', async () => {
    const coach = await w.person('Clara Vogt', ['life_coach']);
    const laptop = await w.device(coach.id, 'Laptop');
    const tablet = await w.device(coach.id, 'Tablet');
    const clientId = newClient(laptop.store);
    const mandateId = grant(laptop.store, clientId);
    await syncUntilDone(laptop);
    await syncUntilDone(tablet);

    // Offline, each buys 34 € of trip cancellation cover: each alone fits, both do not (68 € > 50 €).
    makePurchase(laptop.store, { mandateId, items: ['travel_cancellation'], days: 1, singleConsent: false });
    makePurchase(tablet.store, { mandateId, items: ['travel_cancellation'], days: 1, singleConsent: false });
    await syncUntilDone(laptop);
    await syncUntilDone(tablet);
    await syncUntilDone(laptop);

    const backend = await w.backendSnapshot(coach.id);
    const kept = Object.entries(backend).filter(([k]) => k.startsWith('purchases/'));
    expect(kept).toHaveLength(1);
    expect((backend[`mandates/${mandateId}`]!.purchaseLog as unknown[]).length).toBe(1);

    const status = tablet.engine.getStatus();
    expect(status.phase).toBe('needs_attention');
    expect(status.refused).toMatchObject([{
      name: 'purchase.make', code: 'over_budget',
      budget: { mandateId, chargeCents: 3_400, spentCents: 3_400, leftCents: 1_600, budgetCents: 5_000 },
    }]);
    // Undone on the tablet: it holds the laptop's purchase only, like the backend and the laptop.
    for (const device of [laptop, tablet]) expect(purchasesOfClient(device.store.db, clientId)).toHaveLength(1);
    const holdings = (s: Store) => (s.sqlite.prepare('SELECT count(*) AS n FROM holdings WHERE client_id = ? AND deleted_at IS NULL').get(clientId) as { n: number }).n;
    expect([holdings(laptop.store), holdings(tablet.store)]).toEqual([1, 1]);
  });
});
