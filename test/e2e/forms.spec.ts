// The rules of the forms as a user meets them, with the browser set to
// American English to show the app's own format wins: dates typed and shown
// as the UI's language writes them, a calendar by keyboard, a four-digit
// postal code and an impossible date refused with a message that says why,
// a range named, and a consent withdrawal that asks first.
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test.use({ locale: 'en-US', workstationOptions: { backend: 'none' } });

test('dates are typed and shown in the UI’s format, whatever the browser’s', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Lea', 'Hoffmann');

  const birth = page.getByTestId('c-birthDate');
  const input = birth.getByRole('textbox', { name: 'Geburtsdatum' });
  await expect(input).toHaveAttribute('placeholder', 'TT.MM.JJJJ');
  // Half a date is not yet wrong: nothing is said until the field is left.
  await input.fill('24.12.');
  await expect(birth.locator('.field-error')).toHaveCount(0);
  await input.fill('24.12.1980');
  await input.blur();
  await expect(birth).toHaveAttribute('data-saved-value', '1980-12-24');
  await expect(birth).toHaveAttribute('data-save-state', 'saved');

  // Shown back as typed after a reload, and in English as English lists show dates.
  await page.reload();
  await expect(page.getByTestId('c-birthDate').getByRole('textbox')).toHaveValue('24.12.1980');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('c-birthDate').getByRole('textbox')).toHaveValue('24/12/1980');
  await expect(page.getByTestId('c-birthDate').getByRole('textbox')).toHaveAttribute('placeholder', 'DD/MM/YYYY');
  await page.getByRole('button', { name: 'Deutsch' }).click();

  // The calendar, by keyboard: it opens on the day in the field; the arrows move, Enter takes the day.
  const open = page.getByRole('button', { name: 'Kalender öffnen: Geburtsdatum' });
  await open.click();
  const calendar = page.getByRole('dialog', { name: 'Datum wählen: Geburtsdatum' });
  await expect(calendar).toBeVisible();
  await expect(calendar.getByRole('combobox', { name: 'Monat' })).toHaveValue('12');
  await expect(page.getByRole('button', { name: 'Mittwoch, 24. Dezember 1980' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Donnerstag, 1. Januar 1981' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(calendar).toBeHidden();
  await expect(open).toBeFocused();
  await expect(page.getByTestId('c-birthDate')).toHaveAttribute('data-saved-value', '1981-01-01');
  await expect(page.getByTestId('c-birthDate').getByRole('textbox')).toHaveValue('01.01.1981');
  // Escape closes without taking a day.
  await open.click();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(open).toBeFocused();
  await expect(page.getByTestId('c-birthDate')).toHaveAttribute('data-saved-value', '1981-01-01');

  // A task due on a day typed in German is saved and listed with it.
  await page.getByLabel('Neue Aufgabe').fill('Unterlagen schicken');
  await page.getByRole('textbox', { name: 'Fällig am' }).fill('3.2.2031');
  await page.getByRole('button', { name: 'Aufgabe anlegen' }).click();
  await expect(page.getByRole('checkbox', { name: '„Unterlagen schicken“ als erledigt markieren' })).toBeVisible();
  await expect(page.locator('.task').filter({ hasText: 'Unterlagen schicken' })).toContainText('fällig 03.02.2031');
});

test('bad values are refused with a message that says what is wrong and what to do', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);

  // A new client with a four-digit postal code and a birth date that does not exist: neither is saved.
  await page.getByRole('link', { name: 'Neuer Kunde' }).click();
  await page.getByLabel('Vorname').fill('Jonas');
  await page.getByLabel('Nachname').fill('Weber');
  await page.getByLabel('PLZ').fill('1011');
  await page.getByRole('textbox', { name: 'Geburtsdatum' }).fill('30.02.1980');
  await page.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(page.getByRole('alert')).toHaveText('Bitte 2 Angaben korrigieren.');
  await expect(page.getByText('Eine Postleitzahl hat fünf Ziffern, zum Beispiel 10115.')).toBeVisible();
  await expect(page.getByText(/Das ist kein gültiges Datum\. .*TT\.MM\.JJJJ/)).toBeVisible();
  await expect(page.getByLabel('PLZ')).toBeFocused();
  await page.getByLabel('PLZ').fill('01067');
  await page.getByRole('textbox', { name: 'Geburtsdatum' }).fill('29.02.1980');
  await page.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jonas Weber' })).toBeVisible();

  // On the client page: a range says its range, a postal code its rule; the saved value stays.
  const size = page.getByTestId('c-householdSize');
  await size.getByRole('spinbutton').fill('21');
  await expect(size).toContainText('Bitte einen Wert zwischen 1 und 20 eingeben.');
  const plz = page.getByTestId('c-postalCode');
  await plz.getByRole('textbox').fill('123');
  await expect(plz).toContainText('fünf Ziffern');
  await expect(plz).toHaveAttribute('data-saved-value', '01067');

  // A task due on 30 February is refused, not saved.
  await page.getByLabel('Neue Aufgabe').fill('Rückruf');
  await page.getByRole('textbox', { name: 'Fällig am' }).fill('30.02.2031');
  await page.getByRole('button', { name: 'Aufgabe anlegen' }).click();
  await expect(page.getByTestId('task-due')).toContainText('Das ist kein gültiges Datum');
  await expect(page.getByText('Keine offenen Aufgaben.')).toBeVisible();

  // Nowhere does a message show a placeholder or a code.
  await expect(page.locator('main')).not.toContainText(/undefined|\{\{|invalid_|out_of_range/);
});

test('granting a consent is one click; withdrawing asks first and says what it stops', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Mira', 'Yilmaz');

  const profiling = page.getByTestId('consent-profiling');
  await profiling.getByRole('button', { name: /Erteilen/ }).click();
  await expect(profiling).toHaveAttribute('data-granted', 'true');

  const withdraw = profiling.getByRole('button', { name: /Widerrufen/ });
  await withdraw.click();
  const ask = profiling.getByRole('alertdialog', { name: 'Einwilligung „Profilbildung für Segment-Hinweise“ widerrufen?' });
  await expect(ask).toContainText('kein Segment mehr');
  await expect(ask.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  await expect(profiling).toHaveAttribute('data-granted', 'true');
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(withdraw).toBeFocused();
  await expect(profiling).toHaveAttribute('data-granted', 'true');

  await withdraw.click();
  await ask.getByRole('button', { name: 'Widerruf festhalten' }).click();
  await expect(profiling).toHaveAttribute('data-granted', 'false');
  await expect(profiling).toContainText('widerrufen mündlich');

  // Each purpose says what its own withdrawal stops.
  const contact = page.getByTestId('consent-contact');
  await contact.getByRole('button', { name: /Erteilen/ }).click();
  await contact.getByRole('button', { name: /Widerrufen/ }).click();
  await expect(contact.getByRole('alertdialog')).toContainText('keine Angebote mehr machen');

  // The history, per purpose, newest first: what, how and by whom, in words, in either language.
  const history = page.getByTestId('consent-history');
  await history.locator('summary').click();
  const entries = history.getByTestId('consent-history-profiling').getByTestId('consent-entry');
  await expect(entries).toHaveText([/: widerrufen mündlich, festgehalten von Ihnen$/, /: erteilt mündlich, festgehalten von Ihnen$/]);
  await expect(history.getByTestId('consent-history-manufacturer_sharing')).toContainText('Zu diesem Zweck noch nichts festgehalten');
  await page.locator('.lang-switch button[lang="en"]').click();
  await expect(entries).toHaveText([/: withdrawn verbally, recorded by you$/, /: granted verbally, recorded by you$/]);
});
