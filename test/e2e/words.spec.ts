// One language at a time: after a meeting in which an offer was rejected, the
// client page (its timeline most of all) holds no word of the other language's
// vocabulary and no raw code or internal id, in German and in English.
import type { Page } from '@playwright/test';
import { addClient, startMeeting, grantConsent } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';
import { foreignWords, rawCodes } from './support/vocabulary.ts';

test.use({ workstationOptions: { backend: 'none' } });

async function readPage(page: Page, lang: 'de' | 'en') {
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.getByTestId('value-tier')).toBeVisible();
  await expect(page.getByTestId('conclusions')).toBeVisible();
  const text = await page.locator('main').innerText();
  expect(foreignWords(text, lang), `words of the other language on the ${lang} client page`).toEqual([]);
  expect(rawCodes(text), `codes on the ${lang} client page`).toEqual([]);
  return text;
}

test('the client page after a rejected offer speaks one language, without codes', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Tobias', 'Winter', 'tobias.winter@example.de');
  const clientUrl = page.url();
  await page.getByTestId('consent-profiling').getByRole('button', { name: /Erteilen/ }).click();
  await expect(page.getByTestId('consent-profiling')).toHaveAttribute('data-granted', 'true');
  // Offers are proposed only to a client who agreed to be contacted about them.
  await grantConsent(page, 'contact');
  await page.getByRole('button', { name: 'Kontakt festhalten' }).click();
  await page.getByLabel('Art', { exact: true }).selectOption({ label: 'E-Mail' });
  await page.getByLabel('Worum ging es?').fill('Unterlagen angefordert');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByTestId('last-contact-line')).toContainText('E-Mail: Unterlagen angefordert');

  await startMeeting(page);
  await page.getByTestId('q-life_events').getByText('Umzug', { exact: false }).first().click();
  await expect(page.getByTestId('q-life_events')).toHaveAttribute('data-saved-value', /moving/);
  const offer = page.getByTestId('offers-panel').getByTestId('offer').first();
  const offerId = await offer.getAttribute('data-offer');
  await offer.getByRole('button', { name: 'Abgelehnt' }).click();
  await offer.getByLabel('Grund des Kunden').selectOption({ label: 'zu teuer' });
  await offer.getByRole('button', { name: 'Ablehnung festhalten' }).click();
  await expect(page.getByTestId('offers-panel').locator(`[data-testid="offer"][data-offer="${offerId}"]`)).toHaveCount(0);

  await page.goto(clientUrl);
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText(/Angebot .+: abgelehnt/);
  await expect(timeline).toContainText('Grund des Kunden: zu teuer');
  // A contact by e-mail says "E-Mail" once, not "E-Mail (E-Mail)" or "E-Mail · E-Mail".
  await expect(timeline).not.toContainText('E-Mail · E-Mail');
  await expect(page.getByTestId('last-contact-line')).not.toContainText('(E-Mail)');
  const german = await readPage(page, 'de');
  expect(german).not.toContain('rejected');
  expect(german).not.toMatch(/Regelwerk|aus 0 Antworten/);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(timeline).toContainText(/Offer .+: rejected/);
  await expect(timeline).toContainText('Client’s reason: too expensive');
  const english = await readPage(page, 'en');
  expect(english).not.toContain('abgelehnt');
  expect(english).not.toMatch(/from 0 answers/);
});
