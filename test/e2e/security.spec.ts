// Browser mode serves only whoever opened the printed link, and takes calls
// into the core only from its own page, with the secret in their header.
import { expect, test } from './support/server.ts';
import { authorization } from '../support/rpc.ts';

test('without the token the page is refused, and calls from another origin are refused', async ({ playwright, workstation }) => {
  const stranger = await playwright.request.newContext();
  const page = await stranger.get(`${workstation.origin}/`, { maxRedirects: 0 });
  expect(page.status()).toBe(401);
  const rpc = await stranger.post(`${workstation.origin}/rpc/session/status`, { data: {} });
  expect(rpc.status()).toBe(401);
  await stranger.dispose();

  const holder = await playwright.request.newContext();
  const opened = await holder.get(workstation.url);
  expect(opened.status()).toBe(200);
  // Opening the link hands out no cookie: a call without the header is refused.
  expect(opened.headers()['set-cookie']).toBeUndefined();
  const bare = await holder.post(`${workstation.origin}/rpc/session/status`, { headers: { origin: workstation.origin }, data: {} });
  expect(bare.status()).toBe(401);
  const headers = { authorization: authorization(workstation.url) };
  const own = await holder.post(`${workstation.origin}/rpc/session/status`, { headers: { ...headers, origin: workstation.origin }, data: {} });
  expect(own.status()).toBe(200);
  const foreign = await holder.post(`${workstation.origin}/rpc/session/status`, { headers: { ...headers, origin: 'http://evil.example' }, data: {} });
  expect(foreign.status()).toBe(403);
  await holder.dispose();
});
