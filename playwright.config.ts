import { defineConfig } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// One time zone for the browser, the test code and the servers it starts (they inherit the environment): otherwise
// "today" differs between them for an hour around midnight.
process.env.TZ = 'Europe/Berlin';

export default defineConfig({
  testDir: 'tests',
  // Generous for a busy 2-core machine; no test waits for time to pass, only for what it expects.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  workers: 1,
  // One output folder per build folder, so parallel runs (WERKBRUECKE_DIST=dist-x) do not clean each other's.
  outputDir: `test-results/${process.env.WERKBRUECKE_DIST ?? 'dist'}`,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? `test-results/playwright-${process.env.WERKBRUECKE_DIST ?? 'dist'}.json` }]],
  use: { trace: 'off', screenshot: 'only-on-failure', acceptDownloads: true },
  projects: [
    {
      name: 'browser-mode',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        locale: 'de-DE',
        timezoneId: 'Europe/Berlin',
        launchOptions: {
          executablePath: chromium,
          args: ['--lang=de-DE', '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
