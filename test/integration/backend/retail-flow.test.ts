// A retailer's price outside the granted range, end to end on real HTTP: the
// retailer's workstation (a real book and sync engine) asks offline, the
// request syncs up, the manufacturer decides it in the console's API (signed
// in with the cookie), the decision syncs down, and only then, and only for
// 14 days, is the sale at that price recorded, on the device and on the
// backend. A device that skips its own checks (a raw push) meets the same rules.
import { ORPCError } from '@orpc/client';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setConsolePassword } from '#backend/console/password.ts';
import { records } from '#backend/db/schema.ts';
import { publishCatalogue, readCatalogueFile, SEED_CATALOGUE, setRetailer } from '#backend/manufacturer.ts';
import { issueEnrolmentCode } from '#backend/people.ts';
import { DomainError } from '#core/errors.ts';
import { formatHlc } from '#core/hlc.ts';
import { consoleAt } from './console-support.ts';
import { newClient } from '../sync/support.ts';
import { DAY, startWorld, syncUntilDone, type Device, type World } from '../sync/world.ts';

let offset = 0;
/** The backend's clock: true time, moved forward when the test lets days pass. */
const clock = { now: () => new Date(Date.now() + offset) };
let w: World;
let rita: { id: string };
let ritas: Device;
let shop: string;
let desk: ReturnType<typeof consoleAt>;
const PASSWORD = 'Apfelbaum im Hof 12';

/** A second workstation of the retailer that pushes what its own checks would never let through. */
let rogue: { token: string; seq: number };

beforeAll(async () => {
  w = await startWorld({ clock });
  await publishCatalogue(w.db, readCatalogueFile(SEED_CATALOGUE), clock.now());
  rita = await w.person('Rita Reiter', ['retailer']);
  // The eco household shop: green_household proposed at 12.40 €, from 11.20 € to 14.90 €, until 2027-06-30.
  await setRetailer(w.db, rita.id, 'retailer_oeko_haus', clock.now());
  const hanna = await w.person('Hanna Hersteller', ['manufacturer']);
  await setConsolePassword(w.db, hanna.id, PASSWORD, clock.now());
  ritas = await w.device(rita.id, 'Ritas Kasse');
  await syncUntilDone(ritas);
  shop = newClient(ritas.store, { firstName: 'Greta', lastName: 'Quandt' });
  // Greta shares her data with the manufacturer: the console may show her short reference.
  ritas.store.mutate('consent.record', { id: uuidv7(), clientId: shop, purpose: 'manufacturer_sharing', granted: true, method: 'written' });
  await syncUntilDone(ritas);
  desk = consoleAt(w.url);
  expect((await desk.signIn('Hanna Hersteller', PASSWORD)).status).toBe(204);
  rogue = { token: await enrol(rita.id), seq: 0 };
}, 60_000);
afterAll(async () => { await w?.close(); });

async function enrol(userId: string): Promise<string> {
  const { code } = await issueEnrolmentCode(w.db, userId, clock.now());
  const res = await fetch(`${w.url}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: 'Kasse 2' }) });
  return ((await res.json()) as { token: string }).token;
}

/** Pushes one mutation from the rogue workstation; its verdict. */
async function pushRaw(name: string, args: unknown): Promise<{ status: string; code?: string }> {
  const at = clock.now().getTime();
  rogue.seq += 1;
  const res = await fetch(`${w.url}/v1/push`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${rogue.token}` },
    body: JSON.stringify({ mutations: [{ seq: rogue.seq, mutationId: uuidv7(), name, args, hlc: formatHlc({ wall: at, counter: 0, node: 'rogue' }), at }] }),
  });
  return ((await res.json()) as { results: { status: string; code?: string }[] }).results[0]!;
}

/** The codes a change is refused with on the device; nothing is saved then. */
function refusedOnDevice(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.problems.map((p) => p.code);
    throw error;
  }
  throw new Error('the change was not refused');
}

const green = (chosenCents: number, extra: Record<string, unknown> = {}) =>
  ({ clientId: shop, productId: 'green_household', chosenCents, reason: 'client_value' as const, reasonText: 'Kundin vergleicht mit dem Discounter', ...extra });
