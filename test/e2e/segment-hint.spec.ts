// The segment hint in the meeting: it follows the answers as they are given,
// the advisor's own choice sticks across a restart, and without the client's
// consent to profiling there is no hint at all.
import type { Page } from '@playwright/test';
import { addClient, endMeeting, startMeeting } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

async function answer(page: Page, attribute: string, option: string, value: string) {
  await page.getByTestId(`q-${attribute}`).getByText(option, { exact: true }).click();
  await expect(page.getByTestId(`q-${attribute}`)).toHaveAttribute('data-saved-value', value);
}

async function setProfiling(page: Page, grant: boolean) {
  const profiling = page.getByTestId('consent-profiling');
  await profiling.getByLabel(/Wie/).selectOption({ label: 'schriftlich' });
  await profiling.getByRole('button', { name: grant ? /Erteilen/ : /Widerrufen/ }).click();
  // A withdrawal asks first.
  if (!grant) await profiling.getByRole('alertdialog').getByRole('button', { name: 'Widerruf festhalten' }).click();
  await expect(profiling).toHaveAttribute('data-granted', String(grant));
}

test('answers move the hint to the segment; an override sticks after a restart; no consent, no hint', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Sabine', 'Lorenz');
  await setProfiling(page, true);
  const meetingId = await startMeeting(page);

  const hint = page.getByTestId('segment-hint');
  await expect(hint).toHaveAttribute('data-state', 'ready');
  // Nothing answered yet: no segment named; the hint asks for the question that settles most.
  await expect(hint).toHaveAttribute('data-primary', '');
  await expect(hint.getByTestId('segment-primary')).toHaveCount(0);
  await expect(hint.getByTestId('ask-next')).toBeVisible();

  // A client who trusts her advisor, wants a fair price for quality and researches thoroughly.
  await answer(page, 'purchase_driver', 'Ein fairer Preis für gute Qualität', 'price_for_quality');
  await answer(page, 'trust_anchor', 'Auf meinen persönlichen Berater', 'personal_advisor');
  await answer(page, 'data_sharing', 'Was eine Person meines Vertrauens bei mir erfragt', 'on_request');
  await answer(page, 'activity_level', 'Viel – ich vergleiche gründlich', 'high');
  await answer(page, 'preferred_channel', 'Im persönlichen Gespräch mit meinem Berater', 'advisor_meeting');
  await expect(hint).toHaveAttribute('data-primary', 'conscious_purchase_seeker');
  await expect(hint.getByTestId('segment-primary')).toHaveText('Der bewusste Kaufinteressent');
  // Why and how to approach are folded, so the offers stay in view; one click opens them.
  await expect(hint.getByTestId('segment-approach')).toBeHidden();
  await hint.getByText('Begründung, Ansprache und eigene Festlegung').click();
  await expect(hint.getByTestId('segment-approach')).toBeVisible();

  // The hint is internal: the client view hides it.
  await page.keyboard.press('F9');
  await expect(hint).toBeHidden();
  await page.keyboard.press('F9');
  await expect(hint).toBeVisible();

  // The advisor knows better: she buys through her sports club.
  await hint.getByText('Segment selbst festlegen').click();
  await hint.getByLabel('Segment').selectOption({ label: 'Der unternehmerische Identitätssucher' });
  await hint.getByLabel('Begründung').fill('Kauft alles über ihren Sportverein, um ihn zu unterstützen.');
  await hint.getByRole('button', { name: 'Festlegen' }).click();
  await expect(hint).toHaveAttribute('data-primary', 'entrepreneurial_identity_seeker');
  await expect(hint).toHaveAttribute('data-source', 'advisor');
  await expect(hint).toContainText('Nach den Regeln wäre es: Der bewusste Kaufinteressent');

  // Still set by hand after the workstation restarts, and another answer does not undo it.
  await workstation.restart();
  await openApp(page, workstation, `#/meetings/${meetingId}`);
  await expect(hint).toHaveAttribute('data-primary', 'entrepreneurial_identity_seeker');
  await answer(page, 'tech_affinity', 'Im Alltag schon, aber ohne große Begeisterung', 'medium');
  await expect(hint).toHaveAttribute('data-primary', 'entrepreneurial_identity_seeker');
  await expect(hint).toHaveAttribute('data-source', 'advisor');

  // Ending the meeting leads to the client page, which lists what was concluded and where it came from.
  await endMeeting(page, ['Anlass des Gesprächs', 'Wünsche und Bedürfnisse', 'Risikosituation', 'Empfehlung und Begründung', 'Entscheidung des Kunden']);
  const conclusions = page.getByTestId('conclusions');
  await expect(conclusions.locator('[data-kind="segment"][data-value="entrepreneurial_identity_seeker"]')).toContainText('vom Berater festgelegt');
  await expect(conclusions.locator('[data-kind="segment"][data-value="conscious_purchase_seeker"]')).toContainText('Nach den Regeln des Herstellers, Fassung 1');

  // Withdrawn consent: the meeting shows no hint, and says why.
  await setProfiling(page, false);
  await startMeeting(page);
  await expect(hint).toHaveAttribute('data-state', 'no-consent');
  await expect(hint).toContainText('nicht zugestimmt');
  await expect(hint.getByTestId('segment-primary')).toHaveCount(0);
});
