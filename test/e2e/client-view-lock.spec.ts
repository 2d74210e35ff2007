// Turned to the client (F9), the screen shows nothing internal anywhere and
// the rest of the app is locked: no navigation, no ending the meeting, no
// way out by link, back button or reload, until the advisor turns it back.
// At 1280×720, in German and in English.
import type { Page } from '@playwright/test';
import { SEGMENT_NAMES } from '#core/segments/index.ts';
import { addClient, startMeeting, grantConsent } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test.use({ viewport: { width: 1280, height: 720 } });

const NAMES = Object.values(SEGMENT_NAMES).flatMap((n) => [n.de, n.en]);

async function grantProfiling(page: Page) {
  const profiling = page.getByTestId('consent-profiling');
  await profiling.getByLabel(/Wie/).selectOption({ label: 'schriftlich' });
  await profiling.getByRole('button', { name: /Erteilen/ }).click();
  await expect(profiling).toHaveAttribute('data-granted', 'true');
}

async function answer(page: Page, attribute: string, option: string, value: string) {
  await page.getByTestId(`q-${attribute}`).getByText(option, { exact: true }).click();
  await expect(page.getByTestId(`q-${attribute}`)).toHaveAttribute('data-saved-value', value);
}

/** What the client can read on the screen: every visible word. */
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

async function expectNothingInternal(page: Page) {
  const text = await visibleText(page);
  for (const name of NAMES) expect(text, `the client view shows the segment "${name}"`).not.toContain(name);
  expect(text).not.toMatch(/segments\.v\d|value_tiers|Wertung \d|Punkte \d|Score \d|Abschlusschance \d|Annahme \d|likelihood \d|margin|Marge/i);
}

test('in the client view nothing internal shows and the app is locked until the advisor turns it back', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Sabine', 'Lorenz');
  await grantProfiling(page);
  // Offers are proposed only to a client who agreed to be contacted about them.
  await grantConsent(page, 'contact');
  const meetingId = await startMeeting(page);
  // Enough for the hint to name a segment and the offers to argue from it.
  await answer(page, 'purchase_driver', 'Ein fairer Preis für gute Qualität', 'price_for_quality');
  await answer(page, 'trust_anchor', 'Auf meinen persönlichen Berater', 'personal_advisor');
  await answer(page, 'data_sharing', 'Was eine Person meines Vertrauens bei mir erfragt', 'on_request');
  await answer(page, 'activity_level', 'Viel – ich vergleiche gründlich', 'high');
  await answer(page, 'preferred_channel', 'Im persönlichen Gespräch mit meinem Berater', 'advisor_meeting');
  await expect(page.getByTestId('segment-hint')).toHaveAttribute('data-primary', 'conscious_purchase_seeker');
  await expect(page.getByTestId('offer').first()).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav).toBeVisible();

  await page.keyboard.press('F9');
  await expect(page.getByTestId('client-view-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('offer').first()).toBeVisible();
  await expectNothingInternal(page);
  await expect(nav).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Gespräch beenden' })).toHaveCount(0);
  await expect(page.getByTestId('client-view-lock')).toBeVisible();

  // No way out: a typed address, the back button, a reload.
  const meetingUrl = new RegExp(`#/meetings/${meetingId}$`);
  await page.evaluate(() => { location.hash = '#/clients'; });
  await expect(page).toHaveURL(meetingUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Beratungsgespräch mit Sabine Lorenz' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(meetingUrl);
  await page.reload();
  await expect(page.getByTestId('client-view-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('offer').first()).toBeVisible();
  await expectNothingInternal(page);
  await expect(nav).toHaveCount(0);

  // The toggle asks before it opens the book again; cancelling keeps the lock.
  await page.getByTestId('client-view-toggle').click();
  const unlock = page.getByTestId('unlock-dialog');
  await unlock.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(page.getByTestId('client-view-toggle')).toHaveAttribute('aria-pressed', 'true');
  // F9, the advisor's key, turns it back at once.
  await page.keyboard.press('F9');
  await expect(nav).toBeVisible();
  await expect(page.getByTestId('segment-hint')).toBeVisible();

  // The same in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'End meeting' })).toBeVisible();
  await page.keyboard.press('F9');
  await expect(page.getByTestId('offer').first()).toBeVisible();
  await expectNothingInternal(page);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'End meeting' })).toHaveCount(0);
});
