// The right to erasure from the client page: asked twice, then the client is
// gone from the book and from search, and the sync line counts the erasure.
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test('erasing a client asks once more, then the book and search no longer know them', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Greta', 'Quandt');
  await page.getByRole('link', { name: /Zurück zum Kundenbestand/ }).click();
  await addClient(page, 'Paul', 'Bauer');

  await page.getByRole('link', { name: /Zurück zum Kundenbestand/ }).click();
  await page.getByRole('combobox', { name: 'Suchen' }).fill('quandt');
  await page.getByRole('option').filter({ hasText: 'Quandt' }).click();
  const erase = page.getByTestId('erase-client');
  await erase.getByRole('button', { name: 'Alle Daten löschen …' }).click();
  await expect(erase).toContainText('Wirklich alle Daten von Greta Quandt löschen?');
  await erase.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Greta Quandt' })).toBeVisible();

  await erase.getByRole('button', { name: 'Alle Daten löschen …' }).click();
  await erase.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(page.getByRole('heading', { name: 'Kundenbestand' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Suchen' }).fill('quandt');
  await expect(page.getByTestId('client-count')).toHaveText('0 Treffer');
  await page.getByRole('combobox', { name: 'Suchen' }).fill('');
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option')).toContainText('Bauer');

  // Reloaded from the encrypted book, she stays gone.
  await page.reload();
  await page.getByRole('combobox', { name: 'Suchen' }).fill('quandt');
  await expect(page.getByTestId('client-count')).toHaveText('0 Treffer');
});
