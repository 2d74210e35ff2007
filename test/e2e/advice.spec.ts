// Offers in the meeting and the advice record they end in: a rejected offer
// with its reason, an accepted one, the record made when the meeting ends,
// delivered and frozen, corrected as version 2 with the chain intact, and a
// stored version changed behind the app's back caught by verification.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openDatabase } from '#db/open.ts';
import { addClient, endMeeting, startMeeting, grantConsent } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

async function grantProfiling(page: Page) {
  const profiling = page.getByTestId('consent-profiling');
  await profiling.getByLabel(/Wie/).selectOption({ label: 'schriftlich' });
  await profiling.getByRole('button', { name: /Erteilen/ }).click();
  await expect(profiling).toHaveAttribute('data-granted', 'true');
}

test('offers decided in the meeting end up in a versioned, verifiable advice record', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Tobias', 'Winter');
  await grantProfiling(page);
  // Offers are proposed only to a client who agreed to be contacted about them.
  await grantConsent(page, 'contact');
  const meetingId = await startMeeting(page);

  // Moving house: the moving bundle comes up.
  await page.getByTestId('q-life_events').getByText('Umzug', { exact: false }).first().click();
  await expect(page.getByTestId('q-life_events')).toHaveAttribute('data-saved-value', /moving/);
  const panel = page.getByTestId('offers-panel');
  const offers = panel.getByTestId('offer');
  const card = (id: string | null) => panel.locator(`[data-testid="offer"][data-offer="${id}"]`);
  await expect(offers.first()).toBeVisible();
  const rejectedId = await offers.nth(0).getAttribute('data-offer');
  const acceptedId = await offers.nth(1).getAttribute('data-offer');
  const rejectedName = (await offers.nth(0).locator('strong').first().innerText()).replace(/^\d+\.\s*/, '');

  // A rejection needs the client's reason.
  const first = offers.nth(0);
  await first.getByRole('button', { name: 'Abgelehnt' }).click();
  await first.getByRole('button', { name: 'Ablehnung festhalten' }).click();
  await expect(first.getByText('Bitte den Grund des Kunden wählen.')).toBeVisible();
  await first.getByLabel('Grund des Kunden').selectOption({ label: 'zu teuer' });
  await first.getByLabel('Notiz (optional)').fill('Erst nach dem Umzug');
  await first.getByRole('button', { name: 'Ablehnung festhalten' }).click();
  await expect(card(rejectedId)).toHaveCount(0);
  await card(acceptedId).getByRole('button', { name: 'Angenommen' }).click();
  // Both decisions stay in view, in words, in the order taken.
  await expect(panel.getByTestId('offer-decision')).toHaveCount(2);
  await expect(panel.getByTestId('offer-decision').nth(0)).toContainText(`abgelehnt ${rejectedName} – zu teuer („Erst nach dem Umzug“)`);
  await expect(panel.getByTestId('offer-decision').nth(1)).toHaveAttribute('data-outcome', 'accepted');

  // The score and its factors are internal: turned to the client, they are gone.
  await expect(panel.getByTestId('offer-score').first()).toBeVisible();
  await page.keyboard.press('F9');
  await expect(panel.getByTestId('offer-score')).toHaveCount(0);
  await expect(panel.getByTestId('offer-breakdown')).toHaveCount(0);
  await page.keyboard.press('F9');

  await page.getByTestId('feedback-nps').getByText('9', { exact: true }).click();
  await page.getByTestId('f-decision').locator('textarea').fill('Nimmt das Angenommene, der Rest später.');
  await expect(page.getByTestId('f-decision')).toHaveAttribute('data-save-state', 'saved');
  await endMeeting(page, ['Anlass des Gesprächs', 'Wünsche und Bedürfnisse', 'Risikosituation', 'Empfehlung und Begründung']);
  await page.getByTestId('advice-link').first().click();

  const v1 = page.getByTestId('advice-v1');
  const rejected = v1.locator(`[data-testid="advice-offer"][data-offer="${rejectedId}"]`);
  await expect(rejected).toHaveAttribute('data-outcome', 'rejected');
  await expect(rejected).toContainText(`${rejectedName}: abgelehnt – zu teuer („Erst nach dem Umzug“)`);
  await expect(v1.locator(`[data-offer="${acceptedId}"]`)).toHaveAttribute('data-outcome', 'accepted');
  await expect(v1.getByTestId('advice-decision')).toContainText('Nimmt das Angenommene');

  await v1.getByRole('button', { name: 'Als übergeben festhalten' }).click();
  await expect(v1).toHaveAttribute('data-delivered', 'true');
  await expect(v1.getByRole('button', { name: 'Als übergeben festhalten' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Korrigieren …' }).click();
  await page.getByTestId('advice-correction').getByLabel('Entscheidung des Kunden').fill('Nimmt das Angenommene; Rechtsschutz will er vergleichen.');
  await page.getByRole('button', { name: 'Neue Fassung erstellen' }).click();
  await expect(page.getByTestId('advice-v2')).toContainText('Rechtsschutz will er vergleichen');
  await expect(v1.getByTestId('advice-decision')).toContainText('Nimmt das Angenommene, der Rest später.');
  await expect(page.getByTestId('advice-chain')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('advice-chain')).toContainText('Alle 2 Fassungen');

  // Someone edits version 1 in the database file itself, once sync has settled (a pull still on its way
  // would bring the manufacturer's copy of version 1 back, and the check would rightly pass).
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', 'up_to_date', { timeout: 30_000 });
  const key = Buffer.from(readFileSync(join(workstation.dataDir, 'workstation.key'), 'utf8').trim(), 'hex');
  const book = openDatabase({ path: join(workstation.dataDir, 'workstation.db'), key });
  book.sqlite.prepare(`UPDATE advice_records SET content = json_set(content, '$.decision', 'Hat alles abgelehnt.') WHERE meeting_id = ? AND record_version = 1`).run(meetingId);
  book.sqlite.close();
  await page.reload();
  await expect(page.getByTestId('advice-chain')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('advice-chain')).toContainText('Fassung 1 wurde nachträglich verändert');
});
