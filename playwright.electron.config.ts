import { defineConfig } from '@playwright/test';

// The Electron launch test: the built app (dist/ + native/) in a real Electron binary.
// Kept apart from playwright.config.ts, whose end-to-end tests drive the renderer in plain Chromium.
export default defineConfig({
  testDir: 'tests/electron',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env['CI']),
  reporter: 'list',
  outputDir: 'test-results/electron',
});
