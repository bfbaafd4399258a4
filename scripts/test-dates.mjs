// Proves no test depends on the day it runs: the unit/integration suite and the end-to-end suite run again
// with the process clock moved (libfaketime moves it for Node and Chromium alike) to dates that break
// date-bombed code: years ahead, a leap day and New Year's Eve just before midnight (so the run crosses
// it), and the night the clocks go back in Europe/London. Needs `faketime` (Debian: apt-get install faketime)
// and a built app (`npm run build`, which `npm run test:dates` does first).
import { spawnSync } from 'node:child_process';

export const MOVED_CLOCKS = [
  { name: 'years ahead', start: '2031-03-01 10:00:00' },
  { name: 'leap day, two minutes to midnight', start: '2028-02-29 23:58:00' },
  { name: 'New Year’s Eve, two minutes to midnight', start: '2027-12-31 23:58:00' },
  { name: 'the clocks go back (Europe/London)', start: '2026-10-25 01:30:00' },
];

const only = process.argv[2];
if (spawnSync('faketime', ['-f', '+0', 'true']).error) {
  console.error('test-dates: needs libfaketime’s `faketime` command (Debian/Ubuntu: `sudo apt-get install faketime`).');
  process.exit(1);
}

const suites = [
  // The reliability suite (kills, races, fuzzing) is about crashes, not dates, and its dated logic runs on
  // explicit clocks; leaving it out keeps four moved-clock runs inside CI's time.
  { name: 'unit and integration', command: ['npx', 'vitest', 'run', 'tests/unit', 'tests/integration'] },
  { name: 'end to end', command: ['npx', 'playwright', 'test'] },
];
const failures = [];
for (const clock of MOVED_CLOCKS.filter((c) => only === undefined || c.start.startsWith(only))) {
  for (const suite of suites) {
    console.log(`\ntest-dates: ${suite.name} with the clock at ${clock.start} Europe/London (${clock.name})`);
    // '@' starts the fake clock at that moment and lets it run, so the suite crosses midnight where it should.
    const result = spawnSync('faketime', ['-f', `@${clock.start}`, ...suite.command], {
      stdio: 'inherit',
      env: { ...process.env, TZ: 'Europe/London' },
    });
    if (result.status !== 0) failures.push(`${suite.name} at ${clock.start}`);
  }
}
if (failures.length > 0) {
  console.error(`\ntest-dates: failed: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('\ntest-dates: every suite passed at every moved clock.');
