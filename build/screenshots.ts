// `npm run screenshots`: every screen of the app at 1280×720, in German and in
// English, as a user sees it: `npm start` on a fresh data folder with the demo
// book, driven by Debian's Chromium. The pictures land in screenshots/
// (not committed), named LANG-NN-screen.png, and the folder is printed.
//
// For looking at the product before an issue closes, not for asserting: the
// end-to-end tests assert.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { Language } from '#core/language.ts';
import { fillForm } from '../test/support/fill-form.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Starts `npm start` on its own data folder and resolves with the printed link. */
async function startApp(dataDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn('npm', ['start'], {
    cwd: root, detached: true, stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, AW_DATA_DIR: dataDir, AW_BROWSER_MODE: '1', AW_DEMO_CLIENTS: process.env.AW_DEMO_CLIENTS ?? '300' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`npm start ended with ${code} before printing its link`)));
  });
  return { url, stop: () => { try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already gone */ } } };
}

let shot = 0;
async function snap(page: Page, lang: string, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(400);
  shot++;
  const file = join(out, `${lang}-${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  console.error(`  ${file}`);
}

/** A small German list as older Excel saves it: two rows wrong, the rest good. */
const LIST = [
  'Name;Vorname;Straße;PLZ;Ort;E-Mail;Telefon;Geburtsdatum',
  'Lindner;Greta;Am Markt 3;01067;Dresden;greta.lindner@example.de;0351 12345;14.03.1978',
  'Okafor;Daniel;Bahnhofstr. 12;50667;Köln;d.okafor@example.de;0221 998877;02.11.1985',
  'Brandt;Lena;;1234;Bonn;lena@;;',
  'Öztürk;Emre;Ringstraße 7;80331;München;emre.oeztuerk@example.de;089 445566;31.02.1990',
  'Hofmann;Clara;Lindenweg 1;20095;Hamburg;clara.hofmann@example.de;040 223344;07.07.1969',
].join('\r\n');

/** Client lists: the export menu, a list imported (mapping, check, result), and the same list again (duplicates). */
async function importTour(page: Page, lang: Language, go: (hash: string) => Promise<void>): Promise<void> {
  await go('#/clients');
  await page.getByTestId('list-export').locator('summary').click();
  await snap(page, lang, 'export-menu');
  for (const round of ['first', 'again']) {
    await go('#/clients');
    await go('#/clients/import');
    await page.locator('#list-file').setInputFiles({ name: lang === 'de' ? 'Kunden Messe.csv' : 'Fair leads.csv', mimeType: 'text/csv', buffer: Buffer.from(LIST, 'latin1') });
    await page.getByTestId('list-mapping').waitFor();
    if (round === 'first') await snap(page, lang, 'import-mapping');
    await page.getByRole('button', { name: lang === 'de' ? 'Prüfen' : 'Check' }).click();
    await page.getByTestId('list-summary').waitFor();
    await snap(page, lang, round === 'first' ? 'import-check' : 'import-duplicates');
    if (round === 'again') break;
    await page.getByTestId('list-import').click();
    await page.getByTestId('list-done').waitFor();
    await snap(page, lang, 'import-done');
  }
}

/** The day: a meeting planned on a client's page for today, then "Heute" with it. */
async function dayTour(page: Page, lang: Language, go: (hash: string) => Promise<void>): Promise<void> {
  await go('#/clients');
  await page.getByRole('option').nth(4).click();
  await page.getByTestId('client-appointments').waitFor();
  const today = await page.evaluate((de) => {
    const d = new Date(); const p = (n: number) => String(n).padStart(2, '0');
    return de ? `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}` : `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
  }, lang === 'de');
  const planned = page.getByTestId('client-appointments');
  await page.getByTestId('appointment-day').locator('input').fill(today);
  await planned.locator('input').nth(1).fill(lang === 'de' ? '14:30' : '11:00');
  await planned.locator('input').nth(3).fill(lang === 'de' ? 'Beim Kunden zu Hause' : 'Client’s home');
  await planned.locator('input').nth(4).fill(lang === 'de' ? 'Jahresgespräch, Hausrat prüfen' : 'Annual review, check home contents');
  await planned.getByRole('button', { name: lang === 'de' ? 'Planen' : 'Plan' }).click();
  await planned.getByRole('status').filter({ hasText: /\d/ }).waitFor();
  await planned.scrollIntoViewIfNeeded();
  await snap(page, lang, 'client-plan-meeting');
  await go('#/today');
  await page.getByTestId('today-meeting').first().waitFor();
  await snap(page, lang, 'today');
}

