// Run by `npm test` before the end-to-end tests: makes sure a Chromium exists, or stops with one clear line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { systemChromium } from './browser.mjs';

const system = systemChromium();
if (system !== null) {
  if (!fs.existsSync(system)) stop(`CONFIDE_CHROMIUM points at ${system}, which does not exist.`);
  console.log(`ensure-browser: using ${system}`);
  process.exit(0);
}
if (managedChromiumInstalled()) {
  console.log('ensure-browser: using Playwright’s Chromium');
  process.exit(0);
}
console.log('ensure-browser: no system Chromium; installing Playwright’s Chromium (needs internet)…');
const install = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
if (install.status !== 0 || !managedChromiumInstalled()) {
  stop(
    'The end-to-end tests need Chromium: install it (Debian/Ubuntu: `sudo apt-get install chromium`), or run ' +
      '`npx playwright install chromium` on a machine with internet, or set CONFIDE_CHROMIUM to a Chromium binary.',
  );
}

function managedChromiumInstalled() {
  try {
    return fs.existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

function stop(line) {
  console.error(`ensure-browser: ${line}`);
  process.exit(1);
}
