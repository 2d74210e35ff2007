// End-to-end tests of the real UI against the real core, in browser mode
// (the Electron binary is not needed): each test starts its own workstation.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/support/build.ts',
  workers: 1,
  retries: 0,
  // npm test also asks for a JSON report (PLAYWRIGHT_JSON_OUTPUT_NAME) to count cases across stages.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    headless: true,
    viewport: { width: 1366, height: 860 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run',
      ],
    },
  },
});
