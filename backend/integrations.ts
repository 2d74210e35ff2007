// Assistant integrations: the clients' assistant apps (outside this product)
// that report signals (coach.md). Each has its own credential, made here and
// shown once; only its hash is kept, like a device token. It opens
// POST /v1/signals and nothing else, and revoking it stops it on the next request.
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import type { BackendDb } from './db/connect.ts';
import { integrations, type Integration } from './db/schema.ts';
import { isUuid } from './ids.ts';
import { LAST_SEEN_RESOLUTION_MS } from './people.ts';
import { hashSecret, newIntegrationToken, sameHash } from './secrets.ts';

export async function createIntegration(db: BackendDb, name: string, now: Date): Promise<{ integration: Integration; token: string }> {
  const token = newIntegrationToken();
  const [integration] = await db.insert(integrations).values({ name: name.trim(), tokenHash: hashSecret(token), createdAt: now }).returning();
  return { integration: integration!, token };
}

/** Revokes an integration: its token stops working at once, on every instance. Null for an unknown id. */
export async function revokeIntegration(db: BackendDb, id: string, now: Date): Promise<Integration | null> {
  if (!isUuid(id)) return null;
  const [updated] = await db.update(integrations).set({ revokedAt: now })
    .where(and(eq(integrations.id, id.toLowerCase()), isNull(integrations.revokedAt))).returning();
  if (updated) return updated;
  const [already] = await db.select().from(integrations).where(eq(integrations.id, id.toLowerCase()));
  return already ?? null;
}

export async function listIntegrations(db: BackendDb): Promise<Integration[]> {
  return db.select().from(integrations).orderBy(asc(integrations.createdAt), asc(integrations.id));
}

export type IntegrationAuthentication =
  | { ok: true; integration: Integration }
  | { ok: false; reason: 'unknown' | 'revoked'; integrationId?: string };

/** Resolves a bearer token to its integration, and notes (at most once a minute) that it was seen. */
export async function authenticateIntegration(db: BackendDb, token: string, now: Date): Promise<IntegrationAuthentication> {
  const tokenHash = hashSecret(token);
  const [row] = await db.select().from(integrations).where(eq(integrations.tokenHash, tokenHash));
  if (!row || !sameHash(row.tokenHash, tokenHash)) return { ok: false, reason: 'unknown' };
  if (row.revokedAt) return { ok: false, reason: 'revoked', integrationId: row.id };
  const stale = new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS);
  if (row.lastSeenAt && row.lastSeenAt >= stale) return { ok: true, integration: row };
  await db.update(integrations).set({ lastSeenAt: now })
    .where(and(eq(integrations.id, row.id), or(isNull(integrations.lastSeenAt), lt(integrations.lastSeenAt, stale))));
  return { ok: true, integration: { ...row, lastSeenAt: now } };
}