const request = (chosenCents: number) => {
  const id = uuidv7();
  ritas.store.mutate('approval.request', { id, ...green(chosenCents) });
  return id;
};
const saleArgs = (chosenCents: number, approvalId: string | null) => ({ id: uuidv7(), holdingId: uuidv7(), ...green(chosenCents, { approvalId }) });
const onBackend = async (entity: 'sales' | 'approvals', id: string) =>
  (await w.db.select().from(records).where(and(eq(records.entity, entity), eq(records.id, id))))[0]?.fields ?? null;
const onDevice = (entity: string, id: string) => ritas.snapshot()[`${entity}/${id}`] ?? null;

async function refusal(call: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ORPCError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the call was not refused');
}

describe('approved in the console', () => {
  let approval = '';

  it('a price above the ceiling cannot be sold, even offline: it becomes a request that syncs up', async () => {
    expect(refusedOnDevice(() => ritas.store.mutate('sale.record', saleArgs(1600, null)))).toEqual(['needs_approval']);
    approval = request(1600);
    expect(await onBackend('approvals', approval)).toBeNull();
    await syncUntilDone(ritas);
    expect(await onBackend('approvals', approval)).toMatchObject({ status: 'pending', chosenCents: 1600, retailerId: 'retailer_oeko_haus', requestedBy: rita.id });
  });

  it('the console lists it with the prices and the range, the client only as a reference', async () => {
    const pending = await desk.api.approvals.list({ status: 'pending' });
    expect(pending).toEqual([expect.objectContaining({
      id: approval, retailerId: 'retailer_oeko_haus', productId: 'green_household', productName: expect.objectContaining({ de: expect.any(String) }),
      chosenCents: 1600, proposedCents: 1240, floorCents: 1120, ceilingCents: 1490, validUntil: '2027-06-30', deviationCents: 360,
      reason: 'client_value', reasonText: 'Kundin vergleicht mit dem Discounter', requestedBy: { id: rita.id, displayName: 'Rita Reiter' },
      status: 'pending', expired: false, clientRef: expect.stringMatching(/^#[0-9A-F]{6}$/),
    })]);
    expect(JSON.stringify(pending)).not.toMatch(/Greta|Quandt/);
  });

  it('a request for a client who does not share their data with the manufacturer is listed without any client reference', async () => {
    const other = newClient(ritas.store, { firstName: 'Paul', lastName: 'Ohnefreigabe' });
    const id = uuidv7();
    ritas.store.mutate('approval.request', { id, ...green(1700, { clientId: other }) });
    await syncUntilDone(ritas);
    const listed = (await desk.api.approvals.list({ status: 'pending' })).find((a) => a.id === id);
    expect(listed).toMatchObject({ chosenCents: 1700, clientRef: null });
    // Decided all the same: the retailer needs the answer. Declined, so the flow below keeps one open request.
    await desk.api.approvals.decide({ id, decision: 'declined', note: 'Bitte im Rahmen bleiben.' });
  });

  it('not yet decided, the device refuses the sale at that price', async () => {
    expect(refusedOnDevice(() => ritas.store.mutate('sale.record', saleArgs(1600, approval)))).toEqual(['approval_pending']);
  });

  it('approved in the console, it syncs down; the sale at that price is recorded and accepted by the backend', async () => {
    const decided = await desk.api.approvals.decide({ id: approval, decision: 'approved' });
    const today = clock.now().toISOString().slice(0, 10);
    expect(decided).toMatchObject({ status: 'approved', decidedBy: { displayName: 'Hanna Hersteller' }, note: null, expiresOn: expect.any(String) });
    expect(decided.expiresOn! > today).toBe(true);
    await syncUntilDone(ritas);
    expect(onDevice('approvals', approval)).toMatchObject({ status: 'approved', expiresOn: decided.expiresOn });
    const sale = saleArgs(1600, approval);
    ritas.store.mutate('sale.record', sale);
    await syncUntilDone(ritas);
    expect(await onBackend('sales', sale.id)).toMatchObject({ decision: 'approved', chosenCents: 1600, approvalId: approval, soldBy: rita.id });
    expect(onDevice('sales', sale.id)).toMatchObject({ decision: 'approved' });
    const [shopRow] = await desk.api.deviations({ retailerId: 'retailer_oeko_haus' });
    // Two requests: this one, approved, and Paul's, declined above.
    expect(shopRow).toMatchObject({ sales: 1, deviations: 1, requests: 2, approved: 1, declined: 1, meanDeviationCents: 360 });
    expect(shopRow!.rows).toEqual([expect.objectContaining({ id: sale.id, decision: 'approved', approvalId: approval, soldBy: { id: rita.id, displayName: 'Rita Reiter' } })]);
  });

  it('deciding it again changes nothing and says it stands', async () => {
    const before = await onBackend('approvals', approval);
    expect(await refusal(desk.api.approvals.decide({ id: approval, decision: 'declined', note: 'Doch nicht' })))
      .toEqual({ status: 409, code: 'approval_decided', message: expect.stringMatching(/decided already.*Nothing was changed\.$/) });
    expect(await onBackend('approvals', approval)).toEqual(before);
  });
});

describe('declined in the console', () => {
  let approval = '';

  it('a decline needs its note: without one it is refused and the request stays pending', async () => {
    approval = request(1700);
    await syncUntilDone(ritas);
    const before = await onBackend('approvals', approval);
    expect(await refusal(desk.api.approvals.decide({ id: approval, decision: 'declined' }))).toMatchObject({ status: 400, code: 'required', message: expect.stringMatching(/^Note/) });
    expect(await onBackend('approvals', approval)).toEqual(before);
  });

  it('declined with a note, the sale is refused on the device and by the backend', async () => {
    expect(await desk.api.approvals.decide({ id: approval, decision: 'declined', note: 'Zu weit über der Spanne.' })).toMatchObject({ status: 'declined', note: 'Zu weit über der Spanne.', expiresOn: null });
    await syncUntilDone(ritas);
    expect(onDevice('approvals', approval)).toMatchObject({ status: 'declined', note: 'Zu weit über der Spanne.' });
    expect(refusedOnDevice(() => ritas.store.mutate('sale.record', saleArgs(1700, approval)))).toEqual(['approval_declined']);
    const sale = saleArgs(1700, approval);
    expect(await pushRaw('sale.record', sale)).toMatchObject({ status: 'rejected', code: 'approval_declined' });
    expect(await onBackend('sales', sale.id)).toBeNull();
  });
});

describe('approved, but more than 14 days ago', () => {
  it('the sale is refused on the device and by the backend', async () => {
    const approval = request(1800);
    await syncUntilDone(ritas);
    await desk.api.approvals.decide({ id: approval, decision: 'approved' });
    await syncUntilDone(ritas);
    // Fifteen days on, for the backend and the workstation alike.
    offset = 15 * DAY;
    ritas.setClockOffset(offset);
    expect(refusedOnDevice(() => ritas.store.mutate('sale.record', saleArgs(1800, approval)))).toEqual(['approval_expired']);
    const sale = saleArgs(1800, approval);
    expect(await pushRaw('sale.record', sale)).toMatchObject({ status: 'rejected', code: 'approval_expired' });
    expect(await onBackend('sales', sale.id)).toBeNull();
  });
});

describe('a tampered sale', () => {
  it('below the floor without any approval is refused by the backend, and nothing is recorded', async () => {
    const sale = saleArgs(1000, null);
    expect(await pushRaw('sale.record', sale)).toMatchObject({ status: 'rejected', code: 'needs_approval' });
    expect(await onBackend('sales', sale.id)).toBeNull();
  });
});

describe('bad input to the console\'s decision', () => {
  it('an unknown approval: 404; a decision that is neither: 400 naming the field; nothing changed', async () => {
    // Fifteen days passed above: the console's session ended with 12 hours unused.
    expect(await refusal(desk.api.me())).toMatchObject({ status: 401 });
    await desk.signIn('Hanna Hersteller', PASSWORD);
    const all = await desk.api.approvals.list({ status: 'all' });
    expect(await refusal(desk.api.approvals.decide({ id: uuidv7(), decision: 'approved' }))).toMatchObject({ status: 404, code: 'not_found' });
    expect(await refusal(desk.api.approvals.decide({ id: all[0]!.id, decision: 'maybe' as never }))).toMatchObject({ status: 400, code: 'BAD_REQUEST', message: expect.stringMatching(/^decision: /) });
    expect(await refusal(desk.api.approvals.decide({ id: 'not-an-id', decision: 'approved' }))).toMatchObject({ status: 400, message: expect.stringMatching(/^id: /) });
    expect(await desk.api.approvals.list({ status: 'all' })).toEqual(all);
  });
});
