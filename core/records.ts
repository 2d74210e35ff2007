// The synced records, as device and backend both see them: an entity name,
// an id, the client the record belongs to, and plain fields. Storage differs
// (SQLite tables on the device, PostgreSQL on the backend); these names don't.

export const ENTITIES = ['clients', 'meetings', 'answers', 'touchpoints', 'tasks', 'consents', 'mandates', 'alerts', 'adviceRecords', 'conclusions', 'holdings', 'offerOutcomes', 'purchases'] as const;
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

/** The id of the answer record for one client and attribute: the same on every device, so answers merge. */
export function answerId(clientId: string, attribute: string): string {
  return `${clientId}:${attribute}`;
}
