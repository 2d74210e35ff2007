// The manufacturer's console in Chromium, served by a backend this test
// starts, against the shipped build (dist/console): a retailer's device pushes
// an approval request; the manufacturer's person is refused a wrong password,
// signs in, finds the request, cannot decline it without a note, approves it
// by keyboard, declines the next one with a note; the decisions reach the
// retailer's device;
// English changes the words and the figures' format.
//
// SCREENSHOTS=1 also saves every section at 1280×720 in German and English
// to screenshots/console/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { expect, test, type Page } from '@playwright/test';
import { setConsolePassword } from '#backend/console/password.ts';
import { createIntegration } from '#backend/integrations.ts';
import { createLogger } from '#backend/log.ts';
import { publishCatalogue, readCatalogueFile, SEED_CATALOGUE, setRetailer } from '#backend/manufacturer.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import { rateAllRetailers } from '#backend/rating.ts';
import { startBackend, type RunningBackend } from '#backend/server.ts';
import { newClient, workstation } from '../integration/backend/sync-support.ts';

const PASSWORD = 'Grüne Wiese 2027!';
const TABS = ['approvals', 'deviations', 'ratings', 'signals', 'learning', 'documents'] as const;

/** A retailer's device of the demo's eco household shop, pushing to `backend` over HTTP as the app does. */
async function retailerDevice(backend: RunningBackend) {
  const db = backend.database.db;
  const rita = await createUser(db, { displayName: 'Rita Reiter', roles: ['retailer'] }, new Date());
  await setRetailer(db, rita.id, 'retailer_oeko_haus', new Date());
  const { code } = await issueEnrolmentCode(db, rita.id, new Date());
  const enrolled = await fetch(`${backend.url}/v1/enrol`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: 'Kasse' }),
  });
  expect(enrolled.status).toBe(201);
  const { deviceId, token } = await enrolled.json() as { deviceId: string; token: string };
  // What the sync tests' workstation needs of a backend: its clock, its database (to wait for commits before a pull), and HTTP.
  const overHttp = {
    db,
    clock: { now: () => new Date() },
    post: (path: string, body: unknown, bearer?: string) => fetch(`${backend.url}${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body: JSON.stringify(body),
    }),
  };
  return workstation(overHttp as unknown as Parameters<typeof workstation>[0], { deviceId, token, user: rita });
}

async function signIn(page: Page, password: string) {
  await page.getByLabel('Benutzername').fill('Hanna Hersteller');
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

test.describe('the manufacturer’s console', () => {
  let folder: string;
  let backend: RunningBackend;
  let approvalId: string;
  let declineId: string;
  let retailer: Awaited<ReturnType<typeof retailerDevice>>;

  test.beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'aw-e2e-console-'));
    const quiet = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
    backend = await startBackend({ dataDir: join(folder, 'db'), port: 0, logger: quiet });
    const db = backend.database.db;
    await publishCatalogue(db, readCatalogueFile(SEED_CATALOGUE), new Date());
    const hanna = await createUser(db, { displayName: 'Hanna Hersteller', roles: ['manufacturer'] }, new Date());
    await setConsolePassword(db, hanna.id, PASSWORD, new Date());

    // The shop's client, a sale within the range at a deviating price, and a request above its ceiling of 14,90 €.
    retailer = await retailerDevice(backend);
    const client = newClient('Jonas', 'Brandt');
    approvalId = crypto.randomUUID();
    const priced = { clientId: client.id, productId: 'green_household', reason: 'client_value' };
    await retailer.pushApplied(
      retailer.raw('client.create', client),
      retailer.raw('sale.record', { id: crypto.randomUUID(), holdingId: crypto.randomUUID(), ...priced, chosenCents: 1350 }),
      retailer.raw('approval.request', { id: approvalId, ...priced, chosenCents: 1600 }),
    );
    // A second request, asked later: below the floor of 9,30 €, with the retailer's own words.
    declineId = crypto.randomUUID();
    await retailer.pushApplied(retailer.raw('approval.request', {
      id: declineId, clientId: client.id, productId: 'household_contents', chosenCents: 890, reason: 'other', reasonText: 'Kunde bündelt Hausrat und Haftpflicht',
    }));
    await rateAllRetailers(db, new Date());
  });

  test.afterAll(async () => {
    await backend?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('a request approved by keyboard reaches the retailer; English changes words and figures', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${backend.url}/console`);

    // A wrong password: refused with words, and the password field is empty for the next try.
    await signIn(page, 'Falsches Passwort 1');
    await expect(page.getByTestId('login-error')).toHaveText(/Benutzername oder Passwort stimmt nicht/);
    await expect(page.getByLabel('Passwort')).toHaveValue('');
    await expect(page.getByLabel('Passwort')).toBeFocused();

    await signIn(page, PASSWORD);
    await expect(page.getByTestId('me')).toHaveText('Hanna Hersteller');
    await expect(page.getByRole('heading', { level: 1, name: 'Freigaben' })).toBeVisible();
    await expect(page.getByTestId('pending-count')).toHaveText('2');
    // The longest waiting request first.
    await expect(page.getByTestId('pending').getByTestId('approval').first()).toHaveAttribute('data-id', approvalId);
    const card = page.locator(`[data-testid="approval"][data-id="${approvalId}"]`);
    await expect(card).toHaveAttribute('data-status', 'pending');
    await expect(card).toContainText('Hausrat "Grün"');
    await expect(card).toContainText('retailer_oeko_haus');
    await expect(card).toContainText('Angefragt von Rita Reiter');
    await expect(card.getByTestId('approval-chosen')).toHaveText(/^16,00\s€$/);
    await expect(card.getByTestId('approval-deviation')).toHaveText(/^\+3,60\s€$/);
    await expect(card).toContainText('Wert für den Kunden');
    await expect(card).toContainText('Spanne gültig bis 30.06.2027');

    // Declining needs a note: without one the form says so and nothing is sent.
    await page.keyboard.press('j');
    await expect(card).toBeFocused();
    await page.keyboard.press('d');
    const note = card.getByLabel('Notiz an den Händler');
    await expect(note).toBeFocused();
    await card.getByRole('button', { name: 'Ablehnung senden' }).click();
    await expect(card.getByTestId('decline-problem')).toHaveText(/Ablehnung braucht eine Begründung/);
    await expect(note).toHaveAttribute('aria-invalid', 'true');
    await page.reload();
    await expect(card).toHaveAttribute('data-status', 'pending');

    // Approved by keyboard: j brings the focus to the request, a approves it.
    await page.keyboard.press('j');
    await expect(card).toBeFocused();
    await page.keyboard.press('a');
    await expect(page.getByTestId('approval-notice')).toContainText('Freigegeben: Hausrat "Grün"');
    await expect(page.getByTestId('pending-count')).toHaveText('1');
    await expect(page.getByTestId('decided').locator(`[data-id="${approvalId}"]`)).toHaveAttribute('data-status', 'approved');
    const decision = card.getByTestId('approval-decision');
    await expect(decision).toContainText('Freigegeben von Hanna Hersteller am');
    await expect(decision).toContainText(/Gültig bis \d{2}\.\d{2}\.\d{4}/);

    // The next request is chosen at once; declined with a note, which the decision shows.
    const other = page.locator(`[data-testid="approval"][data-id="${declineId}"]`);
    await expect(other).toBeFocused();
    await expect(other).toContainText('Sonstiges: Kunde bündelt Hausrat und Haftpflicht');
    await page.keyboard.press('d');
    await other.getByLabel('Notiz an den Händler').fill('Unter der Untergrenze nur im Paket; bitte das Paket anbieten.');
    await other.getByRole('button', { name: 'Ablehnung senden' }).click();
    await expect(page.getByTestId('pending-count')).toHaveText('0');
    await expect(other).toHaveAttribute('data-status', 'declined');
    await expect(other.getByTestId('approval-decision')).toContainText('Abgelehnt von Hanna Hersteller');
    await expect(other.getByTestId('approval-decision')).toContainText('Unter der Untergrenze nur im Paket');

    // Both decisions sync down to the retailer's device.
    const pulled = await retailer.pullAll();
    expect(pulled.find((r) => r.id === approvalId)?.state?.fields).toMatchObject({ status: 'approved', decidedBy: expect.any(String) });
    expect(pulled.find((r) => r.id === declineId)?.state?.fields).toMatchObject({ status: 'declined', note: 'Unter der Untergrenze nur im Paket; bitte das Paket anbieten.' });

    // English: the words, the amounts (€16.00) and the days (DD/MM/YYYY); kept over a reload.
    await page.getByTestId('lang-en').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Approvals' })).toBeVisible();
    await expect(page.getByTestId('tab-deviations')).toHaveText('Deviations');
    await expect(card.getByTestId('approval-chosen')).toHaveText('€16.00');
    await expect(card).toContainText('Range valid until 30/06/2027');
    await expect(decision).toContainText(/Approved by Hanna Hersteller on \d{2}\/\d{2}\/\d{4}/);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Approvals' })).toBeVisible();

    // Digits switch sections: the sale's deviation of 1,10 € under the shop.
    await page.keyboard.press('2');
    const shop = page.locator('[data-testid="retailer-deviations"][data-retailer="retailer_oeko_haus"]');
    await expect(shop).toContainText('+€1.10');
    await expect(shop).toContainText('Value to the client');
    await page.keyboard.press('6');
    await expect(page.locator('[data-testid="documents"] tbody[data-kind="catalogue"]')).toContainText('Product catalogue');

    // Signing out brings the login back, and the console's API refuses the old session.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByText('You are signed out.')).toBeVisible();
    const after = await page.request.post(`${backend.url}/console/rpc/me`, { headers: { origin: backend.url }, data: { json: null } });
    expect(after.status()).toBe(401);
  });

  test('screenshots of every section at 1280×720 in German and English (run only by npm run screenshots:console, which sets SCREENSHOTS=1)', async ({ page }) => {
    test.skip(!process.env.SCREENSHOTS, 'screenshots only with SCREENSHOTS=1');
    // One request still pending beside the decided one: below the floor, with the retailer's own words.
    const client = newClient('Lea', 'Hoffmann');
    await retailer.pushApplied(
      retailer.raw('client.create', client),
      retailer.raw('approval.request', {
        id: crypto.randomUUID(), clientId: client.id, productId: 'household_contents', chosenCents: 890, reason: 'other',
        reasonText: 'Bündelt Hausrat und Haftpflicht, Angebot eines Mitbewerbers liegt vor',
      }),
    );
    // An assistant app reports on the shop's client (who consented to nothing) and on a client nobody knows.
    const { token } = await createIntegration(backend.database.db, 'Assistenz-App', new Date());
    const signal = (n: number, kind: string) => ({
      id: `e2e-${n}`, kind, observed_at: new Date(Date.now() - 86_400_000).toISOString(), confidence: 0.8, evidence: 'Umzugsangebote im Postfach',
    });
    const sent = await fetch(`${backend.url}/v1/signals`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ batch: [{ client: client.id, signals: [signal(1, 'moving'), signal(2, 'new_car')] }, { client: crypto.randomUUID(), signals: [signal(3, 'moving')] }] }),
    });
    expect(sent.status).toBe(200);
    const out = join(process.cwd(), 'screenshots', 'console');
    mkdirSync(out, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${backend.url}/console`);
    await page.screenshot({ path: join(out, 'de-0-login.png') });
    await signIn(page, PASSWORD);
    for (const lang of ['de', 'en'] as const) {
      await page.getByTestId(`lang-${lang}`).click();
      for (const [i, tab] of TABS.entries()) {
        await page.keyboard.press(String(i + 1));
        await expect(page.locator(`main[data-tab="${tab}"] [aria-busy="true"]`)).toHaveCount(0);
        await expect(page.getByRole('button', { name: lang === 'de' ? 'Aktualisieren' : 'Refresh' })).toBeEnabled();
        await page.screenshot({ path: join(out, `${lang}-${i + 1}-${tab}.png`) });
      }
    }
    await page.keyboard.press('?');
    await page.screenshot({ path: join(out, 'en-7-shortcuts.png') });
  });
});
