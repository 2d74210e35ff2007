// First start with the demo book: a full client book, search that forgives
// missing umlauts, and a language switch that changes words and dates.
import { expect, openApp, setUp, test } from './support/server.ts';

test('first start loads the demo book; search finds Müller for "muller"; English changes labels and dates', async ({ page, workstation }) => {
  // The page must run under its strict CSP without a single complaint.
  const complaints: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error' || msg.type() === 'warning') complaints.push(msg.text()); });
  page.on('pageerror', (error) => complaints.push(error.message));

  await openApp(page, workstation);
  await setUp(page, { demoBook: true });

  const count = page.getByTestId('client-count');
  await expect(count).toHaveText(/Kunden$/);
  const total = Number((await count.textContent())!.replace(/\D/g, ''));
  expect(total).toBeGreaterThanOrEqual(2000);

  const firstDate = page.getByTestId('last-contact').filter({ hasText: /\d/ }).first();
  await expect(firstDate).toHaveText(/^\d{2}\.\d{2}\.\d{4}$/);

  // "/" jumps to the search from anywhere on the screen.
  await page.getByRole('listbox', { name: 'Kunden' }).focus();
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('muller');
  await expect(count).toHaveText(/Treffer$/);
  await expect(page.getByRole('option').first()).toContainText('Müller');

  // Enter opens the highlighted client.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Müller');
  await page.getByRole('link', { name: /Zurück zum Kundenbestand/ }).click();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Client book' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Clients' })).toBeVisible();
  await page.getByRole('combobox').fill('');
  await expect(count).toHaveText(/clients$/);
  await expect(page.getByTestId('last-contact').filter({ hasText: /\d/ }).first()).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);

  // The choice is kept with the user, not just in this page.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Client book' })).toBeVisible();
  expect(complaints).toEqual([]);
});
