// The right to erasure from the client page: asked twice, then the client is
// gone from the book and from search, and the list confirms what happened.
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
  // Where the erasure leads, it says that it happened and that it reaches every device.
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Alle Daten von Greta Quandt wurden auf diesem Gerät gelöscht.');
  await expect(notice).toContainText('Beim nächsten Abgleich geht die Löschung an den Hersteller und an alle anderen Geräte.');
  await page.getByRole('combobox', { name: 'Suchen' }).fill('quandt');
  await expect(page.getByTestId('client-count')).toHaveText('0 Treffer');
  await page.getByRole('combobox', { name: 'Suchen' }).fill('');
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option')).toContainText('Bauer');
  // It belongs to that moment: opening another screen lets it go.
  await page.getByRole('link', { name: 'Aufgaben' }).click();
  await page.getByRole('link', { name: 'Kunden', exact: true }).click();
  await expect(notice).toBeHidden();

  // Reloaded from the encrypted book, she stays gone.
  await page.reload();
  await page.getByRole('combobox', { name: 'Suchen' }).fill('quandt');
  await expect(page.getByTestId('client-count')).toHaveText('0 Treffer');
});
