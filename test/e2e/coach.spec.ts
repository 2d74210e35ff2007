// The life coach's day, end to end against what `npm start` ships: alerts
// synced down from the manufacturer wait in the inbox; the coach buys the trip
// bundle under the client's mandate and sees the budget left fall, snoozes
// one alert, dismisses another with a reason, records that the client rejects
// a conclusion; the client page and the screen turned to the client list the
// purchase. All by keyboard where the inbox has keys for it.
//
// Two ways in: against a backend this test brings (the alerts written into it
// as the backend makes them), and against the demo's own assistant alerts
// once `npm start`'s embedded backend sends them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { records } from '#backend/db/schema.ts';
import { createLogger } from '#backend/log.ts';
import { publishCatalogue, readCatalogueFile, SEED_CATALOGUE } from '#backend/manufacturer.ts';
import { createUser, issueEnrolmentCode } from '#backend/people.ts';
import { startBackend } from '#backend/server.ts';
import { formatHlc } from '#core/hlc.ts';
import { insertAlert } from '../integration/backend/alert-fixture.ts';
import { readDemoAssistant } from '../../build/demo-assistant.ts';
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';
import { syncNow } from './support/badge.ts';

const DAY = 86_400_000;
/** "100,00 €" as the page writes it, whatever space stands before the sign. */
const euro = (amount: string) => new RegExp(`${amount.replace('.', '\\.')}\\s€`);

async function grant(page: Page, purpose: 'profiling' | 'contact') {
  const row = page.getByTestId(`consent-${purpose}`);
  await row.getByRole('button', { name: /Erteilen/ }).click();
  await expect(row).toHaveAttribute('data-granted', 'true');
}

/**
 * The inbox holds at least four open alerts, one of them about a planned
 * trip for a client whose mandate covers travel with room for the trip
 * bundle (46 €) in budget and cap. Returns that client's name.
 */
