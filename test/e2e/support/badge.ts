// Records every state the header's sync badge shows, as the page draws it,
// so a test can assert on states that last only a moment.
import { expect, type Page } from '@playwright/test';

export interface BadgeReading { at: number; state: string; text: string }

/** Starts recording (again after every navigation); read with readBadge. */
export async function recordBadge(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: { at: number; state: string; text: string }[] = [];
    (window as unknown as { __badge: typeof log }).__badge = log;
    let last = '';
    const look = () => {
      const el = document.querySelector<HTMLElement>('[data-testid="sync-badge"]');
      const reading = el ? { state: el.dataset.state ?? '', text: el.textContent ?? '' } : { state: 'none', text: '' };
      const key = `${reading.state}|${reading.text}`;
      if (key !== last) { last = key; log.push({ at: Date.now(), ...reading }); }
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

export function readBadge(page: Page): Promise<BadgeReading[]> {
  return page.evaluate(() => (window as unknown as { __badge?: BadgeReading[] }).__badge ?? []);
}

/** Opens the sync screen from the badge, syncs now and waits until the workstation is up to date. */
export async function syncNow(page: Page, timeout = 20_000): Promise<void> {
  await page.getByTestId('sync-badge').click();
  await page.getByRole('button', { name: 'Jetzt abgleichen' }).click();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-phase', 'up_to_date', { timeout });
}