/** Satisfaction: the trend in "Mein Bestand" (the demo's meetings carry NPS and CES). */
async function satisfactionTour(page: Page, lang: Language, go: (hash: string) => Promise<void>): Promise<void> {
  await go('#/book');
  await page.getByTestId('satisfaction-trend').scrollIntoViewIfNeeded();
  await snap(page, lang, 'book-satisfaction');
}

/** The self-assessment form: made on a client's page, filled in as a PDF reader would, read back, taken. */
async function formTour(page: Page, lang: Language, go: (hash: string) => Promise<void>): Promise<void> {
  await go('#/clients');
  // Another client per language: the second round would find the first one's answers taken.
  await page.getByRole('option').nth(lang === 'de' ? 6 : 7).click();
  const card = page.getByTestId('self-assessment');
  await card.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: lang === 'de' ? 'Formular erstellen' : 'Make the form' }).click()]);
  const filled = await fillForm(readFileSync(await download.path()), { q01: 2, q03: 4, q05: 3, q09_o1: true, q09_o4: true, q11: 2 });
  await card.getByTestId('form-file').setInputFiles({ name: 'form.pdf', mimeType: 'application/pdf', buffer: Buffer.from(filled) });
  await card.getByTestId('form-preview').waitFor();
  await snap(page, lang, 'form-preview');
  await card.getByTestId('form-preview').getByRole('button').first().click();
  await card.getByRole('status').filter({ hasText: /\d/ }).waitFor();
  await snap(page, lang, 'form-taken');
}

async function tour(page: Page, link: string, lang: Language): Promise<void> {
  const go = async (hash: string) => { await page.goto(link + hash); await page.waitForTimeout(600); };
  // SCREENSHOTS_ONLY=lists, =day, =satisfaction or =form: only those screens, to look at them quickly.
  if (process.env.SCREENSHOTS_ONLY === 'lists') return importTour(page, lang, go);
  if (process.env.SCREENSHOTS_ONLY === 'day') return dayTour(page, lang, go);
  if (process.env.SCREENSHOTS_ONLY === 'satisfaction') return satisfactionTour(page, lang, go);
  if (process.env.SCREENSHOTS_ONLY === 'form') return formTour(page, lang, go);
  await go('#/clients');
  await snap(page, lang, 'client-book');
  await page.locator('#client-search').fill(lang === 'de' ? 'Schmdit' : 'Muler');
  await snap(page, lang, 'search-typo');
  await page.locator('#client-search').fill('zzzqqq');
  await snap(page, lang, 'search-nothing');
  await page.locator('#client-search').fill('');
  await go('#/clients/new');
  await snap(page, lang, 'new-client');
  await importTour(page, lang, go);
  await dayTour(page, lang, go);
  await satisfactionTour(page, lang, go);
  await formTour(page, lang, go);
  await go('#/clients');
  await page.getByRole('option').nth(2).click();
  await page.waitForTimeout(800);
  await snap(page, lang, 'client-page');
  await page.mouse.wheel(0, 700);
  await snap(page, lang, 'client-page-below');
  const clientUrl = page.url();
  // The client's rights: consent with its history, conclusions and life events, the export and the corrections.
  const history = page.getByTestId('consent-history').first();
  if (await history.count()) {
    await history.locator('summary').click();
    await history.scrollIntoViewIfNeeded();
    await snap(page, lang, 'client-consent-history');
  }
  await page.getByTestId('conclusions').scrollIntoViewIfNeeded();
  await snap(page, lang, 'client-conclusions');
  await page.getByTestId('client-export').scrollIntoViewIfNeeded();
  await snap(page, lang, 'client-export');
  const advice = page.getByTestId('advice-link').first();
  if (await advice.count()) {
    await advice.click();
    await snap(page, lang, 'advice-record');
    await page.goto(clientUrl);
  }
  await page.locator('.head-action').first().click();
  await page.waitForTimeout(1200);
  await snap(page, lang, 'meeting');
  await page.keyboard.press('F9');
  await snap(page, lang, 'meeting-client-view');
  await page.keyboard.press('F9');
  const end = page.getByRole('button', { name: lang === 'de' ? 'Gespräch beenden' : 'End meeting' });
  if (await end.count()) {
    await end.click();
    await snap(page, lang, 'meeting-end-asks');
    await page.keyboard.press('Escape');
  }
  await retailTour(page, go, clientUrl, lang);
  await go('#/tasks');
  await snap(page, lang, 'tasks');
  await go('#/book');
  await page.waitForTimeout(800);
  await snap(page, lang, 'book');
  await go('#/sync');
  await snap(page, lang, 'sync');
  await go('#/settings');
  await snap(page, lang, 'settings');
  await page.getByTestId('restricted-records').scrollIntoViewIfNeeded();
  await snap(page, lang, 'settings-restricted-records');
  await go('#/clients');
  // The header's button: on the client list the search has the focus, and there "?" is just typed.
  await page.getByRole('button', { name: /\(\?\)$/ }).click();
  await page.getByRole('dialog').waitFor();
  await snap(page, lang, 'shortcuts');
  await page.keyboard.press('Escape');
}

