// The corrections the client asked for, as the client page lists them:
// newest first, each with what changed and who made it.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { CorrectionChange } from '#core/correction.ts';
import { clients, corrections } from '#db/schema.ts';
import type { Store } from '#db/store.ts';
import { devicePeople } from './export-device.ts';

type Stored = string | number | null;

export function correctionsOf(store: Store, clientId: string, me: Parameters<typeof devicePeople>[1]) {
  const client = store.db.select().from(clients).where(eq(clients.id, clientId)).get();
  const people = client ? devicePeople(store, me, client) : {};
  return store.db.select().from(corrections).where(and(eq(corrections.clientId, clientId), isNull(corrections.deletedAt)))
    .orderBy(desc(corrections.recordedAt)).all()
    .map((c) => ({
      id: c.id, recordedAt: c.recordedAt, recordedByName: people[c.recordedBy] ?? null,
      changes: c.changes.map((ch: CorrectionChange) => ({ field: ch.field, before: ch.before as Stored, after: ch.after as Stored })),
    }));
}
