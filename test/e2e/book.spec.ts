// "Mein Bestand" on the demo book: each chart's figures are there for screen
// readers and add up to the book, forecast moves show as a flow, and English
// changes the charts' own labels, not just the headings.
import type { Locator } from '@playwright/test';
import { expect, openApp, setUp, test } from './support/server.ts';

/** A figure as the page writes it ("1.567" in German, "1,567" in English) as a number. */
const figure = async (cell: Locator) => Number((await cell.textContent())!.replace(/\D/g, ''));
const lastCells = async (rows: Locator) => Promise.all((await rows.all()).map((r) => figure(r.locator('td').last())));
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

test('Mein Bestand shows the demo book by segment, tier and forecast moves; English changes the chart labels', async ({ page, workstation }) => {
  const complaints: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error' || msg.type() === 'warning') complaints.push(msg.text()); });
  page.on('pageerror', (error) => complaints.push(error.message));

  await openApp(page, workstation);
  await setUp(page, { demoBook: true });
  // The count once the first page has come, not the moment before.
  await expect(page.getByTestId('client-count')).toHaveText(/^[1-9][\d.]* Kunden$/);
  const clients = await figure(page.getByTestId('client-count'));

  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Mein Bestand' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Bestand' })).toBeVisible();
  await expect(page.getByTestId('book-total')).toHaveText(`${clients.toLocaleString('de-DE')} Kunden im Bestand`);

  // Segments: nine rows that add up to the clients with a segment; with those without, the whole book.
  const segments = page.getByTestId('book-segments-table');
  await expect(segments.locator('tbody tr')).toHaveCount(9);
  const perSegment = await lastCells(segments.locator('tbody tr'));
  const segmented = await figure(segments.locator('tfoot tr', { hasText: 'Kunden mit Segment' }).locator('td').last());
  const unsegmented = await figure(segments.locator('tfoot tr', { hasText: 'Ohne Segment' }).locator('td').last());
  expect(sum(perSegment)).toBe(segmented);
  expect(segmented + unsegmented).toBe(clients);
  expect(segmented).toBeGreaterThan(clients * 0.6);
  await expect(segments.locator('tbody tr').first()).toContainText('Der vorsichtige Selbst-Sucher');

  // Tiers: A, B, C and the clients not assessed make the whole book.
  const tiers = page.getByTestId('book-tiers-table');
  await expect(tiers.locator('tbody tr')).toHaveCount(3);
  expect(sum(await lastCells(tiers.locator('tbody tr'))) + await figure(tiers.locator('tfoot td').last())).toBe(clients);
  // Consenting demo clients carry the tier they had when last seen: most C, some B.
  const [, b, c] = await lastCells(tiers.locator('tbody tr'));
  expect(c!).toBeGreaterThan(b!);
  expect(b!).toBeGreaterThan(0);

  // Forecast moves: at least one flow, in the table and drawn as a band.
  const migrations = page.getByTestId('book-migrations-table');
  expect(await migrations.locator('tbody tr').count()).toBeGreaterThan(0);
  for (const n of await lastCells(migrations.locator('tbody tr'))) expect(n).toBeGreaterThan(0);
  await expect(page.getByTestId('book-migrations-chart').locator('path').first()).toBeAttached();

  // The charts draw the German names, then the English ones.
  const segmentChart = page.getByTestId('book-segments-chart');
  await expect(segmentChart).toContainText('Kaufinteressent');
  await expect(page.getByTestId('book-tiers-chart')).toContainText('Ohne Stufe');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My book' })).toBeVisible();
  await expect(segmentChart).toContainText('conscious purchase seeker');
  await expect(segmentChart).not.toContainText('Kaufinteressent');
  await expect(page.getByTestId('book-tiers-chart')).toContainText('No tier');
  await expect(segments.locator('tfoot tr').first()).toContainText('Clients with a segment');
  await expect(page.getByTestId('book-total')).toHaveText(`${clients.toLocaleString('en-GB')} clients in the book`);
  expect(complaints).toEqual([]);
});
