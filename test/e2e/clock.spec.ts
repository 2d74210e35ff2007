// A workstation whose clock runs 29 days ahead of the manufacturer's: the
// advisor is told by how much and what to do, the client they add stays here
// and waits; once the clocks agree, it is sent without anything else to do.
// The backend's clock is moved instead of the computer's: the same difference.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { records } from '#backend/db/schema.ts';
import { createLogger } from '#backend/log.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import { startBackend } from '#backend/server.ts';
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test.use({ workstationOptions: { backend: 'none' } });
// Its own backend (PGlite) starts inside the test, and three syncs follow: more than the usual time on a busy machine.
test.setTimeout(180_000);

const DAY = 24 * 60 * 60 * 1000;
const SHOTS = process.env.AW_SCREENSHOTS;

test('a clock 29 days ahead: told in minutes, the new client kept and sent once the clocks agree', async ({ page, workstation }) => {
  const folder = mkdtempSync(join(tmpdir(), 'aw-e2e-backend-'));
  const quiet = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
  let behind = 0;
  const backend = await startBackend({ dataDir: join(folder, 'db'), port: 0, logger: quiet, clock: { now: () => new Date(Date.now() - behind) } });
  try {
    const anna = await createUser(backend.database.db, { displayName: 'Anna Berger', roles: ['advisor'] }, new Date());
    const { code } = await issueEnrolmentCode(backend.database.db, anna.id, new Date());
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page, workstation);
    await setUp(page);
    await page.getByTestId('sync-badge').click();
    await page.getByLabel('Adresse des Herstellers').fill(backend.url);
    await page.getByLabel('Einmalcode').fill(code);
    await page.getByLabel('Name dieses Geräts').fill('Annas Laptop');
    await page.getByRole('button', { name: 'Verbinden' }).click();
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-phase', 'up_to_date', { timeout: 15_000 });
    await expect(page.getByTestId('clock-banner')).toHaveCount(0);

    behind = 29 * DAY;
    await page.getByRole('link', { name: 'Kunden' }).click();
    await addClient(page, 'Lea', 'Hoffmann');
    const banner = page.getByTestId('clock-banner');
    await expect(banner).toContainText('Die Uhr dieses Computers geht 41.760 Minuten vor.', { timeout: 15_000 });
    await expect(banner).toContainText('Bitte lassen Sie Datum und Uhrzeit in den Einstellungen des Computers automatisch einstellen.');
    await expect(banner).toContainText('Ihre Änderung bleibt auf diesem Computer gespeichert und wird gesendet, sobald die Uhr stimmt.');
    await expect(page.getByTestId('sync-badge')).toContainText('Uhr geht vor');
    await expect(page.getByTestId('pending-changes')).toHaveText('1 Änderung wartet auf Abgleich');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'clock-banner-de.png') });

    await page.getByRole('button', { name: 'English' }).click();
    await expect(banner).toContainText('This computer’s clock is 41,760 minutes ahead.');
    await expect(banner).toContainText('Please let the computer set its date and time automatically');
    await expect(banner).toContainText('Your change is kept on this computer and will be sent as soon as the clock is right.');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'clock-banner-en.png') });
    await page.getByTestId('sync-badge').click();
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-phase', 'clock_ahead');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'clock-sync-en.png') });

    // Nothing of it reached the manufacturer.
    expect(await stored()).toEqual([]);
    // The clocks agree again: the next sync sends the client, and the banner goes.
    behind = 0;
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-phase', 'up_to_date', { timeout: 15_000 });
    await expect(banner).toHaveCount(0);
    await expect(page.getByTestId('pending-changes')).toHaveText('nothing pending');
    expect(await stored()).toEqual([expect.objectContaining({ firstName: 'Lea', lastName: 'Hoffmann', ownerId: anna.id })]);
  } finally {
    await backend.close();
    rmSync(folder, { recursive: true, force: true });
  }

  async function stored() {
    return (await backend.database.db.select({ fields: records.fields }).from(records).where(eq(records.entity, 'clients'))).map((r) => r.fields);
  }
});
