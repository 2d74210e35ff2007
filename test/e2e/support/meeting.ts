// Steps and readings the meeting tests share.
import { expect, type Page } from '@playwright/test';

export const ATTRIBUTES = [
  'purchase_driver', 'identity_expression', 'trust_anchor', 'data_sharing', 'activity_level', 'tech_affinity',
  'preferred_channel', 'assistant_app', 'life_events', 'purchase_occasion', 'product_complexity',
] as const;
export const TEXT_FIELDS = ['reason', 'wishes', 'riskSituation', 'notes'] as const;

/** Adds a client through the form and lands on the client page. */
export async function addClient(page: Page, first: string, last: string, email = ''): Promise<void> {
  await page.getByRole('link', { name: 'Neuer Kunde' }).click();
  await page.getByLabel('Vorname').fill(first);
  await page.getByLabel('Nachname').fill(last);
  if (email) await page.getByLabel('E-Mail').fill(email);
  await page.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${first} ${last}` })).toBeVisible();
}

/**
 * Records a consent on the client page as the advisor does: how it was given,
 * then one click. Offers are proposed only with the consent to `contact`.
 */
export async function grantConsent(page: Page, purpose: 'profiling' | 'contact', method = 'schriftlich'): Promise<void> {
  const row = page.getByTestId(`consent-${purpose}`);
  await row.getByLabel(/Wie/).selectOption({ label: method });
  await row.getByRole('button', { name: /Erteilen/ }).click();
  await expect(row).toHaveAttribute('data-granted', 'true');
}

/** Starts a meeting from the client page; returns the meeting id. */
export async function startMeeting(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Beratungsgespräch beginnen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Beratungsgespräch mit/ })).toBeVisible();
  return decodeURIComponent(new URL(page.url()).hash.split('/').at(-1)!);
}

export interface FieldReading { state: string; saved: string; shown: string }

/** Every question's and text field's save state, acknowledged value and what the screen shows. */
export async function readMeeting(page: Page): Promise<Record<string, FieldReading>> {
  return page.evaluate(() => {
    const out: Record<string, { state: string; saved: string; shown: string }> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid^="q-"], [data-testid^="f-"]')) {
      const input = el.querySelector<HTMLInputElement | HTMLTextAreaElement>('textarea, input:not([type="radio"]):not([type="checkbox"])');
      const shown = input
        ? input.value
        : [...el.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value).filter(Boolean).join(',');
      out[el.dataset.testid!] = { state: el.dataset.saveState ?? '', saved: el.dataset.savedValue ?? '', shown };
    }
    return out;
  });
}

/** Waits until nothing on the meeting screen is still being saved. */
export async function waitAllSaved(page: Page): Promise<void> {
  await expect(page.locator('[data-save-state="saving"], [data-save-state="error"]')).toHaveCount(0);
}

/**
 * Ends the meeting; when the advice record still has empty parts the app asks
 * first, naming them: `missing` says which the test expects, and it ends anyway.
 */
export async function endMeeting(page: Page, missing: string[] = []): Promise<void> {
  await page.getByRole('button', { name: 'Gespräch beenden' }).click();
  if (missing.length > 0) {
    const dialog = page.getByTestId('end-incomplete');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('listitem')).toHaveText(missing);
    await dialog.getByRole('button', { name: 'Trotzdem beenden' }).click();
  }
}
