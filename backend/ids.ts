// Ids the backend accepts: UUIDs in canonical text form (any version; devices
// make UUIDv7 for their records, the backend gen_random_uuid() for its own
// rows and UUIDv7 for the synced records it makes).
import { randomBytes } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A new UUIDv7 for a record the backend makes itself (an alert), like the
 * ids devices make: the time in its first 48 bits, so ids sort by creation.
 */
export function newRecordId(at: number): string {
  const b = randomBytes(16);
  b.writeUIntBE(at, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
