// The client's value on the client page: contracts recorded there move the
// tier from C to B, and the digital card suggests the next adoption step.
import { connect } from '../support/rpc.ts';
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

test('contracts move the tier from C to B; the adoption step changes the next action', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Jonas', 'Krüger');
  const clientId = decodeURIComponent(new URL(page.url()).hash.split('/').at(-1)!);

  // Six of eleven profile answers, as a meeting would have taken them: enough for B.
  const rpc = await connect(workstation.url);
  // A tier is kept (and so has a history) only under consent to profiling.
  await rpc.consents.record({ clientId, purpose: 'profiling', granted: true, method: 'written' });
  const answers = { purchase_driver: 'price_for_quality', trust_anchor: 'personal_advisor', data_sharing: 'on_request', activity_level: 'high', preferred_channel: 'advisor_meeting', tech_affinity: 'high' };
  for (const [attribute, value] of Object.entries(answers)) await rpc.answers.set({ clientId, attribute, value, answeredBy: 'client' });
  await page.reload();

  const card = page.getByTestId('value-tier');
  const badge = card.getByTestId('tier-badge');
  await expect(badge).toHaveText('C');
  await expect(card.getByTestId('tier-gap')).toContainText('Bis Stufe B fehlt noch: +500 € Jahresbeitrag, 2 weitere Produktbereiche');

  const record = async (product: string, since: string) => {
    await card.getByLabel('Produkt').selectOption({ label: product });
    // Typed as German writes a date; the field beside it opens a calendar.
    await card.getByRole('textbox', { name: 'Seit' }).fill(since.split('-').reverse().join('.'));
    await card.getByRole('button', { name: 'Erfassen' }).click();
    await expect(card.getByTestId('holding').filter({ hasText: product })).toBeVisible();
  };
  await record('Privathaftpflicht', daysAgo(800));
  await expect(badge).toHaveText('C');
  await expect(card.getByTestId('tier-gap')).toContainText('1 weiterer Produktbereich');
  await record('Kfz-Versicherung', daysAgo(200));
  await expect(badge).toHaveText('B');
  await expect(card.getByTestId('tier-gap')).toContainText('Bis Stufe A fehlt noch:');
  await card.getByText('So wird er berechnet').click();
  await expect(card.getByTestId('clv')).toContainText('Marge');
  // The change of tier is kept: C when the page opened, B now.
  await card.getByText('Verlauf der Einstufung').click();
  await expect(card.locator('.tier-history li')).toHaveText([/^B seit/, /^C seit/]);

  const digital = page.getByTestId('digital-profile');
  const next = digital.getByTestId('next-action');
  await digital.getByLabel('Digitale Zielgruppe').selectOption({ label: 'Pioniere' });
  await expect(next).toHaveAttribute('data-code', 'make_aware.digital');
  await digital.getByLabel('Schritt zur Assistenz-App').selectOption({ label: '1 Kennt die App' });
  await expect(next).toHaveAttribute('data-code', 'inform.digital');
  await expect(next).toContainText('Link');
  await expect(digital.getByText('Gespeichert')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('tier-badge')).toHaveText('B');
  await expect(page.getByTestId('digital-profile').getByLabel('Schritt zur Assistenz-App')).toHaveValue('awareness');
  await expect(page.getByTestId('next-action')).toHaveAttribute('data-code', 'inform.digital');
});
