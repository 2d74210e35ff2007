// Reads never write, and what a conclusion says it came from is true: opening
// a client page again records nothing, and the segment conclusion names as
// many answers as the profile holds, also after one more answer.
import { expect, openApp, setUp, test } from './support/server.ts';

test('opening a client page records nothing; the segment conclusion counts the answers given', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page, { demoBook: true });
  await page.getByRole('combobox', { name: 'Suchen' }).fill('Cornelia Albrecht');
  await page.getByRole('option', { name: /Albrecht, Cornelia/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cornelia Albrecht' })).toBeVisible();

  const conclusions = page.getByTestId('conclusion');
  const segment = conclusions.and(page.locator('[data-kind="segment"]'));
  const history = page.getByTestId('value-tier').locator('.tier-history li');
  await expect(segment).toHaveCount(1);
  const seen = { conclusions: await conclusions.count(), history: await history.count() };
  expect(seen.history).toBeGreaterThan(0);
  const before = await segment.textContent();

  // Opened again, twice: nothing new, nothing re-dated.
  for (let i = 0; i < 2; i++) {
    await page.reload();
    await expect(segment).toHaveText(before!);
    await expect(conclusions).toHaveCount(seen.conclusions);
    await expect(history).toHaveCount(seen.history);
  }

  // The count the conclusion names is the meeting's count of answers.
  await page.getByRole('button', { name: 'Beratungsgespräch beginnen' }).click();
  const progress = page.getByTestId('progress');
  const answered = Number(before!.match(/aus (\d+) Antworten/)![1]);
  // Waited for: the meeting's answers load after its heading.
  await expect(progress).toHaveText(`${answered} von 11 beantwortet`);

  // One answer more, and the conclusion says so once the page is opened again.
  await page.getByRole('button', { name: 'Zur Frage' }).click();
  await page.keyboard.press('1');
  await expect(progress).toHaveText(`${answered + 1} von 11 beantwortet`);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Cornelia Albrecht' })).toBeVisible();
  await expect(segment).toContainText(`aus ${answered + 1} Antworten`);
});
