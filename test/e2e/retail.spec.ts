// The retailer's sale, end to end against what `npm start` ships, with a
// backend of its own that grants retailer_oeko_haus its ranges: the retailer
// moves the price within the range by keyboard, gives the reason and records
// the sale, which is on the client's page and reaches the backend; types a
// price above the ceiling and can only ask for approval; the manufacturer
// approves it in the backend; after a sync the sale is recorded at that price.
// Then the backend rates the retailers and the retailer reads its own rating.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Page } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import type { BackendDb } from '#backend/db/connect.ts';
import { changeLog, records } from '#backend/db/schema.ts';
import { createLogger } from '#backend/log.ts';
import { rateAllRetailers } from '#backend/rating.ts';
import { publishCatalogue, readCatalogueFile, SEED_CATALOGUE, setRetailer } from '#backend/manufacturer.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import { formatHlc } from '#core/hlc.ts';
import { catalogueLookup, splitCatalogueFile } from '#core/manufacturer.ts';
import { planMutation } from '#core/mutations/plan.ts';
import { startBackend } from '#backend/server.ts';
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';
import { syncNow } from './support/badge.ts';

const euro = (amount: string) => new RegExp(`${amount.replace('.', '\\.')}\\s€`);

/**
 * The manufacturer decides a request in the backend: the same core plan the
 * backend runs for approval.decide, written into its records with a change-log
 * row, so devices pull it like any other change.
 */
async function decide(db: BackendDb, approvalId: string, decision: 'approved' | 'declined', by: string) {
  const [row] = await db.select().from(records).where(and(eq(records.entity, 'approvals'), eq(records.id, approvalId)));
  const at = Date.now();
  const catalogue = catalogueLookup([splitCatalogueFile(readCatalogueFile(SEED_CATALOGUE)).catalogue]);
  const plan = planMutation('approval.decide', { id: approvalId, decision, note: null }, {
    at, userId: by, catalogue, read: { get: (entity, id) => (entity === 'approvals' && id === approvalId ? { ...row!.fields, id, clientId: row!.clientId, deletedAt: null } as never : null) },
  });
  const hlc = formatHlc({ wall: at, counter: 0, node: 'backend' });
  const fields = { ...row!.fields, ...plan.writes[0]!.fields };
  const stamps = { ...row!.stamps, ...Object.fromEntries(Object.keys(plan.writes[0]!.fields).map((k) => [k, hlc])) };
  await db.update(records).set({ fields, stamps, updatedAt: new Date(at) }).where(and(eq(records.entity, 'approvals'), eq(records.id, approvalId)));
  await db.insert(changeLog).values({ entity: 'approvals', id: approvalId, clientId: row!.clientId });
}

/** The sale screen for the client on screen, with the product chosen. */
async function startSale(page: Page) {
  await page.getByRole('link', { name: 'Verkauf an diesen Kunden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verkauf' })).toBeVisible();
  await page.getByLabel('Produkt', { exact: true }).selectOption('green_household');
  await expect(page.getByLabel('Preis in €')).toHaveValue('12,40');
}

