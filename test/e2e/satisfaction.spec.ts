// NPS and CES after a purchase, end to end against what `npm start` ships: the
// client's page asks about the sale, the answer is recorded, and "Mein
// Bestand" shows it in this month's satisfaction.
import { connect } from '../support/rpc.ts';
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test.use({ viewport: { width: 1280, height: 720 }, workstationOptions: { backend: 'none' } });

test('after a sale the client is asked; the answer is recorded and counted in the book’s satisfaction for the month', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Greta', 'Lindner');
  const clientId = decodeURIComponent(new URL(page.url()).hash.split('/').at(-1)!);
  // A sale at the proposed price, as the retailer's screen records it.
  const rpc = await connect(workstation.url);
  await rpc.session.setRoles({ roles: ['advisor', 'retailer'] });
  await rpc.retail.recordSale({ clientId, productId: 'green_household', chosenCents: 1240, reason: null });
  await page.reload();

  const card = page.getByTestId('client-feedback');
  const row = card.getByTestId('feedback-row');
  await expect(row).toContainText('Kauf im Handel am');
  await row.getByLabel('Weiterempfehlung (0–10)').selectOption('9');
  await row.getByLabel('Aufwand (1–7)').selectOption('6');
  await row.getByRole('button', { name: 'Festhalten' }).click();
  await expect(row.getByRole('status')).toHaveText('Festgehalten: Weiterempfehlung 9, Aufwand 6.');

  await page.getByRole('link', { name: 'Mein Bestand' }).click();
  const trend = page.getByTestId('satisfaction-trend');
  await expect(trend.getByRole('row', { name: /Alle Kunden/ })).toContainText('NPS 100 · CES 6 (1)');
  await expect(trend).toContainText('Antworten: 0 aus Gesprächen, 0 nach Käufen mit Vollmacht, 1 nach Käufen im Handel.');
});
