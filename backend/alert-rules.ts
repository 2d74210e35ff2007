// Publishing the alert rules (core/coach/alert-rules.ts: thresholds and
// windows for turning signals into alerts) as the next version of the
// `alert_rules` document, like the segment rule set: checked in full first,
// then sent down to devices with the other manufacturer documents. Until one
// is published, the backend and the devices decide with ALERT_RULES_V1.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { alertRulesDocument, type AlertRules } from '#core/coach/alert-rules.ts';
import type { BackendDb } from './db/connect.ts';
import { ManufacturerDataError, publishDocument, PUBLISH_LOCK } from './manufacturer.ts';

export function readAlertRulesFile(path: string): AlertRules {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ManufacturerDataError(`Cannot read ${path} as JSON (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Nothing was published.`);
  }
  return checkAlertRules(json, path);
}

export function checkAlertRules(json: unknown, source: string): AlertRules {
  const result = alertRulesDocument.safeParse(json);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 20).map((i) => `  ${i.path.map(String).join('.') || 'the file'}: ${i.code === 'unrecognized_keys'
    ? `has unknown fields (${i.keys.join(', ')}): check their spelling against core/coach/alert-rules.ts`
    : i.message}`);
  throw new ManufacturerDataError(`${source} is not valid alert rules, so nothing was published. Fix these fields and publish again:\n${lines.join('\n')}`);
}

/** Publishes the rules as the next `alert_rules` version; returns that version. */
export async function publishAlertRules(db: BackendDb, rules: AlertRules, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK})`);
    return publishDocument(tx, 'alert_rules', rules, now);
  });
}
