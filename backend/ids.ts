// Ids the backend accepts: UUIDs in canonical text form (any version; devices
// make UUIDv7 for their records, the backend gen_random_uuid() for its own).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
