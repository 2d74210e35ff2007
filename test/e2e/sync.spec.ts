// Sync as the advisor sees it, against a real backend on loopback: connect
// the workstation with a one-time code (an unencrypted address and a wrong
// code are explained), and a new client goes to the manufacturer by itself,
// the header saying so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { records } from '#backend/db/schema.ts';
import { createLogger } from '#backend/log.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import { startBackend } from '#backend/server.ts';
import { Writable } from 'node:stream';
import { readBadge, recordBadge } from './support/badge.ts';
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

// This test brings its own backend: the workstation starts without the embedded one.
test.use({ workstationOptions: { backend: 'none' } });

test('connecting with a one-time code, and a new client reaching the manufacturer by itself', async ({ page, workstation }) => {
  const folder = mkdtempSync(join(tmpdir(), 'aw-e2e-backend-'));
  const quiet = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
  const backend = await startBackend({ dataDir: join(folder, 'db'), port: 0, logger: quiet });
  try {
    const anna = await createUser(backend.database.db, { displayName: 'Anna Berger', roles: ['advisor'] }, new Date());
    const { code } = await issueEnrolmentCode(backend.database.db, anna.id, new Date());

    await recordBadge(page);
    await openApp(page, workstation);
    await setUp(page);
    const badge = page.getByTestId('sync-badge');
    await expect(badge).toContainText('Nicht verbunden');
    await badge.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Abgleich mit dem Hersteller' })).toBeVisible();

    // Over plain http:// to another computer the code would travel in clear: refused before it is sent.
    await page.getByLabel('Adresse des Herstellers').fill('http://hersteller.example.de');
    await page.getByLabel('Einmalcode').fill('ABCD-EFGH-JKMN');
    await page.getByLabel('Name dieses Geräts').fill('Annas Laptop');
    await page.getByRole('button', { name: 'Verbinden' }).click();
    await expect(page.getByText('Diese Adresse ist nicht verschlüsselt. Bitte eine Adresse mit https:// eingeben')).toBeVisible();

    await page.getByLabel('Adresse des Herstellers').fill(backend.url);
    await page.getByRole('button', { name: 'Verbinden' }).click();
    await expect(page.getByRole('alert')).toContainText('Die Verbindung ließ sich nicht herstellen');
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-phase', 'not_enrolled');

    await page.getByLabel('Einmalcode').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Verbinden' }).click();
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-phase', 'up_to_date', { timeout: 15_000 });
    await expect(page.getByTestId('sync-state')).toContainText(`Verbunden mit ${backend.url}`);

    await page.getByRole('link', { name: 'Kunden' }).click();
    await addClient(page, 'Lea', 'Hoffmann');
    // Saved here first, then sent soon after without asking, and the header follows.
    await expect(page.getByTestId('pending-changes')).toHaveText('nichts offen', { timeout: 15_000 });
    await expect(badge).toContainText('Abgeglichen');
    const seen = (await readBadge(page)).map((r) => r.text);
    expect(seen).toContain('Abgleich steht aus1 Änderung wartet auf Abgleich');
    expect(seen.at(-1)).toBe('Abgeglichennichts offen');
    const id = decodeURIComponent(new URL(page.url()).hash.split('/').at(-1)!);
    const stored = async () => (await backend.database.db.select({ fields: records.fields }).from(records)
      .where(and(eq(records.entity, 'clients'), eq(records.id, id))))[0]?.fields;
    expect(await stored()).toMatchObject({ firstName: 'Lea', lastName: 'Hoffmann', ownerId: anna.id });
  } finally {
    await backend.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
