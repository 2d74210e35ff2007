// Publishing a segment rule set (core/segments/schema.ts) as the next version
// that devices receive by sync: checked in full first, so a device never gets
// a rule set it cannot use; a device that cannot read it keeps the shipped one.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { RuleSetSchema, type RuleSet } from '#core/segments/index.ts';
import type { BackendDb } from './db/connect.ts';
import { ManufacturerDataError, publishDocument, PUBLISH_LOCK } from './manufacturer.ts';

export function readRuleSetFile(path: string): RuleSet {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ManufacturerDataError(`Cannot read ${path} as JSON (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Nothing was published.`);
  }
  const result = RuleSetSchema.safeParse(json);
  if (result.success) return result.data as RuleSet;
  const lines = result.error.issues.slice(0, 20).map((i) => `  ${i.path.map(String).join('.') || 'the file'}: ${i.message}`);
  throw new ManufacturerDataError(`${path} is not a valid segment rule set, so nothing was published. Fix these fields and publish again:\n${lines.join('\n')}`);
}

/** Publishes the rule set as the next `rule_set` version; returns that version. */
export async function publishRuleSet(db: BackendDb, ruleSet: RuleSet, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK})`);
    return publishDocument(tx, 'rule_set', ruleSet, now);
  });
}
