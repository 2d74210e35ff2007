// Searching the demo book as an advisor types: a slip in a name still finds
// the client, an exact surname comes first, and a search that finds no one
// says so where the list would be, with what to do next.
import type { Page } from '@playwright/test';
import { expect, openApp, setUp, test } from './support/server.ts';

// Search is the book's own: no backend needed (`AW_BACKEND=none npm start`).
test.use({ viewport: { width: 1280, height: 720 }, workstationOptions: { backend: 'none' } });

/** The surnames of the rows on screen, top to bottom. */
async function surnames(page: Page): Promise<string[]> {
  return page.getByRole('option').locator('.cell-name strong').allTextContents();
}

/** Types a search and waits until the rows on screen are its results (the first row's surname as given). */
async function searchFor(page: Page, query: string, first: string): Promise<string[]> {
  await page.getByRole('combobox', { name: 'Suchen' }).fill(query);
  await expect(page.getByTestId('client-count')).toHaveText(/^\d+ Treffer$/);
  await expect.poll(async () => (await surnames(page))[0]).toBe(first);
  return surnames(page);
}

test('a slip in a name still finds the client; an exact surname comes first; no match says what to do', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page, { demoBook: true });
  await expect(page.getByTestId('client-count')).toHaveText(/Kunden$/);

  // "Schmdit": two letters swapped. The Schmidts fill the first page, and nobody else is offered.
  let shown = await searchFor(page, 'Schmdit', 'Schmidt');
  const schmidts = Number((await page.getByTestId('client-count').textContent())!.replace(/\D/g, ''));
  expect(schmidts).toBeGreaterThan(10);
  expect(shown.length).toBeGreaterThan(5);
  expect(new Set(shown)).toEqual(new Set(['Schmidt']));

  // "Muler": a letter too few. The Müllers come first, before names that differ in the first letter.
  shown = await searchFor(page, 'Muler', 'Müller');
  expect(shown.length).toBeGreaterThan(5);
  expect(new Set(shown)).toEqual(new Set(['Müller']));

  // "Lang": the surname Lang itself first, then surnames that start so, then the rest (a street "Lange Straße").
  shown = await searchFor(page, 'Lang', 'Lang');
  const lastLang = shown.lastIndexOf('Lang');
  expect(shown.slice(0, lastLang + 1).every((s) => s === 'Lang')).toBe(true);
  expect(shown.slice(lastLang + 1).includes('Lang')).toBe(false);

  // Enter opens the first: the exact match.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lang');
  await page.getByRole('link', { name: /Zurück zum Kundenbestand/ }).click();

  // Nobody: the message stands where the list was, with no column heads over nothing, and offers to add the client.
  await page.getByRole('combobox', { name: 'Suchen' }).fill('Qwertzuiop');
  await expect(page.getByTestId('client-count')).toHaveText('0 Treffer');
  const empty = page.getByTestId('client-list-empty');
  await expect(empty).toBeVisible();
  await expect(empty).toContainText('Niemand passt zu „Qwertzuiop“.');
  await expect(empty).toContainText('Prüfen Sie die Schreibweise');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(page.getByText('Letzter Kontakt')).toBeHidden();
  const search = (await page.getByRole('combobox', { name: 'Suchen' }).boundingBox())!;
  const box = (await empty.boundingBox())!;
  expect(box.y).toBeGreaterThan(search.y + search.height);
  expect(box.y).toBeLessThan(search.y + search.height + 80);
  expect(box.height).toBeGreaterThan(150);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(empty).toContainText('Nobody matches “Qwertzuiop”.');
  await expect(empty).toContainText('Check the spelling');
  await empty.getByRole('link', { name: 'Add client' }).click();
  await expect(page.getByLabel('Last name')).toBeVisible();
  await page.goBack();

  // The list comes back whole when the search is cleared.
  await page.getByRole('combobox').fill('');
  await expect(page.getByTestId('client-count')).toHaveText(/clients$/);
  await expect(page.getByRole('listbox')).toBeVisible();
  expect((await page.getByRole('option').count())).toBeGreaterThan(8);
});
