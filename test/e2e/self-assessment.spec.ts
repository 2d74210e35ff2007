// The self-assessment form end to end against what `npm start` ships: made on
// the client's page, filled in by pdf.js as a PDF reader fills it, read back
// with each answer beside the profile's, taken as the client's own; another
// client's form is refused with what to do.
import { readFileSync } from 'node:fs';
import { fillForm } from '../support/fill-form.ts';
import { connect } from '../support/rpc.ts';
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test.use({ viewport: { width: 1280, height: 720 }, workstationOptions: { backend: 'none' } });

test('a form made for the client, filled in a PDF reader, is read back, shown beside the profile and taken as the client’s answers; another client’s is refused', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Greta', 'Lindner');
  const clientId = decodeURIComponent(new URL(page.url()).hash.split('/').at(-1)!);
  const rpc = await connect(workstation.url);
  await rpc.answers.set({ clientId, attribute: 'purchase_driver', value: 'price_for_quality', answeredBy: 'advisor' });
  await page.reload();

  const card = page.getByTestId('self-assessment');
  await card.getByTestId('form-language').selectOption({ label: 'Englisch' });
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Formular erstellen' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Self-assessment-Lindner-\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(card.getByRole('status')).toContainText('Senden Sie die Datei dem Kunden.');

  // The client ticks four questions and saves the file.
  const filled = await fillForm(readFileSync(await download.path()), { q01: 2, q03: 4, q09_o1: true, q09_o4: true, q11: 2 });
  await card.getByTestId('form-file').setInputFiles({ name: 'Self-assessment-Lindner.pdf', mimeType: 'application/pdf', buffer: Buffer.from(filled) });
  const preview = card.getByTestId('form-preview');
  await expect(preview.getByRole('row', { name: /Kaufmotiv/ })).toContainText('Ein fairer Preis für gute Qualität');
  await expect(preview.getByRole('row', { name: /Kaufmotiv/ })).toContainText('vom Berater eingeschätzt');
  await expect(preview.getByRole('row', { name: /Veränderungen/ })).toContainText('Das Einkommen steigt, Ein Umzug');
  await expect(preview.getByRole('row', { name: /Vertrauen/ })).toContainText('Auf meinen persönlichen Berater');
  await page.screenshot({ path: test.info().outputPath('form-preview.png') });
  await preview.getByRole('button', { name: '4 Antworten übernehmen' }).click();
  await expect(card.getByRole('status')).toContainText('4 Antworten als Angabe des Kunden übernommen');
  await expect(page.getByTestId('timeline')).toContainText('4 Antworten übernommen');

  const answers = (await rpc.clients.get({ id: clientId })).answers;
  expect(answers.map((a) => [a.attribute, a.answeredBy]).sort()).toEqual([
    ['life_events', 'client'], ['product_complexity', 'client'], ['purchase_driver', 'client'], ['trust_anchor', 'client'],
  ]);

  // Greta's form read on another client's page.
  const other = await rpc.clients.create({ firstName: 'Hans', lastName: 'Weber' });
  await page.goto(page.url().replace(clientId, other.id));
  await expect(page.getByRole('heading', { name: 'Hans Weber' })).toBeVisible();
  await page.getByTestId('self-assessment').getByTestId('form-file').setInputFiles({ name: 'Self-assessment-Lindner.pdf', mimeType: 'application/pdf', buffer: Buffer.from(filled) });
  await expect(page.getByTestId('self-assessment').getByRole('alert')).toHaveText('Dieses Formular wurde für einen anderen Kunden erstellt. Öffnen Sie die Seite dieses Kunden und lesen Sie es dort ein.');
  await expect(page.getByTestId('form-preview')).toHaveCount(0);
});
