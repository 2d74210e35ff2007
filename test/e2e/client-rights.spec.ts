// The client's rights of access and rectification, from the client page of a
// demo client, against what `npm start` ships (with its embedded backend): the
// advisor downloads everything held about the client as PDF and JSON (the JSON
// reconciled with the manufacturer's copy), corrects the email at the
// client's request, and the next export shows the correction.
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { syncNow } from './support/badge.ts';
import { pdfText } from './support/pdf.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

type Entry = { sync?: string; record: Record<string, unknown> };

async function downloaded(page: Page, button: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('client-export').getByRole('button', { name: button }).click()]);
  return file;
}
const json = async (page: Page) => {
  const file = await downloaded(page, 'Als JSON');
  return { name: file.suggestedFilename(), body: JSON.parse(readFileSync(await file.path(), 'utf8')) as Record<string, Entry[]> & { source: string; client: Entry } };
};

test('the advisor exports a demo client’s data as PDF and JSON, corrects the email at the client’s request and sees the correction in the next export', async ({ page, workstation }) => {
  test.slow();
  await openApp(page, workstation);
  await setUp(page, { demoBook: true });
  await syncNow(page, 60_000);
  await page.getByRole('link', { name: 'Kunden', exact: true }).click();
  await page.getByRole('option').first().click();
  const name = (await page.getByRole('heading', { level: 1 }).textContent())!;
  const email = page.getByTestId('c-email').getByRole('textbox');
  const before = await email.inputValue();
  expect(before).toContain('@');

  // JSON: everything held, reconciled with what the manufacturer holds.
  const first = await json(page);
  expect(first.name).toMatch(/^kundendaten-[a-z-]+-\d{4}-\d{2}-\d{2}\.json$/);
  expect(first.body.source).toBe('this_device_and_manufacturer');
  expect(first.body.client.record).toMatchObject({ email: before });
  for (const kind of ['answers', 'consents', 'touchpoints', 'meetings', 'holdings']) expect(first.body[kind]!.length, kind).toBeGreaterThan(0);
  expect([first.body.client, ...first.body.answers!].every((e) => e.sync === 'same')).toBe(true);
  expect(first.body.corrections).toEqual([]);

  // PDF, in English this time.
  await page.getByTestId('export-language').selectOption({ label: 'Englisch' });
  const pdf = await downloaded(page, 'Als PDF');
  expect(pdf.suggestedFilename()).toMatch(/^client-data-[a-z-]+-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
  for (const heading of ['Your data as held', 'Master data', 'Profile answers', 'Consents (history)', 'Meetings and advice records', 'Who has access', 'Corrections']) {
    expect(text).toContain(heading);
  }
  expect(text).toContain(name.trim());
  expect(text).toContain('This shows what is held on this device and at the manufacturer.');

  // The client asks for their email to be corrected.
  await page.getByTestId('correction-at-request').check();
  const corrected = 'neu.korrigiert@example.de';
  await email.fill(corrected);
  await email.blur();
  await expect(page.getByTestId('c-email')).toHaveAttribute('data-save-state', 'saved');
  const listed = page.getByTestId('corrections');
  await expect(listed).toContainText(`E-Mail: „${before}“ → „${corrected}“`);

  const next = await json(page);
  expect(next.body.client.record).toMatchObject({ email: corrected });
  expect(next.body.corrections).toEqual([expect.objectContaining({
    record: expect.objectContaining({ changes: [{ field: 'email', before, after: corrected }], recordedByName: expect.any(String) }),
  })]);
  // Who corrected it, by the name the manufacturer knows them by, as the page says it.
  const who = next.body.corrections![0]!.record.recordedByName as string;
  await expect(listed).toContainText(who);
  await page.getByTestId('export-language').selectOption({ label: 'Deutsch' });
  const german = (await pdfText(await downloaded(page, 'Als PDF'))).replace(/\s+/g, ' ');
  expect(german).toContain(`E-Mail: vorher „${before}“, nachher „${corrected}“ – ${who}`);
});
