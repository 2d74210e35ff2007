// `npm start` as a newcomer runs it, twice at once, while another program
// holds the embedded backend's preferred port: every instance starts, each
// on its own data folder, and prints its own link.
import { createServer } from 'node:net';
import { expect, openApp, setUp, test } from './support/server.ts';

test('two npm start at once, with port 8787 taken, both print their link and both work', async ({ page, startWorkstation }) => {
  const squatter = createServer();
  const held = await new Promise<boolean>((resolve) => {
    squatter.once('error', () => resolve(false)); // someone else holds it already: just as good
    squatter.listen(8787, '127.0.0.1', () => resolve(true));
  });
  try {
    const [first, second] = await Promise.all([startWorkstation({ demoClients: 20 }), startWorkstation({ demoClients: 20 })]);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(second.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(first.origin).not.toBe(second.origin);
    for (const ws of [first, second]) {
      await openApp(page, ws);
      await setUp(page);
      await expect(page.getByTestId('client-count')).toHaveText('0 Kunden');
    }
  } finally {
    if (held) squatter.close();
  }
});
