// The header's sync badge is true at every moment: it never says synced while
// a change waits, and when the workstation's core goes away it stops claiming
// anything about sync at once, not at its next poll.
import { readBadge, recordBadge } from './support/badge.ts';
import { addClient } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test('the header never says synced with changes waiting, nor while the core does not answer', async ({ page, workstation }) => {
  await recordBadge(page);
  await openApp(page, workstation);
  await setUp(page);
  const badge = page.getByTestId('sync-badge');
  await expect(badge).toHaveAttribute('data-state', 'up_to_date', { timeout: 30_000 });

  // Changes on this device: waiting, then sent by themselves, then synced again.
  await addClient(page, 'Lea', 'Hoffmann');
  await page.getByTestId('c-city').getByRole('textbox').fill('Leipzig');
  await expect(badge).toHaveAttribute('data-state', 'up_to_date', { timeout: 30_000 });
  await expect(page.getByTestId('pending-changes')).toHaveText('nichts offen');

  // The core dies: within a moment the header says so, and never "synced" again.
  const killedAt = Date.now();
  await workstation.kill('SIGKILL');
  await expect(badge).toHaveAttribute('data-state', 'core_unreachable', { timeout: 5_000 });
  await expect(badge).toContainText('Arbeitsplatz antwortet nicht');
  await expect(page.getByTestId('pending-changes')).toHaveCount(0);
  await page.waitForTimeout(6_000); // past the status poll, which must not bring the old news back

  const readings = await readBadge(page);
  const synced = readings.filter((r) => r.state === 'up_to_date');
  expect(synced.length).toBeGreaterThan(0);
  for (const r of synced) expect(r.text, 'synced, yet changes wait').toBe('Abgeglichennichts offen');
  for (const r of readings.filter((x) => /wartet|warten/.test(x.text))) expect(r.state).not.toBe('up_to_date');
  expect(readings.some((r) => r.state === 'waiting')).toBe(true);
  const down = readings.find((r) => r.at >= killedAt && r.state === 'core_unreachable');
  expect(down!.at - killedAt, 'ms until the header noticed').toBeLessThan(3_000);
  expect(readings.filter((r) => r.at > down!.at).map((r) => r.state)).not.toContain('up_to_date');
});
