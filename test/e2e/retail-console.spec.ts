// The demo as a newcomer finds it after `npm start`, two people at two
// screens: the demo advisor, who also sells for the eco household shop, moves
// a price within the granted range with a reason and sells; asks for a price
// above the ceiling; the manufacturer's person signs in to the console with
// the login `npm start` printed (a second browser context) and approves it;
// after the next sync the retailer sells at that price.
import type { Page } from '@playwright/test';
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test, type Workstation } from './support/server.ts';
import { syncNow } from './support/badge.ts';

const euro = (amount: string) => new RegExp(`${amount}\\s€`);

/** The console's address and login, as `npm start` printed them beside the app's link. */
async function printedConsoleLogin(workstation: Workstation) {
  await expect.poll(() => /Konsole des Herstellers: (\S+)\s+\((.+) \/ (\S+)\)/.test(workstation.log)).toBe(true);
  const [, url, user, password] = /Konsole des Herstellers: (\S+)\s+\((.+) \/ (\S+)\)/.exec(workstation.log)!;
  return { url: url!, user: user!, password: password! };
}

async function saleOfGreenHousehold(page: Page) {
  await page.getByRole('link', { name: 'Verkauf an diesen Kunden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verkauf' })).toBeVisible();
  await page.getByLabel('Produkt', { exact: true }).selectOption('green_household');
  await expect(page.getByLabel('Preis in €')).toHaveValue('12,40');
}

test('the demo: a sale within the range, a price above it approved in the console by a second person, then sold at that price', async ({ page, workstation, browser }) => {
  test.slow();
  await openApp(page, workstation);
  await setUp(page);
  // The demo backend makes the demo advisor the eco household shop's retailer: the sale's workspaces come with the first sync.
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link', { name: 'Verkauf' })).toBeVisible({ timeout: 30_000 });
  await nav.getByRole('link', { name: 'Kunden' }).click();
  await addClient(page, 'Marta', 'Lindner');

  // Within the range, by keyboard, with a reason.
  await saleOfGreenHousehold(page);
  await expect(page.getByTestId('price-ceiling')).toContainText(euro('14,90'));
  const decision = page.getByTestId('sale-decision');
  await page.getByTestId('price-thumb').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel('Preis in €')).toHaveValue('12,90');
  await page.getByLabel('Grund der Abweichung').selectOption({ label: 'Angebot der Konkurrenz' });
  await expect(decision).toHaveAttribute('data-decision', 'within_range');
  await page.getByRole('button', { name: 'Verkauf erfassen' }).click();
  await expect(page.getByTestId('sale-done')).toContainText(euro('12,90'));
  await page.getByRole('link', { name: 'Zum Kunden' }).click();

  // Above the ceiling: only a request.
  await saleOfGreenHousehold(page);
  await page.getByLabel('Preis in €').fill('16,20');
  await page.getByLabel('Grund der Abweichung').selectOption({ label: 'Wert für den Kunden' });
  await expect(decision).toHaveAttribute('data-decision', 'needs_approval');
  await expect(page.getByRole('button', { name: 'Verkauf erfassen' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Freigabe anfragen' }).click();
  await expect(page.getByTestId('approvals-pending')).toContainText('1');
  await syncNow(page);

  // The manufacturer's person, at another screen, with the login npm start printed.
  const login = await printedConsoleLogin(workstation);
  const manufacturer = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 720 } });
  try {
    const console = await manufacturer.newPage();
    await console.goto(login.url);
    await console.getByLabel('Benutzername').fill(login.user);
    await console.getByLabel('Passwort').fill(login.password);
    await console.getByRole('button', { name: 'Anmelden' }).click();
    await expect(console.getByTestId('me')).toHaveText(login.user);
    const request = console.getByTestId('pending').getByTestId('approval');
    await expect(request).toHaveCount(1);
    await expect(request.getByTestId('approval-chosen')).toHaveText(euro('16,20'));
    await expect(request).toContainText('Wert für den Kunden');
    // The manufacturer decides about a price, not about a person: the client's name is not shown, and as
    // Marta has not agreed to share her data with the manufacturer, not even a reference.
    await expect(request).not.toContainText('Lindner');
    await expect(request.getByTestId('client-not-shared')).toHaveText('teilt seine Daten nicht mit dem Hersteller');
    await console.keyboard.press('j');
    // The key decides only with the focus on the request (a stray key elsewhere decides nothing); the focus
    // arrives with the next frame, which a person never outpaces but a script can.
    await expect(request).toBeFocused();
    await console.keyboard.press('a');
    await expect(console.getByTestId('pending-count')).toHaveText('0');
    // The within-range sale is listed among the shop's deviations.
    await console.keyboard.press('2');
    await expect(console.locator('[data-testid="retailer-deviations"][data-retailer="retailer_oeko_haus"]')).toContainText('Angebot der Konkurrenz');
  } finally {
    await manufacturer.close();
  }

  // Back at the shop: the decision comes down with the next sync, and the sale at 16,20 € is recorded.
  await syncNow(page);
  await nav.getByRole('link', { name: 'Freigaben' }).click();
  const approved = page.getByTestId('approval');
  await expect(approved).toHaveAttribute('data-state', 'approved');
  await approved.getByRole('link', { name: 'Marta Lindner' }).click();
  await saleOfGreenHousehold(page);
  await page.getByLabel('Preis in €').fill('16,20');
  await page.getByLabel('Grund der Abweichung').selectOption({ label: 'Wert für den Kunden' });
  await expect(decision).toHaveAttribute('data-decision', 'approved');
  await page.getByRole('button', { name: 'Verkauf erfassen' }).click();
  await expect(page.getByTestId('sale-done')).toContainText(euro('16,20'));
  await page.getByRole('link', { name: 'Zum Kunden' }).click();
  await expect(page.getByTestId('client-sale')).toHaveText([euro('16,20'), euro('12,90')]);
});
