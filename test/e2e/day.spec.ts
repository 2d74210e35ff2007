// The advisor's day, end to end against what `npm start` ships: a meeting
// planned on the client's page appears on "Heute" with the client's last
// contact and open tasks, starts from there, reaches the advisor's calendar
// as an .ics file (read back with a calendar library), and a later start of
// the app opens on the day.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test.use({ viewport: { width: 1280, height: 720 }, workstationOptions: { backend: 'none' } });

test('a meeting planned for today is on "Heute" with the client’s last contact and tasks, starts from there and reaches the calendar', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Greta', 'Lindner');
  const clientPage = page.url();
  // What the day will show beside the meeting: a contact and a task due today.
  const today = await page.evaluate(() => { const d = new Date(); return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`; });
  await page.getByRole('form', { name: 'Aufgabe anlegen' }).getByLabel('Neue Aufgabe').fill('Angebot mitbringen');
  await page.getByTestId('task-due').locator('input').fill(today);
  await page.getByRole('form', { name: 'Aufgabe anlegen' }).getByRole('button', { name: 'Aufgabe anlegen' }).click();
  await expect(page.getByText('Angebot mitbringen')).toBeVisible();

  // Planned on the client's page: a bad length is refused at the field, then the plan is taken.
  const planned = page.getByTestId('client-appointments');
  const form = planned.getByRole('form', { name: 'Gespräch planen' });
  await page.getByTestId('appointment-day').locator('input').fill(today);
  await form.getByLabel('Uhrzeit').fill('09:00');
  await form.getByLabel('Dauer (Minuten)').fill('0');
  await form.getByLabel(/^Ort/).fill('Beim Kunden, Am Markt 3');
  await form.getByLabel('Anlass').fill('Jahresgespräch');
  await form.getByRole('button', { name: 'Planen' }).click();
  await expect(form.getByText(/zwischen 5 und 600/)).toBeVisible();
  await form.getByLabel('Dauer (Minuten)').fill('45');
  await form.getByRole('button', { name: 'Planen' }).click();
  await expect(planned.getByRole('status')).toHaveText(/Gespräch am .* geplant\./);
  await expect(planned.getByRole('listitem')).toHaveCount(1);

  await page.getByRole('link', { name: 'Heute', exact: true }).click();
  const meeting = page.getByTestId('today-meeting');
  await expect(meeting).toHaveCount(1);
  await expect(meeting).toContainText('09:00–09:45 Uhr');
  await expect(meeting).toContainText('Greta Lindner');
  await expect(meeting).toContainText('Jahresgespräch · Beim Kunden, Am Markt 3');
  await expect(meeting).toContainText('Noch kein Kontakt festgehalten.');
  await expect(meeting.getByRole('list', { name: 'Offene Aufgaben' })).toContainText('Angebot mitbringen');
  await expect(page.getByTestId('today-due')).toContainText('Greta Lindner: Angebot mitbringen');

  // The calendar file: one event at 09:00 for 45 minutes, with the place and the purpose.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('calendar-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^Termine-\d{4}-\d{2}-\d{2}\.ics$/);
  const events = new ICAL.Component(ICAL.parse(readFileSync(await download.path(), 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const nine = await page.evaluate(() => { const d = new Date(); d.setHours(9, 0, 0, 0); return d.getTime(); });
  expect(events.map((e) => [e.summary, e.location, e.description, e.startDate.toJSDate().getTime(), e.endDate.toJSDate().getTime()]))
    .toEqual([['Termin mit Greta Lindner', 'Beim Kunden, Am Markt 3', 'Jahresgespräch', nine, nine + 45 * 60_000]]);

  // Started from the plan: meeting mode, its reason the plan's purpose; back on the day, the meeting is running.
  await meeting.getByRole('button', { name: 'Gespräch beginnen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beratungsgespräch mit Greta Lindner' })).toBeVisible();
  await page.getByRole('link', { name: 'Heute', exact: true }).click();
  await expect(meeting.getByRole('button', { name: 'Zum Gespräch' })).toBeVisible();

  // A later start of the app opens on the day.
  await openApp(page, workstation);
  await expect(page.getByRole('heading', { level: 1, name: 'Heute' })).toBeVisible();
  expect(clientPage).toContain('#/clients/');
});
