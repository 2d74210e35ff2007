// A mandate's amount changed on two devices without either seeing the other:
// the workstation does not merge the money, it shows both amounts and lets the
// coach decide, and the decision reaches the manufacturer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { records } from '#backend/db/schema.ts';
import { createLogger } from '#backend/log.ts';
import { publishCatalogue, readCatalogueFile, SEED_CATALOGUE } from '#backend/manufacturer.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import { startBackend } from '#backend/server.ts';
import { SyncEngine } from '#services/sync/engine.ts';
import { openTestStore } from '../support/book.ts';
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

// This test brings its own backend: the workstation starts without the embedded one.
test.use({ workstationOptions: { backend: 'none' } });

test('a budget changed on two devices is not merged: the coach sees both amounts and decides', async ({ page, workstation }) => {
  const folder = mkdtempSync(join(tmpdir(), 'aw-e2e-mandate-'));
  const quiet = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
  const backend = await startBackend({ dataDir: join(folder, 'db'), port: 0, logger: quiet });
  const tablet = openTestStore();
  try {
    const db = backend.database.db;
    await publishCatalogue(db, readCatalogueFile(SEED_CATALOGUE), new Date());
    const clara = await createUser(db, { displayName: 'Clara Vogt', roles: ['life_coach'] }, new Date());

    await openApp(page, workstation);
    await setUp(page, { name: 'Clara Vogt' });
    await page.getByTestId('sync-badge').click();
    await page.getByLabel('Adresse des Herstellers').fill(backend.url);
    await page.getByLabel('Einmalcode').fill((await issueEnrolmentCode(db, clara.id, new Date())).code);
    await page.getByLabel('Name dieses Geräts').fill('Laptop');
    await page.getByRole('button', { name: 'Verbinden' }).click();
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-phase', 'up_to_date', { timeout: 15_000 });

    await page.getByRole('link', { name: 'Kunden' }).click();
    await addClient(page, 'Lea', 'Hoffmann');
    const mandate = page.getByTestId('mandate');
    await mandate.getByTestId('mandate-budget').fill('zweihundert');
    await mandate.getByTestId('mandate-cap').fill('50');
    await mandate.getByLabel('Mobilität').check();
    await mandate.getByRole('button', { name: 'Vollmacht erteilen' }).click();
    await expect(mandate.getByText('Das ist kein Betrag. Bitte in Euro eingeben', { exact: false })).toBeVisible();
    await mandate.getByTestId('mandate-budget').fill('200');
    await mandate.getByRole('button', { name: 'Vollmacht erteilen' }).click();
    await expect(mandate.getByTestId('mandate-summary')).toHaveText(/200,00\s€ je Monat, höchstens 50,00\s€ je Kauf/);
    // Sent to the manufacturer by itself, soon after it was saved.
    const mandates = async () => db.select({ id: records.id, fields: records.fields }).from(records).where(eq(records.entity, 'mandates'));
    await expect.poll(async () => (await mandates()).length, { timeout: 15_000 }).toBe(1);

    // The coach's tablet raises the budget to 300 € and syncs first.
    const engine = new SyncEngine(tablet.store);
    await engine.enrol(backend.url, (await issueEnrolmentCode(db, clara.id, new Date())).code, 'Tablet');
    await engine.syncOnce();
    const mandateId = (await mandates())[0]!.id;
    tablet.store.mutate('mandate.update', { id: mandateId, patch: { budgetCents: 30_000 }, expected: { budgetCents: 20_000 } });
    await engine.syncOnce();

    // On the laptop, still showing 200 €, the coach enters 250 €.
    await mandate.getByTestId('mandate-budget').fill('250');
    await mandate.getByRole('button', { name: 'Beträge speichern' }).click();
    await expect(page.getByTestId('sync-badge')).toContainText('Bitte prüfen', { timeout: 15_000 });
    await page.getByTestId('sync-badge').click();
    const conflict = page.getByTestId('money-conflict');
    await expect(conflict).toContainText(/Budget: Ihre Eingabe 250,00\s€, jetzt gültig 300,00\s€/);
    await conflict.getByRole('button', { name: 'Meinen Betrag übernehmen' }).click();
    await expect(page.getByTestId('money-conflict')).toHaveCount(0);
    await expect(page.getByTestId('pending-changes')).toHaveText('nichts offen', { timeout: 15_000 });

    await expect.poll(async () => ((await mandates())[0]!.fields as { budgetCents: number }).budgetCents).toBe(25_000);
    await engine.syncOnce();
    expect((tablet.store.sqlite.prepare('SELECT budget_cents AS b FROM mandates').get() as { b: number }).b).toBe(25_000);
  } finally {
    tablet.close();
    await backend.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
