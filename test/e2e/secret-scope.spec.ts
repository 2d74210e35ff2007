// The launch secret stays with the workstation's page: another server on
// 127.0.0.1 (any local process can open one) receives it in no header and no
// cookie, even when the same browser visits it right after using the app.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, openApp, setUp, test } from './support/server.ts';

test('another loopback server receives no secret from the browser that opened the app', async ({ page, context, workstation }) => {
  const token = new URL(workstation.url).searchParams.get('token')!;
  const received: IncomingHttpHeaders[] = [];
  const stranger = createServer((req, res) => {
    received.push(req.headers);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>other</title>');
  });
  await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
  const other = `http://127.0.0.1:${(stranger.address() as AddressInfo).port}`;
  try {
    await openApp(page, workstation);
    await setUp(page, { demoBook: false });
    await page.getByRole('link', { name: 'Neuer Kunde' }).click();
    await page.getByLabel('Vorname').fill('Jonas');
    await page.getByLabel('Nachname').fill('Kröger');
    await page.getByRole('button', { name: 'Kunde anlegen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Jonas Kröger' })).toBeVisible();

    // The same browser goes to the other server, by address and by a call with credentials.
    const visit = await context.newPage();
    await visit.goto(`${other}/`);
    await visit.evaluate(async () => { await fetch('/probe', { credentials: 'include' }); });
    await visit.close();
    await page.goto(`${other}/from-the-app`);

    expect(received.length).toBeGreaterThanOrEqual(3);
    for (const headers of received) expect(JSON.stringify(headers)).not.toContain(token);
    expect(received.every((h) => h.cookie === undefined)).toBe(true);
    expect((await context.cookies()).filter((c) => c.value.includes(token))).toEqual([]);
  } finally {
    stranger.close();
  }
});

test('a page left open over a restart says to open the new link, and a reload keeps working', async ({ page, workstation }) => {
  await openApp(page, workstation, '#/clients');
  await setUp(page, { demoBook: false });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Kundenbestand' })).toBeVisible();

  // Same address, new secret: the page's calls carry the old one.
  await workstation.restart({ samePort: true });
  await page.evaluate(() => { location.hash = '#/book'; });
  await expect(page.getByTestId('connection-banner')).toContainText('Öffnen Sie den Link, den er beim Start angezeigt hat');

  // The new link opens the app again, on the advisor's day.
  await openApp(page, workstation);
  await expect(page.getByRole('heading', { level: 1, name: 'Heute' })).toBeVisible();
  await expect(page.getByTestId('connection-banner')).toHaveCount(0);
});
