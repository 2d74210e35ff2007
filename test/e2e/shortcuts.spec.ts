// The keyboard-shortcut overview: "?" opens it from anywhere except a text
// field, it lists the shortcuts by screen in the UI's language, Escape closes
// it and the focus goes back where it was.
import { addClient, startMeeting } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test.use({ workstationOptions: { backend: 'none' } });

test('? opens the shortcut overview, Escape closes it and gives the focus back', async ({ page, workstation }) => {
  await openApp(page, workstation);
  // The demo book, so the client list is there to hold the focus (an empty book shows no list).
  await setUp(page, { demoBook: true });
  const help = page.getByRole('dialog', { name: 'Tastenkürzel' });

  // Typed into the search it is a question mark, nothing more.
  const search = page.getByRole('combobox', { name: 'Suchen' });
  await search.focus();
  await page.keyboard.type('?');
  await expect(search).toHaveValue('?');
  await expect(help).toBeHidden();
  await search.fill('');

  const list = page.getByRole('listbox', { name: 'Kunden' });
  await list.focus();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  for (const group of ['Überall', 'Kundenbestand', 'Beratungsgespräch', 'Kalender an Datumsfeldern']) {
    await expect(help.getByRole('heading', { name: group })).toBeVisible();
  }
  await expect(help).toContainText('In die Suche springen');
  await expect(help).toContainText('Kundenansicht ein- und ausschalten');
  await expect(help.locator('kbd', { hasText: 'Alt+N' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(list).toBeFocused();

  // The header says it exists and opens it too, in English when the UI is English.
  await page.getByRole('button', { name: 'English' }).click();
  const button = page.getByRole('button', { name: 'Show keyboard shortcuts (?)' });
  await button.click();
  const helpEn = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(helpEn.getByRole('heading', { name: 'Client meeting' })).toBeVisible();
  await expect(helpEn).not.toContainText(/Kunden|Taste|Eingabe/);
  await helpEn.getByRole('button', { name: 'Close' }).click();
  await expect(helpEn).toBeHidden();
  await expect(button).toBeFocused();
  await page.getByRole('button', { name: 'Deutsch' }).click();

  // In the meeting, an answer's radio button is no text field: ? opens the overview there too.
  await addClient(page, 'Ole', 'Brandt');
  await startMeeting(page);
  const answer = page.getByTestId('q-tech_affinity').getByRole('radio').first();
  await answer.focus();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(answer).toBeFocused();
  await expect(page.getByTestId('q-tech_affinity')).not.toHaveAttribute('data-saved-value', /./);
});
