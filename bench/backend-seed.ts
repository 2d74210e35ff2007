// A whole book written straight into the backend's database, in the backend's
// own format: the records a push would have left (planned and merged by the
// same applyMutation the backend runs, so fields and stamps are a push's),
// one change_log row per record (clients first, so a device receives each
// client before its touchpoints), and the owner's client_access rows.
// Pushing 105,000 mutations one transaction each would take minutes; this
// writes many rows per statement, in one transaction, in seconds.
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { BackendDb } from '#backend/db/connect.ts';
import { changeLog, clientAccess, records } from '#backend/db/schema.ts';
import { recordKey, type StoredState } from '#backend/records.ts';
import { shippedCatalogue } from '#backend/catalogue.ts';
import { formatHlc } from '#core/hlc.ts';
import type { MutationInput, MutationName } from '#core/mutations/index.ts';
import { ENTITIES, type EntityName } from '#core/records.ts';
import { applyMutation } from '#core/sync/apply.ts';

const FIRST = ['Anna', 'Jonas', 'Lea', 'Lukas', 'Mia', 'Felix', 'Emma', 'Paul', 'Hannah', 'Ben'];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann'];
const CITIES = ['Köln', 'Berlin', 'Hamburg', 'München', 'Leipzig', 'Bremen', 'Dresden', 'Essen'];
const SUMMARIES = ['Rückruf wegen Umzug', 'Unterlagen geschickt', 'Termin vereinbart', 'Fragen zur Police beantwortet', 'Angebot besprochen'];

/** Rows per INSERT: 7 parameters a record, well below PostgreSQL's 65,535 per statement. */
const CHUNK = 2000;

type Row = { entity: EntityName; id: string; clientId: string; state: StoredState };

/** Plans the book in memory with the backend's own merge: what each record looks like after all its mutations. */
function planBook(ownerId: string, clients: number, touchpoints: number): Map<string, Row> {
  const rows = new Map<string, Row>();
  const start = Date.now() - 400 * 86_400_000;
  let n = 0;
  const apply = <N extends MutationName>(name: N, args: MutationInput<N>) => {
    // Stamps in the past, each one later than the last, as a real history would have.
    const at = start + n * 60_000;
    const hlc = formatHlc({ wall: at, counter: 0, node: 'seed' });
    n++;
    const { writes } = applyMutation(name, args, { at, hlc, userId: ownerId, catalogue: shippedCatalogue(), read: (entity, id) => rows.get(recordKey(entity, id))?.state ?? null });
    for (const w of writes) rows.set(recordKey(w.entity, w.id), { entity: w.entity, id: w.id, clientId: w.clientId, state: { ...w.state, clientId: w.clientId } });
  };
  for (let c = 0; c < clients; c++) {
    const id = uuidv7();
    const [first, last, city] = [FIRST[c % FIRST.length]!, LAST[(c * 7) % LAST.length]!, CITIES[c % CITIES.length]!];
    apply('client.create', {
      id, firstName: first, lastName: `${last} ${c}`, city, postalCode: String(10000 + (c % 89999)), street: `Hauptstraße ${c % 200}`,
      email: `${first.toLowerCase()}.${c}@example.de`, phone: `0221 ${String(100000 + c)}`,
    });
    // Touchpoints spread evenly; the first clients take the remainder.
    const mine = Math.floor(touchpoints / clients) + (c < touchpoints % clients ? 1 : 0);
    for (let t = 0; t < mine; t++) {
      apply('touchpoint.add', {
        id: uuidv7(), clientId: id, kind: t % 3 === 0 ? 'email' : 'call', channel: t % 3 === 0 ? 'email' : 'phone',
        direction: t % 2 === 0 ? 'inbound' : 'outbound', occurredAt: start + n * 60_000, summary: SUMMARIES[t % SUMMARIES.length]!,
      });
    }
  }
  return rows;
}

export interface Seeded { clients: number; touchpoints: number; rows: number; clientIds: string[] }

/** Seeds `ownerId`'s book; `onProgress(done, total)` counts rows written. */
export async function seedBook(db: BackendDb, ownerId: string, size: { clients: number; touchpoints: number },
  onProgress?: (done: number, total: number) => void): Promise<Seeded> {
  const planned = planBook(ownerId, size.clients, size.touchpoints);
  // Parents first in the log, as a device needs them: the pull answers in log order.
  const order = (e: EntityName) => ENTITIES.indexOf(e);
  const rows = [...planned.values()].sort((a, b) => order(a.entity) - order(b.entity));
  const clientIds = rows.filter((r) => r.entity === 'clients').map((r) => r.id);
  const now = new Date();
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await tx.insert(records).values(chunk.map((r) => ({
        entity: r.entity, id: r.id, clientId: r.clientId, fields: r.state.fields, stamps: r.state.stamps, createdAt: now, updatedAt: now,
      })));
      await tx.insert(changeLog).values(chunk.map((r) => ({ entity: r.entity, id: r.id, clientId: r.clientId })));
      onProgress?.(Math.min(i + CHUNK, rows.length), rows.length);
    }
    for (let i = 0; i < clientIds.length; i += CHUNK) {
      await tx.insert(clientAccess).values(clientIds.slice(i, i + CHUNK).map((clientId) => ({ clientId, userId: ownerId, kind: 'owner' as const })));
    }
  });
  // A database in service has statistics; without them the planner guesses, and autovacuum
  // analysing in the middle of a run would change the plans halfway through.
  await db.execute(sql`ANALYZE`);
  const touchpoints = rows.filter((r) => r.entity === 'touchpoints').length;
  return { clients: clientIds.length, touchpoints, rows: rows.length, clientIds };
}
