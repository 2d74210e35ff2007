// What the retailer's screens read from the book: sales and approval requests
// with their clients' names, newest first, and the rating the backend last
// sent. Plain reads; the decisions live in core/retail.
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { retailerRating, type RetailerRating } from '#core/retail/rating.ts';
import type { Db } from './open.ts';
import { approvals, clients, manufacturerData, sales } from './schema.ts';

/** Kept beside the manufacturer's documents, but never a kind the device asks versions of (db/manufacturer.ts). */
export const RATING_KIND = 'retailer_rating';

const names = { firstName: clients.firstName, lastName: clients.lastName };

export function salesOf(db: Db, o: { clientId?: string; limit: number }) {
  const where: SQL[] = [isNull(sales.deletedAt), isNull(clients.deletedAt)];
  if (o.clientId) where.push(eq(sales.clientId, o.clientId));
  return db.select({ sale: sales, ...names }).from(sales).innerJoin(clients, eq(clients.id, sales.clientId))
    .where(and(...where)).orderBy(desc(sales.recordedAt), desc(sales.id)).limit(o.limit).all();
}

export function approvalsOf(db: Db, o: { clientId?: string; status?: string; limit: number }) {
  const where: SQL[] = [isNull(approvals.deletedAt), isNull(clients.deletedAt)];
  if (o.clientId) where.push(eq(approvals.clientId, o.clientId));
  if (o.status) where.push(eq(approvals.status, o.status));
  return db.select({ approval: approvals, ...names }).from(approvals).innerJoin(clients, eq(clients.id, approvals.clientId))
    .where(and(...where)).orderBy(desc(approvals.requestedAt), desc(approvals.id)).limit(o.limit).all();
}

/** The approvals a sale of this client and product (and variant) at this price could use, newest decision first. */
export function approvalsFor(db: Db, a: { clientId: string; productId: string; variant: string | null; chosenCents: number }) {
  return db.select().from(approvals)
    .where(and(isNull(approvals.deletedAt), eq(approvals.clientId, a.clientId), eq(approvals.productId, a.productId), eq(approvals.chosenCents, a.chosenCents)))
    .orderBy(desc(approvals.requestedAt), desc(approvals.id)).all()
    .filter((r) => (r.variant ?? null) === a.variant);
}

/** The rating as last received, with when; null before the backend sent one (or one this app cannot read). */
export function heldRating(db: Db): { rating: RetailerRating; receivedAt: number } | null {
  const row = db.select().from(manufacturerData).where(eq(manufacturerData.kind, RATING_KIND)).get();
  const parsed = row && retailerRating.safeParse(row.body);
  return parsed?.success ? { rating: parsed.data, receivedAt: row!.receivedAt } : null;
}
