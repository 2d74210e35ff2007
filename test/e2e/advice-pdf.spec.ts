// The advice record as the client receives it, from what `npm start` ships:
// the PDF downloads in German and in English, and a reader finds in it the
// client's name, the alternative the client rejected and why.
import type { Page } from '@playwright/test';
import catalogue from '../../backend/seed/catalog.json' with { type: 'json' };
import { addClient, endMeeting, startMeeting, grantConsent } from './support/meeting.ts';
import { pdfText } from './support/pdf.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

const names = new Map([...catalogue.products, ...catalogue.bundles].map((p) => [p.id, p.name]));

async function grantProfiling(page: Page) {
  const profiling = page.getByTestId('consent-profiling');
  await profiling.getByLabel(/Wie/).selectOption({ label: 'schriftlich' });
  await profiling.getByRole('button', { name: /Erteilen/ }).click();
  await expect(profiling).toHaveAttribute('data-granted', 'true');
}

test('the advice record PDF, in German and in English, names the client and the rejected alternative with its reason', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Jörg', 'Weißmüller');
  await grantProfiling(page);
  // Offers are proposed only to a client who agreed to be contacted about them.
  await grantConsent(page, 'contact');
  await startMeeting(page);
  await page.getByTestId('q-life_events').getByText('Umzug', { exact: false }).first().click();
  await expect(page.getByTestId('q-life_events')).toHaveAttribute('data-saved-value', /moving/);

  const offer = page.getByTestId('offers-panel').getByTestId('offer').first();
  const offerId = (await offer.getAttribute('data-offer'))!;
  await offer.getByRole('button', { name: 'Abgelehnt' }).click();
  await offer.getByLabel('Grund des Kunden').selectOption({ label: 'zu teuer' });
  await offer.getByLabel('Notiz (optional)').fill('erst nach dem Umzug');
  await offer.getByRole('button', { name: 'Ablehnung festhalten' }).click();
  for (const [field, text] of [['reason', 'Umzug nach Leipzig'], ['wishes', 'Hausrat und Haftung neu regeln'], ['riskSituation', 'Neue Wohnung, noch ohne Schutz'],
    ['advice', 'Hausrat an die neue Wohnfläche anpassen'], ['decision', 'Entscheidet nach dem Umzug']] as const) {
    await page.getByTestId(`f-${field}`).getByRole('textbox').fill(text);
    await expect(page.getByTestId(`f-${field}`)).toHaveAttribute('data-save-state', 'saved');
  }
  await endMeeting(page);
  await page.getByTestId('advice-link').first().click();
  await expect(page.getByTestId('advice-v1')).toBeVisible();

  const download = async (label: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('advice-v1').getByRole('button', { name: label }).click()]);
    return { name: file.suggestedFilename(), text: await pdfText(file) };
  };
  const de = await download('PDF auf Deutsch');
  expect(de.name).toMatch(/^beratungsdokumentation-.*-v1-de\.pdf$/);
  expect(de.text).toContain('Beratungsdokumentation');
  expect(de.text).toContain('Jörg Weißmüller');
  expect(de.text).toContain(`${names.get(offerId)!.de}: abgelehnt (zu teuer: erst nach dem Umzug)`);
  expect(de.text).toContain('Hausrat an die neue Wohnfläche anpassen');

  const en = await download('PDF auf Englisch');
  expect(en.name).toMatch(/^advice-record-.*-v1-en\.pdf$/);
  expect(en.text).toContain('Advice record');
  expect(en.text).toContain('Jörg Weißmüller');
  expect(en.text).toContain(`${names.get(offerId)!.en}: rejected (too expensive: erst nach dem Umzug)`);
  expect(en.text).not.toMatch(/abgelehnt|Beratungsdokumentation|Verlauf der Beratung/);
});
