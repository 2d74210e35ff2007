// The client page: fields that save themselves (and say why they cannot),
// contacts, follow-ups and consent.
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test('contact fields save as typed, contacts, tasks and consent are recorded', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Lea', 'Hoffmann');
  await expect(page.getByTestId('last-contact-line')).toHaveText('Noch kein Kontakt festgehalten.');

  const email = page.getByTestId('c-email');
  await email.getByRole('textbox').fill('lea@');
  await expect(email).toHaveAttribute('data-save-state', 'error');
  await expect(email).toContainText('Das ist keine gültige E-Mail-Adresse');
  await email.getByRole('textbox').fill('lea.hoffmann@example.de');
  await expect(email).toHaveAttribute('data-saved-value', 'lea.hoffmann@example.de');
  await expect(email).toHaveAttribute('data-save-state', 'saved');
  await expect(email).toContainText('Gespeichert');

  await page.getByRole('button', { name: 'Kontakt festhalten' }).click();
  await page.getByLabel('Art', { exact: true }).selectOption({ label: 'Anruf' });
  await page.getByLabel('Worum ging es?').fill('Rückfrage zur Hausratversicherung');
  await page.getByLabel('Ergebnis').fill('Angebot per Post zugesagt');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByTestId('last-contact-line')).toContainText('Anruf (Telefon): Rückfrage zur Hausratversicherung');
  await expect(page.getByTestId('timeline')).toContainText('Angebot per Post zugesagt');

  await page.getByLabel('Neue Aufgabe').fill('Angebot schicken');
  await page.getByRole('button', { name: 'Aufgabe anlegen' }).click();
  const task = page.getByRole('checkbox', { name: '„Angebot schicken“ als erledigt markieren' });
  await expect(task).not.toBeChecked();
  // A click, not check(): the ticked task moves to the folded list of done ones, where check() could not see it ticked.
  await task.click();
  await expect(page.getByText('Keine offenen Aufgaben.')).toBeVisible();

  const profiling = page.getByTestId('consent-profiling');
  await expect(profiling).toHaveAttribute('data-granted', 'false');
  await profiling.getByLabel(/Wie/).selectOption({ label: 'schriftlich' });
  await profiling.getByRole('button', { name: /Erteilen/ }).click();
  await expect(profiling).toHaveAttribute('data-granted', 'true');
  await expect(profiling).toContainText('erteilt schriftlich');

  // Everything is still there after a reload.
  await page.reload();
  await expect(page.getByTestId('c-email').getByRole('textbox')).toHaveValue('lea.hoffmann@example.de');
  await expect(page.getByTestId('consent-profiling')).toHaveAttribute('data-granted', 'true');
});
