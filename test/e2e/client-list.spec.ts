// A client list brought in and taken out, end to end against what `npm start`
// ships: a 2,000-row Excel file with German headers, 12 bad rows and 30
// clients the book already holds, imported with a progress bar; the bad rows
// are reported with their lines, the duplicates offered for merging; then a
// search result exported to Excel opens with the same clients.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { BAD_ROWS, listClient, workbook, type ListRowSpec } from '../support/client-lists.ts';
import { connect } from '../support/rpc.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test.use({ viewport: { width: 1280, height: 720 }, workstationOptions: { backend: 'none', demoClients: 200 } });

test('a 2,000-row Excel list: progress, bad rows by line, duplicates merged or skipped; a search exported to Excel opens with the same clients', async ({ page, workstation }) => {
  test.setTimeout(180_000);
  await openApp(page, workstation);
  await setUp(page, { demoBook: true });
  await expect(page.getByTestId('client-count')).toHaveText('200 Kunden');

  // Thirty of the book's clients come again in the list: by name and birth date, or (without one) by e-mail.
  const rpc = await connect(workstation.url);
  const held = await Promise.all((await rpc.clients.list({ query: '', offset: 0, limit: 60 })).items
    .map(async (c) => (await rpc.clients.get({ id: c.id })).client));
  const again: ListRowSpec[] = held.filter((c) => c.birthDate || c.email).slice(0, 30)
    .map((c) => ({ lastName: c.lastName, firstName: c.firstName, email: c.email ?? undefined, birthDate: c.birthDate ?? undefined, phone: '0228 4711' }));
  expect(again).toHaveLength(30);
  const fresh = Array.from({ length: 2000 - 30 - 12 }, (_, i) => listClient(i));
  // Line 1 holds the headers; the bad rows are spread over the file.
  const rows: ListRowSpec[] = [...fresh.slice(0, 500), ...again.slice(0, 15), ...BAD_ROWS.slice(0, 6).map((b) => b.spec), ...fresh.slice(500, 1500), ...again.slice(15), ...BAD_ROWS.slice(6).map((b) => b.spec), ...fresh.slice(1500)];
  expect(rows).toHaveLength(2000);
  const badLines = BAD_ROWS.map((b) => rows.indexOf(b.spec) + 2);

  await page.getByRole('link', { name: 'Liste importieren' }).click();
  await expect(page.getByRole('heading', { name: 'Kundenliste importieren' })).toBeVisible();
  // Every state the progress bar shows, recorded as it happens (it may pass quickly).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="list-progress"]');
      if (bar) seen.push(bar.textContent ?? '');
    }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  await page.locator('#list-file').setInputFiles({ name: 'Kundenliste Vertrieb.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook(rows) });
  await expect(page.getByTestId('list-file')).toHaveText('Kundenliste Vertrieb.xlsx: 2.000 Zeilen');

  // The German headers are matched already; the preview shows the first rows.
  const mapping = page.getByTestId('list-mapping');
  for (const [header, field] of [['Name', 'lastName'], ['Vorname', 'firstName'], ['Straße', 'street'], ['PLZ', 'postalCode'], ['E-Mail', 'email'], ['Geburtsdatum', 'birthDate']]) {
    await expect(mapping.getByRole('combobox', { name: `Feld im Kundenbuch: ${header}`, exact: true })).toHaveValue(field!);
  }
  await expect(mapping.getByRole('row', { name: /Zeile 2/ })).toContainText(fresh[0]!.lastName);

  await page.getByRole('button', { name: 'Prüfen' }).click();
  const summary = page.getByTestId('list-summary');
  await expect(summary).toContainText('1.958 neue Kunden');
  await expect(summary).toContainText('30 wahrscheinliche Dubletten');
  await expect(summary).toContainText('12 Zeilen werden nicht übernommen');
  const refused = page.getByTestId('list-refused-row');
  await expect(refused).toHaveCount(12);
  expect((await refused.allTextContents()).map((text) => Number(/^Zeile (\d+)/.exec(text)?.[1]))).toEqual(badLines);
  await expect(refused.filter({ hasText: `Zeile ${badLines[2]}` })).toContainText('PLZ:');
  await expect(refused.filter({ hasText: `Zeile ${badLines[9]}` })).toContainText('Zukunft');

  // All thirty offered for merging, with the book's and the list's details side by side; one kept as it is.
  const duplicates = page.getByTestId('list-duplicate');
  await expect(duplicates).toHaveCount(30);
  await expect(duplicates.first()).toContainText('Telefon');
  await expect(duplicates.first()).toContainText('0228 4711');
  await page.getByRole('button', { name: 'Alle zusammenführen' }).click();
  await duplicates.last().getByRole('radio', { name: 'Überspringen' }).check();
  await page.getByTestId('list-import').click();

  const done = page.getByTestId('list-done');
  await expect(done).toContainText('1.958 Kunden neu angelegt');
  await expect(done).toContainText('29 Kunden zusammengeführt');
  await expect(done).toContainText('1 Dublette übersprungen');
  await expect(done).toContainText('12 Zeilen werden nicht übernommen');
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.some((s) => /Datei wird gelesen/.test(s))).toBe(true);
  expect(seen.some((s) => /von 2\.000 Zeilen/.test(s))).toBe(true);
  expect(seen.some((s) => /1\.987 Kunden werden übernommen/.test(s))).toBe(true);

  await done.getByRole('link', { name: 'Zum Kundenbuch' }).click();
  await expect(page.getByTestId('client-count')).toHaveText('2.158 Kunden');
  const merged = (await rpc.clients.get({ id: held.find((c) => c.lastName === again[0]!.lastName && c.firstName === again[0]!.firstName)!.id })).client;
  expect(merged.phone).toBe('0228 4711');

  // A search, exported to Excel: the file holds exactly the clients the search shows.
  await page.getByRole('combobox', { name: 'Suchen' }).fill('Dresden');
  await expect(page.getByTestId('client-count')).toHaveText(/^[\d.]+ Treffer$/);
  const found = await rpc.clients.list({ query: 'Dresden', offset: 0, limit: 200 });
  expect(found.total).toBeGreaterThan(300);
  await page.getByTestId('list-export').locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Suchergebnis als Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Kunden-\d{4}-\d{2}-\d{2}-Suche\.xlsx$/);
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.load(readFileSync(await download.path()));
  const sheet = exported.worksheets[0]!;
  expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Vorname', 'Straße', 'PLZ', 'Ort', 'E-Mail', 'Telefon', 'Geburtsdatum']);
  expect(sheet.rowCount - 1).toBe(found.total);
  const all = await rpc.clients.list({ query: 'Dresden', offset: 0, limit: 200 });
  const inFile = new Set<string>();
  sheet.eachRow((row, n) => { if (n > 1) inFile.add(`${String(row.getCell(2).value)} ${String(row.getCell(1).value)}`); });
  for (const c of all.items) expect(inFile.has(`${c.firstName} ${c.lastName}`), `${c.firstName} ${c.lastName}`).toBe(true);
});
