// A retailer's test book: the ranges the backend grants retailer_oeko_haus
// (the demo catalogue's), a clock the test moves, and the manufacturer's
// decision on a request arriving as a pull brings it.
import { formatHlc } from '#core/hlc.ts';
import { planMutation } from '#core/mutations/plan.ts';
import { heldCatalogue, shippedCatalogue } from '#services/catalogue.ts';
import { storeManufacturerData } from '#db/manufacturer.ts';
import { readRow, recordReader, syncedStateOf, writeSyncedState } from '#db/records.ts';
import { openTestRouter } from './router.ts';

export const RETAILER = 'retailer_oeko_haus';
/** 3 December 2026, noon in Berlin: the demo ranges run to 30 June 2027. */
export const SALE_DAY = Date.UTC(2026, 11, 3, 11);
export const DAY_MS = 86_400_000;

export function openRetailBook(options: { ranges?: boolean } = {}) {
  let now = SALE_DAY;
  const book = openTestRouter({ roles: () => ['retailer'], now: () => now });
  if (options.ranges !== false) {
    const ranges = shippedCatalogue().priceRanges.filter((r) => r.retailer === RETAILER);
    storeManufacturerData(book.t.store, { documents: [], priceRanges: { version: 1, ranges } }, now);
  }
  return { ...book, advance: (days: number) => { now += days * DAY_MS; }, now: () => now };
}

/**
 * The manufacturer decides a request in the backend, and the device pulls the
 * record: planned by the same core code the backend runs, merged as a pulled
 * record with the backend's stamps.
 */
export function decisionArrives(book: ReturnType<typeof openRetailBook>, id: string, decision: 'approved' | 'declined', note: string | null = null) {
  const { store } = book.t;
  const at = book.now();
  const plan = planMutation('approval.decide', { id, decision, note }, { at, userId: 'manufacturer-1', read: recordReader(store.db), catalogue: heldCatalogue(store) });
  const hlc = formatHlc({ wall: at, counter: 0, node: 'backend' });
  for (const w of plan.writes) {
    const state = syncedStateOf(readRow(store.db, w.entity, w.id)!);
    for (const [k, v] of Object.entries(w.fields)) { state.fields[k] = v; state.stamps[k] = hlc; }
    writeSyncedState(store.db, w.entity, w.id, state, at);
  }
}
