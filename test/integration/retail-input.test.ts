// Bad input to every retail write is refused by name, field by field, and
// leaves the book as it was: a price of zero or less, or not in whole cents;
// an unknown reason; "other" without its text; an unknown product or client.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRetailBook } from '../support/retail.ts';

let book: ReturnType<typeof openRetailBook>;
let clientId: string;

beforeEach(async () => {
  book = openRetailBook();
  clientId = (await book.rpc.clients.create({ firstName: 'Lea', lastName: 'Brandt' })).id;
  // Something already saved that no refusal may touch.
  await book.rpc.retail.recordSale({ clientId, productId: 'green_household', chosenCents: 1300, reason: 'loyalty' });
});
afterEach(() => book.t.close());

const problemsOf = async (p: Promise<unknown>) => ((await p.then(() => null, (e: { data?: { problems?: unknown[] } }) => e)) as { data: { problems: unknown[] } } | null)?.data.problems;

async function snapshot() {
  return { sales: await book.rpc.retail.sales({}), approvals: await book.rpc.retail.approvals({}), pending: book.t.store.pendingCount() };
}

const SALE = { productId: 'green_household', chosenCents: 1350, reason: 'client_value', reasonText: null } as const;
const BAD: [string, Record<string, unknown>, unknown[]][] = [
  ['a price of zero', { chosenCents: 0 }, [{ field: 'chosenCents', code: 'out_of_range', params: { min: 1, max: 100_000_000, unit: 'cents' } }]],
  ['a negative price', { chosenCents: -1350 }, [{ field: 'chosenCents', code: 'out_of_range', params: { min: 1, max: 100_000_000, unit: 'cents' } }]],
  ['a price in fractions of a cent', { chosenCents: 1350.5 }, [{ field: 'chosenCents', code: 'invalid_value' }]],
  ['a price that is no number', { chosenCents: '13,50' }, [{ field: 'chosenCents', code: 'invalid_value' }]],
  ['an unknown reason', { reason: 'whim' }, [{ field: 'reason', code: 'unknown_value' }]],
  ['"other" without its text', { reason: 'other', reasonText: '  ' }, [{ field: 'reason', code: 'reason_required' }]],
  ['a product not in the catalogue', { productId: 'gold_plated_cover' }, [{ field: 'productId', code: 'not_in_catalogue', params: { value: 'gold_plated_cover' } }]],
  ['a client not in the book', { clientId: uuidv7() }, [{ field: 'clientId', code: 'not_found' }]],
];

describe.each([
  ['recordSale', (a: Record<string, unknown>) => book.rpc.retail.recordSale(a as never), {}],
  // A request is for a price outside the range: the same bad input, above the ceiling.
  ['requestApproval', (a: Record<string, unknown>) => book.rpc.retail.requestApproval(a as never), { chosenCents: 1600 }],
])('%s refuses', (_name, write, base) => {
  it.each(BAD)('%s, saying which field and why, and changes nothing', async (_case, patch, problems) => {
    const before = await snapshot();
    expect(await problemsOf(write({ clientId, ...SALE, ...base, ...patch }))).toMatchObject(problems);
    expect(await snapshot()).toEqual(before);
  });
});

it('a sale that names no reason for a deviation is refused by name', async () => {
  expect(await problemsOf(book.rpc.retail.recordSale({ clientId, ...SALE, reason: null }))).toEqual([{ field: 'reason', code: 'reason_required' }]);
});

it('a request without a reason is refused: the manufacturer is always told why', async () => {
  expect(await problemsOf(book.rpc.retail.requestApproval({ clientId, ...SALE, chosenCents: 1600, reason: undefined as never }))).toEqual([{ field: 'reason', code: 'required' }]);
});
