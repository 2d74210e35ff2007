// Turning the screen to the client hides everything internal, and turning it
// back shows it again.
import { addClient, endMeeting, startMeeting } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test('the client view hides internal fields and comes back', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Mira', 'Yilmaz');
  await startMeeting(page);

  await page.getByTestId('q-tech_affinity').getByText('Ganz selbstverständlich und gern').click();
  await expect(page.getByTestId('q-tech_affinity')).toHaveAttribute('data-saved-value', 'high');
  await page.getByTestId('f-notes').locator('textarea').fill('Preissensibel, nicht drängen.');
  await expect(page.getByTestId('f-notes')).toHaveAttribute('data-save-state', 'saved');

  const internal = [
    page.getByTestId('f-notes'),
    page.getByTestId('answered-by'),
    page.getByTestId('q-tech_affinity').getByTestId('answer-meta'),
    page.getByTestId('pending-changes'),
  ];
  for (const el of internal) await expect(el).toBeVisible();

  const toggle = page.getByTestId('client-view-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('F9');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  for (const el of internal) await expect(el).toBeHidden();
  // What the client may see stays: the questions, their answers, the shared record.
  await expect(page.getByTestId('q-tech_affinity').getByRole('radio', { name: 'Ganz selbstverständlich und gern' })).toBeChecked();
  await expect(page.getByTestId('f-wishes')).toBeVisible();
  await expect(page.getByTestId('f-riskSituation')).toBeVisible();

  // Back to the advisor's view by the button asks first (the client might press it); F9 does not.
  await toggle.click();
  await page.getByTestId('unlock-dialog').getByRole('button', { name: 'Zurück zur Berateransicht' }).click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  for (const el of internal) await expect(el).toBeVisible();
  await expect(page.getByTestId('f-notes').locator('textarea')).toHaveValue('Preissensibel, nicht drängen.');
});

test('ending the meeting returns to the client page, where the meeting is listed as ended', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Paul', 'Lindner');
  await startMeeting(page);
  await page.getByTestId('f-reason').getByRole('textbox').fill('Kfz-Versicherung');
  await endMeeting(page, ['Wünsche und Bedürfnisse', 'Risikosituation', 'Empfehlung und Begründung', 'Entscheidung des Kunden']);
  await expect(page.getByRole('heading', { level: 1, name: 'Paul Lindner' })).toBeVisible();
  await expect(page.getByTestId('meeting-list')).toContainText('Kfz-Versicherung');
  await expect(page.getByTestId('meeting-list')).toContainText('beendet');
  await expect(page.getByTestId('last-contact-line')).toContainText('Gespräch (persönlich): Kfz-Versicherung');
});
