// The right to erasure from the client page: asked twice, then the client is
// gone from the book and from search, and the list confirms what happened.
// A client with advice records: the dialog says they stay restricted until a
// date, and Settings finds one and shows it only once disclosed for someone.
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
  // She has no advice record: nothing is said to stay.
  await expect(page.getByTestId('erase-keeps')).toHaveCount(0);
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

test('erasing a client with advice records keeps them restricted until a date; Settings discloses one only for a chosen person', async ({ page, startWorkstation }) => {
  const workstation = await startWorkstation({ demoClients: 40 });
  await openApp(page, workstation);
  await setUp(page, { demoBook: true });
  // The demo book's first client has past meetings with delivered advice records.
  await page.getByRole('option').first().click();
  const name = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  await expect(page.getByTestId('advice-link').first()).toBeVisible();

  const erase = page.getByTestId('erase-client');
  await erase.getByRole('button', { name: 'Alle Daten löschen …' }).click();
  await expect(page.getByTestId('erase-keeps')).toContainText(/gesperrt bis (längstens )?\d{2}\.\d{2}\.\d{4} aufbewahrt, wie es das Gesetz verlangt/);
  await erase.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(page.getByTestId('notice')).toContainText(`Alle Daten von ${name} wurden auf diesem Gerät gelöscht.`);

  // Gone from the book and from search.
  await page.getByRole('combobox', { name: 'Suchen' }).fill(name);
  await expect(page.getByRole('option').filter({ hasText: name })).toHaveCount(0);

  // Settings counts what is kept, names no one.
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const section = page.getByTestId('restricted-records');
  await expect(page.getByTestId('restricted-summary')).toContainText(/\d+ gesperrte(s)? Beratungsprotokoll(e)?, aufbewahrt bis/);
  await expect(section).not.toContainText(name);

  await section.getByLabel('Name des Kunden').fill(name);
  await section.getByRole('button', { name: 'Suchen' }).click();
  const hit = section.getByTestId('restricted-hit').first();
  await expect(hit).toContainText('Gespräch vom');
  await expect(hit).not.toContainText(name);
  await hit.getByRole('button', { name: 'Offenlegen …' }).click();
  // Not shown before choosing for whom.
  await hit.getByRole('button', { name: 'Offenlegen und anzeigen' }).click();
  await expect(hit.getByRole('alert')).toHaveText('Wählen Sie, für wen das Protokoll offengelegt wird; erst dann wird es angezeigt.');
  await expect(page.getByTestId('disclosed-record')).toHaveCount(0);
  await hit.getByLabel('Für den Kunden selbst').check();
  await hit.getByLabel('Anlass (freiwillig, z. B. Aktenzeichen)').fill('Auskunftsersuchen vom Kunden');
  await hit.getByRole('button', { name: 'Offenlegen und anzeigen' }).click();
  const shown = page.getByTestId('disclosed-record');
  await expect(shown).toContainText('Offengelegt für den Kunden; das ist protokolliert');
  await expect(shown).toContainText(name);
  const download = page.waitForEvent('download');
  await shown.getByRole('button', { name: 'Als PDF öffnen' }).click();
  expect((await download).suggestedFilename()).toMatch(/^beratungsdokumentation-.*\.pdf$/);
});
