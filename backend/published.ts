// The newest published alert rules and catalogue, as the signal decisions
// read them: one short query for the latest versions per request, and the
// bodies parsed once per version. A published version never changes, so the
// cache cannot go stale; it is kept per database, as tests open several.
import { and, eq, inArray, max } from 'drizzle-orm';
import { ALERT_RULES_V1, type AlertRules } from '#core/coach/alert-rules.ts';
import { splitCatalogueFile, type CatalogueDocument } from '#core/manufacturer.ts';
import type { BackendDb } from './db/connect.ts';
import { manufacturerDocuments } from './db/schema.ts';
import { readCatalogueFile, SEED_CATALOGUE } from './manufacturer.ts';

export interface DecisionDocuments {
  rules: AlertRules;
  catalogue: CatalogueDocument;
}

let shipped: CatalogueDocument | null = null;
/** The demo catalogue: what devices use before their first sync, and so the decisions too. */
function shippedCatalogueDocument(): CatalogueDocument {
  shipped ??= splitCatalogueFile(readCatalogueFile(SEED_CATALOGUE)).catalogue;
  return shipped;
}

const cache = new WeakMap<BackendDb, Map<string, unknown>>();

export async function decisionDocuments(db: BackendDb): Promise<DecisionDocuments> {
  const latest = await db.select({ kind: manufacturerDocuments.kind, version: max(manufacturerDocuments.version) })
    .from(manufacturerDocuments)
    .where(inArray(manufacturerDocuments.kind, ['alert_rules', 'catalogue']))
    .groupBy(manufacturerDocuments.kind);
  const version = (kind: string) => latest.find((l) => l.kind === kind)?.version ?? null;
  const rulesVersion = version('alert_rules');
  const catalogueVersion = version('catalogue');
  return {
    // Bodies were checked against core/ when they were published.
    rules: rulesVersion === null ? ALERT_RULES_V1 : await body<AlertRules>(db, 'alert_rules', rulesVersion),
    catalogue: catalogueVersion === null ? shippedCatalogueDocument() : await body<CatalogueDocument>(db, 'catalogue', catalogueVersion),
  };
}

async function body<T>(db: BackendDb, kind: 'alert_rules' | 'catalogue', version: number): Promise<T> {
  let known = cache.get(db);
  if (!known) cache.set(db, known = new Map());
  const key = `${kind}:${version}`;
  if (!known.has(key)) {
    const [row] = await db.select({ body: manufacturerDocuments.body }).from(manufacturerDocuments)
      .where(and(eq(manufacturerDocuments.kind, kind), eq(manufacturerDocuments.version, version)));
    known.set(key, row!.body);
  }
  return known.get(key) as T;
}
