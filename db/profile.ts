// What the book holds that the segment engine and the conclusions read: a
// client's answers as a profile, the consent in force, the conclusions so far.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Conclusion, ConclusionKind, ConclusionStatus } from '#core/conclusions.ts';
import { consentInForce, type ConsentEntry, type ConsentPurpose } from '#core/consent.ts';
import type { Profile } from '#core/profile.ts';
import type { Db } from './open.ts';
import { answers, conclusions, consents } from './schema.ts';

export function profileOf(db: Db, clientId: string): Profile {
  const rows = db.select({ attribute: answers.attribute, value: answers.value }).from(answers)
    .where(and(eq(answers.clientId, clientId), isNull(answers.deletedAt))).all();
  const profile: Record<string, unknown> = {};
  for (const r of rows) if (r.value !== null) profile[r.attribute] = r.value;
  return profile as Profile;
}

/** Every consent record of the client, for the rule that the newest per purpose is in force. */
export function consentRecords(db: Db, clientId: string): ConsentEntry[] {
  return db.select({ purpose: consents.purpose, granted: consents.granted, recordedAt: consents.recordedAt }).from(consents)
    .where(and(eq(consents.clientId, clientId), isNull(consents.deletedAt))).all() as ConsentEntry[];
}

export function consentOf(db: Db, clientId: string): Record<ConsentPurpose, boolean> {
  return consentInForce(consentRecords(db, clientId));
}

export type ConclusionRow = Conclusion & { inputs: Record<string, unknown>; decidedBy: string; statusAt: number | null; statusNote: string | null };

export function conclusionsOf(db: Db, clientId: string): ConclusionRow[] {
  return db.select().from(conclusions).where(and(eq(conclusions.clientId, clientId), isNull(conclusions.deletedAt)))
    .orderBy(asc(conclusions.decidedAt)).all().map((c) => ({
      id: c.id, kind: c.kind as ConclusionKind, value: c.value, source: c.source as 'rule' | 'advisor', status: c.status as ConclusionStatus,
      decidedAt: c.decidedAt, ruleSetVersion: c.ruleSetVersion, reason: c.reason, inputs: c.inputs, decidedBy: c.decidedBy,
      statusAt: c.statusAt, statusNote: c.statusNote,
    }));
}
