import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from './scripts/browser.mjs';

const executablePath = systemChromium();

/**
 * End-to-end tests drive the built renderer (dist/renderer, built by `npm run build:renderer`) in Chromium.
 * `window.confide` is bound to a real core in the test process; there is no network at all.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Generous: tests wait on what the app says, so this only bounds a failure, and shared CI machines are slow.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    colorScheme: 'light',
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // The system Chromium when there is one, otherwise Playwright's own (scripts/ensure-browser.mjs).
    launchOptions: { ...(executablePath !== null ? { executablePath } : {}), args: CHROMIUM_ARGS },
  },
});
