// A meeting an advisor can rely on, at 1280×720: one running meeting per
// client, notes fields that take several lines and grow, ending that asks
// when the advice record would be empty, and the demo book's past meetings
// with their records.
import { addClient, startMeeting } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test.use({ viewport: { width: 1280, height: 720 } });

const PARTS = ['reason', 'wishes', 'riskSituation', 'notes', 'advice', 'decision'];

test('one running meeting per client; notes fields of several lines; ending asks which record parts are empty', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Paul', 'Lindner');
  const meetingId = await startMeeting(page);

  // Every part of the record is at least three lines high, and grows with its text.
  for (const part of PARTS) {
    const box = page.getByTestId(`f-${part}`).getByRole('textbox');
    const { height, line } = await box.evaluate((el) => ({ height: el.clientHeight, line: parseFloat(getComputedStyle(el).lineHeight) }));
    expect(height, `${part} is ${height}px high`).toBeGreaterThanOrEqual(3 * line);
  }
  const wishes = page.getByTestId('f-wishes').getByRole('textbox');
  const before = await wishes.evaluate((el) => el.clientHeight);
  await wishes.fill(['Familie absichern', 'Beiträge senken', 'Altersvorsorge prüfen', 'Reiseschutz für zwei Reisen', 'eine Übersicht aller Verträge'].join('\n'));
  expect(await wishes.evaluate((el) => el.clientHeight)).toBeGreaterThan(before);
  expect(await wishes.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);

  // Back on the client page the meeting is running: the button goes into it instead of starting another.
  await page.goto(`${workstation.url}#/clients`);
  await page.getByRole('option', { name: /Lindner/ }).click();
  await expect(page.getByRole('button', { name: 'Beratungsgespräch beginnen' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Laufendes Gespräch fortsetzen' }).click();
  await expect(page).toHaveURL(new RegExp(`#/meetings/${meetingId}$`));
  await expect(wishes).toHaveValue(/eine Übersicht aller Verträge/);

  // Ending with parts empty asks first and names them; completing goes to the first one.
  await page.getByTestId('f-reason').getByRole('textbox').fill('Jahresgespräch');
  await expect(page.getByTestId('f-reason')).toHaveAttribute('data-save-state', 'saved');
  await page.getByRole('button', { name: 'Gespräch beenden' }).click();
  const dialog = page.getByTestId('end-incomplete');
  await expect(dialog.getByRole('listitem')).toHaveText(['Risikosituation', 'Empfehlung und Begründung', 'Entscheidung des Kunden']);
  await dialog.getByRole('button', { name: 'Jetzt ergänzen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('f-riskSituation').getByRole('textbox')).toBeFocused();
  await page.keyboard.type('Keine Berufsunfähigkeitsabsicherung');
  await page.getByTestId('f-advice').getByRole('textbox').fill('Berufsunfähigkeit absichern');
  await page.getByTestId('f-decision').getByRole('textbox').fill('Möchte ein Angebot');
  await page.getByRole('button', { name: 'Gespräch beenden' }).click();
  // Nothing empty: it ends without asking, and the client page lists the meeting as ended.
  await expect(page.getByRole('heading', { level: 1, name: 'Paul Lindner' })).toBeVisible();
  await expect(page.getByTestId('meeting-list')).toContainText('beendet');
  await expect(page.getByRole('button', { name: 'Beratungsgespräch beginnen' })).toBeVisible();
});

test('the demo book’s past meetings open their advice record, delivered, with every part filled in', async ({ page, startWorkstation }) => {
  const workstation = await startWorkstation({ demoClients: 40 });
  await openApp(page, workstation);
  await setUp(page, { demoBook: true });
  await page.getByRole('option').first().click();
  await page.getByTestId('advice-link').first().click();
  const v1 = page.getByTestId('advice-v1');
  await expect(v1).toBeVisible();
  await expect(page.getByTestId('advice-chain')).toHaveAttribute('data-ok', 'true');
  await expect(v1).not.toContainText('—');
  await expect(page.getByText('Anna Berger').first()).toBeVisible();
});
