// What the console shows of the synced retail records (retail.md): approval
// requests and the sales that deviated from the proposal, per retailer, as
// the retailers' devices pushed them. A client appears only as a short
// reference: the manufacturer decides about a price, not about a person;
// of a client who does not share their data with the manufacturer, not even
// that (sharing.ts).
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { approvalView, deviationView, retailerDeviations } from '#contract/console.ts';
import type { CatalogueLookup } from '#core/manufacturer.ts';
import type { Fields } from '#core/records.ts';
import { publishedCatalogue } from '../catalogue.ts';
import type { BackendDb } from '../db/connect.ts';
import { records, users } from '../db/schema.ts';
import { sharingClients } from '../sharing.ts';

type ApprovalView = z.infer<typeof approvalView>;
type DeviationView = z.infer<typeof deviationView>;
type RetailerDeviations = z.infer<typeof retailerDeviations>;

/** A client's short reference: the random end of its id, enough to tell two requests apart and to ask the retailer. */
export const clientRef = (clientId: string) => `#${clientId.replace(/-/g, '').slice(-6).toUpperCase()}`;

/** Records of one entity, live ones only, optionally by id. */
async function live(db: BackendDb, entity: 'approvals' | 'sales', ids?: string[]): Promise<{ id: string; clientId: string; f: Fields }[]> {
  const rows = await db.select({ id: records.id, clientId: records.clientId, fields: records.fields }).from(records)
    .where(ids ? and(eq(records.entity, entity), inArray(records.id, ids)) : eq(records.entity, entity));
  return rows.filter((r) => r.fields.deletedAt == null).map((r) => ({ id: r.id, clientId: r.clientId, f: r.fields }));
}

/** Names of the people a set of records names, by id; someone deleted meanwhile keeps their id. */
async function people(db: BackendDb, ids: unknown[]): Promise<(id: unknown) => { id: string; displayName: string }> {
  const wanted = [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
  const rows = wanted.length ? await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, wanted)) : [];
  const byId = new Map(rows.map((u) => [u.id, u]));
  return (id) => byId.get(String(id)) ?? { id: String(id), displayName: String(id) };
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The prices a record was made at, with the range it was decided against, and the product's name. */
function pricedOf(f: Fields, catalogue: CatalogueLookup) {
  const productId = String(f.productId);
  const product = catalogue.current.products.find((p) => p.id === productId);
  return {
    retailerId: str(f.retailerId), productId, productName: product?.name ?? { de: productId, en: productId },
    variant: (str(f.variant) as 'A' | 'B' | 'C' | null), chosenCents: num(f.chosenCents), proposedCents: num(f.proposedCents),
    floorCents: num(f.floorCents), ceilingCents: num(f.ceilingCents), validUntil: str(f.validUntil), deviationCents: num(f.deviationCents),
    reason: str(f.reason) as ApprovalView['reason'], reasonText: str(f.reasonText),
  };
}

export async function approvalViews(db: BackendDb, ids?: string[]): Promise<ApprovalView[]> {
  const rows = await live(db, 'approvals', ids);
  const catalogue = await publishedCatalogue(db);
  const person = await people(db, rows.flatMap((r) => [r.f.requestedBy, r.f.decidedBy]));
  const sharing = await sharingClients(db);
  return rows.map(({ id, clientId, f }) => ({
    id, clientRef: sharing.has(clientId) ? clientRef(clientId) : null, ...pricedOf(f, catalogue),
    requestedBy: person(f.requestedBy), requestedAt: num(f.requestedAt), expired: f.expired === true,
    status: f.status as ApprovalView['status'], decidedBy: f.decidedBy ? person(f.decidedBy) : null,
    decidedAt: typeof f.decidedAt === 'number' ? f.decidedAt : null, note: str(f.note), expiresOn: str(f.expiresOn),
  }));
}

/** Pending requests first, longest waiting first; then decisions, newest first. */
export async function listApprovals(db: BackendDb, status: 'pending' | 'decided' | 'all'): Promise<ApprovalView[]> {
  const all = await approvalViews(db);
  const pending = all.filter((a) => a.status === 'pending').sort((a, b) => a.requestedAt - b.requestedAt);
  const decided = all.filter((a) => a.status !== 'pending').sort((a, b) => (b.decidedAt ?? 0) - (a.decidedAt ?? 0));
  return status === 'pending' ? pending : status === 'decided' ? decided : [...pending, ...decided];
}

/** Per retailer: its sales, the deviating ones listed newest first, and its requests and their decisions. */
export async function deviationsByRetailer(db: BackendDb, only?: string): Promise<RetailerDeviations[]> {
  const [sales, approvals] = [await live(db, 'sales'), await live(db, 'approvals')];
  const catalogue = await publishedCatalogue(db);
  const person = await people(db, sales.map((s) => s.f.soldBy));
  const sharing = await sharingClients(db);
  // A sale by someone without a retailer id (set-retailer) is kept too, under ''.
  const key = (f: Fields) => str(f.retailerId) ?? '';
  const out = new Map<string, RetailerDeviations>();
  const of = (retailerId: string) => {
    let r = out.get(retailerId);
    if (!r) out.set(retailerId, r = { retailerId, sales: 0, deviations: 0, requests: 0, approved: 0, declined: 0, meanDeviationCents: null, rows: [] });
    return r;
  };
  for (const { id, clientId, f } of sales) {
    const r = of(key(f));
    r.sales += 1;
    if (f.decision === 'proposed') continue;
    const row: DeviationView = {
      id, clientRef: sharing.has(clientId) ? clientRef(clientId) : null, ...pricedOf(f, catalogue), soldBy: person(f.soldBy), on: String(f.on),
      decision: f.decision === 'approved' ? 'approved' : 'within_range', approvalId: str(f.approvalId),
    };
    r.rows.push(row);
  }
  for (const { f } of approvals) {
    const r = of(key(f));
    r.requests += 1;
    if (f.status === 'approved') r.approved += 1;
    if (f.status === 'declined') r.declined += 1;
  }
  for (const r of out.values()) {
    r.deviations = r.rows.length;
    r.meanDeviationCents = r.rows.length ? Math.round(r.rows.reduce((s, x) => s + x.deviationCents, 0) / r.rows.length) : null;
    r.rows.sort((a, b) => (b.on === a.on ? b.id.localeCompare(a.id) : b.on.localeCompare(a.on)));
  }
  return [...out.values()].filter((r) => only === undefined || r.retailerId === only).sort((a, b) => a.retailerId.localeCompare(b.retailerId));
}
