// The synced records, as device and backend both see them: an entity name,
// an id, the client the record belongs to, and plain fields. Storage differs
// (SQLite tables on the device, PostgreSQL on the backend); these names don't.

export const ENTITIES = ['clients', 'meetings', 'answers', 'touchpoints', 'tasks', 'appointments', 'consents', 'mandates', 'alerts', 'adviceRecords', 'conclusions', 'holdings', 'offerOutcomes', 'purchases', 'sales', 'approvals', 'corrections', 'feedback'] as const;
export type EntityName = (typeof ENTITIES)[number];

export type Fields = Record<string, unknown>;

/** A record as read back: its fields plus the stamps every synced record carries. */
export type StoredRecord = Fields & { id: string; version: number; deletedAt: number | null };

export interface RecordReader {
  get(entity: EntityName, id: string): StoredRecord | null;
}

/** One change a mutation makes: a new record, or new values for some fields of one. */
export interface RecordWrite {
  entity: EntityName;
  id: string;
  clientId: string;
  insert: boolean;
  fields: Fields;
}

/** Fields that hold money: concurrent edits to them are never merged silently. */
export const MONEY_FIELDS: Partial<Record<EntityName, readonly string[]>> = {
  mandates: ['budgetCents', 'perPurchaseCapCents'],
};

/**
 * Fields the backend works out from the value it holds, one change at a time
 * (a person added to or taken off a list), rather than taking a device's value:
 * it applies such changes in the order it receives them, so its result stands
 * even when the change's stamp is older than the stored one (core/sync/apply.ts).
 * Only the client's owner writes `sharedWith` (client.share and client.unshare
 * are owner-only); two of the owner's devices sharing offline with two coaches
 * leave both on the list, and the list always says who the backend gave access.
 */
export const APPLIED_IN_ORDER: Partial<Record<EntityName, readonly string[]>> = {
  clients: ['sharedWith'],
};

/** The id of the answer record for one client and attribute: the same on every device, so answers merge. */
export function answerId(clientId: string, attribute: string): string {
  return `${clientId}:${attribute}`;
}
