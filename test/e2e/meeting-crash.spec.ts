// The promise of meeting mode: whatever the screen said was saved survives a
// crash of the core, and what was not saved yet stays on the screen.
import { addClient, ATTRIBUTES, readMeeting, startMeeting, TEXT_FIELDS, waitAllSaved } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test('a client is created after fixing a bad email; a meeting answered by keyboard survives SIGKILL', async ({ page, context, workstation }, testInfo) => {
  await openApp(page, workstation);
  await setUp(page);

  // A bad email: the problem is shown at the field and nothing is created.
  await page.getByRole('link', { name: 'Neuer Kunde' }).click();
  await page.getByLabel('Vorname').fill('Jonas');
  await page.getByLabel('Nachname').fill('Kröger');
  const email = page.getByLabel('E-Mail');
  await email.fill('jonas.kroeger@');
  await page.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(page.getByText('Das ist keine gültige E-Mail-Adresse', { exact: false })).toBeVisible();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
  const other = await context.newPage();
  await other.goto(`${workstation.url}#/clients`);
  await expect(other.getByText('Noch keine Kunden', { exact: false })).toBeVisible();
  await other.close();

  await email.fill('jonas.kroeger@example.de');
  await page.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jonas Kröger' })).toBeVisible();
  const meetingId = await startMeeting(page);

  // Answers by keyboard only: Alt+N to the next open question, digits pick, Tab and arrows move.
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('q-purchase_driver').locator('input').first()).toBeFocused();
  await page.keyboard.press('2');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('q-identity_expression')).toHaveAttribute('data-saved-value', 'brand');
  for (const digit of ['4', '3', '4', '3', '5', '4']) {
    await page.keyboard.press('Alt+n');
    await page.keyboard.press(digit);
  }
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('q-life_events').locator('input').first()).toBeFocused();
  await page.keyboard.press('1');
  await page.keyboard.press('3');
  await expect(page.getByTestId('q-life_events')).toHaveAttribute('data-saved-value', 'income_rising,family_growing');
  await expect(page.getByTestId('progress')).toHaveText('9 von 11 beantwortet');
  await expect(page.getByTestId('q-preferred_channel')).toHaveAttribute('data-saved-value', 'advisor_meeting');

  // Free text, saved as it is typed.
  await page.getByTestId('f-reason').getByRole('textbox').fill('Jahresgespräch');
  await page.getByTestId('f-wishes').locator('textarea').focus();
  await page.keyboard.type('Familie absichern, Kinder 4 und 7.', { delay: 15 });
  await expect(page.getByTestId('f-wishes')).toHaveAttribute('data-saved-value', 'Familie absichern, Kinder 4 und 7.');
  await expect(page.getByTestId('f-wishes')).toHaveAttribute('data-save-state', 'saved');
  await page.screenshot({ path: testInfo.outputPath('meeting-de.png'), fullPage: false });

  // Right after clicking answers and while typing: the core dies.
  await page.getByTestId('q-purchase_occasion').getByText('Ja, gerade jetzt').click();
  await page.getByTestId('q-product_complexity').getByText('Ein größeres Thema, das gründliche Beratung braucht').click();
  await page.getByTestId('f-notes').locator('textarea').focus();
  await page.keyboard.type('Wirkt unsicher beim Thema Berufsunfähigkeit', { delay: 20 });
  const before = await readMeeting(page);
  await workstation.kill('SIGKILL');
  await page.keyboard.type(' – nachfassen.', { delay: 20 });

  // The screen says so, and keeps every letter.
  await expect(page.getByTestId('connection-banner')).toBeVisible();
  await expect(page.getByTestId('connection-banner')).toContainText('Keine Verbindung');
  await expect(page.getByTestId('f-notes')).toHaveAttribute('data-save-state', 'error');
  await expect(page.getByTestId('f-notes').locator('textarea')).toHaveValue('Wirkt unsicher beim Thema Berufsunfähigkeit – nachfassen.');
  await page.screenshot({ path: testInfo.outputPath('meeting-offline-de.png') });

  // After the restart, everything the screen had acknowledged is in the book.
  await workstation.restart();
  await openApp(page, workstation, `#/meetings/${meetingId}`);
  await expect(page.getByRole('heading', { level: 1, name: /Beratungsgespräch mit Jonas Kröger/ })).toBeVisible();
  await waitAllSaved(page);
  const after = await readMeeting(page);
  for (const attribute of ATTRIBUTES) {
    const key = `q-${attribute}`;
    const was = before[key]!;
    // Acknowledged, or the newer answer that was on its way when the core died.
    expect([was.saved, was.shown], key).toContain(after[key]!.saved);
  }
  for (const field of TEXT_FIELDS) {
    const key = `f-${field}`;
    const was = before[key]!;
    const stored = after[key]!.saved;
    expect(stored.startsWith(was.saved), `${key}: "${stored}" keeps "${was.saved}"`).toBe(true);
    expect(was.shown.trim().startsWith(stored), `${key}: "${stored}" is what was typed`).toBe(true);
  }
  expect(after['q-life_events']!.saved).toBe('income_rising,family_growing');
  expect(after['f-wishes']!.saved).toBe('Familie absichern, Kinder 4 und 7.');
});

test('text typed while the core was down is saved once the window is reopened on the same address', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Sara', 'Engel');
  const meetingId = await startMeeting(page);
  const risk = page.getByTestId('f-riskSituation');
  await risk.locator('textarea').fill('Selbstständig, keine BU.');
  await expect(risk).toHaveAttribute('data-saved-value', 'Selbstständig, keine BU.');

  await workstation.kill('SIGKILL');
  await risk.locator('textarea').press('End');
  await page.keyboard.type(' Kredit fürs Haus läuft noch 12 Jahre.', { delay: 10 });
  await expect(page.getByTestId('connection-banner')).toBeVisible();
  await expect(risk).toHaveAttribute('data-save-state', 'error');

  // A restart on the same address (a new secret, so the page must be opened anew).
  await workstation.restart({ samePort: true });
  await openApp(page, workstation, `#/meetings/${meetingId}`);
  const full = 'Selbstständig, keine BU. Kredit fürs Haus läuft noch 12 Jahre.';
  await expect(risk.locator('textarea')).toHaveValue(full);
  await expect(risk).toHaveAttribute('data-saved-value', full);
  await expect(risk).toHaveAttribute('data-save-state', 'saved');
  await page.reload();
  await expect(risk.locator('textarea')).toHaveValue(full);
});
