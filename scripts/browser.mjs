// Which Chromium the end-to-end tests drive: the system's when there is one (Debian's `chromium`, as
// .ci/run installs), otherwise Playwright's own build (installed by `npx playwright install chromium`).
import fs from 'node:fs';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/** The system Chromium's path, or null to let Playwright use the Chromium it manages. */
export function systemChromium() {
  const chosen = process.env.CONFIDE_CHROMIUM;
  if (chosen) return chosen;
  return SYSTEM_CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? null;
}

/** Flags for a headless Chromium that must not reach the network, and may run as root in CI containers. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'];
