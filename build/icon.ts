// `node build/icon.ts`: draws build/resources/icon.png (1024×1024) from
// icon.svg with Debian's Chromium. electron-builder makes the Windows .ico,
// the macOS .icns and the Linux sizes from that one PNG. Run it after
// changing the SVG and commit both: packaging needs no browser.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const svg = readFileSync(fileURLToPath(new URL('resources/icon.svg', import.meta.url)), 'utf8');
const out = fileURLToPath(new URL('resources/icon.png', import.meta.url));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="1024" height="1024" ')}</body></html>`);
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  console.log(out);
} finally {
  await browser.close();
}
