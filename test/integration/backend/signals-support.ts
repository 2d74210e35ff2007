// An assistant integration and the clients it reports on, as the signal tests
// need them: a coach's book on the backend (clients, consents, mandates,
// shares) and POST /v1/signals with the integration's token.
import { asc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { grantClientAccess } from '#backend/access.ts';
import { changeLog, records, signalCounts, signals } from '#backend/db/schema.ts';
import { createIntegration } from '#backend/integrations.ts';
import type { SignalsAnswer } from '#backend/signals.ts';
import type { ConsentPurpose } from '#core/consent.ts';
import { newClient, type Workstation } from './sync-support.ts';
import type { testBackend } from './support.ts';

type Backend = Awaited<ReturnType<typeof testBackend>>;

export async function assistant(t: Backend, name = 'Assistant app') {
  const { integration, token } = await createIntegration(t.db, name, t.clock.now());
  let n = 0;
  return {
    id: integration.id,
    token,
    /** A signal as the assistant reports it, a day old, sure enough, with a fresh id. */
    signal(kind = 'moving', extra: Record<string, unknown> = {}) {
      n += 1;
      return {
        id: `s${n}-${uuidv7().slice(-6)}`, kind, observed_at: new Date(t.clock.now().getTime() - 86_400_000).toISOString(),
        confidence: 0.8, evidence: `evidence ${n}: three removal quotes in the mailbox`, ...extra,
      };
    },
    /** Posts the batch with the integration's token, another one, or none (null); the answer's body as it came. */
    async send(batch: unknown, bearer: string | null = token) {
      const res = await t.post('/v1/signals', batch, bearer ?? undefined);
      return { status: res.status, body: await res.json() as SignalsAnswer & { error?: string; message?: string; issues?: { path: string; message: string }[] } };
    },
  };
}

/** A client of the advisor's, with these consents given, shared with the coaches named. */
export async function clientWith(t: Backend, advisor: Workstation, consents: ConsentPurpose[], sharedWith: string[] = [], name = newClient('Lea', 'Weber')) {
  await advisor.pushApplied(
    advisor.mutation('client.create', name),
    ...consents.map((purpose) => advisor.mutation('consent.record', { id: uuidv7(), clientId: name.id, purpose, granted: true, method: 'written' })),
  );
  for (const userId of sharedWith) await grantClientAccess(t.db, { clientId: name.id, userId, kind: 'shared' });
  return name.id;
}

/** The alert records of a client, as the backend holds them. */
export async function alertsOf(t: Backend, clientId: string) {
  return t.db.select().from(records).where(sql`${records.entity} = 'alerts' AND ${records.clientId} = ${clientId}`).orderBy(asc(records.createdAt), asc(records.id));
}

export async function storedSignals(t: Backend, clientId: string) {
  return t.db.select().from(signals).where(eq(signals.clientId, clientId)).orderBy(asc(signals.observedAt), asc(signals.signalId));
}

/** The counts per outcome of an integration, all days together. */
export async function countsOf(t: Backend, integrationId: string): Promise<Record<string, number>> {
  const rows = await t.db.select().from(signalCounts).where(eq(signalCounts.integrationId, integrationId));
  const out: Record<string, number> = {};
  for (const r of rows) out[r.outcome] = (out[r.outcome] ?? 0) + r.count;
  return out;
}

export async function changesOf(t: Backend, id: string) {
  return t.db.select().from(changeLog).where(eq(changeLog.id, id));
}