async function workTheInbox(page: Page, opts: { budget: string; leftAfter: string }): Promise<string> {
  const nav = page.getByTestId('nav-alerts');
  await nav.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hinweise' })).toBeVisible();
  const alerts = page.getByTestId('alert');
  await expect(alerts.first()).toBeVisible();
  const open = await alerts.count();
  expect(open).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId('filter-open')).toContainText(String(open));

  // The trip: bought under the mandate, from the alert's own dialog, the bundle preselected.
  const trip = alerts.filter({ has: page.getByTestId('action-buy') }).and(page.locator('[data-event="travel_planned"]')).first();
  const client = (await trip.locator('.alert-client').textContent())!;
  await expect(trip.getByRole('heading', { level: 3 })).toHaveText(`${client} plant wahrscheinlich eine Reise`);
  await expect(trip.getByTestId('alert-evidence')).not.toBeEmpty();
  await expect(trip.getByTestId('alert-offers').locator('[data-offer="bundle_trip"]')).toContainText('von der Vollmacht gedeckt');
  await trip.locator('article').focus();
  await page.keyboard.press('3');
  const dialog = page.getByRole('dialog', { name: /Im Rahmen der Vollmacht kaufen/ });
  await expect(dialog.getByLabel('Reise sorgenfrei')).toBeChecked();
  const check = dialog.getByTestId('purchase-check');
  await expect(check).toHaveAttribute('data-decision', 'allowed');
  await expect(dialog.getByTestId('check-price')).toHaveText(euro('46,00'));
  await expect(dialog.getByTestId('check-left')).toHaveText(euro(opts.leftAfter));
  // More than the cap per purchase: refused with the figures, and Buy is not offered.
  await dialog.getByLabel(/Reiseschutz-Paket/).check();
  await expect(check).toHaveAttribute('data-reason', /over_cap|over_budget/);
  await expect(dialog.getByTestId('check-words')).toContainText(/Höchstbetrag je Kauf|ausgegeben/);
  await expect(dialog.getByTestId('purchase-buy')).toBeDisabled();
  await dialog.getByLabel(/Reiseschutz-Paket/).uncheck();
  await expect(check).toHaveAttribute('data-decision', 'allowed');
  await dialog.getByTestId('purchase-buy').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('inbox-announcement')).toHaveText('Gekauft. Der Hinweis ist erledigt.');
  await expect(alerts).toHaveCount(open - 1);
  // The focus went on to the alert that took its place.
  await expect(alerts.locator('article:focus')).toHaveCount(1);

  // Snoozed by keyboard: a day that is not after today is refused first.
  await page.keyboard.press('4');
  const snooze = page.getByTestId('snooze-form');
  await snooze.getByRole('textbox').fill(new Date().toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' }));
  await snooze.getByRole('button', { name: 'Zurückstellen', exact: true }).click();
  await expect(snooze).toContainText('Bitte einen Tag nach heute wählen.');
  const inAWeek = new Date(Date.now() + 7 * DAY).toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' });
  await snooze.getByRole('textbox').fill(inAWeek);
  await snooze.getByRole('button', { name: 'Zurückstellen', exact: true }).click();
  await expect(page.getByTestId('inbox-announcement')).toHaveText(`Zurückgestellt bis ${inAWeek}.`);
  await expect(alerts).toHaveCount(open - 2);

  // Dismissed with a reason: "another reason" needs a note first.
  await alerts.first().locator('article').focus();
  await page.keyboard.press('5');
  const dismiss = page.getByTestId('dismiss-form');
  await dismiss.getByLabel('Anderer Grund').check();
  await dismiss.getByRole('button', { name: 'Verwerfen' }).click();
  await expect(dismiss).toContainText('Bei „Anderer Grund“ bitte kurz notieren, warum');
  await dismiss.getByLabel('Schon erledigt').check();
  await dismiss.getByRole('button', { name: 'Verwerfen' }).click();
  await expect(page.getByTestId('inbox-announcement')).toHaveText('Hinweis verworfen.');
  await expect(alerts).toHaveCount(open - 3);

  // The client rejects what an alert concluded: asked first.
  const rejected = alerts.first();
  const conclusion = (await rejected.getByRole('heading', { level: 3 }).textContent())!;
  await rejected.locator('article').focus();
  await page.keyboard.press('6');
  const ask = page.getByRole('dialog', { name: 'Kunde widerspricht der Einschätzung?' });
  await expect(ask).toContainText(`„${conclusion}“ wird als vom Kunden abgelehnt festgehalten.`);
  await ask.getByRole('button', { name: 'Widerspruch festhalten' }).click();
  await expect(page.getByTestId('inbox-announcement')).toHaveText('Widerspruch festgehalten. Der Hinweis ist erledigt.');
  await expect(alerts).toHaveCount(open - 4);

  // The other lists show what happened.
  await page.getByTestId('filter-snoozed').click();
  await expect(page.getByTestId('alert-status')).toHaveText(`Zurückgestellt bis ${inAWeek}; dann steht der Hinweis wieder unter „Offen“.`);
  await page.getByTestId('filter-done').click();
  const statuses = page.getByTestId('alert-status');
  await expect(statuses).toHaveCount(3);
  await expect(statuses.filter({ hasText: 'im Rahmen der Vollmacht gekauft' })).toHaveCount(1);
  await expect(statuses.filter({ hasText: 'verworfen – Schon erledigt' })).toHaveCount(1);
  await expect(statuses.filter({ hasText: 'Der Kunde widerspricht der Einschätzung.' })).toHaveCount(1);

  // The budget left fell by the trip's 46 €.
  await page.getByRole('link', { name: 'Vollmachten' }).click();
  await expect(page.getByTestId('mandate-client').filter({ hasText: client })).toContainText(new RegExp(`${euro(opts.leftAfter).source} von ${euro(opts.budget).source}`));
  return client;
}

