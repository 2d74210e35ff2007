// Settings from the header: the language, the user and their roles, the
// connection to the manufacturer, the data folder and the version. Roles
// change here while the device stands alone; once it is connected the
// manufacturer's roles are shown, with where they are changed.
import { readFileSync } from 'node:fs';
import { expect, openApp, setUp, test } from './support/server.ts';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

test('settings of a workstation connected to the manufacturer', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page, { name: 'Anna Berger' });
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  expect(page.url()).toContain('#/settings');

  await expect(page.getByTestId('settings-version')).toContainText(`Advisor Workstation ${version}`);
  await expect(page.getByTestId('settings-data')).toContainText(workstation.dataDir);
  const connection = page.getByTestId('settings-connection');
  await expect(connection).toContainText(/Abgeglichen|Abgleich läuft|Hersteller nicht erreichbar/);
  await expect(connection).toContainText('Verbunden mit http://127.0.0.1:');

  // The embedded manufacturer enrolled this device with its demo advisor's roles.
  const roles = page.getByTestId('settings-roles');
  await expect(roles).toHaveAttribute('data-set-by', 'manufacturer');
  await expect(roles).toContainText('Angemeldet als Anna Berger');
  await expect(roles).toContainText('Berater/in');
  await expect(roles).toContainText('Life-Coach');
  await expect(roles).toContainText('legt Ihre Verwaltung dort Ihre Rollen fest');
  await expect(roles.getByRole('checkbox')).toHaveCount(0);

  // The language: the whole screen turns, and stays so after a reload.
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('settings-roles')).toContainText('Advisor');

  await connection.getByRole('link', { name: 'Go to sync' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sync with the manufacturer' })).toBeVisible();
});

test.describe('without a manufacturer', () => {
  test.use({ workstationOptions: { backend: 'none' } });

  test('roles are changed on the device and kept', async ({ page, workstation }) => {
    await openApp(page, workstation);
    await setUp(page);
    await page.getByRole('link', { name: 'Einstellungen' }).click();
    const roles = page.getByTestId('settings-roles');
    await expect(roles).toHaveAttribute('data-set-by', 'device');
    await expect(page.getByTestId('settings-connection')).toContainText('Nicht verbunden');

    // None at all is refused, saying so.
    await roles.getByRole('checkbox', { name: 'Berater/in' }).uncheck();
    await roles.getByRole('button', { name: 'Rollen speichern' }).click();
    await expect(roles).toContainText('Bitte ausfüllen');

    await roles.getByRole('checkbox', { name: 'Händler/in' }).check();
    await roles.getByRole('checkbox', { name: 'Berater/in' }).check();
    await roles.getByRole('button', { name: 'Rollen speichern' }).click();
    await expect(roles.getByRole('status')).toHaveText('Rollen gespeichert.');
    await page.reload();
    await expect(page.getByTestId('settings-roles').getByRole('checkbox', { name: 'Händler/in' })).toBeChecked();
    await expect(page.getByTestId('settings-roles').getByRole('checkbox', { name: 'Life-Coach' })).not.toBeChecked();
  });
});
