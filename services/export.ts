// The client's data as a machine-readable file (the right of access and
// portability): everything this device holds about them, each record with
// its own fields, the purchases under a mandate with the budget left. It says
// it is this device's copy; the full export with the backend's holdings and a
// readable PDF builds on this.
import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import { SYNCED_TABLES } from '#db/schema.ts';
import type { Store } from '#db/store.ts';
import { currentCatalogue } from './catalogue.ts';
import { budgetOf } from './coach.ts';

/** Internal bookkeeping of the sync, not data about the client. */
const BOOKKEEPING = new Set(['version', 'hlc', 'stamps', 'deletedAt', 'updatedAt']);
const strip = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => !BOOKKEEPING.has(k)));

export function clientExport(store: Store, clientId: string, now = Date.now()) {
  const { clients, ...rest } = SYNCED_TABLES;
  const client = store.db.select().from(clients).where(and(eq(clients.id, clientId), isNull(clients.deletedAt))).get();
  if (!client) throw new DomainError([{ field: 'client', code: 'not_found' }]);
  const records: Record<string, Record<string, unknown>[]> = {};
  for (const [name, table] of Object.entries(rest)) {
    const t = table as typeof SYNCED_TABLES.touchpoints;
    records[name] = store.db.select().from(t).where(and(eq(t.clientId, clientId), isNull(t.deletedAt))).all().map((r) => strip(r as Record<string, unknown>));
  }
  const catalogue = currentCatalogue(store).body;
  const budgets = store.db.select().from(SYNCED_TABLES.mandates).where(and(eq(SYNCED_TABLES.mandates.clientId, clientId), isNull(SYNCED_TABLES.mandates.deletedAt))).all()
    .filter((m) => m.revokedAt === null).map((m) => budgetOf(m, catalogue));
  const body = {
    format: 'advisor-workstation.client-export.v1',
    exportedAt: new Date(now).toISOString(),
    /** Offline, or before the backend's copy is asked: what this device holds. */
    source: 'this_device',
    client: strip(client as Record<string, unknown>),
    ...records,
    budgets,
  };
  const name = `${client.lastName}-${client.firstName}`.toLowerCase().normalize('NFKD').replace(/[^a-z0-9-]+/g, '');
  return { filename: `kundendaten-${name || 'kunde'}-${new Date(now).toISOString().slice(0, 10)}.json`, json: JSON.stringify(body, null, 2) };
}