/** The client page lists the purchase under the mandate, and so does the screen turned to the client in a meeting. */
async function clientSeesThePurchase(page: Page, client: string, opts: { leftAfter: string }) {
  await page.getByRole('link', { name: client }).click();
  const mandate = page.getByTestId('mandate');
  await expect(mandate.getByTestId('mandate-left')).toContainText(new RegExp(`${euro(opts.leftAfter).source} von`));
  const row = mandate.getByTestId('purchase');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Reiserücktritt, Auslandsreise-Krankenversicherung');
  await expect(row).toContainText(euro('46,00'));
  await expect(page.getByTestId('timeline').locator('.tp-purchase').first()).toContainText('Reiserücktritt, Auslandsreise-Krankenversicherung');

  await page.getByRole('button', { name: 'Beratungsgespräch beginnen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Beratungsgespräch mit/ })).toBeVisible();
  await page.keyboard.press('F9');
  await expect(page.getByTestId('client-view-lock')).toBeVisible();
  const shown = page.getByTestId('client-purchases');
  await expect(shown).toContainText('Ihre Käufe im Rahmen der Vollmacht');
  await expect(shown.getByTestId('client-budget-left')).toContainText(euro(opts.leftAfter));
  await expect(shown.getByTestId('purchase')).toContainText('Reiserücktritt, Auslandsreise-Krankenversicherung');
  // Nothing internal: no charge column for the client.
  await expect(shown).not.toContainText('Vom Budget');
  await page.keyboard.press('F9');
}

test.describe('against a backend of its own', () => {
  // This test brings its own backend: the workstation starts without the embedded one.
  test.use({ workstationOptions: { backend: 'none' } });

  test('the coach works the inbox: buys the trip under the mandate, snoozes, dismisses, records a rejected conclusion; the client sees the purchase', async ({ page, workstation }) => {
    // A whole working session, with syncs to a backend: more than the usual time.
    test.slow();
    const folder = mkdtempSync(join(tmpdir(), 'aw-e2e-coach-'));
    const quiet = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
    const backend = await startBackend({ dataDir: join(folder, 'db'), port: 0, logger: quiet });
    try {
      const db = backend.database.db;
      await publishCatalogue(db, readCatalogueFile(SEED_CATALOGUE), new Date());
      // Only the coach's role: the app opens on the inbox, the header offers the coach's workspaces.
      const clara = await createUser(db, { displayName: 'Clara Vogt', roles: ['life_coach'] }, new Date());
      await openApp(page, workstation);
      await setUp(page, { name: 'Clara Vogt' });
      await page.getByTestId('sync-badge').click();
      await page.getByLabel('Adresse des Herstellers').fill(backend.url);
      await page.getByLabel('Einmalcode').fill((await issueEnrolmentCode(db, clara.id, new Date())).code);
      await page.getByLabel('Name dieses Geräts').fill('Tablet');
      await page.getByRole('button', { name: 'Verbinden' }).click();
      await expect(page.getByTestId('sync-state')).toHaveAttribute('data-phase', 'up_to_date', { timeout: 15_000 });
      const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
      await expect(nav.getByRole('link')).toHaveText(['Hinweise', 'Vollmachten', 'Kunden']);
      await page.goto(workstation.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Hinweise' })).toBeVisible();
      await expect(page.getByTestId('inbox-empty')).toHaveText('Keine offenen Hinweise.');

      // A client of hers, who consented to profiling and contact and gave her a mandate for travel.
      await nav.getByRole('link', { name: 'Kunden' }).click();
      await addClient(page, 'Lea', 'Hoffmann');
      await grant(page, 'profiling');
      await grant(page, 'contact');
      const mandate = page.getByTestId('mandate');
      await mandate.getByTestId('mandate-budget').fill('100');
      await mandate.getByTestId('mandate-cap').fill('60');
      await mandate.getByLabel('Reise').check();
      await mandate.getByRole('button', { name: 'Vollmacht erteilen' }).click();
      await expect(mandate.getByTestId('mandate-left')).toContainText(new RegExp(`${euro('100,00').source} von ${euro('100,00').source} übrig`));
      const mandates = async () => db.select({ clientId: records.clientId }).from(records).where(eq(records.entity, 'mandates'));
      await expect.poll(async () => (await mandates()).length, { timeout: 15_000 }).toBe(1);
      const clientId = (await mandates())[0]!.clientId;

      // The backend turns the assistant's signals into four alerts for her, the trip the newest and urgent.
      const now = Date.now();
      const hlc = formatHlc({ wall: now, counter: 0, node: 'backend' });
      const signal = (evidence: string, eventDate: string | null) => [{ id: `s-${evidence}`, evidence, observedAt: new Date(now - DAY).toISOString(), eventDate }];
      const soon = new Date(now + 5 * DAY).toISOString().slice(0, 10);
      for (const [i, [event, offers, evidence, day]] of ([
        ['new_car', ['car'], 'Probefahrt im Kalender', null],
        ['moving', ['bundle_moving'], 'Drei Umzugsangebote im Postfach', null],
        ['new_job', ['legal_protection'], 'Arbeitsvertrag als PDF', null],
        ['travel_planned', ['bundle_trip'], 'Flugbuchung nach Lissabon', soon],
      ] as const).entries()) {
        await insertAlert(db, { clientId, hlc, at: now - (4 - i) * 60_000, coachId: clara.id, event, fields: { offers, signals: signal(evidence, day) } });
      }
      await syncNow(page);
      await expect(page.getByTestId('alerts-open')).toContainText('4');
      await page.getByTestId('nav-alerts').click();
      const first = page.getByTestId('alert').first();
      await expect(first).toHaveAttribute('data-event', 'travel_planned');
      await expect(first.getByTestId('alert-urgent')).toHaveText(/Dringend/);
      await page.getByTestId('urgent-only').check();
      await expect(page.getByTestId('alert')).toHaveCount(1);
      await page.getByTestId('urgent-only').uncheck();

      const client = await workTheInbox(page, { budget: '100,00', leftAfter: '54,00' });
      expect(client).toBe('Lea Hoffmann');
      // The rejection is the client's word on that life event, which reaches the manufacturer (its rule against new alerts reads it).
      const conclusions = page.getByTestId('conclusion').and(page.locator('[data-kind="life_event"]'));
      await page.getByRole('link', { name: client }).click();
      await expect(conclusions).toHaveAttribute('data-status', 'rejected');
      await expect(conclusions).toContainText('Lebensereignis:');
      const rejectedOnBackend = async () => (await db.select({ fields: records.fields }).from(records).where(eq(records.entity, 'conclusions')))
        .map((r) => r.fields as { kind: string; status: string }).filter((c) => c.kind === 'life_event' && c.status === 'rejected').length;
      await expect.poll(rejectedOnBackend, { timeout: 15_000 }).toBe(1);
      await page.getByRole('link', { name: 'Vollmachten' }).click();
      await clientSeesThePurchase(page, client, { leftAfter: '54,00' });
    } finally {
      await backend.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/*
 * Against the demo as `npm start` ships it: the embedded backend's demo
 * assistant (build/demo-assistant.ts) reports life events of demo clients,
 * among them a trip for a client whose mandate (100 € a month, travel) has
 * room for the trip bundle but not for the 49 € travel cover. After the coach
 * records that a client rejects a conclusion, the assistant reports the same
 * event again: the backend drops it, and no new alert arrives.
 */
test('the demo’s inbox: buys the trip under a mandate, snoozes, dismisses, records a rejected conclusion; the next signal of that event brings no alert', async ({ page, workstation }) => {
  test.slow();
  await openApp(page, workstation);
  await setUp(page, { demoBook: true });
  await expect(page.getByTestId('alerts-open')).toBeVisible({ timeout: 60_000 });
  const client = await workTheInbox(page, { budget: '100,00', leftAfter: '54,00' });
  await page.getByTestId('nav-alerts').click();
  await page.getByTestId('filter-done').click();
  const rejected = page.getByTestId('alert').filter({ has: page.getByTestId('alert-status').filter({ hasText: 'Der Kunde widerspricht der Einschätzung.' }) });
  const event = (await rejected.getAttribute('data-event'))!;
  const clientId = (await rejected.locator('.alert-client').getAttribute('href'))!.split('/').pop()!;

  await page.getByTestId('filter-open').click();
  const openBefore = await page.getByTestId('alert').count();
  // The client's no must have reached the manufacturer before the assistant speaks again: the demo book's
  // first sync sends two thousand clients, and the rejection waits its turn behind them.
  await expect(page.getByTestId('pending-changes')).toHaveText('nichts offen', { timeout: 120_000 });
  const assistant = readDemoAssistant(join(workstation.dataDir, 'backend'))!;
  const res = await fetch(new URL('/v1/signals', assistant.url), {
    method: 'POST', headers: { authorization: `Bearer ${assistant.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ batch: [{ client: clientId, signals: [{ id: `again-${Date.now()}`, kind: event, observed_at: new Date().toISOString(), confidence: 0.95, evidence: 'noch einmal gesehen' }] }] }),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ kept: 0, dropped: { rejected_by_client: 1 } });
  await syncNow(page);
  await page.getByTestId('nav-alerts').click();
  // Nothing new in the inbox, and nothing about that client's event among the open alerts.
  await expect(page.getByTestId('alert')).toHaveCount(openBefore);
  await expect(page.getByTestId('alert').and(page.locator(`[data-event="${event}"]`)).filter({ has: page.locator(`a[href$="${clientId}"]`) })).toHaveCount(0);
  await page.getByRole('link', { name: 'Vollmachten' }).click();
  await clientSeesThePurchase(page, client, { leftAfter: '54,00' });
});
