// The rules of the forms, through the contract as the UI calls it: a bad
// value is refused with a code and the parameters its message needs, and
// nothing is saved; the good value next to it is.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRouter } from '../support/router.ts';

let w: ReturnType<typeof openTestRouter>;
beforeEach(() => { w = openTestRouter(); });
afterEach(() => w.t.close());

const refused = (field: string, code: string, params?: Record<string, unknown>) =>
  expect.objectContaining({ code: 'BAD_REQUEST', data: { problems: [params ? { field: expect.stringMatching(new RegExp(`${field}$`)), code, params } : expect.objectContaining({ field: expect.stringMatching(new RegExp(`${field}$`)), code })] } });

async function newClient(extra: Record<string, unknown> = {}) {
  const id = uuidv7();
  await w.rpc.clients.create({ id, firstName: 'Hanna', lastName: 'Vogt', ...extra });
  return id;
}

describe('client fields', () => {
  it('a postal code of four digits is refused, five are saved', async () => {
    await expect(w.rpc.clients.create({ id: uuidv7(), firstName: 'A', lastName: 'B', postalCode: '1011' })).rejects.toEqual(refused('postalCode', 'invalid_postal_code'));
    await expect(w.rpc.clients.create({ id: uuidv7(), firstName: 'A', lastName: 'B', postalCode: '10115 Berlin' })).rejects.toEqual(refused('postalCode', 'invalid_postal_code'));
    const id = await newClient({ postalCode: ' 01067 ' });
    await expect(w.rpc.clients.update({ id, patch: { postalCode: '123' } })).rejects.toEqual(refused('postalCode', 'invalid_postal_code'));
    expect((await w.rpc.clients.get({ id })).client.postalCode).toBe('01067');
  });

  it('a household size outside 1 to 20 is refused naming both ends', async () => {
    const id = await newClient();
    await expect(w.rpc.clients.update({ id, patch: { householdSize: 21 } })).rejects.toEqual(refused('householdSize', 'out_of_range', { min: 1, max: 20 }));
    await expect(w.rpc.clients.update({ id, patch: { householdSize: 0 } })).rejects.toEqual(refused('householdSize', 'out_of_range', { min: 1, max: 20 }));
  });

  it('an impossible, a far-off or a future birth date is refused; a real one is kept', async () => {
    const id = await newClient();
    await expect(w.rpc.clients.update({ id, patch: { birthDate: '1980-02-30' } })).rejects.toEqual(refused('birthDate', 'invalid_date'));
    await expect(w.rpc.clients.update({ id, patch: { birthDate: '24.12.1980' } })).rejects.toEqual(refused('birthDate', 'invalid_date'));
    await expect(w.rpc.clients.update({ id, patch: { birthDate: '0985-01-01' } })).rejects.toEqual(refused('birthDate', 'date_out_of_range', { min: '1900-01-01', max: '2199-12-31' }));
    const nextYear = `${new Date().getFullYear() + 1}-06-01`;
    await expect(w.rpc.clients.update({ id, patch: { birthDate: nextYear } })).rejects.toEqual(refused('birthDate', 'date_in_future'));
    await w.rpc.clients.update({ id, patch: { birthDate: '1980-02-29' } });
    await w.rpc.clients.update({ id, patch: { birthDate: '' } });
    expect((await w.rpc.clients.get({ id })).client.birthDate).toBeNull();
  });
});

describe('dates elsewhere', () => {
  it('a task due on 30 February is refused and not saved', async () => {
    const clientId = await newClient();
    await expect(w.rpc.tasks.add({ clientId, title: 'Anrufen', dueDate: '2025-02-30' })).rejects.toEqual(refused('dueDate', 'invalid_date'));
    expect((await w.rpc.clients.get({ id: clientId })).tasks).toEqual([]);
    const saved = await w.rpc.tasks.add({ clientId, title: 'Anrufen', dueDate: '2025-02-28' });
    await expect(w.rpc.tasks.update({ id: saved.id, patch: { dueDate: '2025-13-01' } })).rejects.toEqual(refused('dueDate', 'invalid_date'));
    expect((await w.rpc.clients.get({ id: clientId })).tasks[0]!.dueDate).toBe('2025-02-28');
  });

  it('a contract cannot end before it began, and the message names the start', async () => {
    const clientId = await newClient();
    await expect(w.rpc.holdings.add({ clientId, productId: 'car_insurance', since: '2023-02-29', yearlyPremiumCents: 100 })).rejects.toEqual(refused('since', 'invalid_date'));
    const products = await w.rpc.catalogue.products();
    const h = await w.rpc.holdings.add({ clientId, productId: products[0]!.id, since: '2023-03-01', yearlyPremiumCents: 100 });
    await expect(w.rpc.holdings.end({ id: h.id, endedOn: '2023-02-01' })).rejects.toEqual(refused('endedOn', 'date_too_early', { min: '2023-03-01' }));
  });

  it('a mandate ending before it starts names its start; a cap above the budget names the budget', async () => {
    const clientId = await newClient();
    const base = { id: uuidv7(), clientId, budgetCents: 5_000, period: 'month' as const, areas: ['travel'], perPurchaseCapCents: 1_000, validFrom: '2025-04-01' };
    await expect(w.rpc.mandates.grant({ ...base, validUntil: '2025-03-31' })).rejects.toEqual(refused('validUntil', 'date_too_early', { min: '2025-04-01' }));
    await expect(w.rpc.mandates.grant({ ...base, perPurchaseCapCents: 6_000 })).rejects.toEqual(refused('perPurchaseCapCents', 'out_of_range', { min: 0, max: 5_000, unit: 'cents' }));
    await expect(w.rpc.mandates.grant({ ...base, validFrom: '2025-04-31' })).rejects.toEqual(refused('validFrom', 'invalid_date'));
  });

  it('a name too long says how long it may be', async () => {
    await expect(w.rpc.clients.create({ id: uuidv7(), firstName: 'x'.repeat(101), lastName: 'B' })).rejects.toEqual(refused('firstName', 'too_long', { max: 100 }));
  });
});
