// Handing a client to a life coach, by keyboard, as two people at two
// workstations see it: Anna shares her client with Lena from the directory of
// coaches, Lena's workstation receives the client and says whose it is, and
// when Anna takes the share back (after a confirmation), Lena's drops it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { clientAccess } from '#backend/db/schema.ts';
import { createLogger } from '#backend/log.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import { startBackend } from '#backend/server.ts';
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';
import { syncNow as syncAndWait } from './support/badge.ts';

// This test brings its own backend, to know its people: the workstations start without the embedded one.
test.use({ workstationOptions: { backend: 'none' } });
// Two workstations start one after the other.
test.setTimeout(240_000);

/** Connects the workstation on the sync screen and waits until it has synced. */
async function connect(page: Page, url: string, code: string): Promise<void> {
  await page.getByTestId('sync-badge').click();
  await page.getByLabel('Adresse des Herstellers').fill(url);
  await page.getByLabel('Einmalcode').fill(code);
  await page.getByLabel('Name dieses Geräts').fill('Laptop');
  await page.getByRole('button', { name: 'Verbinden' }).click();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-phase', 'up_to_date', { timeout: 15_000 });
}

/** Syncs from the sync screen and goes back to the client list. */
async function syncNow(page: Page): Promise<void> {
  await syncAndWait(page);
  await page.getByRole('link', { name: 'Kunden', exact: true }).click();
}

test('a client shared with a life coach reaches the coach, says whose it is, and leaves again when the share is taken back', async ({ page, browser, startWorkstation }) => {
  const folder = mkdtempSync(join(tmpdir(), 'aw-e2e-backend-'));
  const quiet = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
  const backend = await startBackend({ dataDir: join(folder, 'db'), port: 0, logger: quiet });
  const db = backend.database.db;
  const lenasPage = await browser.newPage();
  try {
    const anna = await createUser(db, { displayName: 'Anna Berger', roles: ['advisor'] }, new Date());
    const lena = await createUser(db, { displayName: 'Lena Hoffmann', roles: ['life_coach'] }, new Date());
    await createUser(db, { displayName: 'Jonas Weber', roles: ['life_coach'] }, new Date());
    const code = async (userId: string) => (await issueEnrolmentCode(db, userId, new Date())).code;
    const access = async (clientId: string) => (await db.select({ userId: clientAccess.userId, kind: clientAccess.kind }).from(clientAccess)
      .where(eq(clientAccess.clientId, clientId))).sort((a, b) => a.kind.localeCompare(b.kind));

    // Anna's workstation, connected: the directory of coaches came with its first sync.
    const annas = await startWorkstation({ backend: 'none' });
    await openApp(page, annas);
    await setUp(page, { name: 'Anna Berger' });
    await connect(page, backend.url, await code(anna.id));
    await page.getByRole('link', { name: 'Kunden', exact: true }).click();
    await addClient(page, 'Greta', 'Quandt');
    const clientId = decodeURIComponent(new URL(page.url()).hash.split('/').at(-1)!);

    const section = page.getByTestId('client-access');
    await expect(section.getByRole('heading', { name: 'Zugriff' })).toBeVisible();
    await expect(page.getByTestId('access-owner')).toHaveText('Sie');
    await expect(page.getByTestId('access-none')).toHaveText('Mit niemandem geteilt.');
    await expect(page.getByTestId('access-directory')).toContainText(/^Verzeichnis der Life-Coaches vom \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);

    // Without a choice, it says what to do first.
    await section.getByRole('button', { name: 'Teilen', exact: true }).click();
    await expect(section).toContainText('Bitte zuerst einen Life-Coach wählen.');

    // By keyboard: the coach is found by typing, then Tab to the button and Enter.
    const coach = section.getByLabel('Life-Coach', { exact: true });
    await coach.focus();
    await page.keyboard.type('Lena');
    await expect(coach).toHaveValue(lena.id);
    await page.keyboard.press('Tab');
    await expect(section.getByRole('button', { name: 'Teilen', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('access-said')).toHaveText('Lena Hoffmann erhält den Kunden beim nächsten Abgleich.');
    await expect(page.getByTestId('access-shared')).toContainText('Lena Hoffmann (Life-Coach)');
    // Lena is on the list, so only Jonas is offered.
    await expect(coach.getByRole('option')).toHaveText(['Bitte wählen …', 'Jonas Weber']);
    // The badge may still read "nichts offen" from before the share was queued, so wait on the backend itself.
    await expect.poll(() => access(clientId), { timeout: 15_000 }).toEqual([{ userId: anna.id, kind: 'owner' }, { userId: lena.id, kind: 'shared' }]);
    await expect(page.getByTestId('pending-changes')).toHaveText('nichts offen', { timeout: 15_000 });

    // Lena's workstation receives the client, and says whose it is; sharing is not hers to decide.
    const lenas = await startWorkstation({ backend: 'none' });
    await openApp(lenasPage, lenas);
    await setUp(lenasPage, { name: 'Lena Hoffmann' });
    await connect(lenasPage, backend.url, await code(lena.id));
    await lenasPage.getByRole('link', { name: 'Kunden', exact: true }).click();
    await lenasPage.getByRole('option').filter({ hasText: 'Quandt' }).click();
    await expect(lenasPage.getByRole('heading', { level: 1, name: 'Greta Quandt' })).toBeVisible();
    const hers = lenasPage.getByTestId('client-access');
    await expect(lenasPage.getByTestId('access-owner')).toHaveText('Anna Berger');
    await expect(lenasPage.getByTestId('access-shared')).toContainText('Lena Hoffmann');
    await expect(hers).toContainText('Mit wem der Kunde geteilt ist, bestimmt der zuständige Berater.');
    await expect(hers.getByRole('button')).toHaveCount(0);

    // Anna takes the share back: asked first, and cancelling keeps it.
    await section.getByRole('button', { name: 'Freigabe entziehen: Lena Hoffmann' }).click();
    const confirm = page.getByTestId('unshare-confirm');
    await expect(confirm.getByRole('heading', { name: 'Freigabe für Lena Hoffmann entziehen?' })).toBeVisible();
    await expect(confirm).toContainText('Lena Hoffmann sieht diesen Kunden nach dem nächsten Abgleich nicht mehr.');
    await expect(confirm.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('access-shared')).toContainText('Lena Hoffmann');
    await section.getByRole('button', { name: 'Freigabe entziehen: Lena Hoffmann' }).click();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('access-said')).toHaveText('Freigabe für Lena Hoffmann entzogen.');
    await expect(page.getByTestId('access-none')).toBeVisible();
    await expect.poll(() => access(clientId), { timeout: 15_000 }).toEqual([{ userId: anna.id, kind: 'owner' }]);
    await expect(page.getByTestId('pending-changes')).toHaveText('nichts offen', { timeout: 15_000 });

    // At Lena's next sync the client is gone from her workstation.
    await syncNow(lenasPage);
    await expect(lenasPage.getByTestId('client-list-empty')).toBeVisible();

    // In English, the same section.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(section.getByRole('heading', { name: 'Access' })).toBeVisible();
    await expect(page.getByTestId('access-owner')).toHaveText('You');
    await expect(page.getByTestId('access-none')).toHaveText('Not shared with anyone.');
    await expect(page.getByTestId('access-directory')).toContainText(/^Directory of life coaches as of \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/);
  } finally {
    await lenasPage.close();
    await backend.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
