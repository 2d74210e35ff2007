// What reaches the manufacturer without the client's consent to sharing
// (purpose manufacturer_sharing). The records of a client sync through the
// backend all the same: the client's own advisor, coach and retailer need
// them on their devices, and the backend must hold them to check every rule
// and pass them on. But the manufacturer uses none of them for itself: its
// learning and the retailers' rating count only clients who share, and its
// console shows a sale or a price request of any other client only as the
// retailer's price, without even a client reference. A withdrawal counts
// from the next run on; a grant likewise.
import { sql } from 'drizzle-orm';
import type { BackendDb } from './db/connect.ts';

/**
 * SQL for the ids of the clients who share: whose newest consent record for
 * manufacturer_sharing grants it (core/consent.ts: the newest record is in
 * force; no record, no consent). Usable in `client_id IN (...)`.
 */
export const SHARING_CLIENTS = sql`SELECT client_id FROM (
  SELECT DISTINCT ON (client_id) client_id, fields->>'granted' = 'true' AS granted
  FROM records WHERE entity = 'consents' AND fields->>'purpose' = 'manufacturer_sharing' AND fields->>'deletedAt' IS NULL
  ORDER BY client_id, (fields->>'recordedAt')::bigint DESC, id DESC) newest WHERE granted`;

/** The ids of the clients who share, for code that filters rows it already read. */
export async function sharingClients(db: BackendDb): Promise<Set<string>> {
  const res = await db.execute(SHARING_CLIENTS);
  const rows = ((res as unknown as { rows?: unknown[] }).rows ?? res) as { client_id: string }[];
  return new Set(rows.map((r) => String(r.client_id)));
}