/**
 * The retailer's screens for the client on the client page: a price typed
 * above the ceiling with a reason (and the request, where this person may
 * sell), the approvals and the rating. The demo's ranges decide what the bar
 * shows; without any, the list price.
 */
async function retailTour(page: Page, go: (hash: string) => Promise<void>, clientUrl: string, lang: Language): Promise<void> {
  await go(`#/sale/${clientUrl.split('/').at(-1)}`);
  await page.locator('#sale-product').selectOption('green_household');
  await page.waitForTimeout(300);
  await snap(page, lang, 'sale');
  await page.locator('#sale-price').fill(lang === 'de' ? '15,90' : '15.90');
  await page.locator('#sale-reason').selectOption('loyalty');
  await page.waitForTimeout(300);
  await snap(page, lang, 'sale-above-ceiling');
  const ask = page.getByRole('button', { name: lang === 'de' ? 'Freigabe anfragen' : 'Request approval' });
  if (await ask.isEnabled().catch(() => false)) {
    await ask.click();
    await page.waitForTimeout(500);
    await snap(page, lang, 'sale-requested');
  }
  await go('#/approvals');
  await snap(page, lang, 'approvals');
  // The demo's backend rates the retailers every minute; sync until the device holds a rating, so the screen
  // shows one (with its figures and what would raise it) rather than its empty state.
  for (let waited = 0; waited < 150_000; waited += 10_000) {
    await go('#/rating');
    if (await page.getByTestId('rating').isVisible()) break;
    await go('#/sync');
    await page.getByRole('button', { name: lang === 'de' ? 'Jetzt abgleichen' : 'Sync now' }).click().catch(() => {});
    await page.waitForTimeout(10_000);
  }
  await snap(page, lang, 'rating');
}

const dataDir = mkdtempSync(join(tmpdir(), 'aw-screens-'));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const app = await startApp(dataDir);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  await page.goto(app.url);
  await page.waitForTimeout(800);
  shot = 0;
  await snap(page, 'de', 'first-start');
  await page.getByLabel('Ihr Name').fill('Anna Berger');
  await page.getByRole('button', { name: 'Arbeitsplatz einrichten' }).click();
  await page.getByRole('heading', { name: 'Kundenbestand' }).waitFor({ timeout: 120_000 });
  await tour(page, app.url, 'de');
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForTimeout(500);
  shot = 1; // the English tour's pictures line up with the German ones
  await tour(page, app.url, 'en');
  console.log(out);
} finally {
  await browser.close();
  app.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
