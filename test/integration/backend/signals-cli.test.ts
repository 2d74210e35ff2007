// The commands for assistant integrations and alert rules, on this file's own
// database (PostgreSQL when DATABASE_URL is set, else PGlite), run in-process
// as `npm run backend -- …` would.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_RULES_V1 } from '#core/coach/alert-rules.ts';
import { runCommand, UsageError } from '#backend/cli.ts';
import { connect } from '#backend/db/connect.ts';
import { integrations, manufacturerDocuments, signalCounts } from '#backend/db/schema.ts';
import { authenticateIntegration } from '#backend/integrations.ts';
import { hashSecret } from '#backend/secrets.ts';
import { databaseTarget, tempFolder, type DatabaseTarget } from './support.ts';

let target: DatabaseTarget;
const folder = tempFolder();
const saved = { url: process.env.DATABASE_URL, dir: process.env.AW_BACKEND_DATA_DIR };

beforeAll(async () => {
  target = await databaseTarget();
  if (target.url) process.env.DATABASE_URL = target.url;
  else { delete process.env.DATABASE_URL; process.env.AW_BACKEND_DATA_DIR = target.dataDir; }
});
afterAll(async () => {
  if (saved.url === undefined) delete process.env.DATABASE_URL; else process.env.DATABASE_URL = saved.url;
  if (saved.dir === undefined) delete process.env.AW_BACKEND_DATA_DIR; else process.env.AW_BACKEND_DATA_DIR = saved.dir;
  await target?.cleanup();
  folder.cleanup();
});

async function withDb<T>(run: (db: Awaited<ReturnType<typeof connect>>['db']) => Promise<T>): Promise<T> {
  const database = await connect({ url: target.url, dataDir: target.dataDir });
  try { return await run(database.db); } finally { await database.close(); }
}

describe('integrations', () => {
  let id: string;
  let token: string;

  it('create-integration prints the id and the token once; only the token’s hash is kept', async () => {
    [id, token] = (await runCommand('create-integration', ['Assistant app'])).split(' ') as [string, string];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(token).toMatch(/^awi_[A-Za-z0-9_-]{43}$/);
    const [row] = await withDb((db) => db.select().from(integrations).where(eq(integrations.id, id)));
    expect(row).toMatchObject({ name: 'Assistant app', tokenHash: hashSecret(token), revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await withDb((db) => authenticateIntegration(db, token, new Date()))).toMatchObject({ ok: true, integration: { id } });
    // Another one has another token.
    const [, other] = (await runCommand('create-integration', ['--name', 'Second app'])).split(' ');
    expect(other).not.toBe(token);
  });

  it('create-integration refuses no name, an empty one and two', async () => {
    await expect(runCommand('create-integration', [])).rejects.toThrow(/create-integration needs one name/);
    await expect(runCommand('create-integration', ['  '])).rejects.toThrow(/the integration's the name may not be empty/);
    await expect(runCommand('create-integration', ['A', 'B'])).rejects.toThrow(UsageError);
  });

  it('integrations lists them, active or revoked', async () => {
    const lines = (await runCommand('integrations', [])).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${id} "Assistant app" created=\\S+ active last_seen=`));
  });

  it('revoke-integration stops the token at once; an unknown id is an error', async () => {
    expect(await runCommand('revoke-integration', [id])).toBe(`revoked ${id} (Assistant app)`);
    expect(await withDb((db) => authenticateIntegration(db, token, new Date()))).toEqual({ ok: false, reason: 'revoked', integrationId: id });
    expect((await runCommand('integrations', [])).split('\n')[0]).toMatch(/ revoked=\S+ /);
    await expect(runCommand('revoke-integration', ['0190b2c4-7e1a-7c3d-9f00-5a6b7c8d9e0f'])).rejects.toThrow(/No integration with the id/);
    await expect(runCommand('revoke-integration', [])).rejects.toThrow(UsageError);
  });

  it('signals-report prints per integration what became of its signals', async () => {
    await withDb((db) => db.insert(signalCounts).values([
      { integrationId: id, day: '2026-03-01', outcome: 'alert', count: 3 },
      { integrationId: id, day: '2026-03-02', outcome: 'duplicate', count: 2 },
      { integrationId: id, day: '2026-03-02', outcome: 'no_consent', count: 4 },
      { integrationId: id, day: '2026-03-02', outcome: 'resent', count: 1 },
    ]));
    const [first] = (await runCommand('signals-report', [])).split('\n');
    expect(first).toBe(`${id} "Assistant app" (revoked) received=10 kept=5 alerts=3 merged=2 resent=1 `
      + 'no_consent=4 rejected_by_client=0 low_confidence=0 stale=0 unknown_kind=0 unknown_client=0');
    expect((await runCommand('signals-report', ['--since', '2026-03-02'])).split('\n')[0]).toMatch(/received=7 kept=2 alerts=0 merged=2/);
    await expect(runCommand('signals-report', ['--since', 'yesterday'])).rejects.toThrow(/--since must be a day like 2027-03-01/);
  });
});

describe('publish-alert-rules', () => {
  it('refuses a file that is not valid alert rules, naming each field, and publishes nothing', async () => {
    const file = join(folder.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...ALERT_RULES_V1, min_confidence: 1.2, stale_days: 3 }));
    await expect(runCommand('publish-alert-rules', ['--file', file])).rejects.toThrow(
      /is not valid alert rules, so nothing was published[\s\S]*min_confidence: must be from 0 to 1[\s\S]*has unknown fields \(stale_days\)/);
    writeFileSync(file, '{');
    await expect(runCommand('publish-alert-rules', ['--file', file])).rejects.toThrow(/Cannot read .* as JSON/);
    expect(await withDb((db) => db.select().from(manufacturerDocuments).where(eq(manufacturerDocuments.kind, 'alert_rules')))).toEqual([]);
  });

  it('publishes valid rules as the next version', async () => {
    const file = join(folder.dir, 'rules.json');
    writeFileSync(file, JSON.stringify({ ...ALERT_RULES_V1, version: '2', min_confidence: 0.7 }));
    expect(await runCommand('publish-alert-rules', ['--file', file])).toBe('alert_rules=1 (2)');
    expect(await runCommand('publish-alert-rules', ['--file', file])).toBe('alert_rules=2 (2)');
    const rows = await withDb((db) => db.select().from(manufacturerDocuments).where(eq(manufacturerDocuments.kind, 'alert_rules')));
    expect(rows.map((r) => [r.version, (r.body as { min_confidence: number }).min_confidence])).toEqual([[1, 0.7], [2, 0.7]]);
  });
});