test.describe('against a backend of its own', () => {
  test.use({ workstationOptions: { backend: 'none' } });

  test('a sale within the range, a price above it asked and approved, then sold at that price; the rating the backend computed, read on the device', async ({ page, workstation }) => {
    test.slow();
    const folder = mkdtempSync(join(tmpdir(), 'aw-e2e-retail-'));
    const quiet = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
    const backend = await startBackend({ dataDir: join(folder, 'db'), port: 0, logger: quiet });
    try {
      const db = backend.database.db;
      await publishCatalogue(db, readCatalogueFile(SEED_CATALOGUE), new Date());
      const ben = await createUser(db, { displayName: 'Ben Öko', roles: ['retailer'] }, new Date());
      await setRetailer(db, ben.id, 'retailer_oeko_haus', new Date());
      await openApp(page, workstation);
      await setUp(page, { name: 'Ben Öko' });
      await page.getByTestId('sync-badge').click();
      await page.getByLabel('Adresse des Herstellers').fill(backend.url);
      await page.getByLabel('Einmalcode').fill((await issueEnrolmentCode(db, ben.id, new Date())).code);
      await page.getByLabel('Name dieses Geräts').fill('Kasse');
      await page.getByRole('button', { name: 'Verbinden' }).click();
      await expect(page.getByTestId('sync-state')).toHaveAttribute('data-phase', 'up_to_date', { timeout: 15_000 });
      const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
      await expect(nav.getByRole('link')).toHaveText(['Verkauf', 'Freigaben', 'Bewertung', 'Kunden']);

      await nav.getByRole('link', { name: 'Kunden' }).click();
      await addClient(page, 'Jonas', 'Keller');
      await startSale(page);
      // The range as granted: proposal, floor and ceiling on the bar, valid to the end of June 2027.
      await expect(page.getByTestId('price-proposed')).toContainText(euro('12,40'));
      await expect(page.getByTestId('price-floor')).toContainText(euro('11,20'));
      await expect(page.getByTestId('price-ceiling')).toContainText(euro('14,90'));
      await expect(page.getByText('Spanne gültig bis 30.06.2027')).toBeVisible();
      const decision = page.getByTestId('sale-decision');
      await expect(decision).toHaveAttribute('data-decision', 'proposed');

      // Up by 1,10 € on the bar, ten cents a key: a reason is needed before the sale can be recorded.
      const thumb = page.getByTestId('price-thumb');
      await thumb.focus();
      for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowUp');
      await expect(page.getByLabel('Preis in €')).toHaveValue('13,50');
      await expect(thumb).toHaveAttribute('aria-valuetext', /13,50\s€, innerhalb der Spanne/);
      await expect(decision).toHaveAttribute('data-decision', 'refused');
      await expect(decision).toContainText(/Abweichung \+1,10\s€: Bitte wählen Sie einen Grund/);
      const record = page.getByRole('button', { name: 'Verkauf erfassen' });
      await expect(record).toBeDisabled();
      await page.getByLabel('Grund der Abweichung').selectOption({ label: 'Wert für den Kunden' });
      await expect(decision).toHaveAttribute('data-decision', 'within_range');
      await record.click();
      await expect(page.getByTestId('sale-done')).toContainText(/Verkauf erfasst: .*13,50\s€/);
      await page.getByRole('link', { name: 'Zum Kunden' }).click();
      await expect(page.getByTestId('client-sale')).toHaveText([/Hausrat "Grün".* für 13,50\s€.*Wert für den Kunden/]);
      await expect(page.getByTestId('timeline').locator('.tp-purchase').first()).toContainText('Hausrat');
      const sales = async () => (await db.select({ fields: records.fields }).from(records).where(eq(records.entity, 'sales'))).map((r) => r.fields as { chosenCents: number; decision: string });
      await expect.poll(sales, { timeout: 15_000 }).toEqual([expect.objectContaining({ chosenCents: 1350, decision: 'within_range' })]);

      // 15,90 € typed: above the ceiling, so only a request is possible, and it needs the reason too.
      await startSale(page);
      await page.getByLabel('Preis in €').fill('15,90');
      await expect(decision).toHaveAttribute('data-decision', 'refused');
      await expect(page.getByRole('button', { name: 'Verkauf erfassen' })).toBeDisabled();
      await page.getByLabel('Grund der Abweichung').selectOption({ label: 'Treue des Kunden' });
      await expect(decision).toHaveAttribute('data-decision', 'needs_approval');
      await expect(decision).toContainText(/Über der Obergrenze von 14,90\s€ \(\+3,50\s€ zum Vorschlag\): nur mit Freigabe des Herstellers/);
      await expect(page.getByRole('button', { name: 'Verkauf erfassen' })).toHaveCount(0);
      await page.getByRole('button', { name: 'Freigabe anfragen' }).click();
      await expect(decision).toContainText('Die Entscheidung des Herstellers kommt mit dem nächsten Abgleich');
      await expect(page.getByTestId('approvals-pending')).toContainText('1');
      await nav.getByRole('link', { name: 'Freigaben' }).click();
      await expect(page.getByTestId('approval')).toHaveAttribute('data-state', 'pending');
      await expect(page.getByTestId('approval')).toContainText(/15,90\s€.*Spanne 11,20\s€ – 14,90\s€, Vorschlag 12,40\s€.*Treue des Kunden/);

      // The manufacturer approves it in the backend; the decision comes down with the next sync.
      const approvals = async () => db.select({ id: records.id }).from(records).where(eq(records.entity, 'approvals'));
      await expect.poll(async () => (await approvals()).length, { timeout: 15_000 }).toBe(1);
      const manufacturer = await createUser(db, { displayName: 'Hersteller Freigabe', roles: ['admin'] }, new Date());
      await decide(db, (await approvals())[0]!.id, 'approved', manufacturer.id);
      await syncNow(page);
      await nav.getByRole('link', { name: 'Freigaben' }).click();
      const row = page.getByTestId('approval');
      await expect(row).toHaveAttribute('data-state', 'approved');
      await expect(row).toContainText(/gültig bis \d\d\.\d\d\.\d{4}/);
      await expect(page.getByTestId('approvals-pending')).toHaveCount(0);

      // On the sale screen the approved price is recordable now.
      await row.getByRole('link', { name: 'Jonas Keller' }).click();
      await startSale(page);
      await page.getByLabel('Preis in €').fill('15,90');
      await page.getByLabel('Grund der Abweichung').selectOption({ label: 'Treue des Kunden' });
      await expect(decision).toHaveAttribute('data-decision', 'approved');
      await expect(decision).toContainText('Der Hersteller hat diesen Preis freigegeben');
      await page.getByRole('button', { name: 'Verkauf erfassen' }).click();
      await expect(page.getByTestId('sale-done')).toContainText(/15,90\s€/);
      await page.getByRole('link', { name: 'Zum Kunden' }).click();
      await expect(page.getByTestId('client-sale')).toHaveText([/15,90\s€/, /13,50\s€/]);
      await expect.poll(async () => (await sales()).map((s) => [s.chosenCents, s.decision]).sort(), { timeout: 15_000 })
        .toEqual([[1350, 'within_range'], [1590, 'approved']]);

      // The backend rates every retailer from what was pushed; this one sees its own rating after a sync.
      await nav.getByRole('link', { name: 'Bewertung' }).click();
      await expect(page.getByTestId('rating-none')).toBeVisible();
      const mine = (await rateAllRetailers(db, new Date())).ratings.find((r) => r.retailerId === 'retailer_oeko_haus')!;
      // A client and two sales are fewer than 20 data points: not rated yet, and the screen says how many are missing.
      expect(mine.rating).toBe('none');
      await syncNow(page);
      await nav.getByRole('link', { name: 'Bewertung' }).click();
      await expect(page.getByTestId('rating')).toHaveAttribute('data-rating', 'none');
      await expect(page.getByTestId('rating')).toContainText('Noch nicht eingestuft');
      await expect(page.locator('.rating-figures td')).toHaveText([mine.figures.answers, mine.figures.outcomes, mine.figures.completeProfiles, mine.points].map(String));
      await expect(page.getByTestId('rating-next')).toHaveText(`Mit ${20 - mine.points} weiteren Datenpunkten erreichen Sie Bronze.`);
    } finally {
      await backend.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
