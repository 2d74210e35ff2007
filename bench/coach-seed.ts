// A life coach's book written straight into the backend's database, in the
// backend's own format (planned and merged by the same applyMutation a push
// runs): clients with consents, a few answers, held products, a mandate for
// some; the advisor owns them and has shared them with the coach.
import { v7 as uuidv7 } from 'uuid';
import type { BackendDb } from '#backend/db/connect.ts';
import { changeLog, clientAccess, records } from '#backend/db/schema.ts';
import { recordKey, type StoredState } from '#backend/records.ts';
import { shippedCatalogue } from '#backend/catalogue.ts';
import { formatHlc } from '#core/hlc.ts';
import type { MutationInput, MutationName } from '#core/mutations/index.ts';
import { PROFILE_ATTRIBUTES } from '#core/profile.ts';
import type { EntityName } from '#core/records.ts';
import { applyMutation } from '#core/sync/apply.ts';

const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann'];
const HELD = ['liability_private', 'household_contents', 'car', 'legal_protection', 'accident'];
/** Rows per INSERT: 7 parameters a record, well below PostgreSQL's 65,535 per statement. */
const CHUNK = 2000;

type Row = { entity: EntityName; id: string; clientId: string; state: StoredState };

/** The share of clients with each consent, a mandate, and held products: a coach's book, not every client alike. */
export const MIX = { assistantData: 0.9, contact: 0.6, profiling: 0.5, mandate: 0.2, holding: 0.5 } as const;

export async function seedCoachBook(db: BackendDb, who: { advisorId: string; coachId: string }, clients: number, random: () => number): Promise<string[]> {
  const rows = new Map<string, Row>();
  const start = Date.now() - 400 * 86_400_000;
  let n = 0;
  const apply = <N extends MutationName>(name: N, args: MutationInput<N>, userId = who.advisorId) => {
    const at = start + n * 1000;
    n++;
    const { writes } = applyMutation(name, args, {
      at, hlc: formatHlc({ wall: at, counter: 0, node: 'seed' }), userId, catalogue: shippedCatalogue(),
      read: (entity, id) => rows.get(recordKey(entity, id))?.state ?? null,
    });
    for (const w of writes) rows.set(recordKey(w.entity, w.id), { entity: w.entity, id: w.id, clientId: w.clientId, state: { ...w.state, clientId: w.clientId } });
  };
  const ids: string[] = [];
  for (let c = 0; c < clients; c++) {
    const id = uuidv7();
    ids.push(id);
    apply('client.create', { id, firstName: 'Kundin', lastName: `${LAST[c % LAST.length]} ${c}` });
    const consents = [['assistant_data', MIX.assistantData], ['contact', MIX.contact], ['profiling', MIX.profiling]] as const;
    for (const [purpose, share] of consents) {
      if (random() < share) apply('consent.record', { id: uuidv7(), clientId: id, purpose, granted: true, method: 'app' });
    }
    apply('answer.set', { clientId: id, attribute: 'purchase_driver', value: PROFILE_ATTRIBUTES.purchase_driver[c % 5]!, answeredBy: 'client' });
    if (random() < MIX.holding) apply('holding.add', { id: uuidv7(), clientId: id, productId: HELD[c % HELD.length]!, since: '2024-01-01', yearlyPremiumCents: 9_900 });
    if (random() < MIX.mandate) {
      apply('mandate.grant', {
        id: uuidv7(), clientId: id, budgetCents: 20_000, period: 'month', areas: ['travel', 'mobility', 'household'], perPurchaseCapCents: 10_000, validFrom: '2024-01-01',
      }, who.coachId);
    }
  }
  const all = [...rows.values()];
  const now = new Date();
  await db.transaction(async (tx) => {
    for (let i = 0; i < all.length; i += CHUNK) {
      const chunk = all.slice(i, i + CHUNK);
      await tx.insert(records).values(chunk.map((r) => ({ entity: r.entity, id: r.id, clientId: r.clientId, fields: r.state.fields, stamps: r.state.stamps, createdAt: now, updatedAt: now })));
      await tx.insert(changeLog).values(chunk.map((r) => ({ entity: r.entity, id: r.id, clientId: r.clientId })));
    }
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      await tx.insert(clientAccess).values(chunk.flatMap((clientId) => [
        { clientId, userId: who.advisorId, kind: 'owner' as const }, { clientId, userId: who.coachId, kind: 'shared' as const },
      ]));
    }
  });
  return ids;
}
